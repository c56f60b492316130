/**
 * The bank's choice of facets as the searches Pagefind runs: which
 * practices a choice keeps, how many each further choice would keep, and in
 * what order the list goes. Pure and DOM-free: the bank's script runs it in
 * the browser, the tests in Node.
 *
 * Within one group the chosen values are alternatives (form: group OR
 * virtual); across groups they all apply (group form AND mathematics). The
 * count next to a value is what the list would show if it were ticked too —
 * so a group's own choice is left out when its values are counted.
 */

/** Chosen values by group key; an empty or missing group does not narrow. */
export type Selection = Readonly<Record<string, readonly string[]>>;

/** Pagefind's `filters` option: every group must match one of its values. */
export type IndexFilters = Record<string, { any: string[] }>;

/** True when nothing is chosen. */
export function isEmptySelection(selection: Selection): boolean {
  return Object.values(selection).every((chosen) => chosen.length === 0);
}

/**
 * The filters of a selection, leaving out the group `except`, and naming the
 * groups `load` with no value. Pagefind counts a group's values only once it
 * has loaded that group's filter file, and loads the files of the groups a
 * search names; a group named with no value narrows nothing. So a search
 * downloads only the groups a reader can see counted.
 */
export function indexFilters(selection: Selection, except?: string, load: readonly string[] = []): IndexFilters {
  const filters: IndexFilters = {};
  for (const key of load) filters[key] = { any: [] };
  for (const [key, chosen] of Object.entries(selection)) if (key !== except && chosen.length) filters[key] = { any: [...chosen] };
  return filters;
}

/** One search of the counts: its filters, and the groups whose counts it gives. */
export interface CountSearch {
  filters: IndexFilters;
  groups: string[];
}

/**
 * The searches that count the values of `groups`: one for the groups
 * without a choice (the whole selection applies), one per group with a
 * choice (its own choice left out).
 */
export function countSearches(selection: Selection, groups: readonly string[]): CountSearch[] {
  const chosen = (key: string) => (selection[key]?.length ?? 0) > 0;
  const free = groups.filter((g) => !chosen(g));
  return [
    ...(free.length ? [{ filters: indexFilters(selection, undefined, free), groups: free }] : []),
    ...groups.filter(chosen).map((g) => ({ filters: indexFilters(selection, g, [g]), groups: [g] })),
  ];
}

/** Years of the `year` and `best` groups, as the page lists them. */
export interface YearValues {
  year: readonly string[];
  best: readonly string[];
}

const newestFirst = (values: readonly string[]) => [...values].sort((a, b) => Number(b) - Number(a));

/** One group narrowed to each of `values` in turn (newest first), within the selection. */
function byYear(selection: Selection, key: string, values: readonly string[]): IndexFilters[] {
  const within = selection[key]?.length ? selection[key] : values;
  return newestFirst(within).map((v) => ({ ...indexFilters(selection, key), [key]: { any: [v] } }));
}

/**
 * The searches whose results, joined in turn and without repeats, are the
 * list in its order. A text query ranks by relevance; «newest first» goes
 * year by year; the bank's own order puts best practices first (newest
 * recognition first), then the rest year by year. The last search, the
 * whole selection, keeps anything the years missed. Practices carry no sort
 * key in the index (it would cost every first query a few bytes per
 * practice), so years come from the filters.
 */
export function orderSearches(selection: Selection, order: 'relevance' | 'newest' | 'bank', years: YearValues): IndexFilters[] {
  const all = indexFilters(selection);
  if (order === 'relevance') return [all];
  const yearly = byYear(selection, 'year', years.year);
  if (order === 'newest') return [...yearly, all];
  return [...byYear(selection, 'best', years.best), ...yearly, all];
}
