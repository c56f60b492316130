/**
 * Lighthouse on the pages a reader meets first — the home page, a news item,
 * a roadmap stage and the practices bank — and on the pages that grow or
 * that inspectors read (the news list, a facet page, a programme), with Debian's Chromium and the
 * mobile preset, as the quality bar of the section asks (each category at
 * least 98). A built `dist/` is served with the site's security headers,
 * gzip and cache policy (bench/serve-site.ts); a running site is measured by
 * its URL. Below 98 the failing audits are listed by title, so the owner of
 * the page knows what to fix.
 *
 * The functions are exported for `npm run bench`; run alone:
 *   npm run lighthouse [-- --dist DIR | --url http://…] [--runs 3]
 * It prints the scores and writes bench/lighthouse.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { type Result } from 'lighthouse';
import { writeMarkdown } from './markdown-file.ts';
import { serveSite } from './serve-site.ts';
import { contentDir } from '../src/lib/content-dir.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_LABELS: Record<Category, string> = {
  performance: 'Производительность',
  accessibility: 'Доступность',
  'best-practices': 'Рекомендации',
  seo: 'SEO',
};

/** The bar of the section: every category at least 98 of 100. */
export const MIN_SCORE = 98;

export const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

export interface LighthousePage {
  name: string;
  path: string;
}

export interface FailingAudit {
  category: Category;
  id: string;
  title: string;
  score: number;
  displayValue?: string;
  /** What the audit points at: elements and their causes, or resources (up to three). */
  detail?: string;
}

