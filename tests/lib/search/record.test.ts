/** What the index records about each kind of page: filters, result metadata and the date sort key. */
import { describe, expect, it } from 'vitest';
import { entryYear, newsRecord, practiceRecord, programmeRecord, stageRecord } from '../../../src/lib/search/record.ts';

describe('search records', () => {
  it('gives a practice every facet as a filter, its year as its date, and no sort key', () => {
    const r = practiceRecord({
      year: 2025,
      form: 'group',
      targetGroup: 'young-specialists',
      subjects: [],
      levels: ['primary', 'basic'],
      difficulties: ['parents'],
      materialType: 'checklist',
      best: { year: 2026 },
    });
    expect(r.filters).toEqual([
      ['type', 'practice'],
      ['form', 'group'],
      ['target', 'young-specialists'],
      ['subject', 'any'],
      ['level', 'primary'],
      ['level', 'basic'],
      ['difficulty', 'parents'],
      ['material', 'checklist'],
      ['year', '2025'],
      ['best', '2026'],
    ]);
    expect(r.meta).toEqual([
      ['type', 'practice'],
      ['date', '2025'],
      ['best', '2026'],
    ]);
    expect(r.sort).toEqual([]);
  });

  it('dates other pages by their own date and sorts them by it', () => {
    expect(newsRecord({ date: '2026-03-19' })).toEqual({
      filters: [
        ['type', 'news'],
        ['year', '2026'],
      ],
      meta: [
        ['type', 'news'],
        ['date', '2026-03-19'],
      ],
      sort: [['date', '2026-03-19']],
    });
    expect(programmeRecord({ term: { from: '2025-09-01' }, form: 'virtual' }).filters).toContainEqual(['form', 'virtual']);
    expect(stageRecord({}).sort).toEqual([]);
  });
});

describe('entryYear', () => {
  it.each([
    [{ date: '2026-03-19' }, ['2026']],
    [{ start: '2025-10-08T15:30' }, ['2025']],
    [{ term: { from: '2025-09-01', to: '2026-05-31' } }, ['2025']],
    [{ period: { from: '2026-01-10', to: '2026-02-10' } }, ['2026']],
    [{ year: 2024 }, ['2024']],
    [{ stage: 7 }, []],
  ])('%j → %j', (data, years) => expect(entryYear(data)).toEqual(years));
});
