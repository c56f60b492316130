/**
 * The events calendar of the built demo site: the subscription feed and
 * every event's own `.ics` parse, and carry each event's local start with
 * TZID=Europe/Moscow.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSiteSettings } from '../../src/validate/site-settings.ts';
import { publicEntries, reviewContent } from '../../src/privacy/gate.ts';
import { DEMO_CONTENT, testDist } from '../helpers/paths.ts';
import { pageHtml, parseIcs, prop } from '../helpers/parse.ts';

const site = readSiteSettings(DEMO_CONTENT)!;
const index = reviewContent(DEMO_CONTENT);
const events = [...publicEntries(index, 'events').values()];
const host = new URL(site.siteUrl).host;
const compact = (local: unknown) => `${String(local).replace(/[-:]/g, '')}00`;
const read = (rel: string) => fs.readFileSync(path.join(testDist(), rel), 'utf8');

describe('events calendar', () => {
  it('the calendar feed has every published event with its local start and TZID', () => {
    const cal = parseIcs(read('events/calendar.ics'));
    const vevents = cal.children.filter((c) => c.type === 'VEVENT');
    expect(vevents.map((v) => prop(v, 'UID')!.value).sort()).toEqual(events.map((e) => `${e.id}@${host}`).sort());
    for (const e of events) {
      const v = vevents.find((x) => prop(x, 'UID')!.value === `${e.id}@${host}`)!;
      expect(prop(v, 'DTSTART')).toMatchObject({ params: { TZID: 'Europe/Moscow' }, value: compact(e.parsed.start) });
      if (e.parsed.end) expect(prop(v, 'DTEND')!.value).toBe(compact(e.parsed.end));
      expect(prop(v, 'URL')!.value).toBe(new URL(`/events/${e.id}/`, site.siteUrl).href);
    }
    expect(cal.children.some((c) => c.type === 'VTIMEZONE' && prop(c, 'TZID')?.value === 'Europe/Moscow')).toBe(true);
  });

  it('each event has its own .ics with just that event, linked from its page', () => {
    for (const e of events) {
      const cal = parseIcs(read(`events/${e.id}.ics`));
      expect(cal.children.filter((c) => c.type === 'VEVENT').map((v) => prop(v, 'UID')!.value)).toEqual([`${e.id}@${host}`]);
      expect(pageHtml(testDist(), `/events/${e.id}/`)).toContain(`href="/events/${e.id}.ics"`);
    }
  });

  it('the events page offers the subscription (webcal) and the download', () => {
    const html = pageHtml(testDist(), '/events/');
    expect(html).toContain(`href="webcal://${host}/events/calendar.ics"`);
    expect(html).toContain('href="/events/calendar.ics"');
  });
});
