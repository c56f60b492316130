/**
 * The bank's choice of facets as Pagefind searches: alternatives within a
 * group, all groups at once, each group counted with its own choice left
 * out, and the order of the list built year by year from the filters.
 */
import { describe, expect, it } from 'vitest';
import { countSearches, indexFilters, isEmptySelection, orderSearches } from '../../../src/lib/search/selection.ts';

describe('indexFilters', () => {
  it('makes the values of a group alternatives and drops groups without a choice', () => {
    expect(indexFilters({ form: ['group', 'virtual'], subject: ['math'], level: [] })).toEqual({
      form: { any: ['group', 'virtual'] },
      subject: { any: ['math'] },
    });
  });

  it('leaves out one group, and names groups to load with no value', () => {
    expect(indexFilters({ form: ['group'], subject: ['math'] }, 'form', ['form', 'level'])).toEqual({
      form: { any: [] },
      level: { any: [] },
      subject: { any: ['math'] },
    });
  });
});

describe('countSearches', () => {
  it('counts the groups without a choice in one search under the whole selection', () => {
    expect(countSearches({ form: ['group'] }, ['subject', 'level'])).toEqual([
      { filters: { subject: { any: [] }, level: { any: [] }, form: { any: ['group'] } }, groups: ['subject', 'level'] },
    ]);
  });

  it('counts each group with a choice without that choice, under the others', () => {
    expect(countSearches({ form: ['group'], subject: ['math', 'russian'] }, ['form', 'subject', 'year'])).toEqual([
      { filters: { year: { any: [] }, form: { any: ['group'] }, subject: { any: ['math', 'russian'] } }, groups: ['year'] },
      { filters: { form: { any: [] }, subject: { any: ['math', 'russian'] } }, groups: ['form'] },
      { filters: { subject: { any: [] }, form: { any: ['group'] } }, groups: ['subject'] },
    ]);
  });

  it('asks nothing of groups not on screen', () => {
    expect(countSearches({ form: ['group'] }, [])).toEqual([]);
  });
});

describe('orderSearches', () => {
  const years = { year: ['2024', '2026', '2025'], best: ['2025', '2026'] };

  it('ranks a text query by relevance in one search', () => {
    expect(orderSearches({ form: ['group'] }, 'relevance', years)).toEqual([{ form: { any: ['group'] } }]);
  });

  it('goes year by year, newest first, then everything else', () => {
    expect(orderSearches({ form: ['group'] }, 'newest', years)).toEqual([
      { form: { any: ['group'] }, year: { any: ['2026'] } },
      { form: { any: ['group'] }, year: { any: ['2025'] } },
      { form: { any: ['group'] }, year: { any: ['2024'] } },
      { form: { any: ['group'] } },
    ]);
  });

  it('keeps to the ticked years', () => {
    expect(orderSearches({ year: ['2024', '2026'] }, 'newest', years)).toEqual([
      { year: { any: ['2026'] } },
      { year: { any: ['2024'] } },
      { year: { any: ['2024', '2026'] } },
    ]);
  });

  it('puts best practices first in the bank’s own order, newest recognition first', () => {
    expect(orderSearches({}, 'bank', years)).toEqual([
      { best: { any: ['2026'] } },
      { best: { any: ['2025'] } },
      { year: { any: ['2026'] } },
      { year: { any: ['2025'] } },
      { year: { any: ['2024'] } },
      {},
    ]);
  });
});

describe('isEmptySelection', () => {
  it('is true only when no group has a value', () => {
    expect(isEmptySelection({})).toBe(true);
    expect(isEmptySelection({ form: [], subject: [] })).toBe(true);
    expect(isEmptySelection({ form: ['group'] })).toBe(false);
  });
});
