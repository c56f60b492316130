/**
 * Ordering of the methodological bank: best practices first (newest
 * recognition first), then recommended ones, then the rest by year.
 */

interface PracticeLike {
  id: string;
  data: { year: number; status: string; best?: { year: number } | undefined };
}

function rank(p: PracticeLike): number[] {
  return [p.data.best ? 0 : 1, -(p.data.best?.year ?? 0), p.data.status === 'recommended' ? 0 : 1, -p.data.year];
}

/** The bank in display order. */
export function orderPractices<T extends PracticeLike>(practices: readonly T[]): T[] {
  return [...practices].sort((a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i]! - rb[i]!;
    return a.id.localeCompare(b.id);
  });
}

/** The first `n` practices of the bank, best ones first. */
export function featuredPractices<T extends PracticeLike>(practices: readonly T[], n: number): T[] {
  return orderPractices(practices).slice(0, n);
}

/** The final event that recognised a best practice, as its card links it; undefined when not best or not published. */
export function bestEventOf(
  practice: { data: { best?: { event: string } | undefined } },
  events: ReadonlyMap<string, { id: string; data: { title: string } }>,
): { id: string; title: string } | undefined {
  const event = practice.data.best ? events.get(practice.data.best.event) : undefined;
  return event ? { id: event.id, title: event.data.title } : undefined;
}
