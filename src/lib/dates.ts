/**
 * Dates as a Russian reader expects them: «12 марта 2026 г.».
 *
 * Content dates are calendar strings (`YYYY-MM-DD`, or `YYYY-MM-DDTHH:mm` in the
 * site's time zone), so they are formatted as written, never shifted by the
 * time zone of the build machine. "Now" is the one instant that needs a zone:
 * it is read in the site's zone, which is explicit.
 */

const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env ?? {};

/** The zone in which the school lives; every "today" is computed in it. */
export const SITE_TIME_ZONE = env.SITE_TIME_ZONE ?? 'Europe/Moscow';

function parts(iso: string): [number, number, number] {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return [y ?? NaN, m ?? NaN, d ?? NaN];
}

/** True for `YYYY-MM-DD` strings that name a real calendar day. */
export function isRealIsoDate(iso: string): boolean {
  const [y, m, d] = parts(iso);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** True for `YYYY-MM-DDTHH:mm` strings with a real day and a real time. */
export function isRealIsoDateTime(iso: string): boolean {
  const [h, min] = iso.slice(11, 16).split(':').map(Number);
  return isRealIsoDate(iso) && h !== undefined && min !== undefined && h < 24 && min < 60;
}

const dayFormat = new Intl.DateTimeFormat('ru-RU', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const monthNominative = new Intl.DateTimeFormat('ru-RU', { month: 'long', timeZone: 'UTC' });

function utc(iso: string): Date {
  const [y, m, d] = parts(iso);
  return new Date(Date.UTC(y, m - 1, d));
}

/** «12 марта 2026 г.» (with a non-breaking space before «г.»). */
export function formatDate(iso: string): string {
  return dayFormat.format(utc(iso)).replace(/ г\.$/, '\u00a0г.');
}

/** «12 марта 2026 г., 15:00». */
export function formatDateTime(iso: string): string {
  const time = iso.length >= 16 ? iso.slice(11, 16) : '';
  return time ? `${formatDate(iso)}, ${time}` : formatDate(iso);
}

/** «март 2026 г.» — a month as a whole, nominative. */
export function formatMonth(iso: string): string {
  const d = utc(iso);
  return `${monthNominative.format(d)} ${d.getUTCFullYear()}\u00a0г.`;
}

/** «сентябрь — октябрь 2025 г.», «сентябрь 2025 г. — май 2026 г.». */
export function formatPeriod(from: string, to: string): string {
  if (from.slice(0, 7) === to.slice(0, 7)) return formatMonth(from);
  const a = utc(from);
  const b = utc(to);
  const sameYear = a.getUTCFullYear() === b.getUTCFullYear();
  const left = sameYear ? monthNominative.format(a) : formatMonth(from);
  return `${left} — ${formatMonth(to)}`;
}

/**
 * Today's calendar date in the site's time zone, `YYYY-MM-DD`. `SITE_TODAY`
 * pins it, so a build can be reproduced as of a given day (consents expire).
 */
export function todayIso(now?: Date, timeZone = SITE_TIME_ZONE): string {
  if (now === undefined && env.SITE_TODAY) return env.SITE_TODAY;
  return nowIsoDateTime(now ?? new Date(), timeZone).slice(0, 10);
}

/** The current local time in the site's zone, `YYYY-MM-DDTHH:mm`. */
export function nowIsoDateTime(now: Date = new Date(), timeZone = SITE_TIME_ZONE): string {
  const p = Object.fromEntries(
    zonedFormat(timeZone)
      .formatToParts(now)
      .map((x) => [x.type, x.value]),
  );
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

const zonedFormats = new Map<string, Intl.DateTimeFormat>();

/** A formatter per zone, made once: constructing Intl formatters is far costlier than using them. */
function zonedFormat(timeZone: string): Intl.DateTimeFormat {
  let fmt = zonedFormats.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    zonedFormats.set(timeZone, fmt);
  }
  return fmt;
}

/** Whole months from `from` to `to`, both days included: 2025-09-01…2026-05-31 is 9 months. */
export function monthsBetween(from: string, to: string): number {
  const [y1, m1, d1] = parts(from);
  const end = utc(to);
  end.setUTCDate(end.getUTCDate() + 1);
  const months = (end.getUTCFullYear() - y1) * 12 + (end.getUTCMonth() + 1 - m1);
  return end.getUTCDate() < d1 ? months - 1 : months;
}
