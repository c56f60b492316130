/**
 * Monitoring of the programmes (stage 6): from raw anonymous answers to the
 * aggregates that may be published, and from aggregates to the sentences and
 * comparisons a reader sees.
 *
 * Publication rules live here, once: a group of fewer than MIN_GROUP
 * respondents carries no figures; a single item answered by fewer than
 * MIN_GROUP people is left out too (its distribution would show individual
 * scores); open answers are never aggregated, so they cannot be published.
 */
import { meanOf } from './rounding.ts';
import { MIN_GROUP, type MonitoringCycle } from '../schema/monitoring.ts';
import type { ScaleId, SurveyResponse, YesNoId } from '../schema/survey-answers.ts';
import { RESPONDENT_ROLES, SATISFACTION_SCALES, YES_NO_ITEMS } from '../schema/vocab.ts';
import { plural } from './plural.ts';

export type RespondentRole = keyof typeof RESPONDENT_ROLES;
export type GroupResult = MonitoringCycle['groups'][number];
export type ScaleResult = GroupResult['scales'][number];
export type YesNoResult = GroupResult['yesNo'][number];

const ROLE_ORDER = Object.keys(RESPONDENT_ROLES) as RespondentRole[];
const SCALE_ORDER = Object.keys(SATISFACTION_SCALES) as ScaleId[];
const YES_NO_ORDER = Object.keys(YES_NO_ITEMS) as YesNoId[];

