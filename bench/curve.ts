/**
 * The cost curve: build time per entry at several corpus sizes. One point
 * says how fast a build is; the curve says whether a school that keeps
 * adding news and practices for years pays more per entry as it grows. Pure
 * functions of the measured points, so the chart (an SVG small enough to
 * read in a diff) and the table in bench/curve.md always agree.
 */

/** The builds of one corpus size (`npm run bench -- --curve`). */
export interface CurvePoint {
  scale: number;
  /** Entries the validator read. */
  entries: number;
  coldMs: number;
  warmMs: number;
  controlMs: number;
  /** Peak RSS of the process tree, the larger of the cold and warm builds. */
  peakRss: number;
}

/** Corpus sizes of the curve, as scales of the district corpus. */
export const CURVE_SCALES = [0.25, 0.5, 1, 2] as const;

/** Per-entry cost may grow by this much from one size to the next before the curve counts as rising (machine noise). */
export const FLAT_TOLERANCE = 0.1;

const SERIES = [
  { key: 'coldMs', label: 'Полная, холодная', color: '#b3261e' },
  { key: 'warmMs', label: 'Полная, повторная', color: '#1f6feb' },
  { key: 'controlMs', label: 'Контроль (чистый Astro)', color: '#6b6b6b' },
] as const;
type SeriesKey = (typeof SERIES)[number]['key'];

/** Milliseconds per entry of one build of a point. */
export const perEntry = (p: CurvePoint, key: SeriesKey) => p[key] / p.entries;

/**
 * The largest step-to-step growth of the per-entry cost of a series, as a
 * ratio (1.25 = a quarter more per entry at the next size), points in order of size.
 */
export function worstGrowth(points: readonly CurvePoint[], key: SeriesKey): number {
  const sorted = [...points].sort((a, b) => a.entries - b.entries);
  let worst = 1;
  for (let i = 1; i < sorted.length; i++) worst = Math.max(worst, perEntry(sorted[i]!, key) / perEntry(sorted[i - 1]!, key));
  return worst;
}

/** Whether the full build's cost per entry (cold and warm) does not grow with size. */
export function isFlat(points: readonly CurvePoint[]): boolean {
  return (['coldMs', 'warmMs'] as const).every((key) => worstGrowth(points, key) <= 1 + FLAT_TOLERANCE);
}

/** A round step for about `count` ticks up to `max`. */
export function tickStep(max: number, count = 5): number {
  const raw = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw)!;
  return step;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const num = (x: number) => Number(x.toFixed(1));
const label = (x: number) => new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 2 }).format(x);

