/**
 * The scale benchmark of the section: a district-sized corpus (by default
 * 5,000 practices, 2,000 news items, 300 programmes, 200 registry people),
 * built with the full pipeline — cold, then warm after editing one news
 * item — and, in the same run, by a bare Astro 7 control over the same
 * Markdown. It measures time, memory, page weight, the bank's first query
 * and Lighthouse, compares each figure with the section's quality bar, and
 * writes bench/results.md.
 *
 *   npm run bench [-- --scale 1|0.2|0.1 --seed 126 --skip-lighthouse]
 *   npm run bench -- --curve   (the builds at scales 0.25, 0.5, 1 and 2:
 *                               cost per entry against size, bench/curve.svg)
 *
 * Everything generated stays under .cache/bench/ and .cache/bench-control/.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatLog, parseBuildLog, readLog, type LogLine } from './build-log.ts';
import { writeControlProject } from './control.ts';
import { editCorpus, writeCorpus, type Corpus } from './corpus/write.ts';
import { CURVE_SCALES, curveMarkdown, curveSvg, type CurvePoint } from './curve.ts';
import { writeMarkdown } from './markdown-file.ts';
import { measure } from './measure.ts';
import { dirBytes, weighBankPage, weighSite } from './page-weight.ts';
import { hotSpots, summariseProfile, type CpuProfile } from './profile.ts';
import { resultsMarkdown, seconds, mb, summaryText, type BenchResult, type BuildRun, type Machine } from './report.ts';
import { serveSite } from './serve-site.ts';
import { formatProblem, isError } from '../src/lib/problems.ts';
import { reviewContent } from '../src/privacy/gate.ts';
import { lockPath, withLock } from '../src/build/lock.ts';
import { DEFAULT_QUERIES, measureFirstQuery, type QueryReport } from './search.ts';
import { pagesToMeasure, runLighthouse, type LighthouseResult } from './lighthouse.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const BENCH = path.join(ROOT, '.cache', 'bench');
const CONTROL_ROOT = path.join(ROOT, '.cache', 'bench-control');
const ASTRO = path.join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
/** The project's build command (`npm run build`): Astro, then the post-steps in a process of their own. */
const BUILD = path.join(ROOT, 'scripts', 'build.ts');
/** The raw figures of the last run, from which `--report-only` writes the report again. */
const RESULTS_JSON = path.join(BENCH, 'results.json');

/** A district-scale build takes minutes on a small machine; a hung one must still end. */
const BUILD_TIMEOUT_MS = 60 * 60_000;
/** Other builds of this checkout hold the Astro lock for a minute or two. */
const LOCK_WAIT_MS = 30 * 60_000;

const HELP = `Замер сборки на масштабе района и сравнение с чистым Astro.

Использование: npm run bench [-- --scale 1 --seed 126 --skip-lighthouse --profile]
               npm run bench -- --curve

  --scale N          доля полного объёма (1 = 5000 практик, 2000 новостей, 300 программ,
                     200 участников реестра); 0.1 — быстрый прогон
  --seed N           зерно генератора: одно зерно — одно и то же содержимое (по умолчанию 126)
  --skip-lighthouse  без Lighthouse
  --runs N           прогонов Lighthouse на страницу (по умолчанию 3, берётся медиана)
  --profile          ещё одна повторная сборка под профилировщиком V8: самые дорогие функции
  --out ФАЙЛ         куда записать отчёт (по умолчанию bench/results.md)
  --curve            только сборки (контроль, холодная, повторная) на масштабах
                     ${CURVE_SCALES.join(', ')}: стоимость записи против объёма, bench/curve.svg
                     и bench/curve.md (дольше обычного запуска: на 2 ядрах около часа)
  --report-only      ничего не собирать: написать отчёт заново по результатам и журналам
                     прошлого запуска (.cache/bench/results.json, .cache/bench/logs/)
  --help             эта справка

Создаёт содержимое в .cache/bench/content-<зерно>/, собирает его полным конвейером
(с пустыми кэшами, затем повторно после правки одной новости) и контрольным проектом
на чистом Astro, меряет время, память, вес страниц, первый запрос в копилке и
Lighthouse. Печатает итог и пишет bench/results.md. Полный масштаб на 2 ядрах — 10–20 минут.`;

function machine(): Machine {
  const cpuinfo = fs.readFileSync('/proc/cpuinfo', 'utf8');
  const version = (pkg: string) =>
    (JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
  return {
    cpus: os.availableParallelism(),
    cpuModel: /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? 'неизвестный процессор',
    memoryBytes: os.totalmem(),
    node: process.version,
    astro: version('astro'),
    pagefind: version('pagefind'),
  };
}

const fresh = (...dirs: string[]) => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true }));

