/**
 * Benchmark of the bank's search at district scale: generates a bank of
 * thousands of practices, builds the site from it, and measures in headless
 * Chromium what a methodologist's first query costs — bytes over the network
 * and time from the last keystroke to the results on screen — and what share
 * of the build the search index takes.
 *
 * The functions are exported for the project's overall benchmark; run alone:
 *   npm run bench:search -- [--practices 5000] [--query «…»]… [--keep]
 * (through npm, or with node_modules/.bin first on PATH: Node 24 is needed).
 * Everything it writes stays under .cache/bench-search/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CDPSession } from 'playwright-core';
import { stringify } from 'yaml';
import { serveSite } from './serve-site.ts';
import { launchChromium } from '../tests/helpers/chromium.ts';
import { lockPath, withLock } from '../src/build/lock.ts';
import { runNode } from '../tests/helpers/run.ts';
import { ROOT } from '../tests/helpers/paths.ts';

export const BENCH_DIR = path.join(ROOT, '.cache', 'bench-search');

/** A district-sized build (thousands of pages and link-preview cards) takes minutes on a small machine. */
const BUILD_TIMEOUT_MS = 60 * 60_000;

/** The queries a methodologist types into the bank. */
export const DEFAULT_QUERIES = ['родительское собрание', 'дисциплина в 7 классе', 'подготовка к ОГЭ', 'наставников'];

// ---------------------------------------------------------------- generator

/** A small deterministic PRNG (Lehmer), so every run generates the same bank. */
function random(seed: number): () => number {
  let s = seed % 2147483647 || 1;
  return () => (s = (s * 48271) % 2147483647) / 2147483647;
}

