/**
 * Facet logic of the bank: alternatives within a group, all groups at once,
 * and the count beside each value — what ticking it as well would show.
 */
import { describe, expect, it } from 'vitest';
import { facetCounts, isEmptySelection, matches } from '../../../src/lib/search/selection.ts';

const items = [
  { form: ['traditional'], subject: ['math'], difficulty: ['discipline', 'oge-ege'] },
  { form: ['traditional'], subject: ['russian'], difficulty: ['assessment'] },
  { form: ['group'], subject: ['any'], difficulty: ['parents'] },
  { form: ['virtual'], subject: ['math'], difficulty: ['digital'] },
];

describe('matches', () => {
  it('keeps an item with any chosen value of a group (OR within a group)', () => {
    expect(items.filter((i) => matches(i, { form: ['group', 'virtual'] }))).toHaveLength(2);
  });

  it('requires every group with a choice (AND across groups)', () => {
    expect(items.filter((i) => matches(i, { form: ['traditional'], subject: ['math'] }))).toEqual([items[0]]);
  });

  it('ignores empty groups and, on request, one group', () => {
    expect(items.filter((i) => matches(i, { form: [], subject: ['math'] }))).toHaveLength(2);
    expect(items.filter((i) => matches(i, { form: ['group'], subject: ['math'] }, 'form'))).toHaveLength(2);
  });
});

describe('facetCounts', () => {
  it('counts every value over the whole list when nothing is chosen', () => {
    const counts = facetCounts(items, {});
    expect(Object.fromEntries(counts.get('form')!)).toEqual({ traditional: 2, group: 1, virtual: 1 });
    expect(Object.fromEntries(counts.get('subject')!)).toEqual({ math: 2, russian: 1, any: 1 });
  });

  it('counts other groups within the choice, and a group with a choice without its own choice', () => {
    const counts = facetCounts(items, { form: ['traditional'] });
    // Ticking «group» as well would show 3 practices: the choice of its own group does not narrow its counts.
    expect(Object.fromEntries(counts.get('form')!)).toEqual({ traditional: 2, group: 1, virtual: 1 });
    expect(Object.fromEntries(counts.get('subject')!)).toEqual({ math: 1, russian: 1 });
    expect(counts.get('difficulty')!.get('parents')).toBeUndefined();
  });

  it('changes when a second group is chosen', () => {
    const counts = facetCounts(items, { form: ['traditional'], subject: ['math'] });
    expect(Object.fromEntries(counts.get('form')!)).toEqual({ traditional: 1, virtual: 1 });
    expect(Object.fromEntries(counts.get('difficulty')!)).toEqual({ discipline: 1, 'oge-ege': 1 });
  });
});

describe('isEmptySelection', () => {
  it('is true only when no value is chosen', () => {
    expect(isEmptySelection({})).toBe(true);
    expect(isEmptySelection({ form: [] })).toBe(true);
    expect(isEmptySelection({ form: ['group'] })).toBe(false);
  });
});
