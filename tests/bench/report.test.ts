import { describe, expect, it } from 'vitest';
import { goals, resultsMarkdown, stepAt, type BenchResult, type BuildRun } from '../../bench/report.ts';

const run = (wallMs: number, peakTreeRss: number, extra: Partial<BuildRun['figures']> = {}): BuildRun => ({
  wallMs,
  peakTreeRss,
  peakProcessRss: peakTreeRss,
  loadBefore: 0.5,
  figures: { pages: 1000, steps: [{ key: 'render', label: 'Отрисовка страниц', ms: wallMs / 2 }], ...extra },
});

const result = (over: Partial<BenchResult> = {}): BenchResult => ({
  date: '2026-11-24T12:00:00.000Z',
  machine: { cpus: 2, cpuModel: 'AMD EPYC', memoryBytes: 24 * 1024 ** 3, node: 'v24.9.0', astro: '7.3.5', pagefind: '1.6.0' },
  seed: 126,
  scale: 1,
  counts: { practices: 5000, news: 2000, programs: 300, people: 200 },
  entries: 7600,
  warnings: 0,
  edited: 'news/x.md',
  control: run(100_000, 1.5 * 1024 ** 3),
  cold: run(120_000, 1.4 * 1024 ** 3, {
    pagefind: { pages: 7000, files: 9000, bytes: 9e6, ms: 12_000 },
    og: { cards: 7000, drawn: 7000, cached: 0, ownMs: 200_000, msPerImage: 29, workers: 2 },
  }),
  warm: run(15_000, 1.2 * 1024 ** 3),
  weight: {
    pages: 8000,
    totalGzip: { median: 8000, p95: 12_000, max: 50_000 },
    totalRaw: { median: 28_000, p95: 70_000, max: 500_000 },
    htmlGzip: { median: 4000, p95: 7000, max: 40_000 },
    jsWithoutSearch: { page: '/', raw: 1431, gzip: 737 },
    jsWithSearch: { page: '/practices/', raw: 12_000, gzip: 5400 },
  },
  bank: { htmlGzip: 50_000, elements: 1200 },
  pagefindBytes: 9e6,
  queries: [
    { query: 'родительское собрание', bytes: 140_000, byKind: {}, renderMs: 150, excerptMs: 190, status: 'Найдено 10 практик' },
    { query: 'наставников', bytes: 150_000, byKind: {}, renderMs: 310, excerptMs: 400, status: 'Найдено 4980 практик' },
  ],
  ...over,
});

const verdicts = (r: BenchResult) => goals(r).map((g) => g.met);

describe('benchmark report', () => {
  it('judges each goal by its bar', () => {
    // cold 1.2 × control ✓, warm 0.125 × cold and under the control ✓, 1.4 GB ✓, bank 49 KB / 1200 elements ✓, JS 1.4 KB ✓,
    // worst query 146 KB ✓ but 310 ms ✗, Pagefind 10 % ✓, OG 29 ms ✓, no Lighthouse.
    expect(verdicts(result())).toEqual([true, true, true, true, true, true, false, true, true, undefined]);
  });

  it('fails the time goals when the build is slower than the bars allow', () => {
    const r = result({
      cold: run(201_000, 1.6 * 1024 ** 3, { pagefind: { pages: 1, files: 1, bytes: 1, ms: 40_000 } }),
      warm: run(150_000, 1e9),
      bank: { htmlGzip: 50_000, elements: 1501 },
    });
    const [cold, warm, rss, bank, , , , pagefind, og] = verdicts(r);
    expect([cold, warm, rss, bank, pagefind, og]).toEqual([false, false, false, false, false, undefined]);
    expect(verdicts(result({ bank: { htmlGzip: 61 * 1024, elements: 100 } }))[3]).toBe(false);
  });

  it('fails the warm goal when the warm build is a small share of a slow cold build but slower than the control', () => {
    // 30 s is 0.1 × a 300 s cold build, yet an editor waits longer than a whole bare-Astro build (25 s).
    const r = result({ control: run(25_000, 1e9), cold: run(300_000, 1e9), warm: run(30_000, 1e9) });
    expect(verdicts(r)[1]).toBe(false);
  });

  it('marks figures not measured in this run as neither met nor missed', () => {
    const { queries: _q, ...rest } = result();
    const g = goals(rest);
    expect(g[5]).toMatchObject({ value: 'не измерено', met: undefined });
    expect(g[6]!.met).toBeUndefined();
    const { bank: _b, ...older } = result();
    expect(goals(older)[3]).toMatchObject({ value: 'не измерено', met: undefined });
  });

  it('names the step during which memory peaked', () => {
    const r = run(10_000, 1e9);
    r.figures.steps = [
      { key: 'gate', label: 'Проверка', ms: 2000 },
      { key: 'render', label: 'Отрисовка страниц', ms: 7000 },
      { key: 'exit', label: 'Завершение процесса', ms: 1000 },
    ];
    expect(stepAt(r, 1500)).toBe('Проверка');
    expect(stepAt(r, 8999)).toBe('Отрисовка страниц');
    expect(stepAt(r, 9500)).toBe('Завершение процесса');
    expect(stepAt(r, 20_000)).toBeUndefined();
  });

  it('writes the machine, the goals and the time breakdown into the Markdown report', () => {
    const md = resultsMarkdown(result());
    expect(md).toContain('Машина: 2 ядра (AMD EPYC), 24.00 ГБ памяти; Node v24.9.0');
    expect(md).toContain('| Холодная сборка / контроль (чистый Astro) | 120.0 с / 100.0 с = 1.20 × | ≤ 2.0 × (затем ≤ 1.3 ×) | да |');
    expect(md).toContain('| Первый запрос в копилке: время до результатов (худший) | 310 мс | ≤ 300 мс | **нет** |');
    expect(md).toContain('| Отрисовка страниц | 60.0 с (50.0 %) | 7.5 с (50.0 %) | 50.0 с (50.0 %) |');
    expect(md).toContain('Не измерялся в этом запуске (`--skip-lighthouse`).');
  });
});
