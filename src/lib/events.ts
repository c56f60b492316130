/**
 * Upcoming and past events relative to "now" in the site's time zone.
 * An event is upcoming until it ends (or, without an end, until it starts).
 */

interface EventLike {
  id: string;
  data: { start: string; end?: string | undefined };
}

export function splitEvents<T extends EventLike>(events: readonly T[], now: string): { upcoming: T[]; past: T[] } {
  const isUpcoming = (e: T) => (e.data.end ?? e.data.start) >= now;
  return {
    upcoming: events.filter(isUpcoming).sort((a, b) => a.data.start.localeCompare(b.data.start)),
    past: events.filter((e) => !isUpcoming(e)).sort((a, b) => b.data.start.localeCompare(a.data.start)),
  };
}
