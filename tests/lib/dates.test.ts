import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatPeriod, isRealIsoDate, monthsBetween, nowIsoDateTime, todayIso } from '../../src/lib/dates.ts';

describe('dates', () => {
  it('formats a calendar date the Russian way, with a non-breaking space before «г.»', () => {
    expect(formatDate('2026-03-12')).toBe('12 марта 2026\u00a0г.');
    expect(formatDate('2025-09-01')).toBe('1 сентября 2025\u00a0г.');
  });

  it('never shifts a date by the machine time zone', () => {
    const tz = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    try {
      expect(formatDate('2026-01-01')).toBe('1 января 2026\u00a0г.');
    } finally {
      process.env.TZ = tz;
    }
  });

  it('adds the local time to date-times', () => {
    expect(formatDateTime('2026-05-20T15:00')).toBe('20 мая 2026\u00a0г., 15:00');
  });

  it('formats periods in the nominative', () => {
    expect(formatPeriod('2025-09-01', '2025-10-31')).toBe('сентябрь — октябрь 2025\u00a0г.');
    expect(formatPeriod('2025-09-01', '2026-05-31')).toBe('сентябрь 2025\u00a0г. — май 2026\u00a0г.');
    expect(formatPeriod('2025-09-01', '2025-09-30')).toBe('сентябрь 2025\u00a0г.');
  });

  it('tells real calendar days', () => {
    expect(isRealIsoDate('2024-02-29')).toBe(true);
    expect(isRealIsoDate('2025-02-29')).toBe(false);
    expect(isRealIsoDate('2025-13-01')).toBe(false);
  });

  it('counts programme months with both ends included', () => {
    expect(monthsBetween('2025-09-01', '2026-05-31')).toBe(9);
    expect(monthsBetween('2025-09-01', '2025-11-30')).toBe(3);
    expect(monthsBetween('2025-09-01', '2025-11-29')).toBe(2);
    expect(monthsBetween('2025-09-15', '2026-09-14')).toBe(12);
  });

  it('reads "now" in the site time zone, not the machine one', () => {
    const instant = new Date('2026-03-01T22:30:00Z');
    expect(nowIsoDateTime(instant, 'Europe/Moscow')).toBe('2026-03-02T01:30');
    expect(todayIso(instant, 'Europe/Moscow')).toBe('2026-03-02');
    expect(todayIso(instant, 'Europe/London')).toBe('2026-03-01');
  });
});
