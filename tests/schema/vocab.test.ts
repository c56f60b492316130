/** Vocabulary words agree with what they describe and name documents as the acts call themselves. */
import { describe, expect, it } from 'vitest';
import { ACTIVITY_STATUSES, DOCUMENT_KIND_HEADINGS, DOCUMENT_KINDS, PROGRESS_STATUSES } from '../../src/schema/vocab.ts';

describe('vocabularies', () => {
  it('give an activity («мероприятие», neuter) neuter statuses and a stage masculine ones', () => {
    expect(ACTIVITY_STATUSES).toMatchObject({ planned: 'запланировано', done: 'выполнено' });
    expect(PROGRESS_STATUSES).toMatchObject({ planned: 'запланирован', done: 'выполнен' });
  });

  it('file a «распоряжение» and a ministry letter as what they are, each kind with its own heading', () => {
    expect(DOCUMENT_KINDS).toMatchObject({ order: 'приказ', directive: 'распоряжение', letter: 'письмо' });
    expect(Object.keys(DOCUMENT_KIND_HEADINGS).sort()).toEqual(Object.keys(DOCUMENT_KINDS).sort());
    expect(new Set(Object.values(DOCUMENT_KINDS)).size).toBe(Object.keys(DOCUMENT_KINDS).length);
  });
});
