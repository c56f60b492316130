/** Result counts agree with the number in Russian — the plural forms Pagefind's stock strings get wrong. */
import { describe, expect, it } from 'vitest';
import { foundPractices, foundResults } from '../../../src/lib/search/counts.ts';

describe('found counts', () => {
  it.each([
    [1, 'Найдена 1\u00a0практика'],
    [2, 'Найдено 2\u00a0практики'],
    [5, 'Найдено 5\u00a0практик'],
    [11, 'Найдено 11\u00a0практик'],
    [21, 'Найдена 21\u00a0практика'],
    [0, 'Найдено 0\u00a0практик'],
  ])('%i practices → %s', (n, text) => expect(foundPractices(n)).toBe(text));

  it.each([
    [1, 'Найден 1\u00a0результат'],
    [2, 'Найдено 2\u00a0результата'],
    [12, 'Найдено 12\u00a0результатов'],
    [22, 'Найдено 22\u00a0результата'],
  ])('%i results → %s', (n, text) => expect(foundResults(n)).toBe(text));
});