/** The chart: milliseconds per entry (y) against entries (x), one line per build. */
export function curveSvg(points: readonly CurvePoint[], title: string): string {
  const sorted = [...points].sort((a, b) => a.entries - b.entries);
  const width = 720;
  const height = 400;
  const m = { left: 64, right: 200, top: 40, bottom: 52 };
  const plotW = width - m.left - m.right;
  const plotH = height - m.top - m.bottom;
  const maxX = Math.max(1, ...sorted.map((p) => p.entries));
  const maxY = Math.max(0.001, ...sorted.flatMap((p) => SERIES.map((s) => perEntry(p, s.key))));
  const xStep = tickStep(maxX);
  const yStep = tickStep(maxY);
  const xTop = Math.ceil(maxX / xStep) * xStep;
  const yTop = Math.ceil(maxY / yStep) * yStep;
  const x = (v: number) => num(m.left + (v / xTop) * plotW);
  const y = (v: number) => num(m.top + plotH - (v / yTop) * plotH);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="sans-serif" font-size="12">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    `<text x="${m.left}" y="24" font-size="14" font-weight="bold">${escapeXml(title)}</text>`,
  ];
  for (let v = 0; v <= yTop + yStep / 2; v += yStep) {
    out.push(
      `<line x1="${m.left}" x2="${m.left + plotW}" y1="${y(v)}" y2="${y(v)}" stroke="#e5e5e5"/>`,
      `<text x="${m.left - 6}" y="${y(v) + 4}" text-anchor="end">${label(v)}</text>`,
    );
  }
  for (let v = 0; v <= xTop + xStep / 2; v += xStep) {
    out.push(`<text x="${x(v)}" y="${m.top + plotH + 18}" text-anchor="middle">${label(v)}</text>`);
  }
  out.push(
    `<line x1="${m.left}" x2="${m.left + plotW}" y1="${m.top + plotH}" y2="${m.top + plotH}" stroke="#333"/>`,
    `<line x1="${m.left}" x2="${m.left}" y1="${m.top}" y2="${m.top + plotH}" stroke="#333"/>`,
    `<text x="${m.left + plotW / 2}" y="${height - 12}" text-anchor="middle">записей в содержимом</text>`,
    `<text transform="translate(16 ${m.top + plotH / 2}) rotate(-90)" text-anchor="middle">мс на запись</text>`,
  );
  SERIES.forEach((s, i) => {
    const coords = sorted.map((p) => `${x(p.entries)},${y(perEntry(p, s.key))}`);
    out.push(`<polyline fill="none" stroke="${s.color}" stroke-width="2" points="${coords.join(' ')}"/>`);
    for (const p of sorted) {
      out.push(
        `<circle cx="${x(p.entries)}" cy="${y(perEntry(p, s.key))}" r="3.5" fill="${s.color}"><title>${escapeXml(`${s.label}: ${label(perEntry(p, s.key))} мс на запись при ${p.entries} записях`)}</title></circle>`,
      );
    }
    const ly = m.top + 10 + i * 22;
    out.push(
      `<line x1="${width - m.right + 16}" x2="${width - m.right + 40}" y1="${ly}" y2="${ly}" stroke="${s.color}" stroke-width="2"/>`,
      `<text x="${width - m.right + 46}" y="${ly + 4}">${escapeXml(s.label)}</text>`,
    );
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

const sec = (ms: number) => `${(ms / 1000).toFixed(1)} с`;
const growth = (r: number) => `${r >= 1 ? '+' : ''}${((r - 1) * 100).toFixed(0)} %`;

/** bench/curve.md: the figures behind the chart and the verdict. */
export function curveMarkdown(points: readonly CurvePoint[], header: string, chartFile: string): string {
  const sorted = [...points].sort((a, b) => a.entries - b.entries);
  const ms = (x: number) => `${x.toFixed(2)} мс`;
  return [
    '# Стоимость сборки на запись при разном объёме',
    '',
    header,
    '',
    `![График: мс на запись против числа записей](${chartFile})`,
    '',
    '| Масштаб | Записей | Холодная | на запись | Повторная | на запись | Контроль | на запись | Пик RSS |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...sorted.map(
      (p) =>
        `| ${p.scale} | ${p.entries} | ${sec(p.coldMs)} | ${ms(perEntry(p, 'coldMs'))} | ${sec(p.warmMs)} | ${ms(perEntry(p, 'warmMs'))} | ${sec(p.controlMs)} | ${ms(perEntry(p, 'controlMs'))} | ${Math.round(p.peakRss / 1024 ** 2)} МБ |`,
    ),
    '',
    `Наибольший рост стоимости записи от одного объёма к следующему: холодная ${growth(worstGrowth(sorted, 'coldMs'))}, повторная ${growth(worstGrowth(sorted, 'warmMs'))}, контроль ${growth(worstGrowth(sorted, 'controlMs'))}. ` +
      (isFlat(sorted)
        ? `Кривая полной сборки ровная или падает (рост не больше ${FLAT_TOLERANCE * 100} % — шум машины).`
        : `**Стоимость записи полной сборки растёт с объёмом** (больше ${FLAT_TOLERANCE * 100} % на шаг).`),
    '',
  ].join('\n');
}
