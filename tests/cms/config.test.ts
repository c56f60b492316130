/**
 * The generated Decap config mirrors the content model exactly: every
 * collection, every field (recursively, lists and objects included) and no
 * field the schema does not have, with the schema's labels, hints, required
 * flags, defaults, options, patterns, bounds, relations and date formats.
 */
import type { z } from 'astro/zod';
import { describe as group, expect, it } from 'vitest';
import { backendFromEnv } from '../../cms/backend.ts';
import { cmsConfig, FILE_NAME_KEY, type CmsCollection } from '../../cms/config.ts';
import type { CmsField } from '../../cms/fields.ts';
import { plainContext } from '../../src/schema/context.ts';
import { COLLECTIONS, type CollectionDef } from '../../src/schema/index.ts';
import { arrayElement, describe, enumValues, findCheck, objectFields } from '../../src/schema/walk.ts';

const config = cmsConfig({ contentDir: '.cache/x/content', backend: backendFromEnv({}), localApi: '/admin/api/key' });
const defs = COLLECTIONS as Record<string, CollectionDef>;

function cmsCollectionFields(name: string): CmsField[] {
  const folder = config.collections.find((c) => c.name === name);
  if (folder?.fields) return folder.fields.filter((f) => f.name !== 'body' && f.name !== FILE_NAME_KEY);
  const settings = config.collections.find((c) => c.name === 'settings')!;
  return settings.files!.find((f) => f.name === name)!.fields;
}

/** Checks one schema field against its CMS field, recursively; `required` is what Decap must enforce. */
function expectSame(schema: z.ZodType, field: CmsField, required: boolean, where: string): void {
  const info = describe(schema);
  const meta = info.meta!;
  expect(meta, `${where}: schema field has no metadata`).toBeDefined();
  expect(field.label, where).toBe(meta.label);
  if (meta.hint) expect(field.hint, where).toContain(meta.hint);
  const ownRequired = !info.optional && !info.hasDefault;
  expect(field.required, `${where}: required`).toBe(required && ownRequired);
  if (info.hasDefault && info.default !== undefined) expect(field.default, `${where}: default`).toEqual(info.default);

  const widget = meta.widget ?? info.type;
  if (widget === 'date') expect(field).toMatchObject({ widget: 'datetime', format: 'YYYY-MM-DD', time_format: false });
  else if (widget === 'datetime') expect(field).toMatchObject({ widget: 'datetime', format: 'YYYY-MM-DDTHH:mm' });
  else expect(field.widget, where).toBe(widget === 'list' || widget === 'array' ? 'list' : widget === 'object' ? 'object' : widget);

  if (meta.patternMessage && field.widget === 'string') expect(field.pattern?.[1], `${where}: pattern message`).toBe(meta.patternMessage);
  const regex = findCheck(schema, 'regex')?.pattern;
  if (regex instanceof RegExp && field.widget === 'string') expect(field.pattern?.[0], `${where}: pattern`).toBe(regex.source);

  if (field.widget === 'select') {
    const values = (field.options as { value: unknown; label: string }[]).map((o) => String(o.value));
    const expected = meta.options ? Object.keys(meta.options) : enumValues(schema);
    expect(values.sort(), `${where}: options`).toEqual([...(expected ?? [])].sort());
    if (meta.options)
      for (const o of field.options as { value: unknown; label: string }[]) expect(o.label).toBe(meta.options[String(o.value)]);
    expect(Boolean(field.multiple), `${where}: multiple`).toBe(info.type === 'array');
  }
  if (field.widget === 'relation') {
    const ref = meta.ref!;
    if (ref.kind === 'registry') expect(field).toMatchObject({ collection: 'people', value_field: 'id' });
    if (ref.kind === 'vocabulary')
      expect(field).toMatchObject({ collection: 'settings', file: 'vocabularies', value_field: `${ref.vocabulary}.*.id` });
    if (ref.kind === 'collection') {
      expect(field).toMatchObject({ collection: ref.collection, value_field: '{{slug}}' });
      expect(
        config.collections.some((c) => c.name === ref.collection),
        `${where}: target collection`,
      ).toBe(true);
    }
    expect(Boolean(field.multiple), `${where}: multiple`).toBe(info.type === 'array');
  }
  if (field.widget === 'number') {
    const min = findCheck(schema, 'greater_than')?.value;
    const max = findCheck(schema, 'less_than')?.value;
    if (min !== undefined) expect(field.min, `${where}: min`).toBe(min);
    if (max !== undefined) expect(field.max, `${where}: max`).toBe(max);
  }

  if (info.type === 'object') {
    expectSameObject(schema, field.fields ?? [], required && ownRequired, where);
  } else if (info.type === 'array' && field.widget === 'list') {
    const element = arrayElement(schema)!;
    const min = findCheck(schema, 'min_length')?.minimum ?? findCheck(schema, 'length_equals')?.length;
    if (typeof min === 'number' && min > 0) expect(field.min, `${where}: min items`).toBe(min);
    if (describe(element).type === 'object') expectSameObject(element, field.fields ?? [], true, `${where}[]`);
    else expect(field.field?.widget, `${where}[]`).toBe(describe(element).meta?.widget ?? describe(element).type);
  }
}

function expectSameObject(schema: z.ZodType, fields: CmsField[], required: boolean, where: string): void {
  const schemaFields = objectFields(schema);
  expect(
    fields.map((f) => f.name),
    `${where}: field names and order`,
  ).toEqual(schemaFields.map(([k]) => k));
  for (const [key, child] of schemaFields)
    expectSame(
      child,
      fields.find((f) => f.name === key)!,
      required,
      `${where}.${key}`,
    );
}

