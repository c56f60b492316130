/**
 * What happens when an editor clicks «Сохранить», before Decap writes a file:
 * the entry is checked against its schema (cms/check-entry.ts) and, for a
 * new entry, given its transliterated file name (cms/file-names.ts), which
 * the collection's `slug` template picks up.
 */
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

/** The schema name of an entry: a settings file is checked by its own schema. */
function schemaName(entry: EntryMap): string {
  const collection = String(entry.get('collection'));
  return collection === 'settings' ? String(entry.get('slug')) : collection;
}

/** Decap `preSave` listener: throws EntryRejected (shown as a Russian toast) or returns the data to save. */
export function preSave({ entry }: { entry: EntryMap }): DataMap | undefined {
  const data = entry.get('data') as DataMap;
  const name = schemaName(entry);
  const plain = data.toJS();
  const problems = checkEntry(name, plain, String(entry.get('path') ?? name));
  if (problems.length > 0) throw new EntryRejected(problems);
  if (!entry.get('newRecord')) return undefined;
  return data.set(FILE_NAME_KEY, entryFileName(name, entryData(name, plain)));
}