const TOPICS: Record<string, { title: string[]; text: string[] }> = {
  discipline: {
    title: [
      'Дисциплина на уроке в {grade} классе',
      'Правила урока, о которых договорились с классом',
      'Как удержать внимание {grade} класса',
    ],
    text: [
      'Наставник посетил несколько уроков подряд и отметил в листе наблюдения моменты, когда класс терял рабочий темп.',
      'Вместе с наставляемым составили три простых правила урока и обсудили их с учениками {grade} класса.',
      'Быстрое начало урока и понятные переходы между этапами сократили время, потерянное на организационные моменты.',
    ],
  },
  parents: {
    title: [
      'Первое родительское собрание молодого учителя',
      'Родительское собрание без конфликтов',
      'Встречи с родителями в {grade} классе',
    ],
    text: [
      'Молодой классный руководитель готовит первое родительское собрание вместе с наставником: повестка, приглашение, протокол.',
      'На репетиции коллеги играют роль родителей и задают трудные вопросы, а наставник помогает держать повестку собрания.',
      'После собрания пара разбирает, что сработало, и готовит короткое письмо родителям с итогами встречи.',
    ],
  },
  'lesson-planning': {
    title: ['Планирование урока по ФГОС вместе с наставником', 'Технологическая карта урока: разбор в паре', 'Урок открытия нового знания'],
    text: [
      'Пара составляет технологическую карту урока и сверяет цели, этапы и планируемые результаты с требованиями ФГОС.',
      'Наставник показывает, как распределить время урока, чтобы осталось время на рефлексию и обратную связь.',
      'Через месяц молодой учитель сам планирует серию уроков, а наставник только проверяет логику этапов.',
    ],
  },
  assessment: {
    title: [
      'Оценивание по критериям: согласование баллов',
      'Обратная связь ученикам без лишних оценок',
      'Проверка письменных работ вдвоём',
    ],
    text: [
      'Наставник и наставляемый проверяют одни и те же работы и сводят баллы в таблицу, чтобы увидеть расхождения.',
      'Каждое расхождение больше одного балла разбирается по формулировке критерия и по тексту работы ученика.',
      'Формирующее оценивание помогает ученикам понять, что уже получилось и что улучшить к следующему уроку.',
    ],
  },
  'oge-ege': {
    title: ['Подготовка к ОГЭ по предмету: годовой план', 'Подготовка к ЕГЭ без натаскивания', 'Диагностика перед экзаменом'],
    text: [
      'Пара читает спецификацию и кодификатор экзамена и распределяет темы подготовки к ОГЭ по четвертям.',
      'Раз в четверть проводится диагностическая работа, которую наставник и молодой учитель проверяют вместе.',
      'По итогам диагностики план подготовки к экзамену уточняется для каждой группы учеников.',
    ],
  },
  digital: {
    title: ['Цифровые инструменты для опытных педагогов', 'Электронный журнал и конструктор тестов', 'Интерактивная доска на уроке'],
    text: [
      'Молодые учителя проводят для коллег короткие практикумы по цифровым сервисам: тестам, доскам, облачным папкам.',
      'Каждый практикум заканчивается живым результатом — тестом или папкой для класса.',
      'Через две недели участники встречаются и рассказывают, что из освоенного уже применяют на уроках.',
    ],
  },
  documentation: {
    title: ['Ведение документации без авралов', 'Рабочая программа: что проверить', 'Локальные акты школы для нового учителя'],
    text: [
      'Наставник помогает новому учителю разобраться в локальных актах, рабочих программах и требованиях к журналу.',
      'Вопросы собираются в общем документе, а ответы пополняют папку, которой потом пользуются другие коллеги.',
      'План консультаций на первые три месяца выполняется в срок, замечаний к документации нет.',
    ],
  },
  motivation: {
    title: ['Мотивация учащихся в {grade} классе', 'Интерес к предмету через проекты', 'Как вернуть интерес класса'],
    text: [
      'Наставник предлагает приёмы, которые помогают удержать интерес учеников: выбор задания, игровые элементы, проекты.',
      'Молодой учитель пробует приём на уроке, а затем пара обсуждает, как на него отреагировали ученики.',
      'Доля учеников, выполняющих домашние задания, заметно выросла за четверть.',
    ],
  },
  inclusion: {
    title: ['Работа с детьми с ОВЗ в обычном классе', 'Адаптированные задания на уроке', 'Инклюзия: советы наставника'],
    text: [
      'Пара вместе с педагогом-психологом подбирает адаптированные задания для учеников с ограниченными возможностями здоровья.',
      'Наставник показывает, как организовать урок, чтобы каждый ученик работал в своём темпе.',
      'Родители отмечают, что дети стали увереннее на уроках.',
    ],
  },
  'class-teacher': {
    title: ['Классное руководство: первый год', 'Классный час, который ждут', 'План воспитательной работы класса'],
    text: [
      'Наставник помогает молодому классному руководителю составить план воспитательной работы на год.',
      'Классные часы готовятся вместе с учениками, а наставник подсказывает, как распределить поручения.',
      'Пара обсуждает трудные ситуации в классе и договаривается о единых правилах реагирования.',
    ],
  },
  time: {
    title: ['Распределение времени и нагрузки учителя', 'Неделя без переработок', 'Планирование рабочей недели'],
    text: [
      'Наставник делится приёмами планирования недели: проверка тетрадей, подготовка к урокам, время на отдых.',
      'Молодой учитель ведёт дневник времени две недели, а затем пара ищет, что можно сократить.',
      'Нагрузка распределена равномерно, учитель отмечает, что стало меньше усталости к концу четверти.',
    ],
  },
  attestation: {
    title: ['Подготовка к аттестации вместе с наставником', 'Портфолио педагога за год', 'Аттестация без стресса'],
    text: [
      'Наставник и наставляемый собирают портфолио к аттестации по разделам в течение года, а не в последний месяц.',
      'Открытый урок к аттестации репетируется с наставником, который задаёт вопросы как эксперт комиссии.',
      'Аттестация пройдена в срок, замечаний комиссии нет.',
    ],
  },
  'project-work': {
    title: ['Проектная деятельность учеников: сопровождение', 'Исследовательский проект в {grade} классе', 'Защита проектов'],
    text: [
      'Наставник помогает молодому учителю выстроить этапы проекта: от выбора темы до защиты.',
      'Пара составляет критерии оценивания проектов и обсуждает их с учениками заранее.',
      'Проекты учеников представлены на школьной конференции.',
    ],
  },
  adaptation: {
    title: ['Адаптация в коллективе нового учителя', 'Флеш-встречи для выбора наставника', 'Первые недели в школе'],
    text: [
      'Новый учитель знакомится с коллективом на коротких встречах с наставниками и выбирает, с кем хотел бы работать.',
      'Куратор учитывает взаимные предпочтения вместе с предметом, нагрузкой и запросами наставляемых.',
      'По итогам мониторинга комфорт общения в парах получил высокие оценки.',
    ],
  },
};

