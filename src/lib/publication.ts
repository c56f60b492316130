/**
 * Which entries are not public yet, apart from privacy: drafts, entries
 * dated in the future (they appear with the first build on that day — the
 * daily scheduled build), and entries that wait for another to be
 * published first (a programme appears once the order approving it is
 * recorded and published). The rules come from the collection table.
 */
import { plainContext } from '../schema/context.ts';
import { COLLECTIONS, type CollectionDef, type CollectionName } from '../schema/index.ts';
import { describe, objectFields } from '../schema/walk.ts';

export type Unpublished = 'draft' | 'scheduled' | 'no-order';

interface Entry {
  parsed: Record<string, unknown>;
}

/**
 * The entries of each collection that are not published yet, with why.
 * `hidden` says which entries are off the site for other reasons (privacy):
 * an entry that must wait for one of them waits too.
 */
export function unpublishedEntries(
  entries: ReadonlyMap<CollectionName, ReadonlyMap<string, Entry>>,
  today: string,
  hidden: (collection: CollectionName, id: string) => boolean = () => false,
): Map<CollectionName, Map<string, Unpublished>> {
  const result = new Map<CollectionName, Map<string, Unpublished>>();
  const mark = (c: CollectionName, id: string, why: Unpublished) => {
    if (!result.has(c)) result.set(c, new Map());
    result.get(c)!.set(id, why);
  };
  for (const [collection, byId] of entries) {
    const def: CollectionDef = COLLECTIONS[collection];
    if (def.visibility !== 'public') continue;
    for (const [id, e] of byId) {
      if (e.parsed.draft === true) mark(collection, id, 'draft');
      else if (def.publishedOn && String(e.parsed[def.publishedOn] ?? '') > today) mark(collection, id, 'scheduled');
    }
  }
  const isPublic = (c: CollectionName, id: string) => entries.get(c)?.has(id) === true && !result.get(c)?.has(id) && !hidden(c, id);
  for (const [collection, byId] of entries) {
    const def: CollectionDef = COLLECTIONS[collection];
    if (!def.publishedAfter) continue;
    const targetCollection = refCollection(collection, def.publishedAfter);
    for (const [id, e] of byId) {
      if (result.get(collection)?.has(id)) continue;
      const target = e.parsed[def.publishedAfter];
      if (typeof target !== 'string' || !isPublic(targetCollection, target)) mark(collection, id, 'no-order');
    }
  }
  return result;
}

/** The collection a reference field of a collection points at (from the schema's metadata). */
function refCollection(collection: CollectionName, field: string): CollectionName {
  const schema = (COLLECTIONS[collection] as CollectionDef).schema(plainContext);
  const child = objectFields(schema).find(([key]) => key === field)?.[1];
  const ref = child ? describe(child).meta?.ref : undefined;
  if (ref?.kind !== 'collection') throw new Error(`${collection}.${field}: ожидается ссылка на запись другого раздела`);
  return ref.collection;
}
