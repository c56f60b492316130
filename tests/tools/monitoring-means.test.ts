/**
 * A stated mean is checked against its distribution exactly, in integers:
 * every distribution of 1–40 answers that the monitoring tool aggregates is
 * accepted, whatever floating point would make of it (8,8,8,8,8,8,9,9 has
 * the mean 8.25 and is stated as 8.3), and a mean that is off by a unit of
 * its own precision is refused.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateGroups } from '../../src/lib/monitoring.ts';
import { decimalsOf, isRoundingOf, meanOf } from '../../src/lib/rounding.ts';
import { groupResultSchema } from '../../src/schema/monitoring.ts';

const scores = fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 1, maxLength: 40 });
const distributionOf = (s: number[]) => Array.from({ length: 10 }, (_, i) => s.filter((x) => x === i + 1).length);

describe('means of monitoring scales', () => {
  it('accepts the reported case 8,8,8,8,8,8,9,9 stated as 8.3', () => {
    const s = [8, 8, 8, 8, 8, 8, 9, 9];
    expect(
      meanOf(
        s.reduce((a, b) => a + b, 0),
        s.length,
        1,
      ),
    ).toBe(8.3);
    const parsed = groupResultSchema.safeParse({
      role: 'mentee',
      respondents: 8,
      suppressed: false,
      scales: [{ item: 'effectiveness', mean: 8.3, answered: 8, distribution: distributionOf(s) }],
      yesNo: [],
    });
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  });

  it('rounds half up in integers, never through floating point (1.05 → 1.1, 2.675 → 2.68)', () => {
    expect(meanOf(21, 20, 1)).toBe(1.1);
    expect(meanOf(107, 40, 2)).toBe(2.68);
    expect(meanOf(33, 4, 1)).toBe(8.3);
    expect(meanOf(8, 3, 1)).toBe(2.7);
  });

  it('accepts every aggregate the tool makes, for every distribution of 1–40 answers', () => {
    fc.assert(
      fc.property(fc.array(scores, { minLength: 5, maxLength: 5 }), (perScale) => {
        const n = Math.min(...perScale.map((s) => s.length));
        if (n < 5) return;
        const responses = Array.from({ length: n }, (_, r) => ({
          role: 'mentee' as const,
          scales: { effectiveness: perScale[0]![r]!, comfort: perScale[1]![r]!, usefulness: perScale[2]![r]! },
          yesNo: {},
        }));
        const { groups } = aggregateGroups(responses as never);
        for (const g of groups) {
          const parsed = groupResultSchema.safeParse(g);
          if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts a stated mean that is a rounding of the exact mean at its own precision, refuses one a unit off', () => {
    fc.assert(
      fc.property(scores, fc.integer({ min: 0, max: 2 }), (s, decimals) => {
        const sum = s.reduce((a, b) => a + b, 0);
        const stated = meanOf(sum, s.length, decimals);
        expect(isRoundingOf(sum, s.length, stated)).toBe(true);
        const unit = 10 ** -decimals;
        for (const off of [stated + unit, stated - unit]) {
          const wrong = Number(off.toFixed(decimals));
          // 4.0 is the number 4: written with fewer places, it is checked at that precision.
          if (wrong < 1 || wrong > 10 || decimalsOf(wrong) !== decimals) continue;
          // A tie (x.x5 stated as x.x) is a rounding too; one full unit further never is.
          const exact = sum / s.length;
          if (Math.abs(exact - wrong) > unit / 2 + 1e-9) expect(isRoundingOf(sum, s.length, wrong)).toBe(false);
        }
        const group = (mean: number) => ({
          role: 'mentor',
          respondents: Math.max(s.length, 5),
          scales: [{ item: 'comfort', mean, answered: s.length, distribution: distributionOf(s) }],
        });
        expect(groupResultSchema.safeParse(group(stated)).success).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
