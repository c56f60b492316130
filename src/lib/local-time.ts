/**
 * Local times of the site's zone as instants and offsets.
 *
 * Content keeps dates as calendar strings in the school's zone
 * (`YYYY-MM-DD`, `YYYY-MM-DDTHH:mm`). Feeds, calendars and structured data
 * need an instant or an explicit offset («2026-03-18T14:00:00+03:00»); this
 * module is the one place that turns one into the other, with Intl only.
 */
import { SITE_TIME_ZONE } from './dates.ts';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Minutes the zone is ahead of UTC at an instant (Moscow: 180). */
export function zoneOffsetMinutes(instant: Date, timeZone = SITE_TIME_ZONE): number {
  const p = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(instant)
      .map((x) => [x.type, Number(x.value)]),
  );
  const wall = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return Math.round((wall - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/** The wall-clock fields of a local `YYYY-MM-DD` or `YYYY-MM-DDTHH:mm`, as if it were UTC. */
function wallClock(local: string): number {
  const [y, m, d] = local.slice(0, 10).split('-').map(Number);
  const [h, min] = local.length >= 16 ? local.slice(11, 16).split(':').map(Number) : [0, 0];
  return Date.UTC(y!, m! - 1, d!, h!, min!);
}

/** The instant of a local date (midnight) or date-time in the zone. */
export function localToInstant(local: string, timeZone = SITE_TIME_ZONE): Date {
  const wall = wallClock(local);
  const first = zoneOffsetMinutes(new Date(wall), timeZone);
  const guess = wall - first * 60_000;
  const second = zoneOffsetMinutes(new Date(guess), timeZone);
  return new Date(second === first ? guess : wall - second * 60_000);
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** RFC 3339 with the zone's offset: `2026-03-18T14:00` → `2026-03-18T14:00:00+03:00`; a date is its midnight. */
export function localToRfc3339(local: string, timeZone = SITE_TIME_ZONE): string {
  const offset = zoneOffsetMinutes(localToInstant(local, timeZone), timeZone);
  const time = local.length >= 16 ? `${local.slice(11, 16)}:00` : '00:00:00';
  return `${local.slice(0, 10)}T${time}${offsetText(offset)}`;
}
