/**
 * One answer from the site's two search bundles. The practices live in the
 * bank's bundle alone (src/lib/search/bundles.ts), so the site search asks
 * both and merges: results by relevance, as Pagefind itself merges the
 * indexes of several sites, and the count of each filter value summed.
 */

export type FilterCounts = Record<string, Record<string, number> | undefined>;

export interface SearchAnswer<R extends { score: number }> {
  results: R[];
  filters: FilterCounts;
}

/** The answers of several bundles to one query as one answer; results of equal score keep the bundles' order. */
export function mergeAnswers<R extends { score: number }>(answers: readonly SearchAnswer<R>[]): SearchAnswer<R> {
  // The sort is stable: results of equal score keep the order of the bundles.
  const results = answers.flatMap((a) => a.results).sort((a, b) => b.score - a.score);
  const filters: FilterCounts = {};
  for (const answer of answers) {
    for (const [name, counts] of Object.entries(answer.filters)) {
      if (!counts) continue;
      const merged = (filters[name] ??= {});
      for (const [value, n] of Object.entries(counts)) merged[value] = (merged[value] ?? 0) + n;
    }
  }
  return { results, filters };
}
