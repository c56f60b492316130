import { describe, expect, it } from 'vitest';
import { durationMs, formatLog, parseBuildLog, readLog, stepsOf, type LogLine } from '../../bench/build-log.ts';
import { pageCacheUi } from '../../src/i18n/ru.ts';

/** A full pipeline build as it arrives (seconds since start, line), abridged from a real run. */
const FULL = `
2.559  12:29:23 [nastavnik:content-gate] проверено записей: 809, ошибок: 0, снято с публикации: 0 (1830 мс)
3.152  12:29:23 [content] Syncing content
3.775  12:29:24 [content] Synced content
3.777  12:29:24 [types] Generated 1.12s
5.390  12:29:26 [build] output: "static"
5.390  12:29:26 [build] Collecting build info...
5.390  12:29:26 [build] ✓ Completed in 4.68s.
5.703  12:29:26 [build] Building static entrypoints...
6.118  12:29:26 [vite] ✓ built in 388ms
6.155  12:29:26 [build] Rearranging server assets...
6.166   generating static routes 
6.500  12:29:26   ├─ /index.html (+8ms)
19.900  12:29:40   ├─ /news/index.html (+4ms)
20.646  12:29:41 ✓ Completed in 14.49s.
20.646   generating optimized images 
20.661  12:29:41 ✓ Completed in 15ms.
20.662  12:29:41 [nastavnik:page-cache] страницы с ключом: 912, взяты из прошлой сборки: 905, отрисованы: 7; без ключа, отрисованы всегда: 3
20.665  12:29:41 [build] ✓ Completed in 14.96s.
20.723  12:29:41 [@astrojs/sitemap] \`sitemap-index.xml\` created at \`.cache/bench/dist\`
21.050  12:29:41 [build] 925 page(s) built in 20.35s
21.050  12:29:41 [build] Complete!
21.300  12:29:42 [nastavnik:post-steps] страницы собраны за 21.3 с, Astro завершил работу; проверки — в отдельном процессе
21.400  12:29:42 [nastavnik:cms] редактор /admin/: собран за 6.9 с (.cache/bench/cms-cache/b844e4d9e5aa62f8)
21.425  12:29:42 [nastavnik:publish-uploads] загруженных файлов опубликовано: 9 (без метаданных: 9), не опубликовано: 0 (25 мс)
21.569  12:29:42 [nastavnik:og-images] карточки для соцсетей: 724 (нарисовано 1, из кэша 723, удалено из кэша 1), 360 мс на карточку, процессов: 1, всего 2246 мс
21.765  12:29:42 [nastavnik:strip-metadata] изображений проверено: 752 (прочитано 2, без изменений с прошлой сборки 750), очищено от метаданных (EXIF, GPS): 0 (195 мс)
21.765  12:29:42 [nastavnik:security-headers] заголовки безопасности: /work/main/.cache/bench/dist/_headers
22.837  12:29:43 [nastavnik:pagefind] поисковый индекс: страниц 790, файлов 804 (1598 КБ), практик копилки связано с индексом 500, за 1072 мс
24.360  12:29:45 [nastavnik:leak-scan] проверено файлов: 1856 (25932 КБ текста) за 2077 мс, утечек: 0
24.361  12:29:45 [nastavnik:publish-output] сайт готов: .cache/bench/dist заменён целиком после всех проверок`;

/** The bare Astro control: no integrations, no images. */
const CONTROL = `
6.703  12:26:32 [content] Syncing content
7.639  12:26:33 [content] Synced content
7.639  12:26:33 [types] Generated 4.71s
7.639  12:26:33 [build] ✓ Completed in 4.72s.
8.381  12:26:34 [build] Rearranging server assets...
8.381   generating static routes 
8.798  12:26:34 ✓ Completed in 359ms.
8.798  12:26:34 [build] ✓ Completed in 1.19s.
8.798  12:26:34 [build] 185 page(s) built in 5.92s
8.798  12:26:34 [build] Complete!`;

function lines(log: string): LogLine[] {
  return log
    .trim()
    .split('\n')
    .map((l) => {
      const m = /^([\d.]+) {2}(.*)$/.exec(l)!;
      return { ms: Number(m[1]) * 1000, text: m[2]! };
    });
}

const ms = (steps: { key: string; ms: number }[]) => Object.fromEntries(steps.map((s) => [s.key, Math.round(s.ms)]));

