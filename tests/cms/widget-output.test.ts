/**
 * What the CMS writes is what the build reads. Every demo entry is loaded
 * with the CMS's file formats, turned into what Decap's widgets hand back on
 * save (dates as the date widget formats them, `media/x.jpg` as Decap joins
 * image paths, numeric select values, relation ids, `''` for cleared fields,
 * `{}`-like groups for untouched optional objects), written back with the
 * CMS's formats, and the whole content root is validated as `npm run
 * validate` does.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendFromEnv } from '../../cms/backend.ts';
import { cmsConfig, FILE_NAME_KEY } from '../../cms/config.ts';
import type { CmsField } from '../../cms/fields.ts';
import { contentFormats, type Formatter } from '../../cms/formats.ts';
import { listCollectionFiles } from '../../src/validate/read.ts';
import { formatProblem } from '../../src/lib/problems.ts';
import { reviewContent } from '../../src/privacy/gate.ts';
import { COLLECTIONS, type CollectionName } from '../../src/schema/index.ts';
import { SCHOOL_FIXTURE } from '../helpers/paths.ts';

const config = cmsConfig({ contentDir: 'content', backend: backendFromEnv({}) });
const formats = new Map(contentFormats().map((f) => [f.name, f.formatter]));
const TODAY = '2026-11-24';

function fieldsOf(collection: CollectionName): CmsField[] {
  const folder = config.collections.find((c) => c.name === collection);
  if (folder?.fields) return folder.fields;
  return config.collections.find((c) => c.name === 'settings')!.files!.find((f) => f.name === collection)!.fields;
}

function formatOf(collection: CollectionName): Formatter {
  const settingsFile = 'files' in COLLECTIONS[collection];
  return formats.get(settingsFile ? 'nastavnik-settings' : `nastavnik-${collection}`)!;
}

/** What a widget leaves in an untouched or cleared field. */
function emptyAs(field: CmsField): unknown {
  switch (field.widget) {
    case 'object':
      return Object.fromEntries((field.fields ?? []).map((f) => [f.name, emptyAs(f)]));
    case 'list':
      return [];
    case 'boolean':
      return false;
    case 'hidden':
      return undefined;
    default:
      return field.multiple ? [] : '';
  }
}

/** The value as Decap's widget for `field` hands it back on save. */
function asWidgetWrites(field: CmsField, value: unknown): unknown {
  if (value === undefined || value === null) return field.required ? undefined : emptyAs(field);
  switch (field.widget) {
    case 'image':
      // Decap joins the public folder and the file name: `./media` + `x.jpg` → `media/x.jpg`.
      return String(value).replace(/^\.\//, '');
    case 'number':
      // The number widget reads the input's text; an int field arrives as a number, a float as typed.
      return field.value_type === 'int' ? Number(value) : String(value);
    case 'object': {
      const v = value as Record<string, unknown>;
      return Object.fromEntries((field.fields ?? []).map((f) => [f.name, asWidgetWrites(f, v[f.name])]).filter(([, x]) => x !== undefined));
    }
    case 'list':
      return (value as unknown[]).map((item) =>
        field.fields ? asWidgetWrites({ ...field, widget: 'object' }, item) : asWidgetWrites(field.field!, item),
      );
    default:
      return value;
  }
}

function asDecapEntry(collection: CollectionName, data: Record<string, unknown>): Record<string, unknown> {
  // A purged person's tombstone is written by `npm run privacy:purge`, never edited in the CMS.
  if ('tombstone' in data) return data;
  const out: Record<string, unknown> = {};
  for (const f of fieldsOf(collection)) {
    if (f.name === 'body') {
      if (data.body !== undefined) out.body = data.body;
      continue;
    }
    if (f.name === FILE_NAME_KEY) {
      out[f.name] = 'ignored-by-the-writer';
      continue;
    }
    const v = asWidgetWrites(f, data[f.name]);
    if (v !== undefined) out[f.name] = v;
  }
  return out;
}

let root: string;
let baseline: string[];

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'nastavnik-cms-widgets-'));
  fs.cpSync(SCHOOL_FIXTURE, root, { recursive: true });
  baseline = reviewContent(root, TODAY).problems.map(formatProblem).sort();
});

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function rewriteAll(transform: (collection: CollectionName, data: Record<string, unknown>) => Record<string, unknown>): number {
  let n = 0;
  for (const collection of Object.keys(COLLECTIONS) as CollectionName[]) {
    const format = formatOf(collection);
    for (const file of listCollectionFiles(collection, root)) {
      const data = format.fromFile(fs.readFileSync(file, 'utf8'));
      fs.writeFileSync(file, format.toFile(transform(collection, data)));
      n++;
    }
  }
  return n;
}

function parsedEntries() {
  const index = reviewContent(root, TODAY);
  return new Map([...index.entries].map(([c, m]) => [c, new Map([...m].map(([id, e]) => [id, { data: e.parsed, body: e.body.trim() }]))]));
}

describe('what the CMS writes', () => {
  it('reads and writes every demo file without changing what it means', () => {
    const before = parsedEntries();
    expect(rewriteAll((_c, data) => data)).toBeGreaterThan(50);
    expect(reviewContent(root, TODAY).problems.map(formatProblem).sort()).toEqual(baseline);
    expect(parsedEntries()).toEqual(before);
  });

  it('validates after every field went through its widget, cleared optional fields included', () => {
    const before = parsedEntries();
    rewriteAll(asDecapEntry);
    const problems = reviewContent(root, TODAY).problems.map(formatProblem).sort();
    expect(problems).toEqual(baseline);
    expect(parsedEntries()).toEqual(before);
  });

  it('writes dates as the schema reads them, images as explicit relative paths, and drops empty groups', () => {
    const text = formatOf('news').toFile({
      title: 'Проверка',
      date: '2026-11-20',
      summary: 'Анонс',
      stage: 3,
      level: 'school',
      cover: { src: '', alt: '' },
      tags: ['наставничество', ''],
      body: 'Текст',
      [FILE_NAME_KEY]: '2026-11-20-proverka',
    });
    expect(text).toBe(
      [
        '---',
        'title: Проверка',
        'date: 2026-11-20',
        'summary: Анонс',
        'stage: 3',
        'level: school',
        'tags:',
        '  - наставничество',
        '---',
        '',
        'Текст',
        '',
      ].join('\n'),
    );
    const withCover = formatOf('news').toFile({ title: 'x', date: '2026-11-20', summary: 'y', cover: { src: 'media/a.jpg', alt: 'Фото' } });
    expect(withCover).toContain('src: ./media/a.jpg');
  });

  it('turns a number typed as text into a number and keeps an event time as HH:mm', () => {
    const event = formatOf('events').fromFile(
      formatOf('events').toFile({ title: 'x', kind: 'seminar', start: '2026-11-20T15:00', place: 'каб. 12', stage: '4', summary: 'y' }),
    );
    expect(event).toMatchObject({ start: '2026-11-20T15:00', stage: 4 });
  });
});
