/**
 * Monitoring aggregates: small groups suppressed, thin items left out, open
 * answers never published, the demo answers reproduce the published demo
 * cycle exactly; comparisons and sentences for readers; chart geometry.
 */
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { aggregateGroups, compareCycles, comparisonSummary, formatChange, groupSummary } from '../../src/lib/monitoring.ts';
import { layoutBars, layoutStacks } from '../../src/lib/monitoring-chart.ts';
import { reviewContent } from '../../src/privacy/gate.ts';
import { monitoringSchema, type MonitoringCycle } from '../../src/schema/monitoring.ts';
import { surveyAnswersSchema, type SurveyResponse } from '../../src/schema/survey-answers.ts';
import { SCHOOL_FIXTURE } from '../helpers/paths.ts';
import { runNode } from '../helpers/run.ts';
import { copyDemoContent, type ContentCopy } from './helpers/content-copy.ts';
import { MONITORING_CSV } from './helpers/surveys.ts';

let copy: ContentCopy | undefined;
afterEach(() => copy?.cleanup());

const response = (role: 'mentor' | 'mentee', comfort: number | undefined, extra: Partial<SurveyResponse> = {}): SurveyResponse => ({
  row: 2,
  role,
  scales: comfort === undefined ? {} : { comfort },
  yesNo: {},
  comments: [],
  ...extra,
});

describe('aggregateGroups', () => {
  it('suppresses a group of fewer than 5 respondents: no figures at all', () => {
    const { groups } = aggregateGroups([1, 2, 3, 4].map((n) => response('mentor', 6 + n)));
    expect(groups).toEqual([{ role: 'mentor', respondents: 4, suppressed: true, scales: [], yesNo: [] }]);
  });

  it('computes means and distributions, and leaves out an item fewer than 5 people answered', () => {
    const rs = [
      response('mentee', 7, { scales: { comfort: 7, feedback: 9 }, yesNo: { continue: true } }),
      response('mentee', 8, { yesNo: { continue: true } }),
      response('mentee', 8, { yesNo: { continue: false } }),
      response('mentee', 9, { yesNo: { continue: true } }),
      response('mentee', 10, { yesNo: { continue: true } }),
    ];
    const { groups, notes } = aggregateGroups(rs);
    expect(groups).toEqual([
      {
        role: 'mentee',
        respondents: 5,
        suppressed: false,
        scales: [{ item: 'comfort', mean: 8.4, answered: 5, distribution: [0, 0, 0, 0, 0, 0, 1, 2, 1, 1] }],
        yesNo: [{ item: 'continue', yes: 4, no: 1 }],
      },
    ]);
    expect(notes.hiddenItems).toEqual(['mentee/feedback']);
  });

  it('never carries open answers into the aggregates', () => {
    const rs = [1, 2, 3, 4, 5].map(() => response('mentee', 9, { comments: ['Секретное мнение о наставнике'] }));
    expect(JSON.stringify(aggregateGroups(rs))).not.toContain('Секретное');
  });

  it('reproduces the published demo cycle from the demo answers', () => {
    const index = reviewContent(SCHOOL_FIXTURE);
    const batch = surveyAnswersSchema().parse(
      parseDocument(fs.readFileSync(`${SCHOOL_FIXTURE}/registry/answers/2025-2026-demo.yaml`, 'utf8')).toJS(),
    );
    const published = index.entries.get('monitoring')!.get('2025-2026')!.parsed as unknown as MonitoringCycle;
    expect(aggregateGroups(batch.responses).groups).toEqual(published.groups);
  });
});

describe('reader-facing sentences and comparisons', () => {
  const cycle = (name: string, mean: number, suppressed = false): MonitoringCycle =>
    monitoringSchema().parse({
      cycle: name,
      title: name,
      collected: { from: `${name.slice(5)}-04-01`, to: `${name.slice(5)}-04-30` },
      summary: '—',
      groups: [
        suppressed
          ? { role: 'mentor', respondents: 3, suppressed: true }
          : {
              role: 'mentor',
              respondents: 5,
              scales: [
                {
                  item: 'comfort',
                  mean,
                  answered: 5,
                  distribution: mean === 8 ? [0, 0, 0, 0, 0, 0, 0, 5, 0, 0] : [0, 0, 0, 0, 0, 0, 0, 0, 5, 0],
                },
              ],
            },
      ],
    });

  it('compares the means of consecutive cycles with the signed change', () => {
    const c = compareCycles([cycle('2026-2027', 9), cycle('2025-2026', 8)])!;
    expect(c.cycles).toEqual(['2025-2026', '2026-2027']);
    expect(c.roles[0]!.rows).toEqual([{ item: 'comfort', label: 'комфорт общения', values: [8, 9], change: 1 }]);
    expect(comparisonSummary(c)).toBe(
      'Изменение средних оценок в 2026-2027 учебном году по сравнению с 2025-2026: Наставники: выросло 1, снизилось 0 из 1, заметнее всего изменилась оценка «комфорт общения» (+1,0).',
    );
    expect(compareCycles([cycle('2025-2026', 8)])).toBeUndefined();
    expect(compareCycles([cycle('2025-2026', 8), cycle('2026-2027', 9, true)])!.roles[0]!.rows[0]!.change).toBeUndefined();
  });

  it('formats changes and summaries the Russian way', () => {
    expect(formatChange(-0.25)).toBe('−0,2');
    expect(formatChange(0)).toBe('0,0');
    const { groups } = aggregateGroups([7, 8, 9, 10, 10].map((n) => response('mentor', n, { scales: { comfort: n, clarity: 6 } })));
    expect(groupSummary(groups[0]!).replace(/\u00a0/g, ' ')).toBe(
      'Наставники: 5 респондентов; средняя оценка по 2 шкалам — 7,4 из 10; выше всего — комфорт общения (8,8), ниже всего — понятность заданий (6,0).',
    );
    expect(groupSummary(groups[0]!, false)).toMatch(/^Средняя оценка по 2\u00a0шкалам/);
  });
});

