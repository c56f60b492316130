/**
 * The benchmark's report: every figure against its goal, and where the build
 * time goes. Pure functions of the measured result, so the committed
 * bench/results.md and the terminal summary always say the same thing.
 */
import type { QueryReport } from './search.ts';
import { CATEGORIES, CATEGORY_LABELS, MIN_SCORE, lighthouseMarkdown, type LighthouseResult } from './lighthouse.ts';
import { STEPS, type BuildFigures } from './build-log.ts';
import type { CorpusCounts } from './corpus/generate.ts';
import type { BankPage, SiteWeight } from './page-weight.ts';
import type { HotFunction } from './profile.ts';

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryBytes: number;
  node: string;
  astro: string;
  pagefind: string;
}

export interface BuildRun {
  wallMs: number;
  peakTreeRss: number;
  peakProcessRss: number;
  /** When the tree's peak was reached, ms since the start (absent in results of older runs). */
  peakAtMs?: number;
  /** One-minute load average when the build started (other work on the machine). */
  loadBefore: number;
  figures: BuildFigures;
}

export interface BenchResult {
  /** When the run started, ISO. */
  date: string;
  machine: Machine;
  seed: number;
  scale: number;
  counts: CorpusCounts;
  /** Entries the validator read, and its warnings (errors stop the run). */
  entries: number;
  warnings: number;
  /** Content root relative path of the news item the warm rebuild edited. */
  edited: string;
  control: BuildRun;
  cold: BuildRun;
  warm: BuildRun;
  weight: SiteWeight;
  /** The no-JS bank page `/practices/` (absent in results of older runs). */
  bank?: BankPage;
  /** dist/pagefind on disk after the cold build, bytes. */
  pagefindBytes: number;
  queries?: QueryReport[];
  lighthouse?: LighthouseResult[];
  /** Measurements that failed in this run, with the reason. */
  failures?: string[];
  /** A further warm build under the V8 profiler (`--profile`). */
  profile?: { wallMs: number; totalMs: number; hot: HotFunction[]; file: string };
}

export interface Goal {
  figure: string;
  value: string;
  goal: string;
  /** Undefined when the figure was not measured in this run. */
  met: boolean | undefined;
}

