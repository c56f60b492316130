/**
 * The events calendar: valid iCalendar that places a local 14:00 at 14:00 in
 * the site's zone, whatever the zone of the machine that built it.
 */
import { describe, expect, it } from 'vitest';
import { eventsCalendar, fixedOffsetVtimezone, type CalendarEvent } from '../../src/lib/ical.ts';
import { icsText, parseIcs, prop } from '../helpers/parse.ts';

const events: CalendarEvent[] = [
  {
    id: 'seminar',
    title: 'Семинар «Наставничество; от пары к системе», часть 1',
    summary: 'Кратко: о флеш-встречах',
    start: '2026-03-18T14:00',
    end: '2026-03-18T17:00',
    place: 'Санкт-Петербург, онлайн',
    kind: 'семинар',
    url: 'https://n.school1.example/events/seminar/',
  },
  {
    id: 'consult',
    title: 'Консультация',
    summary: 'Кратко',
    start: '2025-11-05T15:30',
    place: 'Кабинет 12',
    kind: 'консультация',
    url: 'https://n.school1.example/events/consult/',
  },
];
const options = {
  name: 'Наставничество: события — Школа № 1',
  siteUrl: 'https://n.school1.example/',
  moreLabel: 'Подробнее на сайте',
  stamp: new Date('2026-01-10T09:08:07Z'),
};

function withTz<T>(tz: string, fn: () => T): T {
  const before = process.env.TZ;
  process.env.TZ = tz;
  try {
    return fn();
  } finally {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  }
}

describe('events calendar', () => {
  const text = eventsCalendar(events, options);
  const cal = parseIcs(text);
  const vevents = cal.children.filter((c) => c.type === 'VEVENT');

  it('parses back: one VEVENT per event, with stable unique UIDs', () => {
    expect(cal.type).toBe('VCALENDAR');
    expect(prop(cal, 'VERSION')?.value).toBe('2.0');
    expect(prop(cal, 'METHOD')?.value).toBe('PUBLISH');
    expect(vevents.map((e) => prop(e, 'UID')?.value)).toEqual(['seminar@n.school1.example', 'consult@n.school1.example']);
  });

  it('writes local times with TZID=Europe/Moscow and a VTIMEZONE of +03:00', () => {
    const start = prop(vevents[0]!, 'DTSTART')!;
    expect(start.params.TZID).toBe('Europe/Moscow');
    expect(start.value).toBe('20260318T140000');
    expect(prop(vevents[0]!, 'DTEND')).toMatchObject({ params: { TZID: 'Europe/Moscow' }, value: '20260318T170000' });
    expect(prop(vevents[1]!, 'DTSTART')!.value).toBe('20251105T153000');
    const tz = cal.children.find((c) => c.type === 'VTIMEZONE')!;
    expect(prop(tz, 'TZID')?.value).toBe('Europe/Moscow');
    expect(prop(tz.children[0]!, 'TZOFFSETTO')?.value).toBe('+0300');
    expect(prop(cal, 'X-WR-TIMEZONE')?.value).toBe('Europe/Moscow');
  });

  it('stamps in UTC, as RFC 5545 requires', () => {
    expect(prop(vevents[0]!, 'DTSTAMP')?.value).toBe('20260110T090807Z');
  });

  it('keeps titles, places and descriptions intact through escaping and folding', () => {
    expect(icsText(prop(vevents[0]!, 'SUMMARY')!.value)).toBe(events[0]!.title);
    expect(icsText(prop(vevents[0]!, 'LOCATION')!.value)).toBe('Санкт-Петербург, онлайн');
    expect(icsText(prop(vevents[0]!, 'DESCRIPTION')!.value)).toBe(
      'Кратко: о флеш-встречах\n\nПодробнее на сайте: https://n.school1.example/events/seminar/',
    );
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });

  it('is the same whatever the zone of the build machine', () => {
    const utc = withTz('UTC', () => eventsCalendar(events, options));
    expect(withTz('America/New_York', () => eventsCalendar(events, options))).toBe(utc);
    expect(withTz('Asia/Vladivostok', () => eventsCalendar(events, options))).toBe(utc);
  });

  it('describes a zone only when it keeps one offset all year', () => {
    expect(fixedOffsetVtimezone('Europe/Moscow', [2025, 2026])).toContain('TZOFFSETFROM:+0300');
    expect(fixedOffsetVtimezone('Europe/Berlin', [2026])).toBeNull();
  });
});