const FORMS = ['traditional', 'group', 'virtual', 'reverse', 'situational', 'flash', 'short-term'];
const TARGETS = ['young-specialists', 'new-staff', 'new-subject', 'mentors', 'all-teachers'];
const MATERIALS = ['method-guide', 'case', 'scenario', 'video', 'checklist', 'template'];
const LEVELS = ['primary', 'basic', 'secondary'];
const SUBJECTS = [
  'math',
  'informatics',
  'physics',
  'chemistry',
  'biology',
  'geography',
  'russian',
  'literature',
  'history',
  'social-studies',
  'english',
  'primary-school',
  'pe',
  'music',
  'technology',
];
const COMMON = [
  'Наставник и наставляемый встречаются раз в неделю и сверяют, что получилось и что попробовать дальше.',
  'Практика описана так, чтобы её можно было повторить в другой школе без дополнительных ресурсов.',
  'Материалы практики обсуждены на заседании методического объединения и доступны коллегам.',
  'Наставнику важно не давать готовых решений, а помогать молодому коллеге находить их самому.',
  'Результаты подтверждены листами наблюдения, анкетами обратной связи и записями в журнале наставничества.',
];

/** One generated practice file (front matter + body). */
function practiceFile(n: number, rnd: () => number, bestEvent: string): { name: string; text: string } {
  const pick = <T>(a: readonly T[]) => a[Math.floor(rnd() * a.length)]!;
  const topics = Object.keys(TOPICS);
  const main = pick(topics);
  const second = pick(topics.filter((t) => t !== main));
  const grade = String(5 + Math.floor(rnd() * 7));
  const fill = (s: string) => s.replace(/\{grade\}/g, grade);
  const year = 2019 + Math.floor(rnd() * 8);
  const subjects = rnd() < 0.4 ? [] : [pick(SUBJECTS)];
  const levels = [...new Set([pick(LEVELS), ...(rnd() < 0.5 ? [pick(LEVELS)] : [])])];
  const best = rnd() < 0.05 ? { year: Math.min(2026, year + 1), event: bestEvent } : undefined;
  const body = [
    ...TOPICS[main]!.text.map(fill),
    `## Как это устроено`,
    ...[pick(COMMON), pick(TOPICS[second]!.text), pick(COMMON)].map(fill),
    `## Что важно`,
    fill(pick(TOPICS[main]!.text)),
    pick(COMMON),
  ].join('\n\n');
  const data = {
    title: `${fill(pick(TOPICS[main]!.title))} (№ ${n})`,
    summary: fill(`${TOPICS[main]!.text[0]} ${pick(COMMON)}`),
    year,
    form: pick(FORMS),
    targetGroup: pick(TARGETS),
    subjects,
    levels,
    difficulties: [main, second],
    materialType: pick(MATERIALS),
    results: fill(TOPICS[main]!.text[2]!),
    resources: 'Время на встречи пары, лист наблюдения, 30–45 минут на разбор.',
    status: rnd() < 0.3 ? 'recommended' : 'review',
    ...(best ? { best } : {}),
  };
  return { name: `bench-${main}-${n}.md`, text: `---\n${stringify(data)}---\n\n${body}\n` };
}

