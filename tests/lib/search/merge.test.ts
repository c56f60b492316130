import { describe, expect, it } from 'vitest';
import { mergeAnswers } from '../../../src/lib/search/merge.ts';

const r = (id: string, score: number) => ({ id, score });

describe('mergeAnswers', () => {
  it('orders the results of both bundles by relevance, keeping each bundle’s order on a tie', () => {
    const merged = mergeAnswers([
      { results: [r('news-a', 9), r('news-b', 2)], filters: {} },
      { results: [r('practice-a', 5), r('practice-b', 2)], filters: {} },
    ]);
    expect(merged.results.map((x) => x.id)).toEqual(['news-a', 'practice-a', 'news-b', 'practice-b']);
  });

  it('sums the count of each filter value over the bundles, and keeps values only one bundle has', () => {
    const merged = mergeAnswers([
      { results: [], filters: { type: { news: 3, practice: 0 }, year: { '2025': 1 } } },
      { results: [], filters: { type: { practice: 7 }, year: { '2025': 4, '2024': 2 }, form: undefined } },
    ]);
    expect(merged.filters).toEqual({ type: { news: 3, practice: 7 }, year: { '2025': 5, '2024': 2 } });
  });

  it('answers nothing for no answers', () => {
    expect(mergeAnswers([])).toEqual({ results: [], filters: {} });
  });
});
