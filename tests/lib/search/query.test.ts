/** Stop words stay out of index queries, unless they are all there is. */
import { describe, expect, it } from 'vitest';
import { indexQuery } from '../../../src/lib/search/query.ts';

describe('indexQuery', () => {
  it.each([
    ['дисциплина в 7 классе', 'дисциплина 7 классе'],
    ['подготовка к ОГЭ', 'подготовка ОГЭ'],
    ['Как провести первое родительское собрание', 'провести первое родительское собрание'],
    ['  работа   с родителями ', 'работа родителями'],
    ['в', 'в'],
    ['наставников', 'наставников'],
  ])('%s → %s', (q, expected) => expect(indexQuery(q)).toBe(expected));
});