export interface LighthouseResult {
  page: LighthousePage;
  /** 0…100 per category, the median over the runs. */
  scores: Record<Category, number>;
  runs: number;
  /** Audits pulling a category below the bar (from the median run of that category). */
  failing: FailingAudit[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The addresses on page `from` (a site path) that `target` (a regular expression source) matches whole, in order. */
async function linksOn(baseUrl: string, from: string, target: string): Promise<string[]> {
  const res = await fetch(new URL(from, baseUrl), { signal: AbortSignal.timeout(30_000) });
  if (!res.ok) return [];
  const html = await res.text();
  return [...html.matchAll(new RegExp(`href="(?:${escape(baseUrl)})?(${target})"`, 'g'))].map((m) => m[1]!);
}

/**
 * The first entry page the index of `section` links to, e.g. the newest news
 * item: a page the search index reads (`data-pagefind-body`), so not a page
 * of the list, a feed or a blank form beside the entries.
 */
async function firstEntry(baseUrl: string, section: string): Promise<string | undefined> {
  for (const href of new Set(await linksOn(baseUrl, `/${section}/`, `/${section}/[a-z0-9-]+/`))) {
    const res = await fetch(new URL(href, baseUrl), { signal: AbortSignal.timeout(30_000) });
    if (res.ok && (await res.text()).includes('data-pagefind-body')) return href;
  }
  return undefined;
}

/**
 * The pages of the bar: the four a reader meets first (the home page, the
 * newest news item, a roadmap stage, the bank), and the lists that grow
 * with the years (the news list, a facet page of the bank) and a programme,
 * the page inspectors read most.
 */
export async function pagesToMeasure(baseUrl: string): Promise<LighthousePage[]> {
  const news = await firstEntry(baseUrl, 'news');
  if (!news) throw new Error(`${baseUrl}/news/: не найдено ни одной новости — нечего измерять`);
  const stage = (await firstEntry(baseUrl, 'roadmap')) ?? '/roadmap/stage-1/';
  const programme = await firstEntry(baseUrl, 'programs');
  const [facet] = await linksOn(baseUrl, '/practices/', '/practices/(?!page/)[a-z]+/[a-z0-9-]+/');
  return [
    { name: 'Главная', path: '/' },
    { name: 'Новость', path: news },
    { name: 'Этап дорожной карты', path: stage },
    { name: 'Методическая копилка', path: '/practices/' },
    ...(facet ? [{ name: 'Копилка по признаку', path: facet }] : []),
    ...(programme ? [{ name: 'Программа', path: programme }] : []),
    { name: 'Новости', path: '/news/' },
  ];
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;

type DetailItem = {
  url?: unknown;
  node?: { selector?: string };
  subItems?: { items?: { cause?: string; extra?: { value?: unknown } }[] };
};

const fileName = (url: unknown) => (typeof url === 'string' ? url.replace(/^.*\//, '') || url : '');

/** Elements (with the cause of a layout shift) or resource file names an audit lists. */
function auditDetail(lhr: Result, id: string): string | undefined {
  // The CLS metric itself lists nothing; its culprits are in the layout-shifts audit.
  const source = id === 'cumulative-layout-shift' ? 'layout-shifts' : id;
  const details = lhr.audits[source]?.details as { items?: DetailItem[] } | undefined;
  const items = (details?.items ?? []).filter((i) => i.node?.selector || typeof i.url === 'string').slice(0, 3);
  const text = items.map((i) => {
    if (!i.node?.selector) return `\`${fileName(i.url)}\``;
    const causes = (i.subItems?.items ?? []).map((c) => [c.cause, fileName(c.extra?.value)].filter(Boolean).join(' '));
    return causes.length ? `\`${i.node.selector}\` (${causes.join('; ')})` : `\`${i.node.selector}\``;
  });
  return text.length ? text.join(', ') : undefined;
}

function failingAudits(lhr: Result, category: Category): FailingAudit[] {
  const cat = lhr.categories[category];
  if (!cat) return [];
  return cat.auditRefs
    .map((ref) => ({ ref, audit: lhr.audits[ref.id]! }))
    .filter(
      ({ audit }) =>
        audit.score !== null && audit.score < 1 && !['informative', 'manual', 'notApplicable'].includes(audit.scoreDisplayMode),
    )
    .sort((a, b) => b.ref.weight - a.ref.weight || (a.audit.score ?? 0) - (b.audit.score ?? 0))
    .map(({ ref, audit }) => ({
      category,
      id: ref.id,
      title: audit.title,
      score: Math.round((audit.score ?? 0) * 100),
      ...(audit.displayValue ? { displayValue: audit.displayValue } : {}),
      ...(auditDetail(lhr, ref.id) ? { detail: auditDetail(lhr, ref.id) } : {}),
    }));
}

/** Attempts per run: on a busy machine Chromium now and then loses the trace (NO_NAVSTART) and Lighthouse asks to run again. */
const ATTEMPTS = 3;

async function audit(url: string, port: number): Promise<Result> {
  let problem = '';
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const run = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
    if (run && !run.lhr.runtimeError) return run.lhr;
    problem = run?.lhr.runtimeError ? `${run.lhr.runtimeError.code}: ${run.lhr.runtimeError.message}` : 'нет результата';
  }
  throw new Error(`Lighthouse: ${url}: ${ATTEMPTS} попытки не удались (${problem})`);
}

/** Runs Lighthouse `runs` times on each page in one headless Chromium; always closes it. */
export async function runLighthouse(baseUrl: string, pages: readonly LighthousePage[], runs = 3): Promise<LighthouseResult[]> {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    chromeFlags: CHROME_FLAGS,
    maxConnectionRetries: 100,
  });
  const killTimer = setTimeout(() => chrome.kill(), 30 * 60_000);
  try {
    const results: LighthouseResult[] = [];
    for (const page of pages) {
      const lhrs: Result[] = [];
      for (let i = 0; i < runs; i++) lhrs.push(await audit(new URL(page.path, baseUrl).href, chrome.port));
      const scoreOf = (lhr: Result, c: Category) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
      const scores = Object.fromEntries(CATEGORIES.map((c) => [c, median(lhrs.map((l) => scoreOf(l, c)))])) as Record<Category, number>;
      const failing = CATEGORIES.filter((c) => scores[c] < MIN_SCORE).flatMap((c) => {
        const medianRun = lhrs.find((l) => scoreOf(l, c) === scores[c])!;
        return failingAudits(medianRun, c);
      });
      results.push({ page, scores, runs, failing });
    }
    return results;
  } finally {
    clearTimeout(killTimer);
    chrome.kill();
  }
}

/** The scores as a Markdown table, with the failing audits of every page below the bar. */
export function lighthouseMarkdown(results: readonly LighthouseResult[]): string {
  const mark = (s: number) => (s >= MIN_SCORE ? `${s}` : `**${s}** ✗`);
  const lines = [
    `| Страница | ${CATEGORIES.map((c) => CATEGORY_LABELS[c]).join(' | ')} |`,
    `| --- | ${CATEGORIES.map(() => '---:').join(' | ')} |`,
    ...results.map((r) => `| ${r.page.name} (\`${r.page.path}\`) | ${CATEGORIES.map((c) => mark(r.scores[c])).join(' | ')} |`),
  ];
  for (const r of results.filter((x) => x.failing.length)) {
    lines.push('', `Ниже ${MIN_SCORE} — ${r.page.name} (\`${r.page.path}\`):`, '');
    for (const a of r.failing.slice(0, 12)) {
      const value = a.displayValue ? `, ${a.displayValue}` : '';
      const detail = a.detail ? ` — ${a.detail}` : '';
      lines.push(`- ${CATEGORY_LABELS[a.category]}: «${a.title}» (\`${a.id}\`) — ${a.score}/100${value}${detail}`);
    }
  }
  return lines.join('\n');
}

const HELP = `Lighthouse (мобильный профиль, Chromium из Debian) на главной, новости, этапе дорожной карты, в копилке, на странице копилки по признаку, программе и списке новостей.

Использование: npm run lighthouse [-- --dist ПАПКА | --url АДРЕС] [--runs 3]

  --dist ПАПКА  собранный сайт (по умолчанию dist/); раздаётся локально с заголовками безопасности и gzip
  --url АДРЕС   работающий сайт, например http://127.0.0.1:4321
  --runs N      прогонов на страницу (по умолчанию 3; берётся медиана)
  --help        эта справка

Печатает оценки (норма — не ниже ${MIN_SCORE} по каждой категории) и пишет bench/lighthouse.md;
ниже нормы — перечисляет проваленные проверки.`;

export async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { dist: { type: 'string' }, url: { type: 'string' }, runs: { type: 'string', default: '3' }, help: { type: 'boolean' } },
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs: ожидается целое число больше нуля, получено «${values.runs}»`);
  if (values.dist && values.url) throw new Error('укажите что-то одно: --dist или --url');
  let server: Awaited<ReturnType<typeof serveSite>> | undefined;
  let baseUrl = values.url;
  /** Where the pages came from, as the report names it. */
  let source = values.url ? `адрес ${values.url}` : '';
  if (!baseUrl) {
    const dist = path.resolve(values.dist ?? path.join(ROOT, 'dist'));
    if (!fs.existsSync(path.join(dist, 'index.html'))) {
      throw new Error(`${path.relative(ROOT, dist) || dist}: нет собранного сайта (index.html); соберите его: npm run build`);
    }
    server = await serveSite(dist);
    baseUrl = server.url;
    source = `собранный сайт \`${path.relative(ROOT, dist) || dist}/\``;
    if (!values.dist) source += ` (\`npm run build\`, содержимое \`${path.relative(ROOT, contentDir()) || '.'}/\`)`;
  }
  try {
    const results = await runLighthouse(baseUrl, await pagesToMeasure(baseUrl), runs);
    const table = lighthouseMarkdown(results);
    console.log(table);
    const out = path.join(ROOT, 'bench', 'lighthouse.md');
    await writeMarkdown(
      out,
      `# Lighthouse\n\nИсточник: ${source}; мобильный профиль, Chromium из Debian, прогонов на страницу: ${runs} (берётся медиана); ${new Date().toISOString().slice(0, 10)}.\n\n${table}\n`,
    );
    console.log(`\nЗаписано: ${path.relative(ROOT, out)}`);
    if (results.some((r) => Object.values(r.scores).some((s) => s < MIN_SCORE))) process.exitCode = 1;
  } finally {
    await server?.close();
  }
}
