/**
 * Checks the whole content root: syntax, schemas, references between entries,
 * files that entries point to, and uniqueness rules the schemas cannot see.
 * Personal data is not its business: the privacy gate (src/privacy/gate.ts)
 * runs the privacy review over what this returns, and `npm run validate`,
 * the build, the CMS and the tests all go through the gate, so an editor
 * meets the same message wherever a problem surfaces.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'astro/zod';
import type { RefTarget } from '../schema/fields.ts';
import { COLLECTIONS, collectionNames, plainSchemaFor, type CollectionName } from '../schema/index.ts';
import { describe, objectFields, arrayElement } from '../schema/walk.ts';
import { listCollectionFiles, readCollections, unreadFiles, type ContentFile } from './read.ts';
import { contentDir, projectRoot } from '../lib/content-dir.ts';
import { issuesToProblems, fieldLabel } from '../lib/error-map.ts';
import type { Problem } from '../lib/problems.ts';
import { duplicateProblems, takenValues, type EntryOfFile, type TakenValues } from '../lib/unique-fields.ts';
import { uploadFile, uploadsDir } from './uploads-dir.ts';
import { openParseCache, parseCacheFile } from './parse-cache.ts';

/** An entry that passed its schema: the parsed (defaulted, normalised) data. */
export interface ValidEntry extends ContentFile {
  parsed: Record<string, unknown>;
}

/** The content of a root as validation leaves it: every valid entry, every problem found. */
export interface ValidatedContent {
  entries: Map<CollectionName, Map<string, ValidEntry>>;
  problems: Problem[];
}

function walkFields(
  schema: z.ZodType,
  value: unknown,
  path: (string | number)[],
  visit: (schema: z.ZodType, value: unknown, path: (string | number)[]) => void,
): void {
  if (value === undefined || value === null) return;
  visit(schema, value, path);
  const info = describe(schema);
  if (info.type === 'object' && typeof value === 'object') {
    for (const [key, child] of objectFields(schema)) {
      walkFields(child, (value as Record<string, unknown>)[key], [...path, key], visit);
    }
  } else if (info.type === 'array' && Array.isArray(value) && !info.meta?.ref) {
    const el = arrayElement(schema);
    if (el) value.forEach((v, i) => walkFields(el, v, [...path, i], visit));
  }
}

function refTargetName(t: RefTarget): string {
  if (t.kind === 'collection') return `в разделе «${COLLECTIONS[t.collection].label}»`;
  if (t.kind === 'vocabulary') return t.vocabulary === 'subjects' ? 'в справочнике предметов' : 'в справочнике трудностей';
  return 'в реестре участников';
}

function vocabularyIds(index: Map<CollectionName, Map<string, ValidEntry>>, name: 'subjects' | 'difficulties' | 'subjectAreas') {
  const vocab = index.get('vocabularies')?.values().next().value as ValidEntry | undefined;
  const items = (vocab?.parsed[name] as { id: string }[] | undefined) ?? [];
  return new Set(items.map((i) => i.id));
}

/** Existing ids are those of every file, valid or not: a broken entry is reported once, not again by each entry that refers to it. */
function checkReferences(index: Map<CollectionName, Map<string, ValidEntry>>, existing: Map<CollectionName, Set<string>>): Problem[] {
  const problems: Problem[] = [];
  const ids = (t: RefTarget): Set<string> => {
    if (t.kind === 'collection') return existing.get(t.collection) ?? new Set();
    if (t.kind === 'vocabulary') return vocabularyIds(index, t.vocabulary);
    return existing.get('people') ?? new Set();
  };
  for (const [collection, entries] of index) {
    for (const entry of entries.values()) {
      const schema = plainSchemaFor(collection, entry.data);
      walkFields(schema, entry.parsed, [], (s, value, p) => {
        const t = describe(s).meta?.ref;
        if (!t) return;
        const known = ids(t);
        const values = Array.isArray(value) ? value : [value];
        values.forEach((v, i) => {
          if (typeof v !== 'string' || known.has(v)) return;
          const fieldPath = Array.isArray(value) ? [...p, i] : p;
          problems.push({
            file: entry.file,
            field: fieldPath.join('.'),
            rule: 'reference',
            message: `поле «${fieldLabel(schema, p)}» — запись «${v}» не найдена ${refTargetName(t)}`,
            severity: 'error',
          });
        });
      });
    }
  }
  const vocab = index.get('vocabularies')?.values().next().value as ValidEntry | undefined;
  if (vocab) {
    const areas = vocabularyIds(index, 'subjectAreas');
    (vocab.parsed.subjects as { id: string; area: string }[]).forEach((s, i) => {
      if (!areas.has(s.area)) {
        problems.push({
          file: vocab.file,
          field: `subjects.${i}.area`,
          rule: 'reference',
          message: `поле «Предметы → № ${i + 1} → Предметная область» — область «${s.area}» не найдена среди предметных областей`,
          severity: 'error',
        });
      }
    });
  }
  return problems;
}

const inside = (file: string, dir: string) => file === dir || file.startsWith(dir + path.sep);