describe('build log', () => {
  it('reads every integration’s own figures', () => {
    const f = parseBuildLog(lines(FULL), 24_400);
    expect(f.pages).toBe(925);
    expect(f.gate).toEqual({ entries: 809, errors: 0, withheld: 0, ms: 1830 });
    expect(f.og).toEqual({ cards: 724, drawn: 1, cached: 723, ownMs: 2246, msPerImage: 360, workers: 1 });
    expect(f.pagefind).toEqual({ pages: 790, files: 804, bytes: 1598 * 1024, ms: 1072 });
    expect(f.leakScan).toEqual({ files: 1856, ms: 2077, leaks: 0 });
    expect(f.stripMetadata).toEqual({ images: 752, ms: 195 });
    expect(f.cms).toEqual({ built: true, ms: 6900 });
    expect(f.renderMs).toBe(14_490);
    expect(f.pageCache).toEqual({ keyed: 912, reused: 905, rendered: 7, unkeyed: 3 });
  });

  it('reads the page cache’s line as the integration words it', () => {
    const figures = { keyed: 2604, reused: 2571, rendered: 33, unkeyed: 5 };
    const text = `[nastavnik:page-cache] ${pageCacheUi.summary(figures)}`;
    expect(parseBuildLog([{ ms: 0, text }], 10).pageCache).toEqual(figures);
  });

  it('splits the wall time into steps that end at their log lines and add up to the total', () => {
    const steps = stepsOf(lines(FULL), 24_400);
    expect(ms(steps)).toEqual({
      gate: 2559,
      startup: 593,
      sync: 623,
      types: 2,
      prepare: 1613,
      bundle: 776,
      render: 14_480,
      images: 19,
      sitemap: 58,
      handoff: 577,
      cms: 100,
      uploads: 25,
      og: 144,
      strip: 196,
      headers: 0,
      pagefind: 1072,
      leak: 1523,
      publish: 1,
      exit: 39,
    });
    expect(steps.reduce((n, s) => n + s.ms, 0)).toBeCloseTo(24_400, 6);
  });

  it('skips the steps a build does not print and gives their time to the next', () => {
    const f = parseBuildLog(lines(CONTROL), 9_000);
    expect(f.pages).toBe(185);
    expect(f.og).toBeUndefined();
    expect(f.renderMs).toBe(359);
    expect(ms(f.steps)).toEqual({ startup: 6703, sync: 936, types: 0, prepare: 0, bundle: 742, render: 417, images: 0, exit: 202 });
  });

  it('saves a log and reads it back with its timing, so a report can be rebuilt from it', () => {
    const original = lines(FULL);
    const back = readLog(formatLog(original));
    expect(back).toEqual(original.map((l) => ({ ms: Math.round(l.ms), text: l.text })));
    expect(parseBuildLog(back, 24_400)).toEqual(parseBuildLog(original, 24_400));
  });

  it('reads Astro durations in seconds and milliseconds', () => {
    expect(durationMs('✓ Completed in 14.49s.')).toBe(14_490);
    expect(durationMs('✓ Completed in 807ms.')).toBe(807);
    expect(durationMs('✓ Completed in 11m 24s.')).toBe(684_000);
    expect(durationMs('[build] 8427 page(s) built in 12m 18s')).toBe(738_000);
    expect(durationMs('no time here')).toBeNaN();
  });

  it('ends the rendering step at a completion in minutes', () => {
    const log = lines(`
0.500  12:40:36 [build] ✓ Completed in 20.45s.
1.000   generating static routes 
706.796  12:52:02 ✓ Completed in 11m 24s.
706.796   generating optimized images 
709.159  12:52:04 ✓ Completed in 2.36s.
709.168  12:52:04 [build] ✓ Completed in 11m 28s.`);
    const f = parseBuildLog(log, 710_000);
    expect(f.renderMs).toBe(684_000);
    expect(ms(f.steps)).toMatchObject({ prepare: 500, bundle: 500, render: 705_796, images: 2372 });
  });

  it('reads the card line when nothing had to be drawn', () => {
    const f = parseBuildLog(
      [{ ms: 1, text: '[nastavnik:og-images] карточки для соцсетей: 32 (нарисовано 0, из кэша 32, удалено из кэша 0), всего 183 мс' }],
      10,
    );
    expect(f.og).toEqual({ cards: 32, drawn: 0, cached: 32, ownMs: 183 });
  });
});