describe('chart geometry', () => {
  it('draws bars proportional to the value and no bar for a missing one', () => {
    const layout = layoutBars(['а', 'б'], [{ name: 'x', values: [5, undefined] }], { max: 10, format: String, missing: 'нет данных' });
    const [a, b] = layout.rows.map((r) => r.bars[0]!);
    expect(a!.width).toBeCloseTo(layout.plotWidth / 2);
    expect(layout.plotWidth).toBeLessThan(100);
    expect(b!.width).toBe(0);
    expect(b!.text).toBe('нет данных');
    expect(layout.ticks.map((t) => t.label)).toEqual(['0', '2', '4', '6', '8', '10']);
    expect(b!.y).toBeGreaterThan(a!.y);
  });

  it('names the series in the label when there are several', () => {
    const layout = layoutBars(
      ['комфорт'],
      [
        { name: '2025-2026', values: [8] },
        { name: '2026-2027', values: [9] },
      ],
      { max: 10, format: (n) => n.toFixed(1) },
    );
    expect(layout.rows[0]!.bars.map((b) => b.text)).toEqual(['2025-2026: 8.0', '2026-2027: 9.0']);
  });

  it('splits a yes/no bar by the shares', () => {
    const { rows } = layoutStacks([{ label: 'продолжить', yes: 3, no: 1 }]);
    expect(rows[0]!.yesWidth / (rows[0]!.yesWidth + rows[0]!.noWidth)).toBeCloseTo(0.75);
    expect(rows[0]!.yesWidth + rows[0]!.noWidth).toBeLessThanOrEqual(100);
  });
});

describe('npm run monitoring', () => {
  const monitoring = (args: string[]) =>
    runNode(
      ['scripts/monitoring.ts', ...args],
      { CONTENT_DIR: copy!.dir, SITE_TODAY: '2027-06-01', PRIVATE_DIR: copy!.privateDir },
      60_000,
    );

  it('rewrites the demo cycle byte for byte from its raw answers', async () => {
    copy = copyDemoContent();
    const before = copy.read('monitoring/2025-2026.yaml');
    const r = await monitoring(['--cycle', '2025-2026']);
    expect(r.code, r.stderr).toBe(0);
    expect(copy.read('monitoring/2025-2026.yaml')).toBe(before);
  });

  it('creates a new cycle from imported answers: small group suppressed, no open answers, valid', async () => {
    copy = copyDemoContent();
    const imported = await runNode(
      ['scripts/import-survey.ts', MONITORING_CSV, '--kind', 'monitoring', '--cycle', '2026-2027', '--write'],
      { CONTENT_DIR: copy.dir, SITE_TODAY: '2027-06-01', PRIVATE_DIR: copy.privateDir },
      60_000,
    );
    expect(imported.code, imported.stderr).toBe(0);
    const r = await monitoring(['--cycle', '2026-2027']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.replace(/\u00a0/g, ' ')).toMatch(/Наставники: 3 респондента — меньше 5/);
    const text = copy.read('monitoring/2026-2027.yaml');
    const data = monitoringSchema().parse(parseDocument(text).toJS());
    expect(data.groups.map((g) => [g.role, g.respondents, g.suppressed])).toEqual([
      ['mentor', 3, true],
      ['mentee', 6, false],
    ]);
    const mentee = data.groups[1]!;
    expect(mentee.scales.find((s) => s.item === 'usefulness')).toMatchObject({ answered: 5 });
    expect(mentee.yesNo.find((y) => y.item === 'stay')).toMatchObject({ yes: 4, no: 1 });
    expect(text).not.toMatch(/Больше совместных уроков|Спасибо|Петрова/);
    expect(data.collected).toEqual({ from: '2027-04-20', to: '2027-04-27' });
    expect(reviewContent(copy.dir).problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('says what to do when a cycle has no answers', async () => {
    copy = copyDemoContent();
    const r = await monitoring(['--cycle', '2030-2031']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/ответов анкет за 2030-2031 нет.*npm run import:survey/s);
  });
});