/**
 * Every file an entry points to exists and stays where it belongs: an
 * uploaded file under public/uploads/, an image next to the entry (its
 * collection's folder). `..`, an absolute path or a symbolic link that
 * leads elsewhere (the registry's photos, the project's code) is refused,
 * because the build would publish whatever the path reaches.
 */
function checkFiles(index: Map<CollectionName, Map<string, ValidEntry>>): Problem[] {
  const problems: Problem[] = [];
  const uploads = uploadsDir();
  for (const [collection, entries] of index) {
    for (const entry of entries.values()) {
      const schema = plainSchemaFor(collection, entry.data);
      walkFields(schema, entry.parsed, [], (s, value, p) => {
        const widget = describe(s).meta?.widget;
        if ((widget !== 'file' && widget !== 'image') || typeof value !== 'string') return;
        const fromPublic = value.startsWith('/');
        const home = fromPublic ? uploads : path.dirname(entry.path);
        // A site path outside /uploads/ is refused as leaving the folder, not looked up elsewhere.
        const abs = fromPublic
          ? value.startsWith('/uploads/')
            ? uploadFile(value, uploads)
            : path.join(uploads, '..', value)
          : path.resolve(home, value);
        const report = (rule: string, message: string) =>
          problems.push({
            file: entry.file,
            field: p.join('.'),
            rule,
            message: `поле «${fieldLabel(schema, p)}» — ${message}`,
            severity: 'error',
          });
        const where = fromPublic ? 'в /uploads/' : 'в папке media рядом с записью или в /uploads/';
        if (!inside(abs, home)) return report('file-outside', `путь «${value}» ведёт за пределы папки: файл должен лежать ${where}`);
        if (!fs.existsSync(abs)) return report('file-missing', `файл «${value}» не найден; загрузите его заново`);
        if (!inside(fs.realpathSync(abs), fs.realpathSync(home))) {
          report('file-outside', `«${value}» — ссылка на файл вне папки: загрузите сам файл ${where}`);
        }
      });
    }
  }
  return problems;
}

/** Valid entries as the uniqueness rules read them: parsed data and file. */
function uniqueCandidates(index: Map<CollectionName, Map<string, ValidEntry>>): EntryOfFile[] {
  return [...index.values()].flatMap((m) => [...m.values()]).map((e) => ({ collection: e.collection, file: e.file, data: e.parsed }));
}

/** Which file holds each stage number, programme code and monitoring cycle (/admin/taken.json). */
export function takenValuesOf(index: Map<CollectionName, Map<string, ValidEntry>>): TakenValues {
  return takenValues(uniqueCandidates(index));
}

function checkUnique(index: Map<CollectionName, Map<string, ValidEntry>>): Problem[] {
  const entries = uniqueCandidates(index);
  const taken = takenValues(entries);
  const problems = entries.flatMap((e) => duplicateProblems(e, taken));
  for (const entry of index.get('people')?.values() ?? []) {
    if (entry.parsed.id !== entry.id) {
      problems.push({
        file: entry.file,
        field: 'id',
        rule: 'file-name',
        message: `поле «Идентификатор» — «${String(entry.parsed.id)}» не совпадает с именем файла «${entry.id}»`,
        severity: 'error',
      });
    }
  }
  return problems;
}

/**
 * Validates every collection of the content root.
 * `candidate` stands in for the file at its path (or is added, for a new
 * entry): the CMS checks an entry this way before it is written.
 */
export function validateContent(root = contentDir(), candidate?: ContentFile): ValidatedContent {
  const cache = openParseCache(parseCacheFile(root));
  const read = readCollections(collectionNames, root, cache);
  cache?.save();
  const files = candidate ? [...read.files.filter((f) => f.path !== candidate.path), candidate] : read.files;
  const problems = [...(candidate ? read.problems.filter((p) => p.file !== candidate.file) : read.problems), ...unreadFiles(root)];
  const entries = new Map<CollectionName, Map<string, ValidEntry>>(collectionNames.map((c) => [c, new Map()]));
  for (const f of files) {
    const schema = plainSchemaFor(f.collection, f.data);
    const result = schema.safeParse(f.data);
    if (result.success) {
      entries.get(f.collection)!.set(f.id, { ...f, parsed: result.data as Record<string, unknown> });
    } else {
      problems.push(...issuesToProblems(result.error.issues, { file: f.file, root: schema, data: f.data }));
    }
  }
  for (const [name, label] of [
    ['site', 'settings/site.yaml'],
    ['vocabularies', 'settings/vocabularies.yaml'],
  ] as const) {
    if (entries.get(name)!.size === 0 && !problems.some((p) => p.file.endsWith(label))) {
      problems.push({
        file: path.relative(projectRoot(), path.join(root, label)).split(path.sep).join('/'),
        rule: 'missing-file',
        message: 'файл настроек отсутствует: без него сайт не собрать',
        severity: 'error',
      });
    }
  }
  const existing = new Map(
    collectionNames.map((c) => [c, new Set(listCollectionFiles(c, root).map((f) => path.basename(f).replace(/\.[^.]+$/, '')))]),
  );
  if (candidate) existing.get(candidate.collection)?.add(candidate.id);
  problems.push(...checkReferences(entries, existing), ...checkFiles(entries), ...checkUnique(entries));
  return { entries, problems };
}
