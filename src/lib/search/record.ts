/**
 * What the search index records about each page besides its text: the
 * filters a reader can narrow by, the metadata a result shows (type, date)
 * and the sort key (date). Pages render it with SearchRecord.astro; Pagefind
 * reads it from there at build.
 *
 * Values are stable ASCII ids, never labels: the bank, the site search and a
 * district hub translate them, so renaming a label never breaks a saved search.
 */
import { FACET_KEYS, practiceFacets, type PracticeFacetSource } from './facets.ts';

/** Kinds of indexed pages, the values of the `type` filter. */
export const PAGE_TYPES = ['practice', 'material', 'news', 'document', 'program', 'stage', 'event'] as const;
export type PageType = (typeof PAGE_TYPES)[number];

export interface SearchRecord {
  /** Filter name → values. */
  filters: [string, string][];
  /** Result metadata name → value. */
  meta: [string, string][];
  /** Sort key → value. */
  sort: [string, string][];
}

/** A record of a dated page: type, year filter, date as metadata and sort key. */
function dated(type: PageType, date: string, extra: [string, string][] = []): SearchRecord {
  return {
    filters: [['type', type], ['year', date.slice(0, 4)], ...extra],
    meta: [
      ['type', type],
      ['date', date],
    ],
    sort: [['date', date]],
  };
}

/**
 * A practice: every facet of the bank is a filter; the year is its date.
 * No sort key: a sort key costs every visitor's first query a few bytes per
 * indexed page (about 14 KB at 5,000 practices), and a practice's only date
 * is its year, which the `year` filter already orders by (site search, bank).
 */
export function practiceRecord(p: PracticeFacetSource): SearchRecord {
  const values = practiceFacets(p);
  const filters: [string, string][] = [
    ['type', 'practice'],
    ...FACET_KEYS.flatMap((key) => values[key].map((v): [string, string] => [key, v])),
  ];
  const meta: [string, string][] = [
    ['type', 'practice'],
    ['date', String(p.year)],
  ];
  if (p.best) meta.push(['best', String(p.best.year)]);
  return { filters, meta, sort: [] };
}

export const newsRecord = (d: { date: string }) => dated('news', d.date);

export const documentRecord = (d: { date: string }) => dated('document', d.date);

export const materialRecord = (d: { date: string; type: string }) => dated('material', d.date, [['material', d.type]]);

export const eventRecord = (d: { start: string }) => dated('event', d.start.slice(0, 10));

export const programmeRecord = (d: { term: { from: string }; form: string }) => dated('program', d.term.from, [['form', d.form]]);

export const stageRecord = (d: { period?: { from: string } | undefined }): SearchRecord =>
  d.period ? dated('stage', d.period.from) : { filters: [['type', 'stage']], meta: [['type', 'stage']], sort: [] };

/** The year the `year` filter gives an entry, from whichever date its collection has. */
export function entryYear(d: Record<string, unknown>): string[] {
  const nested = (key: string) => (d[key] as { from?: unknown } | undefined)?.from;
  const date = [d.date, d.start, nested('term'), nested('period')].find((v): v is string => typeof v === 'string');
  if (date) return [date.slice(0, 4)];
  return typeof d.year === 'number' ? [String(d.year)] : [];
}
