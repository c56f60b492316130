/**
 * Values that only one entry of a collection may hold: a stage number, a
 * programme code, a monitoring cycle. The validator reports a second holder;
 * the CMS refuses to save one, from the table of taken values that the site
 * publishes at `/admin/taken.json` (src/pages/admin/taken.json.ts).
 *
 * No Node modules here: the CMS bundle uses this module in the browser.
 */
import { plainContext } from '../schema/context.ts';
import { collectionNames, COLLECTIONS, type CollectionDef, type CollectionName } from '../schema/index.ts';
import { describe, objectFields } from '../schema/walk.ts';
import type { Problem } from './problems.ts';

export interface UniqueField {
  collection: CollectionName;
  key: string;
  /** The field's label, as the CMS shows it. */
  label: string;
}

/** Every field the schemas mark `unique`, with its collection and label. */
export const UNIQUE_FIELDS: readonly UniqueField[] = collectionNames.flatMap((collection) =>
  objectFields((COLLECTIONS[collection] as CollectionDef).schema(plainContext)).flatMap(([key, schema]) => {
    const meta = describe(schema).meta;
    return meta?.unique ? [{ collection, key, label: meta.label }] : [];
  }),
);

/** collection → field → value → the file (relative to the project root) that holds it. */
export type TakenValues = Record<string, Record<string, Record<string, string>>>;

/** An entry as these checks see it: its data and its file relative to the project root. */
export interface EntryOfFile {
  collection: string;
  file: string;
  data: unknown;
}

const valueOf = (data: unknown, key: string): string | undefined => {
  const v = data !== null && typeof data === 'object' ? (data as Record<string, unknown>)[key] : undefined;
  return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
};

/** The duplicate's problem, worded the same in the validator and in the CMS. */
export function duplicateProblem(field: UniqueField, value: string, file: string, holder: string): Problem {
  return {
    file,
    field: field.key,
    rule: 'duplicate',
    message: `поле «${field.label}» — значение «${value}» уже занято в ${holder}`,
    severity: 'error',
  };
}

/** The value of every unique field and the first file, in the given order, that holds it. */
export function takenValues(entries: Iterable<EntryOfFile>): TakenValues {
  const taken: TakenValues = {};
  for (const entry of entries) {
    for (const field of UNIQUE_FIELDS) {
      if (field.collection !== entry.collection) continue;
      const value = valueOf(entry.data, field.key);
      if (value === undefined) continue;
      const values = ((taken[field.collection] ??= {})[field.key] ??= {});
      values[value] ??= entry.file;
    }
  }
  return taken;
}

/**
 * Problems of an entry whose unique value another file already holds.
 * An entry never collides with its own file; a new entry (no file yet) with any holder does.
 */
export function duplicateProblems(entry: EntryOfFile, taken: TakenValues): Problem[] {
  return UNIQUE_FIELDS.flatMap((field) => {
    if (field.collection !== entry.collection) return [];
    const value = valueOf(entry.data, field.key);
    const holder = value === undefined ? undefined : taken[field.collection]?.[field.key]?.[value];
    return value !== undefined && holder !== undefined && holder !== entry.file ? [duplicateProblem(field, value, entry.file, holder)] : [];
  });
}
