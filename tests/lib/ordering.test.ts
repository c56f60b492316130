import { describe, expect, it } from 'vitest';
import { groupDocuments } from '../../src/lib/documents.ts';
import { splitEvents } from '../../src/lib/events.ts';
import { orderPractices } from '../../src/lib/practices.ts';

describe('orderPractices', () => {
  it('puts best practices first (newest recognition first), then recommended, then by year', () => {
    const p = (id: string, year: number, status: string, best?: number) => ({
      id,
      data: { year, status, ...(best ? { best: { year: best } } : {}) },
    });
    const ordered = orderPractices([
      p('a', 2026, 'review'),
      p('b', 2025, 'recommended', 2025),
      p('c', 2024, 'recommended'),
      p('d', 2026, 'recommended', 2026),
    ]);
    expect(ordered.map((x) => x.id)).toEqual(['d', 'b', 'c', 'a']);
  });
});

describe('groupDocuments', () => {
  it('groups by level in legal order, then by kind, newest first', () => {
    const d = (id: string, level: 'federal' | 'school' | 'regional', kind: 'order' | 'regulation', date: string) => ({
      id,
      data: { level, kind, date },
    });
    const groups = groupDocuments([
      d('s1', 'school', 'order', '2025-01-01'),
      d('f', 'federal', 'order', '2019-12-25'),
      d('s2', 'school', 'order', '2025-09-01'),
      d('s3', 'school', 'regulation', '2025-08-01'),
    ]);
    expect(groups.map((g) => g.level)).toEqual(['federal', 'school']);
    expect(groups[1]!.kinds.map((k) => [k.kind, k.docs.map((x) => x.id)])).toEqual([
      ['order', ['s2', 's1']],
      ['regulation', ['s3']],
    ]);
  });
});

describe('splitEvents', () => {
  it('keeps an event upcoming until it ends, soonest first; past ones latest first', () => {
    const e = (id: string, start: string, end?: string) => ({ id, data: { start, ...(end ? { end } : {}) } });
    const { upcoming, past } = splitEvents(
      [e('a', '2026-05-20T15:00', '2026-05-20T17:00'), e('b', '2026-12-01T10:00'), e('c', '2026-01-10T10:00'), e('d', '2026-11-30T10:00')],
      '2026-05-20T16:00',
    );
    expect(upcoming.map((x) => x.id)).toEqual(['a', 'd', 'b']);
    expect(past.map((x) => x.id)).toEqual(['c']);
  });
});