/** Copies the demo content without its practices and adds `count` generated ones; returns the content root. */
export function generateBank(count: number, dir = path.join(BENCH_DIR, `content-${count}`), seed = 126): string {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(path.join(ROOT, 'content'), dir, { recursive: true, filter: (src) => !src.includes(`${path.sep}practices${path.sep}`) });
  fs.mkdirSync(path.join(dir, 'practices'), { recursive: true });
  const bestEvent = fs
    .readdirSync(path.join(dir, 'events'))
    .find((f) => f.startsWith('itogovaya-'))!
    .replace(/\.md$/, '');
  const rnd = random(seed);
  for (let n = 1; n <= count; n++) {
    const { name, text } = practiceFile(n, rnd, bestEvent);
    fs.writeFileSync(path.join(dir, 'practices', name), text);
  }
  return dir;
}

// ---------------------------------------------------------------- build

export interface BuildReport {
  /** Wall time of `astro build`, ms. */
  totalMs: number;
  /** Time of the search index step as the integration logged it, ms. */
  indexMs: number;
  indexPages: number;
  /** Size of dist/pagefind, bytes. */
  indexBytes: number;
  pages: number;
}

/**
 * Builds a content root into `outDir` and reads the search index step's figures from the log.
 * Holds the project's Astro lock (src/build/lock.ts): builds of different content
 * in one checkout share `.astro/` and must not overlap.
 */
export async function buildBank(contentDir: string, outDir: string): Promise<BuildReport> {
  return withLock(
    lockPath(ROOT),
    async () => {
      const started = performance.now();
      const result = await runNode(
        ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', outDir],
        {
          CONTENT_DIR: contentDir,
          NASTAVNIK_CACHE_DIR: path.join(BENCH_DIR, 'cache'),
          NODE_COMPILE_CACHE: path.join(BENCH_DIR, 'node-compile-cache'),
        },
        BUILD_TIMEOUT_MS,
      );
      return readBuildLog(result.code, result.stdout + result.stderr, performance.now() - started);
    },
    { waitMs: BUILD_TIMEOUT_MS },
  );
}

function readBuildLog(code: number | null, log: string, totalMs: number): BuildReport {
  if (code !== 0) throw new Error(`сборка не удалась (код ${code}):\n${log.slice(-4000)}`);
  const index = /поисковый индекс: страниц (\d+), файлов \d+ \((\d+) КБ\).* за (\d+) мс/.exec(log);
  if (!index) throw new Error('в журнале сборки нет строки поискового индекса');
  const pages = Number(/\[build\] (\d+) page\(s\) built/.exec(log)?.[1] ?? 0);
  return { totalMs, indexMs: Number(index[3]), indexPages: Number(index[1]), indexBytes: Number(index[2]) * 1024, pages };
}

// ---------------------------------------------------------------- first query

export interface QueryReport {
  query: string;
  /** Bytes on the wire after the page loaded that the first query caused (search bundle and scripts). */
  bytes: number;
  byKind: Record<string, { requests: number; bytes: number }>;
  /** From the last keystroke to the result list and count on screen, ms. */
  renderMs: number;
  /** From the last keystroke to the first highlighted excerpt, ms. */
  excerptMs: number;
  status: string;
}

function kindOf(url: string): string {
  const name = new URL(url).pathname;
  if (name.endsWith('/pagefind.js')) return 'pagefind.js';
  if (name.endsWith('pagefind-worker.js')) return 'worker';
  if (name.includes('/wasm.')) return 'wasm';
  if (name.endsWith('.pf_meta')) return 'meta';
  if (name.endsWith('pagefind-entry.json')) return 'entry';
  if (name.endsWith('.pf_index')) return 'index chunks';
  if (name.endsWith('.pf_filter')) return 'filter chunks';
  if (name.endsWith('.pf_fragment')) return 'fragments';
  if (name.startsWith('/_astro/') && name.endsWith('.js')) return 'site script';
  return name;
}