/** The three measured builds: their names on screen and their log files. */
const BUILDS = {
  control: 'Контроль (чистый Astro)',
  cold: 'Полная сборка, холодная',
  warm: 'Полная сборка, повторная',
  profile: 'Профиль (ещё одна повторная сборка с --cpu-prof)',
} as const;
type BuildKey = keyof typeof BUILDS;

const LOGS = path.join(BENCH, 'logs');
const logFile = (key: BuildKey, dir = LOGS) => path.join(dir, `${key}.log`);

function saveLog(key: BuildKey, lines: readonly LogLine[], dir: string): string {
  const file = logFile(key, dir);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, formatLog(lines));
  return file;
}

/**
 * Astro keeps generated modules of the last build in the project's `.astro/`
 * (content-assets.mjs: the images of the content) and rewrites them only when
 * its own cache says the content changed. Another build of this checkout
 * (a test's fixture) may run between the cold and the warm build and leave
 * its own files there; the warm build then starts from the state the cold
 * build left, as it would on a server that builds one site.
 */
const DOT_ASTRO = path.join(ROOT, '.astro');
const DOT_ASTRO_SNAPSHOT = path.join(BENCH, 'dot-astro');

interface BuildOptions {
  /** Node options of every process of the build (e.g. `--cpu-prof`), through NODE_OPTIONS. */
  nodeOptions?: string;
  /** Restore `.astro/` as the cold build left it before building, and save it after. */
  dotAstro?: 'save' | 'restore';
  /** Where the build's log is kept (the curve keeps one folder per size). */
  logDir?: string;
}

/**
 * One measured build — the project's `npm run build` or the control's `astro build` — holding the
 * project's Astro lock so no other build shares the machine's cores.
 */
async function measuredBuild(
  key: BuildKey,
  cwd: string,
  command: string[],
  env: Record<string, string>,
  options: BuildOptions = {},
): Promise<BuildRun> {
  const name = BUILDS[key];
  process.stdout.write(`${name}… `);
  const run = await withLock(
    lockPath(ROOT),
    async () => {
      if (options.dotAstro === 'restore') fs.cpSync(DOT_ASTRO_SNAPSHOT, DOT_ASTRO, { recursive: true, force: true });
      const loadBefore = os.loadavg()[0]!;
      const measured = await measure(process.execPath, command, {
        cwd,
        env: options.nodeOptions ? { ...env, NODE_OPTIONS: options.nodeOptions } : env,
        timeoutMs: BUILD_TIMEOUT_MS,
      });
      if (options.dotAstro === 'save' && measured.code === 0) {
        fresh(DOT_ASTRO_SNAPSHOT);
        fs.cpSync(DOT_ASTRO, DOT_ASTRO_SNAPSHOT, { recursive: true });
      }
      return { loadBefore, measured };
    },
    { waitMs: LOCK_WAIT_MS },
  );
  const { measured, loadBefore } = run;
  const log = saveLog(key, measured.lines, options.logDir ?? LOGS);
  if (measured.code !== 0) {
    const tail = measured.lines
      .slice(-40)
      .map((l) => l.text)
      .join('\n');
    throw new Error(`${name}: сборка не удалась (код ${measured.code}), журнал: ${path.relative(ROOT, log)}\n${tail}`);
  }
  console.log(`${seconds(measured.wallMs)}, пик ${mb(measured.peakTreeRss)}`);
  return {
    wallMs: measured.wallMs,
    peakTreeRss: measured.peakTreeRss,
    peakProcessRss: measured.peakProcessRss,
    peakAtMs: measured.peakAtMs,
    loadBefore,
    figures: parseBuildLog(measured.lines, measured.wallMs),
  };
}

