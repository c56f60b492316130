/** Coverage of the roadmap: what each stage has, which months lack it, which levels are not reached. */
import { describe, expect, it } from 'vitest';
import {
  coverageReport,
  monthsOf,
  stageMaterials,
  type DocumentEntry,
  type EventEntry,
  type NewsEntry,
  type StageEntry,
} from '../../src/lib/coverage.ts';

const stage = (
  n: number,
  period?: { from: string; to: string },
  cites: Partial<{ news: string[]; events: string[]; documents: string[] }> = {},
): StageEntry => ({
  id: `stage-${n}`,
  data: {
    stage: n,
    title: `Этап ${n}`,
    period,
    activities: [{ news: cites.news ?? [], events: cites.events ?? [], documents: cites.documents ?? [] }],
  },
});
const news = (id: string, date: string, stage?: number, level: NewsEntry['data']['level'] = 'school'): NewsEntry => ({
  id,
  data: { title: id, date, stage, level },
});
const event = (id: string, start: string, stage: number, level: EventEntry['data']['level'] = 'school'): EventEntry => ({
  id,
  data: { title: id, start, stage, level },
});
const doc = (id: string, date: string, stage?: number): DocumentEntry => ({ id, data: { title: id, date, stage } });

describe('coverage', () => {
  it('counts months of a period, across a year end', () => {
    expect(monthsOf('2025-11-20', '2026-02-01')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsOf('2026-03-01', '2026-03-31')).toEqual(['2026-03']);
  });

  it('gives a stage the entries that name it and those its activities cite, newest first', () => {
    const all = {
      news: [news('a', '2025-09-01', 1), news('b', '2025-10-01'), news('c', '2025-11-01', 2)],
      events: [event('e', '2025-09-15T10:00', 1), event('f', '2025-09-20T10:00', 3)],
      documents: [doc('d1', '2025-08-01', 1), doc('d2', '2025-08-02')],
    };
    const m = stageMaterials(stage(1, undefined, { news: ['b'], documents: ['d2'] }), all);
    expect(m.news.map((x) => x.id)).toEqual(['b', 'a']);
    expect(m.events.map((x) => x.id)).toEqual(['e']);
    expect(m.documents.map((x) => x.id)).toEqual(['d2', 'd1']);
  });

  it('lists the months up to today without news or events of the stage, and the levels not reached', () => {
    const all = {
      news: [news('a', '2025-09-03', 1), news('r', '2025-11-10', 1, 'regional')],
      events: [event('e', '2025-12-01T10:00', 1)],
      documents: [],
    };
    const report = coverageReport(
      [stage(1, { from: '2025-09-01', to: '2026-05-31' }), stage(2), stage(3, { from: '2027-01-01', to: '2027-02-01' })],
      all,
      '2026-01-15',
    );
    const [s1, s2, s3] = report.stages;
    expect(s1).toMatchObject({
      state: 'ok',
      gaps: ['2025-10', '2026-01'],
      news: 2,
      events: 1,
      levels: { municipal: 0, regional: 1 },
      missingLevels: ['municipal'],
    });
    expect(s2).toMatchObject({ state: 'no-period', gaps: [], missingLevels: ['municipal', 'regional'] });
    expect(s3).toMatchObject({ state: 'not-started', gaps: [] });
    expect(report.levels).toEqual({ municipal: 0, regional: 1 });
  });

  it('stops at the end of a finished stage', () => {
    const report = coverageReport(
      [stage(1, { from: '2025-09-01', to: '2025-10-31' })],
      { news: [news('a', '2025-09-03', 1)], events: [], documents: [] },
      '2026-06-01',
    );
    expect(report.stages[0]!.gaps).toEqual(['2025-10']);
  });
});