/** Counts bytes of every request that finishes while recording (Chromium's encoded length: headers + body). */
function recordNetwork(cdp: CDPSession): { start: () => void; stop: () => Map<string, number>; quietFor: (ms: number) => Promise<void> } {
  const urls = new Map<string, string>();
  const sizes = new Map<string, number>();
  let recording = false;
  let last = performance.now();
  cdp.on('Network.requestWillBeSent', (e) => {
    last = performance.now();
    if (recording) urls.set(e.requestId, e.request.url);
  });
  cdp.on('Network.loadingFinished', (e) => {
    last = performance.now();
    const url = urls.get(e.requestId);
    if (url) sizes.set(url, (sizes.get(url) ?? 0) + e.encodedDataLength);
  });
  return {
    start: () => (recording = true),
    stop: () => ((recording = false), sizes),
    quietFor: async (ms) => {
      const deadline = performance.now() + 20_000;
      while (performance.now() - last < ms && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    },
  };
}

/** Types a query into the bank in a fresh browser (cold cache) and measures it. */
export async function measureFirstQuery(siteUrl: string, query: string, charDelayMs = 60): Promise<QueryReport> {
  const browser = await launchChromium();
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const net = recordNetwork(cdp);
    await page.goto(`${siteUrl}/practices/`, { waitUntil: 'load' });
    await net.quietFor(300);
    await page.evaluate((q) => {
      const input = document.querySelector<HTMLInputElement>('#search-q')!;
      const status = document.querySelector('[data-status]')!;
      const list = document.querySelector('[data-list]')!;
      const bench = { lastInput: 0, rendered: 0, excerpt: 0, status: '' };
      (window as unknown as { __bench: typeof bench }).__bench = bench;
      input.addEventListener('input', () => (bench.lastInput = performance.now()), true);
      const isFinal = () => new URL(location.href).searchParams.get('q') === q;
      new MutationObserver(() => {
        if (!bench.rendered && isFinal() && /^Найден/.test(status.textContent ?? '')) {
          bench.rendered = performance.now();
          bench.status = status.textContent ?? '';
        }
      }).observe(status, { childList: true, characterData: true, subtree: true });
      new MutationObserver(() => {
        if (!bench.excerpt && bench.rendered && list.querySelector('li:not([hidden]) .excerpt')) bench.excerpt = performance.now();
      }).observe(list, { childList: true, subtree: true });
    }, query);
    net.start();
    await page.focus('#search-q');
    await page.keyboard.type(query, { delay: charDelayMs });
    await page.waitForFunction(() => (window as unknown as { __bench: { excerpt: number } }).__bench.excerpt > 0, null, {
      timeout: 30_000,
    });
    await net.quietFor(700);
    const sizes = net.stop();
    const bench = await page.evaluate(
      () => (window as unknown as { __bench: { lastInput: number; rendered: number; excerpt: number; status: string } }).__bench,
    );
    const byKind: QueryReport['byKind'] = {};
    let bytes = 0;
    for (const [url, size] of sizes) {
      // What the query caused: the search bundle and any lazily loaded script, not page chrome (the favicon).
      if (!/\/(pagefind|_astro)\//.test(new URL(url).pathname)) continue;
      const kind = kindOf(url);
      byKind[kind] ??= { requests: 0, bytes: 0 };
      byKind[kind].requests++;
      byKind[kind].bytes += size;
      bytes += size;
    }
    await context.close();
    return {
      query,
      bytes,
      byKind,
      renderMs: Math.round(bench.rendered - bench.lastInput),
      excerptMs: Math.round(bench.excerpt - bench.lastInput),
      status: bench.status,
    };
  } finally {
    await browser.close();
  }
}

// ---------------------------------------------------------------- all together

export interface SearchBenchReport {
  practices: number;
  cold: BuildReport;
  warm: BuildReport;
  /** Share of the (warm) build spent on the search index. */
  indexShare: number;
  queries: QueryReport[];
}

export async function benchSearch(
  options: { practices?: number; queries?: readonly string[]; keep?: boolean } = {},
): Promise<SearchBenchReport> {
  const count = options.practices ?? 5000;
  const content = generateBank(count);
  const dist = path.join(BENCH_DIR, `dist-${count}`);
  for (const cache of ['og-cache', 'astro-cache']) fs.rmSync(path.join(BENCH_DIR, cache), { recursive: true, force: true });
  const cold = await buildBank(content, dist);
  const warm = await buildBank(content, dist);
  const server = await serveSite(dist);
  const queries: QueryReport[] = [];
  try {
    for (const q of options.queries ?? DEFAULT_QUERIES) queries.push(await measureFirstQuery(server.url, q));
  } finally {
    await server.close();
  }
  if (!options.keep) fs.rmSync(content, { recursive: true, force: true });
  return { practices: count, cold, warm, indexShare: warm.indexMs / warm.totalMs, queries };
}

const kb = (b: number) => `${(b / 1024).toFixed(1)} КБ`;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} с`;

/** The report as a methodologist's terminal shows it. */
export function formatSearchBench(r: SearchBenchReport): string {
  const lines = [
    `Копилка из ${r.practices} практик`,
    `Сборка с холодными кэшами (рисуются карточки для соцсетей): ${s(r.cold.totalMs)}, из них поисковый индекс ${s(r.cold.indexMs)}`,
    `Повторная сборка (кэши Astro и карточек тёплые): ${s(r.warm.totalMs)}, поисковый индекс ${s(r.warm.indexMs)} — ${(r.indexShare * 100).toFixed(1)} % (норма ≤ 15 %)`,
    `Индекс: ${r.warm.indexPages} страниц, ${kb(r.warm.indexBytes)} на диске; страниц сайта ${r.warm.pages}`,
    '',
    'Первый запрос в копилке (холодный кэш, gzip на сервере; норма ≤ 150 КБ и ≤ 300 мс):',
  ];
  for (const q of r.queries) {
    lines.push(`  «${q.query}»: ${kb(q.bytes)}, результаты через ${q.renderMs} мс, выдержки через ${q.excerptMs} мс — ${q.status}`);
    for (const [kind, v] of Object.entries(q.byKind).sort((a, b) => b[1].bytes - a[1].bytes)) {
      lines.push(`      ${kind.padEnd(14)} ${String(v.requests).padStart(3)} × ${kb(v.bytes).padStart(9)}`);
    }
  }
  return lines.join('\n');
}

const HELP = `Замер поиска копилки на большой базе.

