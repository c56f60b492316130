/**
 * Reads an `astro build` log (each line with the moment it arrived) into the
 * figures of the benchmark: pages, the counters each integration logs about
 * itself, and where the wall time went, step by step.
 *
 * Astro prints one line as each step ends and every post-build integration
 * logs one line when it is done, so the time between two such lines is the
 * time of the step that ended. Steps that a build does not print (a control
 * project has no integrations) are skipped and their time joins the next one.
 */

export interface LogLine {
  /** Milliseconds since the command started. */
  ms: number;
  text: string;
}

export interface Step {
  key: string;
  label: string;
  ms: number;
}

export interface OgFigures {
  cards: number;
  drawn: number;
  cached: number;
  /** Wall time per drawn card in the worker pool, ms (absent when nothing was drawn). */
  msPerImage?: number;
  workers?: number;
  /** Time of the card step itself (drawing, alongside Astro, and publishing), ms. */
  ownMs: number;
}

export interface BuildFigures {
  /** Files Astro reports as built (pages, feeds, JSON). */
  pages?: number;
  gate?: { entries: number; errors: number; withheld: number; ms: number };
  og?: OgFigures;
  pagefind?: { pages: number; files: number; bytes: number; ms: number };
  leakScan?: { files: number; ms: number; leaks: number };
  stripMetadata?: { images: number; ms: number };
  cms?: { built: boolean; ms?: number };
  /** Pages with a cache key, those of them reused from the previous build and rendered, and pages without a key. */
  pageCache?: { keyed: number; reused: number; rendered: number; unkeyed: number };
  /** Time of rendering the routes as Astro reports it, ms. */
  renderMs?: number;
  steps: Step[];
}

/** The steps of a build in the order they end, each with the line that ends it. */
export const STEPS: readonly { key: string; label: string; end: RegExp }[] = [
  { key: 'gate', label: 'Запуск, проверка содержимого и согласий', end: /\[nastavnik:content-gate\]/ },
  { key: 'startup', label: 'Запуск Astro (настройки, интеграции)', end: /\[content\] Syncing content/ },
  { key: 'sync', label: 'Синхронизация коллекций (загрузчик, хранилище данных)', end: /\[content\] Synced content/ },
  { key: 'types', label: 'Генерация типов', end: /\[types\] Generated/ },
  { key: 'prepare', label: 'Сбор сведений о сборке', end: /\[build\] ✓ Completed in/ },
  { key: 'bundle', label: 'Сборка модулей (Vite)', end: /generating static routes/ },
  { key: 'render', label: 'Отрисовка страниц', end: /^(?:\S+ )?✓ Completed in (?:\d+m )?[\d.]+m?s\.?$/ },
  { key: 'images', label: 'Оптимизация изображений', end: /\[build\] ✓ Completed in/ },
  { key: 'sitemap', label: 'Карта сайта', end: /\[@astrojs\/sitemap\]/ },
  { key: 'handoff', label: 'Выход Astro, запуск процесса проверок', end: /\[nastavnik:post-steps\]/ },
  { key: 'cms', label: 'Редактор /admin/ (сборка или копирование из кэша)', end: /\[nastavnik:cms\]/ },
  { key: 'uploads', label: 'Публикация загруженных файлов', end: /\[nastavnik:publish-uploads\]/ },
  { key: 'og', label: 'Карточки для соцсетей (рисование и копирование)', end: /\[nastavnik:og-images\]/ },
  { key: 'strip', label: 'Очистка метаданных изображений', end: /\[nastavnik:strip-metadata\]/ },
  { key: 'headers', label: 'Заголовки безопасности', end: /\[nastavnik:security-headers\]/ },
  { key: 'pagefind', label: 'Поисковый индекс (Pagefind)', end: /\[nastavnik:pagefind\]/ },
  { key: 'leak', label: 'Проверка dist/ на утечки персональных данных', end: /\[nastavnik:leak-scan\]/ },
  { key: 'publish', label: 'Замена dist/ (старый выпуск удаляется)', end: /\[nastavnik:publish-output\]/ },
];

/** A log as saved next to the results: seconds since the start, two spaces, the line. */
export function formatLog(lines: readonly LogLine[]): string {
  return lines.map((l) => `${(l.ms / 1000).toFixed(3).padStart(9)}  ${l.text}`).join('\n');
}

