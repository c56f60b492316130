/** Local times of the site's zone as instants and RFC 3339 with offsets. */
import { describe, expect, it } from 'vitest';
import { localToInstant, localToRfc3339, zoneOffsetMinutes } from '../../src/lib/local-time.ts';

describe('local time of the site', () => {
  it('writes Moscow times with +03:00 and a date as its midnight', () => {
    expect(localToRfc3339('2026-03-18T14:00', 'Europe/Moscow')).toBe('2026-03-18T14:00:00+03:00');
    expect(localToRfc3339('2025-09-01', 'Europe/Moscow')).toBe('2025-09-01T00:00:00+03:00');
    expect(localToInstant('2026-03-18T14:00', 'Europe/Moscow').toISOString()).toBe('2026-03-18T11:00:00.000Z');
  });

  it('follows daylight saving in zones that have it', () => {
    expect(localToRfc3339('2026-01-15T10:00', 'Europe/Berlin')).toBe('2026-01-15T10:00:00+01:00');
    expect(localToRfc3339('2026-07-15T10:00', 'Europe/Berlin')).toBe('2026-07-15T10:00:00+02:00');
    expect(localToInstant('2026-07-15T10:00', 'Europe/Berlin').toISOString()).toBe('2026-07-15T08:00:00.000Z');
    expect(zoneOffsetMinutes(new Date('2026-07-01T00:00:00Z'), 'America/New_York')).toBe(-240);
  });

  it('does not depend on the zone of the machine', () => {
    const before = process.env.TZ;
    try {
      process.env.TZ = 'America/Los_Angeles';
      const la = localToRfc3339('2026-03-18T14:00', 'Europe/Moscow');
      process.env.TZ = 'Asia/Tokyo';
      expect(localToRfc3339('2026-03-18T14:00', 'Europe/Moscow')).toBe(la);
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });
});