export const LIMITS = {
  coldToControl: 2,
  /** The bar after the first one is met. */
  coldToControlNext: 1.3,
  warmToCold: 0.15,
  peakRssBytes: 1.5 * 1024 ** 3,
  bankHtmlGzipBytes: 60 * 1024,
  bankElements: 1500,
  jsWithoutSearchBytes: 5 * 1024,
  firstQueryBytes: 150 * 1024,
  firstQueryMs: 300,
  pagefindShare: 0.15,
  ogMsPerImage: 40,
} as const;

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} с`;
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} КБ`;
export const mb = (bytes: number) => `${Math.round(bytes / 1024 ** 2)} МБ`;
const gb = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(2)} ГБ`;
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const ratio = (x: number) => `${x.toFixed(2)} ×`;

export const pagesPerSecond = (run: BuildRun) => (run.figures.pages ?? 0) / (run.wallMs / 1000);

/** Every goal of the quality bar with this run's figure. */
export function goals(r: BenchResult): Goal[] {
  const peak = Math.max(r.cold.peakTreeRss, r.warm.peakTreeRss);
  const pagefindMs = r.cold.figures.pagefind?.ms;
  const og = r.cold.figures.og?.msPerImage;
  const worstBytes = r.queries?.length ? Math.max(...r.queries.map((q) => q.bytes)) : undefined;
  const worstMs = r.queries?.length ? Math.max(...r.queries.map((q) => q.renderMs)) : undefined;
  const js = r.weight.jsWithoutSearch;
  const list: Goal[] = [
    {
      figure: 'Холодная сборка / контроль (чистый Astro)',
      value: `${seconds(r.cold.wallMs)} / ${seconds(r.control.wallMs)} = ${ratio(r.cold.wallMs / r.control.wallMs)}`,
      goal: `≤ ${LIMITS.coldToControl.toFixed(1)} × (затем ≤ ${LIMITS.coldToControlNext} ×)`,
      met: r.cold.wallMs <= LIMITS.coldToControl * r.control.wallMs,
    },
    {
      figure: 'Повторная сборка после правки одной новости / холодная',
      value: `${seconds(r.warm.wallMs)} / ${seconds(r.cold.wallMs)} = ${ratio(r.warm.wallMs / r.cold.wallMs)}; контроль ${seconds(r.control.wallMs)}`,
      goal: `≤ ${LIMITS.warmToCold} × и не дольше холодной сборки контроля`,
      met: r.warm.wallMs <= LIMITS.warmToCold * r.cold.wallMs && r.warm.wallMs <= r.control.wallMs,
    },
    {
      figure: 'Пиковая память сборки (RSS всего дерева процессов)',
      value: `${gb(peak)} (холодная ${gb(r.cold.peakTreeRss)}, повторная ${gb(r.warm.peakTreeRss)})`,
      goal: '≤ 1.5 ГБ',
      met: peak <= LIMITS.peakRssBytes,
    },
    {
      figure: 'HTML копилки `/practices/`',
      value: r.bank ? `${kb(r.bank.htmlGzip)} gzip, ${r.bank.elements} элементов` : 'не измерено',
      goal: '≤ 60 КБ gzip, ≤ 1500 элементов',
      met: r.bank ? r.bank.htmlGzip <= LIMITS.bankHtmlGzipBytes && r.bank.elements <= LIMITS.bankElements : undefined,
    },
    {
      figure: 'JavaScript на публичной странице без поиска',
      value: `${kb(js.raw)} (gzip ${kb(js.gzip)}), больше всего — \`${js.page}\``,
      goal: '≤ 5 КБ',
      met: js.raw <= LIMITS.jsWithoutSearchBytes,
    },
    {
      figure: 'Первый запрос в копилке: байты (худший из запросов)',
      value: worstBytes === undefined ? 'не измерено' : kb(worstBytes),
      goal: '≤ 150 КБ',
      met: worstBytes === undefined ? undefined : worstBytes <= LIMITS.firstQueryBytes,
    },
    {
      figure: 'Первый запрос в копилке: время до результатов (худший)',
      value: worstMs === undefined ? 'не измерено' : `${worstMs} мс`,
      goal: '≤ 300 мс',
      met: worstMs === undefined ? undefined : worstMs <= LIMITS.firstQueryMs,
    },
    {
      figure: 'Поисковый индекс (Pagefind) / вся холодная сборка',
      value:
        pagefindMs === undefined
          ? 'нет строки в журнале'
          : `${seconds(pagefindMs)} / ${seconds(r.cold.wallMs)} = ${pct(pagefindMs / r.cold.wallMs)}`,
      goal: '≤ 15 %',
      met: pagefindMs === undefined ? undefined : pagefindMs <= LIMITS.pagefindShare * r.cold.wallMs,
    },
    {
      figure: 'Карточка для соцсетей (OG), холодная сборка',
      value:
        og === undefined
          ? 'не рисовались'
          : `${og} мс на карточку (${r.cold.figures.og?.drawn} карточек, процессов: ${r.cold.figures.og?.workers})`,
      goal: '≤ 40 мс',
      met: og === undefined ? undefined : og <= LIMITS.ogMsPerImage,
    },
  ];
  const lh = r.lighthouse;
  list.push({
    figure: `Lighthouse (мобильный профиль), худшая оценка по ${lh?.length ?? 'измеренным'} страницам`,
    value: lh?.length
      ? CATEGORIES.map((c) => `${CATEGORY_LABELS[c]} ${Math.min(...lh.map((x) => x.scores[c]))}`).join(', ')
      : r.failures?.some((f) => f.startsWith('Lighthouse'))
        ? 'не удалось'
        : 'не измерено (--skip-lighthouse)',
    goal: `≥ ${MIN_SCORE} на каждой странице`,
    met: lh?.length ? lh.every((x) => CATEGORIES.every((c) => x.scores[c] >= MIN_SCORE)) : undefined,
  });
  return list;
}

const verdict = (met: boolean | undefined) => (met === undefined ? '—' : met ? 'да' : '**нет**');

/** Rows of the time breakdown: step → ms in each build (missing steps of the control are blank). */
function breakdown(r: BenchResult): string[] {
  const runs = [r.cold, r.warm, r.control];
  const keys = [...STEPS.map((s) => s.key), 'exit'];
  const rows = keys.flatMap((key) => {
    const cells = runs.map((run) => run.figures.steps.find((s) => s.key === key));
    const label = cells.find(Boolean)?.label;
    if (!label) return [];
    const cell = (i: number) => {
      const s = cells[i];
      return s ? `${seconds(s.ms)} (${pct(s.ms / runs[i]!.wallMs)})` : '';
    };
    return [`| ${label} | ${cell(0)} | ${cell(1)} | ${cell(2)} |`];
  });
  return [
    '| Шаг (конец шага — строка журнала) | Холодная | Повторная | Контроль |',
    '| --- | ---: | ---: | ---: |',
    ...rows,
    `| **Всего** | **${seconds(r.cold.wallMs)}** | **${seconds(r.warm.wallMs)}** | **${seconds(r.control.wallMs)}** |`,
  ];
}

