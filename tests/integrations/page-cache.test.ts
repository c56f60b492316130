/**
 * Entry pages reused across real builds of a copy of the minimal fixture,
 * read from the page cache's log line and Astro's list of pages: unchanged
 * content renders no entry page; after a news item and an event changed,
 * exactly the pages that show them are rendered — the news item, the event,
 * the practice that names the event, the roadmap stage that lists both — and
 * every page is byte-for-byte what a build with empty caches makes; the
 * home page and the lists are rendered in every build.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempContent } from '../helpers/fixture.ts';
import { astroBuild } from '../helpers/run.ts';

const content = tempContent();
const work = `${content.dir}-pages`;

afterAll(() => {
  content.cleanup();
  fs.rmSync(work, { recursive: true, force: true });
});

/** The entry pages of the minimal fixture. */
const ENTRY_PAGES = [
  '/documents/prikaz-o-nastavnichestve/',
  '/events/itogovaya-konferenciya/',
  '/materials/pamyatka/',
  '/monitoring/2025-2026/',
  '/news/2025-09-01-start/',
  '/practices/list-nablyudeniya/',
  '/programs/np-2025-01/',
  '/roadmap/stage-1/',
];

interface Built {
  html: Map<string, string>;
  keyed: number;
  reused: number;
  /** Entry pages Astro rendered (not restored), as site paths. */
  renderedEntries: string[];
  /** Every HTML page Astro rendered (not restored), as site paths. */
  renderedPages: string[];
}

/** Builds into the output folder of a cache (a school builds into one dist/ with one cache). */
async function build(cache: string): Promise<Built> {
  const dist = path.join(work, `${cache}-dist`);
  const r = await astroBuild(dist, { CONTENT_DIR: content.dir, NASTAVNIK_CACHE_DIR: path.join(work, cache) });
  const log = r.stdout + r.stderr;
  expect(r.code, log.slice(-3000)).toBe(0);
  const m = /страницы записей: (\d+), взяты из прошлой сборки: (\d+), отрисованы: (\d+)/.exec(log);
  expect(m, log.slice(-3000)).not.toBeNull();
  const renderedPages = [...log.matchAll(/├─ (\/\S*)index\.html \(\+/g)].map((x) => x[1]!).sort();
  const renderedEntries = renderedPages.filter((p) => ENTRY_PAGES.includes(p));
  return { html: htmlFiles(dist), keyed: Number(m![1]), reused: Number(m![2]), renderedEntries, renderedPages };
}

function htmlFiles(dir: string): Map<string, string> {
  return new Map(
    fs
      .readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile() && d.name.endsWith('.html'))
      .map((d) => {
        const abs = path.join(d.parentPath, d.name);
        return [path.relative(dir, abs), fs.readFileSync(abs, 'utf8')] as const;
      }),
  );
}

describe('entry pages from the previous build', () => {
  it('renders exactly the pages an edit can change, and the site equals a build from scratch', { timeout: 900_000 }, async () => {
    const cold = await build('cache-a');
    expect(cold.keyed).toBe(8);
    expect(cold.reused).toBe(0);

    const again = await build('cache-a');
    expect({ reused: again.reused, rendered: again.renderedEntries }).toEqual({ reused: 8, rendered: [] });
    expect(again.html).toEqual(cold.html);

    content.edit('news/2025-09-01-start.md', (t) =>
      t.replace('title: Стартовала программа наставничества', 'title: Стартовала программа наставничества педагогов'),
    );
    content.edit('events/itogovaya-konferenciya.md', (t) => t.replace('title: Итоговая конференция', 'title: Итоговая конференция года'));
    const warm = await build('cache-a');
    expect(warm.renderedEntries).toEqual([
      '/events/itogovaya-konferenciya/',
      '/news/2025-09-01-start/',
      '/practices/list-nablyudeniya/',
      '/roadmap/stage-1/',
    ]);
    expect(warm.reused).toBe(4);
    // Pages that list entries have no key: the home page and every list show the edit.
    expect(warm.renderedPages).toEqual(expect.arrayContaining(['/', '/news/', '/events/', '/practices/', '/roadmap/']));

    const scratch = await build('cache-b');
    expect(scratch.reused).toBe(0);
    expect([...warm.html.keys()].sort()).toEqual([...scratch.html.keys()].sort());
    for (const [file, html] of scratch.html) expect(warm.html.get(file), file).toBe(html);
    expect(warm.html.get('practices/list-nablyudeniya/index.html')).toContain('Итоговая конференция года');
  });
});