const decimal = new Intl.NumberFormat('ru-RU', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const signed = new Intl.NumberFormat('ru-RU', { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' });

/** «8,5». */
export const formatScore = (n: number) => decimal.format(n);
/** «+0,3», «−0,2», «0,0». */
export const formatChange = (n: number) => signed.format(Math.round(n * 10) / 10).replace('-', '−');

const round1 = (n: number) => Math.round(n * 10) / 10;

export interface AggregateNotes {
  /** Items left out because fewer than MIN_GROUP people answered them: `role/item`. */
  hiddenItems: string[];
}

/** The publishable aggregates of one cycle's responses, per respondent group. */
export function aggregateGroups(responses: readonly SurveyResponse[]): { groups: GroupResult[]; notes: AggregateNotes } {
  const groups: GroupResult[] = [];
  const hiddenItems: string[] = [];
  for (const role of ROLE_ORDER) {
    const rs = responses.filter((r) => r.role === role);
    if (rs.length === 0) continue;
    if (rs.length < MIN_GROUP) {
      groups.push({ role, respondents: rs.length, suppressed: true, scales: [], yesNo: [] });
      continue;
    }
    const scales: ScaleResult[] = [];
    for (const item of SCALE_ORDER) {
      const scores = rs.map((r) => r.scales[item]).filter((s): s is number => s !== undefined);
      if (scores.length === 0) continue;
      if (scores.length < MIN_GROUP) {
        hiddenItems.push(`${role}/${item}`);
        continue;
      }
      const distribution = Array.from({ length: 10 }, (_, i) => scores.filter((s) => s === i + 1).length);
      scales.push({
        item,
        mean: meanOf(
          scores.reduce((a, b) => a + b, 0),
          scores.length,
        ),
        answered: scores.length,
        distribution,
      });
    }
    const yesNo: YesNoResult[] = [];
    for (const item of YES_NO_ORDER) {
      const answers = rs.map((r) => r.yesNo[item]).filter((a): a is boolean => a !== undefined);
      if (answers.length === 0) continue;
      if (answers.length < MIN_GROUP) {
        hiddenItems.push(`${role}/${item}`);
        continue;
      }
      yesNo.push({ item, yes: answers.filter(Boolean).length, no: answers.filter((a) => !a).length });
    }
    groups.push({ role, respondents: rs.length, suppressed: false, scales, yesNo });
  }
  return { groups, notes: { hiddenItems } };
}

const ROLE_PLURAL: Record<RespondentRole, string> = { mentor: 'Наставники', mentee: 'Наставляемые' };
const RESPONDENT_FORMS = ['респондент', 'респондента', 'респондентов'] as const;

/**
 * One sentence per group: who answered, the highest and the lowest scale, the
 * yes/no items. Under a heading that already names the group, `named: false`
 * leaves the group out of the sentence.
 */
export function groupSummary(group: GroupResult, named = true): string {
  const who = `${ROLE_PLURAL[group.role]}: ${plural(group.respondents, RESPONDENT_FORMS)}`;
  if (group.suppressed) return `${who} — меньше ${MIN_GROUP}, поэтому результаты группы не публикуются.`;
  const parts = named ? [who] : [];
  if (group.scales.length) {
    const sorted = [...group.scales].sort((a, b) => b.mean - a.mean || SCALE_ORDER.indexOf(a.item) - SCALE_ORDER.indexOf(b.item));
    const top = sorted[0]!;
    const bottom = sorted[sorted.length - 1]!;
    const avg = group.scales.reduce((s, x) => s + x.mean, 0) / group.scales.length;
    parts.push(`средняя оценка по ${plural(group.scales.length, ['шкале', 'шкалам', 'шкалам'])} — ${formatScore(round1(avg))} из 10`);
    if (sorted.length > 1 && top.mean !== bottom.mean) {
      parts.push(
        `выше всего — ${SATISFACTION_SCALES[top.item]} (${formatScore(top.mean)}), ниже всего — ${SATISFACTION_SCALES[bottom.item]} (${formatScore(bottom.mean)})`,
      );
    }
  }
  for (const y of group.yesNo) parts.push(`${YES_NO_ITEMS[y.item]}: ${y.yes} из ${y.yes + y.no}`);
  const sentence = parts.join('; ');
  return `${named ? sentence : sentence.charAt(0).toUpperCase() + sentence.slice(1)}.`;
}

/** A default summary for a new cycle file; editors rewrite it as they see fit. */
export function cycleSummary(groups: readonly GroupResult[]): string {
  return groups.map((g) => groupSummary(g)).join(' ');
}

export interface ComparisonRow {
  item: ScaleId;
  label: string;
  /** The mean of each compared cycle, in cycle order; undefined when missing or suppressed. */
  values: (number | undefined)[];
  /** Last minus previous, when both exist. */
  change: number | undefined;
}

export interface Comparison {
  cycles: string[];
  roles: { role: RespondentRole; label: string; rows: ComparisonRow[] }[];
}

/** Means of every scale across cycles (oldest first), per group, with the change from the previous cycle. */
export function compareCycles(cycles: readonly Pick<MonitoringCycle, 'cycle' | 'groups'>[]): Comparison | undefined {
  const ordered = [...cycles].sort((a, b) => a.cycle.localeCompare(b.cycle));
  if (ordered.length < 2) return undefined;
  const roles = ROLE_ORDER.map((role) => {
    const rows = SCALE_ORDER.map((item) => {
      const values = ordered.map((c) => {
        const g = c.groups.find((x) => x.role === role);
        return g && !g.suppressed ? g.scales.find((s) => s.item === item)?.mean : undefined;
      });
      const last = values[values.length - 1];
      const previous = values[values.length - 2];
      return {
        item,
        label: SATISFACTION_SCALES[item],
        values,
        change: last !== undefined && previous !== undefined ? round1(last - previous) : undefined,
      };
    }).filter((r) => r.values.some((v) => v !== undefined));
    return { role, label: RESPONDENT_ROLES[role], rows };
  }).filter((r) => r.rows.length > 0);
  return roles.length ? { cycles: ordered.map((c) => c.cycle), roles } : undefined;
}

/** A sentence about the changes, for readers who skip the table. */
export function comparisonSummary(comparison: Comparison): string {
  const [prev, last] = comparison.cycles.slice(-2);
  const parts = comparison.roles.map(({ role, rows }) => {
    const changed = rows.filter((r) => r.change !== undefined);
    if (changed.length === 0) return `${ROLE_PLURAL[role]}: сравнить не с чем`;
    const up = changed.filter((r) => r.change! > 0).length;
    const down = changed.filter((r) => r.change! < 0).length;
    const biggest = [...changed].sort((a, b) => Math.abs(b.change!) - Math.abs(a.change!))[0]!;
    const tail = biggest.change === 0 ? '' : `, заметнее всего изменилась оценка «${biggest.label}» (${formatChange(biggest.change!)})`;
    return `${ROLE_PLURAL[role]}: выросло ${up}, снизилось ${down} из ${changed.length}${tail}`;
  });
  return `Изменение средних оценок в ${last} учебном году по сравнению с ${prev}: ${parts.join('; ')}.`;
}

/** Share of «yes» in whole percent. */
export function yesShare(r: YesNoResult): number {
  const total = r.yes + r.no;
  return total === 0 ? 0 : Math.round((r.yes / total) * 100);
}