group('generated Decap config', () => {
  it('has every collection of the model, with its Russian label, and the registry marked private', () => {
    const names = config.collections.flatMap((c) => (c.files ? c.files.map((f) => f.name) : [c.name]));
    expect(names.sort()).toEqual(Object.keys(COLLECTIONS).sort());
    for (const c of config.collections.filter((x) => x.folder)) expect(c.label).toBe(defs[c.name]!.label);
    const people = config.collections.find((c) => c.name === 'people')!;
    expect(people.label).toBe('Реестр участников (персональные данные — не публикуются)');
    expect(people.description).toMatch(/152-ФЗ/);
    expect(people.editor).toEqual({ preview: false });
    expect(config.collections.find((c) => c.name === 'settings')?.files?.map((f) => f.name)).toEqual(['site', 'vocabularies']);
  });

  it('points folders and settings files at CONTENT_DIR, relative to the project root', () => {
    for (const c of config.collections.filter((x): x is CmsCollection & { folder: string } => Boolean(x.folder))) {
      expect(c.folder).toBe(`.cache/x/content/${defs[c.name]!.dir}`);
    }
    expect(config.collections.find((c) => c.name === 'settings')!.files!.map((f) => f.file)).toEqual([
      '.cache/x/content/settings/site.yaml',
      '.cache/x/content/settings/vocabularies.yaml',
    ]);
  });

  for (const name of Object.keys(COLLECTIONS)) {
    it(`«${name}»: every schema field has a CMS field and vice versa, with the schema's metadata`, () => {
      const schema = defs[name]!.schema(plainContext);
      expectSameObject(schema, cmsCollectionFields(name), true, name);
    });
  }

  it('gives Markdown collections a body and every folder collection a transliterated file name', () => {
    for (const c of config.collections.filter((x) => x.folder)) {
      const md = defs[c.name]!.format === 'md';
      expect(
        c.fields!.some((f) => f.name === 'body' && f.widget === 'markdown'),
        c.name,
      ).toBe(md);
      expect(c.slug).toBe(`{{fields.${FILE_NAME_KEY}}}`);
      expect(c.fields!.find((f) => f.name === FILE_NAME_KEY)?.widget).toBe('hidden');
    }
  });

  it('uploads images next to the entry and files under public/uploads/<collection>/, with size limits', () => {
    const news = config.collections.find((c) => c.name === 'news')!;
    expect(news).toMatchObject({ media_folder: 'media', public_folder: './media' });
    const cover = news.fields!.find((f) => f.name === 'cover')!.fields!.find((f) => f.name === 'src')!;
    expect(cover).toMatchObject({ widget: 'image', media_library: { config: { max_file_size: 10_000_000 } } });
    const file = config.collections.find((c) => c.name === 'documents')!.fields!.find((f) => f.name === 'file')!;
    expect(file).toMatchObject({
      widget: 'file',
      media_folder: '/public/uploads/documents',
      public_folder: '/uploads/documents',
      media_library: { config: { max_file_size: 15_000_000 } },
    });
    expect(config.media_processing).toMatchObject({ enabled: true, strip_metadata: true });
  });

  it('requires the alternative text of every image once an image is given', () => {
    const pictures = config.collections.flatMap((c) =>
      (c.fields ?? []).filter((f) => f.widget === 'object' && f.fields?.some((s) => s.widget === 'image')),
    );
    expect(pictures.length).toBeGreaterThanOrEqual(3);
    for (const p of pictures) expect(p.hint, p.name).toContain('«Описание изображения»');
  });

  it('names registry people by «Фамилия Имя Отчество» in relations (inside the CMS only)', () => {
    const mentor = config.collections.find((c) => c.name === 'programs')!.fields!.find((f) => f.name === 'mentor')!;
    expect(mentor.display_fields).toEqual(['name.last', 'name.first', 'name.middle']);
  });

  it('uses the Russian locale, the manual config and no config file', () => {
    expect(config).toMatchObject({ locale: 'ru', load_config_file: false });
    expect(config.backend).toEqual({ name: 'proxy', proxy_url: '/admin/api/key', branch: 'main' });
  });

  it('lists dated entries newest first and numbered ones in their order', () => {
    const sort = (name: string) => config.collections.find((c) => c.name === name)!.sortable_fields as unknown[] | undefined;
    expect(sort('news')?.[0]).toEqual({ field: 'date', default_sort: 'desc' });
    expect(sort('events')?.[0]).toEqual({ field: 'start', default_sort: 'desc' });
    expect(sort('roadmap')?.[0]).toEqual({ field: 'stage', default_sort: 'asc' });
    expect(sort('news')?.slice(1)).toEqual(['title']);
  });

  it('points the body hint at «Обложка» only where the collection has that field', () => {
    for (const c of config.collections.filter((c) => c.fields)) {
      const body = c.fields!.find((f) => f.name === 'body');
      if (!body) continue;
      const hasCover = c.fields!.some((f) => f.name === 'cover');
      expect(String(body.hint).includes('«Обложка»'), c.name).toBe(hasCover);
    }
    expect(config.collections.find((c) => c.name === 'roadmap')!.fields!.find((f) => f.name === 'body')?.hint).not.toContain('Обложка');
  });

  it('carries the login picture it is given, and none of its own otherwise', () => {
    expect(config).not.toHaveProperty('logo');
    const withLogo = cmsConfig({ contentDir: '.', backend: backendFromEnv({}), logo: 'data:image/svg+xml,x' });
    expect(withLogo).toMatchObject({ logo: { src: 'data:image/svg+xml,x' } });
  });
});