/** Reads a saved log back (see `formatLog`). */
export function readLog(text: string): LogLine[] {
  return text
    .split('\n')
    .map((line) => /^\s*(\d+\.\d{3}) {2}(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ ms: Math.round(Number(m[1]) * 1000), text: m[2]! }));
}

/** Lines of the per-route and per-image listings: they end nothing. */
const LISTING = /(├─|└─|▶)/;

/** `1.58s`, `807ms` or `11m 24s` → ms. */
export function durationMs(text: string): number {
  const m = /(?:(\d+)m\s+)?([\d.]+)(ms|s)\b/.exec(text);
  if (!m) return NaN;
  return Number(m[1] ?? 0) * 60_000 + Number(m[2]) * (m[3] === 'ms' ? 1 : 1000);
}

/** Splits the wall time into steps; `totalMs` is the command's wall time (the rest is the exit). */
export function stepsOf(lines: readonly LogLine[], totalMs: number): Step[] {
  const steps: Step[] = [];
  let from = 0;
  let index = 0;
  const significant = lines.filter((l) => !LISTING.test(l.text));
  for (const step of STEPS) {
    const at = significant.findIndex((l, i) => i >= index && step.end.test(l.text.trim()));
    if (at < 0) continue;
    steps.push({ key: step.key, label: step.label, ms: significant[at]!.ms - from });
    from = significant[at]!.ms;
    index = at + 1;
  }
  steps.push({ key: 'exit', label: 'Завершение процесса', ms: Math.max(0, totalMs - from) });
  return steps;
}

const num = (s: string | undefined) => Number(s);

/** Every figure the log holds. */
export function parseBuildLog(lines: readonly LogLine[], totalMs: number): BuildFigures {
  const text = lines.map((l) => l.text).join('\n');
  const figures: BuildFigures = { steps: stepsOf(lines, totalMs) };

  const pages = /\[build\] (\d+) page\(s\) built/.exec(text);
  if (pages) figures.pages = num(pages[1]);

  const gate = /проверено записей: (\d+), ошибок: (\d+), снято с публикации: (\d+) \((\d+) мс\)/.exec(text);
  if (gate) figures.gate = { entries: num(gate[1]), errors: num(gate[2]), withheld: num(gate[3]), ms: num(gate[4]) };

  const og =
    /карточки для соцсетей: (\d+) \(нарисовано (\d+), из кэша (\d+)[^)]*\)(?:, (\d+) мс на карточку, процессов: (\d+))?, всего (\d+) мс/.exec(
      text,
    );
  if (og) {
    figures.og = { cards: num(og[1]), drawn: num(og[2]), cached: num(og[3]), ownMs: num(og[6]) };
    if (og[4] !== undefined) Object.assign(figures.og, { msPerImage: num(og[4]), workers: num(og[5]) });
  }

  const pf = /поисковый индекс: страниц (\d+), файлов (\d+) \((\d+) КБ\).*? за (\d+) мс/.exec(text);
  if (pf) figures.pagefind = { pages: num(pf[1]), files: num(pf[2]), bytes: num(pf[3]) * 1024, ms: num(pf[4]) };

  const leak = /проверено файлов: (\d+) \(\d+ КБ текста[^)]*\) за (\d+) мс, утечек: (\d+)/.exec(text);
  if (leak) figures.leakScan = { files: num(leak[1]), ms: num(leak[2]), leaks: num(leak[3]) };

  const strip = /изображений проверено: (\d+)\b.*\((\d+) мс\)/.exec(text);
  if (strip) figures.stripMetadata = { images: num(strip[1]), ms: num(strip[2]) };

  const cms = /редактор \/admin\/: (?:собран за ([\d.]+) с|взят из кэша)/.exec(text);
  if (cms) figures.cms = cms[1] === undefined ? { built: false } : { built: true, ms: Number(cms[1]) * 1000 };

  const cache = /страницы с ключом: (\d+), взяты из прошлой сборки: (\d+), отрисованы: (\d+); без ключа, отрисованы всегда: (\d+)/.exec(
    text,
  );
  if (cache) figures.pageCache = { keyed: num(cache[1]), reused: num(cache[2]), rendered: num(cache[3]), unkeyed: num(cache[4]) };

  const render = lines.findIndex((l) => /generating static routes/.test(l.text));
  if (render >= 0) {
    const done = lines.slice(render + 1).find((l) => /^(?:\S+ )?✓ Completed in/.test(l.text.trim()));
    if (done) figures.renderMs = durationMs(done.text.slice(done.text.indexOf('Completed')));
  }
  return figures;
}
