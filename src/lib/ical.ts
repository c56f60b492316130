/**
 * iCalendar files of the events (ical-generator): one `.ics` per event for
 * «add to my calendar», and the whole calendar as a feed a teacher
 * subscribes to once.
 *
 * Event times are local to the school (`YYYY-MM-DDTHH:mm` in the site's
 * zone) and are written as such, with `TZID`, so a calendar shows 14:00 as
 * 14:00 in Saint Petersburg whatever the zone of the machine that built the
 * site or of the teacher's phone.
 */
import { entryUrl } from '../schema/index.ts';
import ical, { ICalCalendarMethod, type ICalCalendar } from 'ical-generator';
import { info } from '../i18n/ru.ts';
import type { SiteSettings } from '../schema/settings.ts';
import { EVENT_KINDS } from '../schema/vocab.ts';
import { SITE_TIME_ZONE } from './dates.ts';
import { zoneOffsetMinutes } from './local-time.ts';
import { typo } from './typography.ts';

export interface CalendarEvent {
  id: string;
  title: string;
  summary: string;
  /** Local `YYYY-MM-DDTHH:mm` in the site's zone. */
  start: string;
  end?: string | undefined;
  place: string;
  /** Russian label of the event's kind. */
  kind: string;
  /** Absolute URL of the event's page. */
  url: string;
}

export interface CalendarOptions {
  name: string;
  /** Absolute URL of the site, for the events' ids. */
  siteUrl: string;
  timeZone?: string;
  /** DTSTAMP of every event: when this calendar was generated. */
  stamp?: Date;
  /** Russian «Подробнее на сайте» before each event's address in its description. */
  moreLabel: string;
}

/**
 * ical-generator writes a date-time with TZID from the Date's fields in the
 * build machine's zone, so a local time is handed over as a Date whose local
 * fields are that time.
 */
function wallClockDate(local: string): Date {
  const [y, m, d] = local.slice(0, 10).split('-').map(Number);
  const [h, min] = local.slice(11, 16).split(':').map(Number);
  return new Date(y!, m! - 1, d!, h!, min!);
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

/**
 * The VTIMEZONE of a zone with one offset all year (Moscow since 2014), so
 * clients that do not know IANA names still place the times right. Zones
 * with daylight saving get none: their TZID is an IANA name every current
 * client resolves itself.
 */
export function fixedOffsetVtimezone(timeZone: string, years: readonly number[]): string | null {
  const offsets = new Set(years.flatMap((y) => [0, 3, 6, 9].map((m) => zoneOffsetMinutes(new Date(Date.UTC(y, m, 1)), timeZone))));
  if (offsets.size !== 1) return null;
  const offset = formatOffset([...offsets][0]!);
  return [
    'BEGIN:VTIMEZONE',
    `TZID:${timeZone}`,
    'BEGIN:STANDARD',
    'DTSTART:19700101T000000',
    `TZOFFSETFROM:${offset}`,
    `TZOFFSETTO:${offset}`,
    'END:STANDARD',
    'END:VTIMEZONE',
  ].join('\r\n');
}

/** A calendar of the given events, as the text of an `.ics` file. */
export function eventsCalendar(events: readonly CalendarEvent[], options: CalendarOptions): string {
  const timeZone = options.timeZone ?? SITE_TIME_ZONE;
  const host = new URL(options.siteUrl).host;
  const years = [...new Set(events.map((e) => Number(e.start.slice(0, 4))))];
  const calendar: ICalCalendar = ical({
    name: options.name,
    prodId: { company: host, product: 'nastavnik', language: 'RU' },
    method: ICalCalendarMethod.PUBLISH,
    // No calendar-wide zone name: with one, ical-generator would write DTSTAMP as local time, not UTC.
    timezone: { name: null, generator: (tz) => fixedOffsetVtimezone(tz, years.length ? years : [new Date().getUTCFullYear()]) },
    ttl: 12 * 60 * 60,
    x: { 'X-WR-TIMEZONE': timeZone },
  });
  const stamp = options.stamp ?? new Date();
  for (const e of events) {
    calendar.createEvent({
      id: `${e.id}@${host}`,
      start: wallClockDate(e.start),
      ...(e.end ? { end: wallClockDate(e.end) } : {}),
      timezone: timeZone,
      stamp,
      summary: e.title,
      description: `${e.summary}\n\n${options.moreLabel}: ${e.url}`,
      location: e.place,
      url: e.url,
      categories: [{ name: e.kind }],
    });
  }
  return calendar.toString();
}

interface EventEntry {
  id: string;
  data: { title: string; summary: string; start: string; end?: string | undefined; place: string; kind: keyof typeof EVENT_KINDS };
}

/** A published event as a calendar event. */
export function calendarEvent(entry: EventEntry, siteUrl: string): CalendarEvent {
  const d = entry.data;
  return {
    id: entry.id,
    title: typo(d.title),
    summary: typo(d.summary),
    start: d.start,
    end: d.end,
    place: typo(d.place),
    kind: EVENT_KINDS[d.kind],
    url: new URL(entryUrl('events', entry.id), siteUrl).href,
  };
}

/** The `.ics` response of some of the site's events. */
export function calendarResponse(
  events: readonly EventEntry[],
  site: Pick<SiteSettings, 'sectionTitle' | 'schoolShortName'>,
  siteUrl: string,
): Response {
  const text = eventsCalendar(
    events.map((e) => calendarEvent(e, siteUrl)),
    { name: info.calendarName(site.sectionTitle, site.schoolShortName), siteUrl, moreLabel: info.calendarMore },
  );
  return new Response(text, { headers: { 'content-type': 'text/calendar; charset=utf-8' } });
}