function ownTimes(run: BuildRun): string[] {
  const f = run.figures;
  const out: string[] = [];
  if (f.gate) out.push(`проверка содержимого и согласий ${f.gate.ms} мс (${f.gate.entries} записей)`);
  if (f.renderMs !== undefined) out.push(`отрисовка страниц по отчёту Astro ${seconds(f.renderMs)}`);
  if (f.og) out.push(`карточки: ${f.og.cards}, нарисовано ${f.og.drawn}, из кэша ${f.og.cached}, собственное время ${seconds(f.og.ownMs)}`);
  if (f.cms) out.push(f.cms.built ? `редактор /admin/ собран за ${seconds(f.cms.ms ?? 0)}` : 'редактор /admin/ взят из кэша');
  if (f.pagefind) out.push(`Pagefind ${seconds(f.pagefind.ms)}, ${f.pagefind.pages} страниц в индексе`);
  if (f.leakScan) out.push(`проверка на утечки ${seconds(f.leakScan.ms)} (${f.leakScan.files} файлов)`);
  if (f.stripMetadata) out.push(`очистка метаданных ${f.stripMetadata.ms} мс (${f.stripMetadata.images} изображений)`);
  return out;
}

/** The step that was running at a moment of the build. */
export function stepAt(run: BuildRun, ms: number): string | undefined {
  let end = 0;
  for (const step of run.figures.steps) {
    end += step.ms;
    if (ms <= end) return step.label;
  }
  return undefined;
}

function buildTable(r: BenchResult): string[] {
  const peakStep = (run: BuildRun) => (run.peakAtMs === undefined ? '—' : (stepAt(run, run.peakAtMs) ?? '—'));
  const row = (name: string, run: BuildRun) =>
    `| ${name} | ${seconds(run.wallMs)} | ${run.figures.pages ?? '—'} | ${pagesPerSecond(run).toFixed(1)} | ${mb(run.peakTreeRss)} | ${mb(run.peakProcessRss)} | ${peakStep(run)} | ${run.loadBefore.toFixed(2)} |`;
  return [
    '| Сборка | Время | Файлов | Файлов/с | Пик RSS дерева | Пик RSS процесса | Пик во время шага | Загрузка до начала |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: |',
    row('Полная, холодная (пустые кэши)', r.cold),
    row('Полная, повторная (правка одной новости)', r.warm),
    row('Контроль: чистый Astro 7', r.control),
  ];
}

