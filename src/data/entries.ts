/**
 * The one way pages get entries: what is published, in reading order.
 *
 * Entries the privacy gate withholds (personal data without a valid consent)
 * and entries not public yet (drafts, dated in the future, programmes
 * without a recorded order) never reach a page, a list, a feed or the search index, because every one
 * of those asks here; person fields withheld on their own (an optional
 * curator whose consent was withdrawn) are removed from the data first.
 * Each ask is noted for the page being rendered (src/build/page-reads.ts), so
 * a page reused from the previous build is one whose sources did not change.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { noteCollectionRead } from '../build/page-reads.ts';
import { isPublished, redactionsOf, reviewedContent, withoutFields } from '../privacy/gate.ts';
import { COLLECTIONS, type CollectionDef, type PagedCollection } from '../schema/index.ts';

/** Collections with pages of their own (the collection table's `route`). */
export type PublicCollection = PagedCollection;

/** Published entries of a collection, in the collection table's reading order (newest first where entries have dates). */
export async function published<C extends PublicCollection>(collection: C): Promise<CollectionEntry<C>[]> {
  noteCollectionRead(collection);
  const entries = (await getCollection(collection))
    .filter((e) => isPublished(collection, e.id))
    .map((e) => {
      const paths = redactionsOf(collection, e.id);
      return paths.length ? { ...e, data: withoutFields(e.data as Record<string, unknown>, paths) } : e;
    });
  const order = (COLLECTIONS[collection] as CollectionDef).order;
  const key = (e: { data: unknown }) => order?.key(e.data as Record<string, unknown>) ?? '';
  const sign = order?.direction === 'asc' ? 1 : -1;
  return entries.sort((a, b) => sign * key(a).localeCompare(key(b)) || a.id.localeCompare(b.id)) as CollectionEntry<C>[];
}

/**
 * The day the content was reviewed for: what a page counts as «today». Not
 * the clock: a build crossing midnight would otherwise show one day on a
 * page and decide consents and publication by another, and the page cache
 * keys pages by this day (src/build/page-keys.ts).
 */
export function reviewDay(): string {
  return reviewedContent().today;
}

/** Roadmap stages in order 1…7. */
export async function stages() {
  return published('roadmap');
}

/** Map of id → entry, for resolving references. */
export async function byId<C extends PublicCollection>(collection: C): Promise<Map<string, CollectionEntry<C>>> {
  return new Map((await published(collection)).map((e) => [e.id, e]));
}
