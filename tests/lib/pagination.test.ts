/**
 * Numbered pages of long lists: the navigation of any page stays the same
 * size however long the list, and every page is still reached by links.
 */
import { describe, expect, it } from 'vitest';
import { pageLinks, splitPages } from '../../src/lib/pagination.ts';

const numbers = (current: number, last: number) => pageLinks(current, last).filter((n): n is number => n !== 'gap');

describe('pageLinks', () => {
  it('lists every page of a short list', () => {
    expect(pageLinks(1, 1)).toEqual([1]);
    expect(pageLinks(3, 5)).toEqual([1, 2, 3, 4, 5]);
  });

  it('shows the first, the last and two either side of the current page, with gaps', () => {
    expect(pageLinks(1, 250)).toEqual([1, 2, 3, 'gap', 250]);
    expect(pageLinks(125, 250)).toEqual([1, 'gap', 123, 124, 125, 126, 127, 'gap', 250]);
    expect(pageLinks(250, 250)).toEqual([1, 'gap', 248, 249, 250]);
  });

  it('shows a number instead of a gap of one', () => {
    expect(pageLinks(4, 9)).toEqual([1, 2, 3, 4, 5, 6, 'gap', 9]);
  });

  it('stays the same size whatever the length of the list', () => {
    for (const last of [10, 100, 1000, 100_000]) {
      for (const current of [1, 2, Math.floor(last / 2), last - 1, last]) expect(pageLinks(current, last).length).toBeLessThanOrEqual(9);
    }
  });

  it('reaches every page from the first by following links', () => {
    for (const last of [1, 2, 7, 60, 251]) {
      const seen = new Set([1]);
      const queue = [1];
      while (queue.length) {
        for (const n of numbers(queue.shift()!, last)) {
          if (seen.has(n)) continue;
          seen.add(n);
          queue.push(n);
        }
      }
      expect(seen.size).toBe(last);
    }
  });
});

describe('splitPages', () => {
  it('splits a list into pages in order, the last one shorter', () => {
    const pages = splitPages([1, 2, 3, 4, 5], 2);
    expect(pages.map((p) => p.data)).toEqual([[1, 2], [3, 4], [5]]);
    expect(pages.map((p) => [p.currentPage, p.lastPage, p.total])).toEqual([
      [1, 3, 5],
      [2, 3, 5],
      [3, 3, 5],
    ]);
  });

  it('gives an empty list one empty page', () => {
    expect(splitPages([], 20)).toEqual([{ data: [], currentPage: 1, lastPage: 1, total: 0 }]);
  });
});
