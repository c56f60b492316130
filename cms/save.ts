/**
 * What happens when an editor clicks «Сохранить», before Decap writes a file:
 * the entry is checked against its schema (cms/check-entry.ts) and against
 * the values other entries already hold (a stage number, a programme code, a
 * monitoring cycle: src/lib/unique-fields.ts) and, for a new entry, given its
 * transliterated file name (cms/file-names.ts), which the collection's `slug`
 * template picks up.
 */
import type { TakenValues } from '../src/lib/unique-fields.ts';
import { duplicateProblems } from '../src/lib/unique-fields.ts';
import { checkEntry, EntryRejected, entryData } from './check-entry.ts';
import { FILE_NAME_KEY } from './config.ts';
import { entryFileName } from './file-names.ts';

/** The part of Decap's entry (an Immutable Map) the hook uses. */
interface EntryMap {
  get(key: string): unknown;
}
interface DataMap {
  toJS(): Record<string, unknown>;
  set(key: string, value: unknown): DataMap;
}

/** Where the site publishes the taken values (src/pages/admin/taken.json.ts). */
export const TAKEN_URL = '/admin/taken.json';

/**
 * The taken values as the site serves them now; none when they cannot be read
 * (an older build, no network): the schema check still runs and the build
 * still reports a duplicate.
 */
export async function fetchTaken(url = TAKEN_URL): Promise<TakenValues> {
  try {
    const res = await fetch(url, { cache: 'no-store' });
    return res.ok ? ((await res.json()) as TakenValues) : {};
  } catch {
    return {};
  }
}

/** The schema name of an entry: a settings file is checked by its own schema. */
function schemaName(entry: EntryMap): string {
  const collection = String(entry.get('collection'));
  return collection === 'settings' ? String(entry.get('slug')) : collection;
}

/** A Decap `preSave` listener reading the taken values with `loadTaken`. */
export function makePreSave(loadTaken: () => Promise<TakenValues>) {
  /** Rejects with EntryRejected (shown as a Russian toast) or resolves to the data to save. */
  return async function preSave({ entry }: { entry: EntryMap }): Promise<DataMap | undefined> {
    const data = entry.get('data') as DataMap;
    const name = schemaName(entry);
    const plain = data.toJS();
    const file = entry.get('newRecord') ? '' : String(entry.get('path') ?? '');
    const problems = checkEntry(name, plain, file || name);
    if (problems.length === 0) {
      problems.push(...duplicateProblems({ collection: name, file, data: entryData(name, plain) }, await loadTaken()));
    }
    if (problems.length > 0) throw new EntryRejected(problems);
    if (!entry.get('newRecord')) return undefined;
    return data.set(FILE_NAME_KEY, entryFileName(name, entryData(name, plain)));
  };
}

export const preSave = makePreSave(() => fetchTaken());
