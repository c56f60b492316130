import { describe, expect, it } from 'vitest';
import { curveMarkdown, curveSvg, isFlat, perEntry, tickStep, worstGrowth, type CurvePoint } from '../../bench/curve.ts';

const point = (scale: number, entries: number, coldMs: number, warmMs: number, controlMs = entries * 3): CurvePoint => ({
  scale,
  entries,
  coldMs,
  warmMs,
  controlMs,
  peakRss: 1024 ** 3,
});

// Cold: 20, 18, 16, 15 ms per entry (falling); warm: 4, 4, 4.2, 4.4 (within noise).
const flat = [
  point(2, 16_000, 240_000, 70_400),
  point(0.25, 2000, 40_000, 8000),
  point(0.5, 4000, 72_000, 16_000),
  point(1, 8000, 128_000, 33_600),
];

describe('cost curve', () => {
  it('computes milliseconds per entry and the worst step-to-step growth in order of size', () => {
    expect(perEntry(flat[1]!, 'coldMs')).toBe(20);
    expect(worstGrowth(flat, 'coldMs')).toBe(1);
    expect(worstGrowth(flat, 'warmMs')).toBeCloseTo(1.05, 6);
    expect(isFlat(flat)).toBe(true);
  });

  it('calls a curve rising when the per-entry cost grows beyond the noise at any step', () => {
    // Warm 4 → 4 → 4 → 6 ms per entry at the largest size: 50 % growth in the last step.
    const rising = flat.map((p) => (p.scale === 2 ? { ...p, warmMs: 96_000 } : { ...p, warmMs: p.entries * 4 }));
    expect(worstGrowth(rising, 'warmMs')).toBeCloseTo(1.5, 6);
    expect(isFlat(rising)).toBe(false);
    expect(curveMarkdown(rising, 'Запуск', 'curve.svg')).toContain('**Стоимость записи полной сборки растёт с объёмом**');
  });

  it('picks round axis steps', () => {
    expect(tickStep(16_000)).toBe(5000);
    expect(tickStep(20)).toBe(5);
    expect(tickStep(0.9)).toBe(0.2);
  });

  it('draws one line per build through every point, left to right by size, inside the plot', () => {
    const svg = curveSvg(flat, 'Стоимость & размер');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('<title>Стоимость &amp; размер</title>');
    const lines = [...svg.matchAll(/<polyline [^>]*points="([^"]+)"/g)].map((m) => m[1]!.split(' ').map((c) => c.split(',').map(Number)));
    expect(lines).toHaveLength(3);
    for (const coords of lines) {
      expect(coords).toHaveLength(4);
      const xs = coords.map(([x]) => x!);
      expect(xs).toEqual([...xs].sort((a, b) => a - b));
      for (const [x, y] of coords) {
        expect(x).toBeGreaterThanOrEqual(64);
        expect(x).toBeLessThanOrEqual(720 - 200);
        expect(y).toBeGreaterThanOrEqual(40);
        expect(y).toBeLessThanOrEqual(400 - 52);
      }
    }
    // The cold line falls (20 → 15 ms per entry): its y grows downward on screen, so the last point is lowest-valued, i.e. largest y.
    const cold = lines[0]!;
    expect(cold[3]![1]).toBeGreaterThan(cold[0]![1]!);
    expect(svg.match(/<circle /g)).toHaveLength(12);
  });

  it('tabulates every size with its per-entry figures', () => {
    const md = curveMarkdown(flat, 'Запуск', 'curve.svg');
    expect(md).toContain('![График: мс на запись против числа записей](curve.svg)');
    expect(md).toContain('| 0.25 | 2000 | 40.0 с | 20.00 мс | 8.0 с | 4.00 мс | 6.0 с | 3.00 мс | 1024 МБ |');
    expect(md.indexOf('| 0.25 |')).toBeLessThan(md.indexOf('| 2 |'));
    expect(md).toContain('Кривая полной сборки ровная или падает');
  });
});
