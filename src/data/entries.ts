/**
 * The one way pages get entries: what is published, in reading order.
 *
 * Entries the privacy gate withholds (personal data without a valid consent)
 * and entries not public yet (drafts, dated in the future, programmes
 * without a recorded order) never reach a page, a list, a feed or the search index, because every one
 * of those asks here; person fields withheld on their own (an optional
 * curator whose consent was withdrawn) are removed from the data first.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { isPublished, redactionsOf, withoutFields } from '../privacy/gate.ts';

export type PublicCollection = 'roadmap' | 'documents' | 'programs' | 'practices' | 'news' | 'events' | 'materials' | 'monitoring';

const byDateDesc = (a: string, b: string) => b.localeCompare(a);

/** Published entries of a collection, newest first where entries have dates. */
export async function published<C extends PublicCollection>(collection: C): Promise<CollectionEntry<C>[]> {
  const entries = (await getCollection(collection))
    .filter((e) => isPublished(collection, e.id))
    .map((e) => {
      const paths = redactionsOf(collection, e.id);
      return paths.length ? { ...e, data: withoutFields(e.data as Record<string, unknown>, paths) } : e;
    });
  return entries.sort((a, b) => {
    const da = sortKey(a.data as Record<string, unknown>);
    const db = sortKey(b.data as Record<string, unknown>);
    return byDateDesc(da, db) || a.id.localeCompare(b.id);
  }) as CollectionEntry<C>[];
}

function sortKey(d: Record<string, unknown>): string {
  if (typeof d.stage === 'number' && typeof d.activities === 'object') return String(10 - d.stage);
  if (typeof d.date === 'string') return d.date;
  if (typeof d.start === 'string') return d.start;
  if (typeof d.year === 'number') return String(d.year);
  if (typeof d.schoolYear === 'string') return `${d.schoolYear}-${String(d.code)}`;
  if (typeof d.cycle === 'string') return d.cycle;
  return '';
}

/** Roadmap stages in order 1…7. */
export async function stages() {
  return (await published('roadmap')).sort((a, b) => a.data.stage - b.data.stage);
}

/** Map of id → entry, for resolving references. */
export async function byId<C extends PublicCollection>(collection: C): Promise<Map<string, CollectionEntry<C>>> {
  return new Map((await published(collection)).map((e) => [e.id, e]));
}
