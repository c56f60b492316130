/**
 * Means of integer scores, rounded and compared in integers.
 *
 * Floating point cannot be trusted with the last digit of a mean: 8.25 is
 * stated as 8.3, and `8.3 - 8.25 > 0.05` is true; `Math.round(1.05 * 10)`
 * gives 10. A mean of scores is a fraction sum / count, so both the
 * rounding and the check of a stated mean are done on that fraction.
 */

/** The mean sum / count rounded half up to `decimals` places. */
export function meanOf(sum: number, count: number, decimals = 1): number {
  if (count <= 0) throw new RangeError('count must be positive');
  const scale = 10 ** decimals;
  // floor((2·sum·scale + count) / (2·count)) is round-half-up of sum·scale / count, exactly.
  return Math.floor((2 * sum * scale + count) / (2 * count)) / scale;
}

/** Decimal places a stated number is written with (as YAML or a person wrote it). */
export function decimalsOf(n: number): number {
  const text = String(n);
  const dot = text.indexOf('.');
  return dot === -1 ? 0 : Math.min(text.length - dot - 1, 6);
}

/**
 * True when `stated` is the mean sum / count rounded at the precision it is
 * written with: within half a unit of its last digit (a tie either way).
 */
export function isRoundingOf(sum: number, count: number, stated: number): boolean {
  if (count <= 0) return false;
  const scale = 10 ** decimalsOf(stated);
  const m = Math.round(stated * scale);
  return 2 * Math.abs(sum * scale - m * count) <= count;
}