export async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: '1' },
      seed: { type: 'string', default: '126' },
      'skip-lighthouse': { type: 'boolean' },
      runs: { type: 'string', default: '3' },
      profile: { type: 'boolean' },
      out: { type: 'string', default: 'bench/results.md' },
      'report-only': { type: 'boolean' },
      curve: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  const out = path.resolve(ROOT, values.out);
  if (values['report-only']) {
    await writeReport(rereadLogs(), out);
    return;
  }
  const scale = Number(values.scale);
  const seed = Number(values.seed);
  const runs = Number(values.runs);
  if (!(scale > 0 && scale <= 4)) throw new Error(`--scale: ожидается число больше 0 и не больше 4, получено «${values.scale}»`);
  if (!Number.isInteger(seed) || seed < 0) throw new Error(`--seed: ожидается целое неотрицательное число, получено «${values.seed}»`);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs: ожидается целое число больше нуля, получено «${values.runs}»`);

  if (values.curve) {
    await runCurve(seed);
    return;
  }

  const date = new Date().toISOString();
  const { corpus, entries, warnings, control, cold, warm, pagefindBytes, dist, fullEnv } = await corpusBuilds(
    scale,
    seed,
    path.join(BENCH, `content-${seed}`),
    LOGS,
  );
  let profile: BenchResult['profile'];
  if (values.profile) {
    const dir = path.join(BENCH, 'profile');
    fresh(dir);
    const run = await measuredBuild('profile', ROOT, [BUILD, '--outDir', dist], fullEnv, {
      dotAstro: 'restore',
      nodeOptions: `--cpu-prof --cpu-prof-dir=${dir}`,
    });
    // Astro's main thread has the largest profile; the post-step process and worker threads write their own.
    const main = fs
      .readdirSync(dir)
      .map((f) => path.join(dir, f))
      .sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0];
    if (main) {
      const summary = summariseProfile(JSON.parse(fs.readFileSync(main, 'utf8')) as CpuProfile, ROOT);
      profile = { wallMs: run.wallMs, totalMs: summary.totalMs, hot: hotSpots(summary, 20), file: path.relative(ROOT, main) };
    }
  }

  process.stdout.write('Вес страниц… ');
  const { site: weight } = weighSite(dist);
  const bank = weighBankPage(dist);
  console.log(`${weight.pages} страниц`);

  // The browser measurements come last; when one fails, the report says so and keeps every other figure.
  const server = await serveSite(dist);
  const queries: QueryReport[] = [];
  let lighthouse: LighthouseResult[] | undefined;
  const failures: string[] = [];
  try {
    process.stdout.write('Первый запрос в копилке… ');
    try {
      for (const q of DEFAULT_QUERIES) queries.push(await measureFirstQuery(server.url, q));
      console.log(queries.map((q) => `${Math.round(q.bytes / 1024)} КБ / ${q.renderMs} мс`).join(', '));
    } catch (e) {
      failures.push(`первый запрос: ${e instanceof Error ? e.message : String(e)}`);
      console.log('не удалось');
    }
    if (!values['skip-lighthouse']) {
      process.stdout.write('Lighthouse… ');
      try {
        lighthouse = await runLighthouse(server.url, await pagesToMeasure(server.url), runs);
        console.log('готово');
      } catch (e) {
        failures.push(`Lighthouse: ${e instanceof Error ? e.message : String(e)}`);
        console.log('не удалось');
      }
    }
  } finally {
    await server.close();
  }

  const result: BenchResult = {
    date,
    machine: machine(),
    seed,
    scale,
    counts: corpus.counts,
    entries,
    warnings,
    edited: path.relative(corpus.root, corpus.editTarget).split(path.sep).join('/'),
    control,
    cold,
    warm,
    weight,
    ...(bank ? { bank } : {}),
    pagefindBytes,
    queries,
    ...(lighthouse ? { lighthouse } : {}),
    ...(profile ? { profile } : {}),
    ...(failures.length ? { failures } : {}),
  };
  fs.writeFileSync(RESULTS_JSON, JSON.stringify(result, null, 2));
  await writeReport(result, out);
}

interface CorpusBuilds {
  corpus: Corpus;
  entries: number;
  warnings: number;
  control: BuildRun;
  cold: BuildRun;
  warm: BuildRun;
  /** dist/pagefind on disk after the cold build, bytes. */
  pagefindBytes: number;
  dist: string;
  fullEnv: Record<string, string>;
}

/** Writes and checks the corpus of a scale, then measures the control, the cold build and the warm build after one edit. */
async function corpusBuilds(scale: number, seed: number, content: string, logDir: string): Promise<CorpusBuilds> {
  process.stdout.write(`Содержимое (масштаб ${scale}, зерно ${seed})… `);
  const corpus = writeCorpus({ root: content, seed, scale });
  const index = reviewContent(content);
  const errors = index.problems.filter(isError);
  if (errors.length) {
    for (const p of errors.slice(0, 20)) console.error(formatProblem(p));
    throw new Error(`созданное содержимое не прошло проверку: ошибок ${errors.length} — замер без них не имеет смысла`);
  }
  const entries = [...index.entries.values()].reduce((n, m) => n + m.size, 0);
  console.log(`${entries} записей, предупреждений ${index.problems.length}`);

  const dist = path.join(BENCH, 'dist');
  const caches = [path.join(BENCH, 'cache'), path.join(BENCH, 'compile-cache')];
  const fullEnv = { CONTENT_DIR: content, NASTAVNIK_CACHE_DIR: caches[0]!, NODE_COMPILE_CACHE: caches[1]! };
  const controlDist = path.join(BENCH, 'dist-control');
  const controlCaches = [path.join(BENCH, 'control-astro-cache'), path.join(BENCH, 'control-compile-cache')];
  writeControlProject(CONTROL_ROOT, content);
  fresh(controlDist, ...controlCaches);
  const control = await measuredBuild(
    'control',
    CONTROL_ROOT,
    [ASTRO, 'build', '--root', CONTROL_ROOT, '--outDir', controlDist],
    { ASTRO_CACHE_DIR: controlCaches[0]!, NODE_COMPILE_CACHE: controlCaches[1]! },
    { logDir },
  );

  fresh(dist, ...caches);
  const cold = await measuredBuild('cold', ROOT, [BUILD, '--outDir', dist], fullEnv, { dotAstro: 'save', logDir });
  const pagefindBytes = dirBytes(path.join(dist, 'pagefind'));
  editCorpus(corpus);
  const warm = await measuredBuild('warm', ROOT, [BUILD, '--outDir', dist], fullEnv, { dotAstro: 'restore', logDir });
  return { corpus, entries, warnings: index.problems.length, control, cold, warm, pagefindBytes, dist, fullEnv };
}

/** `--curve`: the builds at every scale of the curve, the chart and its table; each size's logs under logs/curve-<scale>/. */
async function runCurve(seed: number): Promise<void> {
  const date = new Date().toISOString();
  const points: CurvePoint[] = [];
  for (const scale of CURVE_SCALES) {
    const dir = path.join(BENCH, `content-${seed}-curve`);
    const r = await corpusBuilds(scale, seed, dir, path.join(LOGS, `curve-${scale}`));
    points.push({
      scale,
      entries: r.entries,
      coldMs: r.cold.wallMs,
      warmMs: r.warm.wallMs,
      controlMs: r.control.wallMs,
      peakRss: Math.max(r.cold.peakTreeRss, r.warm.peakTreeRss),
    });
    fs.writeFileSync(path.join(BENCH, 'curve.json'), JSON.stringify({ date, seed, points }, null, 2));
  }
  const m = machine();
  const header = `Запуск ${date.slice(0, 16).replace('T', ' ')} UTC: \`npm run bench -- --curve --seed ${seed}\` на ${m.cpus} ядрах (${m.cpuModel}), Node ${m.node}, Astro ${m.astro}. На каждом объёме — контроль, холодная сборка с пустыми кэшами и повторная после правки одной новости.`;
  fs.writeFileSync(path.join(ROOT, 'bench', 'curve.svg'), curveSvg(points, 'Время сборки на одну запись'));
  await writeMarkdown(path.join(ROOT, 'bench', 'curve.md'), curveMarkdown(points, header, 'curve.svg'));
  console.log(
    `\nКривая: ${path.relative(ROOT, path.join(ROOT, 'bench', 'curve.md'))}, ${path.relative(ROOT, path.join(ROOT, 'bench', 'curve.svg'))}`,
  );
}

async function writeReport(result: BenchResult, out: string): Promise<void> {
  await writeMarkdown(out, resultsMarkdown(result));
  console.log(
    `\n${summaryText(result)}\n\nОтчёт: ${path.relative(ROOT, out)}; журналы сборок: ${path.relative(ROOT, path.join(BENCH, 'logs'))}/`,
  );
}

/** The last run's result with every build's figures read again from its saved log (after the log reader changed). */
function rereadLogs(): BenchResult {
  if (!fs.existsSync(RESULTS_JSON))
    throw new Error(`${path.relative(ROOT, RESULTS_JSON)}: нет результатов прошлого запуска — запустите замер`);
  const result = JSON.parse(fs.readFileSync(RESULTS_JSON, 'utf8')) as BenchResult;
  // Results of runs before the bank page was weighed: the site of the last run is still there.
  result.bank ??= weighBankPage(path.join(BENCH, 'dist'));
  for (const key of ['control', 'cold', 'warm'] as const) {
    if (!fs.existsSync(logFile(key))) continue;
    result[key].figures = parseBuildLog(readLog(fs.readFileSync(logFile(key), 'utf8')), result[key].wallMs);
  }
  return result;
}
