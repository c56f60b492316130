/**
 * Coverage of the roadmap (stage 7, «информационная поддержка»): every stage
 * is to be covered on the site, and where possible at municipal and
 * regional level.
 *
 * An entry covers a stage when its `stage` field names it or when one of the
 * stage's activities cites it as evidence. A month of a stage's period is
 * covered when a news item or an event of that stage falls in it. The
 * editors' page lists what is still missing; each stage page lists what
 * there is.
 */
import type { LEVELS } from '../schema/vocab.ts';

type Level = keyof typeof LEVELS;

/** The levels beyond the school that the roadmap asks to reach. */
export const OUTREACH_LEVELS = ['municipal', 'regional'] as const satisfies readonly Level[];
export type OutreachLevel = (typeof OUTREACH_LEVELS)[number];

interface Entry<D> {
  id: string;
  data: D;
}

export type StageEntry = Entry<{
  stage: number;
  title: string;
  period?: { from: string; to: string } | undefined;
  activities: readonly { documents: readonly string[]; news: readonly string[]; events: readonly string[] }[];
}>;
export type NewsEntry = Entry<{ title: string; date: string; stage?: number | undefined; level: Level }>;
export type EventEntry = Entry<{ title: string; start: string; stage: number; level: Level }>;
export type DocumentEntry = Entry<{ title: string; date: string; stage?: number | undefined }>;

export interface Published<N extends NewsEntry = NewsEntry, E extends EventEntry = EventEntry, D extends DocumentEntry = DocumentEntry> {
  news: readonly N[];
  events: readonly E[];
  documents: readonly D[];
}

/** A stage's news, events and documents, newest first. */
export function stageMaterials<N extends NewsEntry, E extends EventEntry, D extends DocumentEntry>(
  stage: StageEntry,
  all: Published<N, E, D>,
): { news: N[]; events: E[]; documents: D[] } {
  const cited = (key: 'news' | 'events' | 'documents') => new Set(stage.data.activities.flatMap((a) => a[key]));
  const pick = <T extends Entry<{ stage?: number | undefined }>>(
    list: readonly T[],
    key: 'news' | 'events' | 'documents',
    date: (e: T) => string,
  ) => {
    const ids = cited(key);
    return list
      .filter((e) => e.data.stage === stage.data.stage || ids.has(e.id))
      .sort((a, b) => date(b).localeCompare(date(a)) || a.id.localeCompare(b.id));
  };
  return {
    news: pick(all.news, 'news', (e) => e.data.date),
    events: pick(all.events, 'events', (e) => e.data.start),
    documents: pick(all.documents, 'documents', (e) => e.data.date),
  };
}

/** Months `YYYY-MM` from one date's month to another's, both included. */
export function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const last = to.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    if (key > last) break;
    months.push(key);
    if (++m > 12) {
      m = 1;
      y++;
    }
  }
  return months;
}

export interface StageCoverage {
  id: string;
  stage: number;
  title: string;
  news: number;
  events: number;
  documents: number;
  /** `no-period`: the stage has no dates; `not-started`: it begins after today. */
  state: 'ok' | 'no-period' | 'not-started';
  /** Months of the stage's period up to today with no news item or event of the stage. */
  gaps: string[];
  /** News and events of the stage per outreach level. */
  levels: Record<OutreachLevel, number>;
  missingLevels: OutreachLevel[];
}

export interface CoverageReport {
  today: string;
  stages: StageCoverage[];
  /** All news and events per outreach level, whatever their stage. */
  levels: Record<OutreachLevel, number>;
}

const countLevels = (items: readonly { data: { level: Level } }[]): Record<OutreachLevel, number> =>
  Object.fromEntries(OUTREACH_LEVELS.map((l) => [l, items.filter((i) => i.data.level === l).length])) as Record<OutreachLevel, number>;

/** The coverage of every stage as of `today` (`YYYY-MM-DD`). */
export function coverageReport(stages: readonly StageEntry[], all: Published, today: string): CoverageReport {
  const rows = [...stages]
    .sort((a, b) => a.data.stage - b.data.stage)
    .map((stage): StageCoverage => {
      const m = stageMaterials(stage, all);
      const covered = new Set([...m.news.map((n) => n.data.date.slice(0, 7)), ...m.events.map((e) => e.data.start.slice(0, 7))]);
      const period = stage.data.period;
      const state = !period ? 'no-period' : period.from > today ? 'not-started' : 'ok';
      const gaps =
        period && state === 'ok' ? monthsOf(period.from, period.to < today ? period.to : today).filter((month) => !covered.has(month)) : [];
      const levels = countLevels([...m.news, ...m.events]);
      return {
        id: stage.id,
        stage: stage.data.stage,
        title: stage.data.title,
        news: m.news.length,
        events: m.events.length,
        documents: m.documents.length,
        state,
        gaps,
        levels,
        missingLevels: OUTREACH_LEVELS.filter((l) => levels[l] === 0),
      };
    });
  return { today, stages: rows, levels: countLevels([...all.news, ...all.events]) };
}
