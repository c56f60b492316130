/** A search as a shareable address: read back exactly what was written; unknown values are dropped. */
import { describe, expect, it } from 'vitest';
import { readState, writeState } from '../../../src/lib/search/url-state.ts';

const known = { form: ['traditional', 'group'], subject: ['math', 'any'] };
const order = ['form', 'subject'];

describe('url state', () => {
  it('writes the query, each ticked value and the order, and reads them back', () => {
    const state = { q: 'родительское собрание', selection: { form: ['group', 'traditional'], subject: ['math'] }, sort: 'newest' as const };
    const query = writeState(state, order);
    expect(query).toBe(
      '?q=%D1%80%D0%BE%D0%B4%D0%B8%D1%82%D0%B5%D0%BB%D1%8C%D1%81%D0%BA%D0%BE%D0%B5+%D1%81%D0%BE%D0%B1%D1%80%D0%B0%D0%BD%D0%B8%D0%B5&form=group&form=traditional&subject=math&sort=newest',
    );
    expect(readState(new URLSearchParams(query), known)).toEqual(state);
  });

  it('writes nothing for an empty search', () => {
    expect(writeState({ q: '', selection: { form: [] }, sort: '' }, order)).toBe('');
  });

  it('drops unknown groups, unknown values, repeats and an unknown order', () => {
    const state = readState(new URLSearchParams('q=+дисциплина+&form=group&form=group&form=nope&colour=red&sort=random'), known);
    expect(state).toEqual({ q: 'дисциплина', selection: { form: ['group'] }, sort: '' });
  });
});
