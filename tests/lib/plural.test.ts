import { describe, expect, it } from 'vitest';
import { plural } from '../../src/lib/plural.ts';

const practice = ['практика', 'практики', 'практик'] as const;

describe('plural', () => {
  it.each([
    [1, 'практика'],
    [2, 'практики'],
    [4, 'практики'],
    [5, 'практик'],
    [11, 'практик'],
    [12, 'практик'],
    [21, 'практика'],
    [22, 'практики'],
    [25, 'практик'],
    [101, 'практика'],
    [0, 'практик'],
  ])('%i → %s', (n, word) => {
    expect(plural(n, practice)).toBe(`${n}\u00a0${word}`);
  });
});