/** bench/results.md. */
export function resultsMarkdown(r: BenchResult): string {
  const m = r.machine;
  const c = r.counts;
  const w = r.weight;
  const lines = [
    '# Замер на масштабе района',
    '',
    `Запуск ${r.date.slice(0, 16).replace('T', ' ')} UTC: \`npm run bench -- --scale ${r.scale} --seed ${r.seed}\`. Как запускать и читать — [docs/benchmark.md](../docs/benchmark.md).`,
    '',
    `Машина: ${m.cpus} ядра (${m.cpuModel}), ${gb(m.memoryBytes)} памяти; Node ${m.node}, Astro ${m.astro}, Pagefind ${m.pagefind}.`,
    '',
    `Содержимое: ${c.practices} практик, ${c.news} новостей, ${c.programs} программ, ${c.people} участников реестра (согласия во всех состояниях) плюс демонстрационные этапы, документы, события и справочники — всего ${r.entries} записей; проверка: ошибок 0, предупреждений ${r.warnings}. Повторная сборка — после правки заголовка и текста новости \`${r.edited}\`.`,
    '',
    ...(r.failures?.length ? ['**Не удалось измерить:**', '', ...r.failures.map((f) => `- ${f}`), ''] : []),
    '## Цели',
    '',
    '| Показатель | Значение | Цель | Достигнута |',
    '| --- | --- | --- | --- |',
    ...goals(r).map((g) => `| ${g.figure} | ${g.value} | ${g.goal} | ${verdict(g.met)} |`),
    '',
    '## Сборки',
    '',
    ...buildTable(r),
    '',
    '«Файлов» — сколько файлов Astro сообщил как собранные (страницы, ленты, JSON). Пик RSS — сумма памяти процесса сборки и всех его потомков (редактор /admin/, Pagefind, процессы карточек), опрос /proc каждые 200 мс.',
    '',
    '## Куда уходит время',
    '',
    ...breakdown(r),
    '',
    'Время шага — от предыдущей строки журнала до строки, которой шаг заканчивается. Собственное время шагов по их журналу:',
    '',
    `- холодная: ${ownTimes(r.cold).join('; ')};`,
    `- повторная: ${ownTimes(r.warm).join('; ')}.`,
    '',
    '## Вес страниц',
    '',
    `HTML + CSS + JS каждой страницы (файл считается один раз на страницу, шрифты и картинки не считаются), ${w.pages} страниц без /admin/:`,
    '',
    '| | Медиана | 95-й процентиль | Максимум |',
    '| --- | ---: | ---: | ---: |',
    `| Всего, gzip | ${kb(w.totalGzip.median)} | ${kb(w.totalGzip.p95)} | ${kb(w.totalGzip.max)} |`,
    `| Всего, без сжатия | ${kb(w.totalRaw.median)} | ${kb(w.totalRaw.p95)} | ${kb(w.totalRaw.max)} |`,
    `| Только HTML, gzip | ${kb(w.htmlGzip.median)} | ${kb(w.htmlGzip.p95)} | ${kb(w.htmlGzip.max)} |`,
    '',
    `JavaScript: на страницах без поиска — не больше ${kb(w.jsWithoutSearch.raw)} (\`${w.jsWithoutSearch.page}\`); на страницах с поиском — ${w.jsWithSearch ? `${kb(w.jsWithSearch.raw)}, gzip ${kb(w.jsWithSearch.gzip)} (\`${w.jsWithSearch.page}\`)` : 'нет таких страниц'}.`,
    '',
    `Поисковый индекс: ${r.cold.figures.pagefind?.pages ?? '—'} страниц, ${mb(r.pagefindBytes)} на диске (\`dist/pagefind/\`).`,
  ];
  if (r.queries?.length) {
    lines.push(
      '',
      '## Первый запрос в копилке',
      '',
      'Новое окно Chromium (пустой кэш), сервер с gzip и заголовками безопасности, запрос набирается по буквам (bench/search.ts):',
      '',
      '| Запрос | Байт по сети | До результатов | До выдержек | Найдено |',
      '| --- | ---: | ---: | ---: | --- |',
      ...r.queries.map((q) => `| «${q.query}» | ${kb(q.bytes)} | ${q.renderMs} мс | ${q.excerptMs} мс | ${q.status} |`),
    );
  }
  if (r.profile) {
    const p = r.profile;
    lines.push(
      '',
      '## Профиль повторной сборки',
      '',
      `Ещё одна повторная сборка под профилировщиком V8 (\`--profile\`; ${seconds(p.wallMs)} с профилировщиком, основной поток). «Всего» — функция вместе со всем, что она вызывает; «своё» — только её код. Самые дорогие функции проекта и библиотек (без обвязки Astro и Node):`,
      '',
      '| Функция | Файл | Всего | Доля | Своё |',
      '| --- | --- | ---: | ---: | ---: |',
      ...p.hot.map(
        (f) =>
          `| \`${f.name}\` | \`${f.file}:${f.line}\` | ${seconds(f.inclusiveMs)} | ${pct(f.inclusiveMs / p.totalMs)} | ${seconds(f.selfMs)} |`,
      ),
    );
  }
  lines.push('', '## Lighthouse', '');
  const noLighthouse = r.failures?.some((f) => f.startsWith('Lighthouse'))
    ? 'Не удался (см. начало отчёта).'
    : 'Не измерялся в этом запуске (`--skip-lighthouse`).';
  lines.push(r.lighthouse?.length ? lighthouseMarkdown(r.lighthouse) : noLighthouse);
  return `${lines.join('\n')}\n`;
}

/** The short terminal summary. */
export function summaryText(r: BenchResult): string {
  const out = [`Замер: масштаб ${r.scale}, зерно ${r.seed}, записей ${r.entries}`];
  for (const g of goals(r)) out.push(`${g.met === undefined ? '·' : g.met ? '✓' : '✗'} ${g.figure}: ${g.value} (цель ${g.goal})`);
  return out.join('\n');
}
