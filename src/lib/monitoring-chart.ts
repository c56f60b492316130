/**
 * Geometry of the monitoring charts, computed at build: the SVG components
 * only draw what these functions place, so the layout is testable and the
 * pages ship no JavaScript. Bars are horizontal with the label above each
 * group, which keeps long Russian labels readable on a phone. Horizontal
 * positions are percentages of the chart's width and text has a fixed size,
 * so a chart fills any screen without shrinking its text to a scale.
 */

/** Share of the width the 0…max scale takes; the rest holds the value text. */
const PLOT_SINGLE = 75;
const PLOT_MULTI = 60;
/** Labels are 16 px and values 16 px, ticks 14 px: readable for parents on a phone. */
const LABEL_HEIGHT = 24;
const BAR_HEIGHT = 18;
const BAR_GAP = 4;
const GROUP_GAP = 14;
const AXIS_HEIGHT = 26;

export interface Bar {
  series: number;
  y: number;
  /** Width in percent of the chart. */
  width: number;
  height: number;
  /** Text drawn after the bar: the value, with the series name when there are several. */
  text: string;
  textY: number;
}

export interface BarRow {
  label: string;
  labelY: number;
  bars: Bar[];
}

export interface BarLayout {
  height: number;
  /** Width of the scale, percent of the chart. */
  plotWidth: number;
  /** Tick positions in percent. */
  ticks: { x: number; label: string }[];
  rows: BarRow[];
  axisY: number;
}

export interface Series {
  name: string;
  values: readonly (number | undefined)[];
}

/** Places grouped horizontal bars on a 0…max scale; a missing value is written as `missing`, without a bar. */
export function layoutBars(
  categories: readonly string[],
  series: readonly Series[],
  opts: { max: number; format: (n: number) => string; missing?: string; tickStep?: number },
): BarLayout {
  const plot = series.length > 1 ? PLOT_MULTI : PLOT_SINGLE;
  const scale = (v: number) => (Math.max(0, Math.min(v, opts.max)) / opts.max) * plot;
  const rows: BarRow[] = [];
  let y = 0;
  categories.forEach((label, c) => {
    const labelY = y + 17;
    y += LABEL_HEIGHT;
    const bars: Bar[] = series.map((s, i) => {
      const v = s.values[c];
      const width = v === undefined ? 0 : scale(v);
      const shown = v === undefined ? (opts.missing ?? '—') : opts.format(v);
      const text = series.length > 1 ? `${s.name}: ${shown}` : shown;
      const bar = { series: i, y, width, height: BAR_HEIGHT, text, textY: y + BAR_HEIGHT - 4 };
      y += BAR_HEIGHT + BAR_GAP;
      return bar;
    });
    rows.push({ label, labelY, bars });
    y += GROUP_GAP;
  });
  const step = opts.tickStep ?? 2;
  const ticks: { x: number; label: string }[] = [];
  for (let t = 0; t <= opts.max; t += step) ticks.push({ x: scale(t), label: String(t) });
  return { height: y + AXIS_HEIGHT, plotWidth: plot, ticks, rows, axisY: y };
}

export interface StackRow {
  label: string;
  labelY: number;
  y: number;
  height: number;
  /** Widths in percent of the chart (a little short of 100, so the outline shows). */
  yesWidth: number;
  noWidth: number;
}

const STACK_WIDTH = 99;

/** Places 100 % stacked bars («да» then «нет») with the label above each. */
export function layoutStacks(items: readonly { label: string; yes: number; no: number }[]): { height: number; rows: StackRow[] } {
  let y = 0;
  const rows = items.map((item) => {
    const total = item.yes + item.no;
    const yesWidth = total === 0 ? 0 : (item.yes / total) * STACK_WIDTH;
    const row = { label: item.label, labelY: y + 17, y: y + LABEL_HEIGHT, height: 20, yesWidth, noWidth: STACK_WIDTH - yesWidth };
    y += LABEL_HEIGHT + 20 + GROUP_GAP;
    return row;
  });
  return { height: y, rows };
}