Использование: npm run bench:search -- [--practices 5000] [--query «…»]… [--keep]

Создаёт копилку из заданного числа практик (.cache/bench-search/), дважды
собирает сайт (с холодным и тёплым кэшем карточек), затем в Chromium вводит
каждый запрос в новом окне и меряет байты по сети и время до результатов.

  --practices N  сколько практик создать (по умолчанию 5000)
  --query Q      запрос (можно несколько; по умолчанию четыре типичных)
  --keep         не удалять созданное содержимое
  --json         напечатать отчёт в JSON
  --help         эта справка`;

/** The command line of `npm run bench:search`. */
export async function cli(): Promise<void> {
  const { values } = parseArgs({
    options: {
      practices: { type: 'string', default: '5000' },
      query: { type: 'string', multiple: true },
      keep: { type: 'boolean' },
      json: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(HELP);
    process.exit(0);
  }
  const practices = Number(values.practices);
  if (!Number.isInteger(practices) || practices < 1) {
    console.error(`--practices: ожидается целое число больше нуля, получено «${values.practices}»`);
    process.exit(2);
  }
  const report = await benchSearch({ practices, ...(values.query ? { queries: values.query } : {}), keep: values.keep ?? false });
  fs.mkdirSync(BENCH_DIR, { recursive: true });
  fs.writeFileSync(path.join(BENCH_DIR, 'report.json'), JSON.stringify(report, null, 2));
  console.log(values.json ? JSON.stringify(report, null, 2) : formatSearchBench(report));
}
