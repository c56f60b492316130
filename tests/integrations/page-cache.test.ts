/**
 * Pages reused across real builds of a copy of the minimal fixture, read
 * from the page cache's log line and Astro's list of what it rendered:
 * unchanged content renders only the pages that have no key; a news edit
 * renders the pages that show news and leaves the bank's lists alone; a
 * practice edit and twenty new practices reach every bank list, facet and
 * new pagination page, and the site equals a build with empty caches; an
 * event edit reaches the pages that name the event; a withdrawn consent and
 * a new review day reach every page.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KEYED_ROUTES, UNKEYED_ROUTES } from '../../src/build/page-keys.ts';
import { tempContent } from '../helpers/fixture.ts';
import { astroBuild } from '../helpers/run.ts';

const content = tempContent();
const work = `${content.dir}-pages`;

afterAll(() => {
  content.cleanup();
  fs.rmSync(work, { recursive: true, force: true });
});

interface Built {
  dist: string;
  /** Built files (pages, feeds, JSON) by path in the output folder; `.ics` without their DTSTAMP (the moment they were made). */
  files: Map<string, string>;
  keyed: number;
  reused: number;
  rendered: number;
  unkeyed: number;
  /** Files Astro rendered (not restored), as site paths: `/news/` for a page, `/practices.json` for an endpoint. */
  renderedPaths: string[];
}

/** Builds into the output folder of a cache (a school builds into one dist/ with one cache). */
async function build(cache: string, today = '2026-03-01'): Promise<Built> {
  const dist = path.join(work, `${cache}-dist`);
  const r = await astroBuild(dist, { CONTENT_DIR: content.dir, NASTAVNIK_CACHE_DIR: path.join(work, cache), SITE_TODAY: today });
  const log = r.stdout + r.stderr;
  expect(r.code, log.slice(-3000)).toBe(0);
  const m = /страницы с ключом: (\d+), взяты из прошлой сборки: (\d+), отрисованы: (\d+); без ключа, отрисованы всегда: (\d+)/.exec(log);
  expect(m, log.slice(-3000)).not.toBeNull();
  const renderedPaths = [...log.matchAll(/├─ (\/\S*?)(index\.html)? \(\+/g)].map((x) => x[1]!).sort();
  const [keyed, reused, rendered, unkeyed] = m!.slice(1).map(Number) as [number, number, number, number];
  return { dist, files: builtFiles(dist), keyed, reused, rendered, unkeyed, renderedPaths };
}

function builtFiles(dir: string): Map<string, string> {
  return new Map(
    fs
      .readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile() && /\.(html|json|xml|ics|txt)$/.test(d.name) && !d.parentPath.includes('pagefind'))
      .map((d) => {
        const abs = path.join(d.parentPath, d.name);
        const text = fs.readFileSync(abs, 'utf8');
        return [path.relative(dir, abs), d.name.endsWith('.ics') ? text.replace(/^DTSTAMP:.*\r?\n/gm, '') : text] as const;
      }),
  );
}

/** The site paths of the pages of the practice bank: its list, its pagination and its facet pages. */
const bankLists = (b: Built) =>
  [...b.files.keys()]
    .filter((f) => f.startsWith('practices/') && f.endsWith('index.html') && f.split('/').length !== 3)
    .map((f) => `/${f.replace(/index\.html$/, '')}`);

/** Pages that have no key, whatever the content: rendered in every build. */
const ALWAYS = ['/admin/', '/admin/taken.json', '/events/'];

const practice = (n: number) => content.read('practices/list-nablyudeniya.md').replace(/^title: .*$/m, `title: Практика номер ${n}`);

const SCHEDULED = '---\ntitle: Мартовская заметка\ndate: 2026-03-05\nsummary: Анонс.\nstage: 1\n---\nТекст.\n';

describe('pages from the previous build', { timeout: 900_000 }, () => {
  let cold: Built;
  let warm: Built;

  it('renders only the pages without a key when nothing changed', async () => {
    content.write('news/2026-03-05-anons.md', SCHEDULED);
    // The mentor may be named in her programme and as the practice's author (and so in /practices.json).
    content.edit('registry/people/p-001.yaml', (t) => t.replace('allow: [name, position]', 'allow: [name, position, role]'));
    content.edit('practices/list-nablyudeniya.md', (t) => t.replace('status: recommended', 'status: recommended\nauthors: [p-001]'));
    cold = await build('cache-a');
    expect(cold.reused).toBe(0);
    expect(cold.keyed).toBeGreaterThan(20);
    expect(bankLists(cold).length).toBeGreaterThan(3);
    expect([...cold.files.values()].join('\n')).not.toContain('Мартовская');

    const again = await build('cache-a');
    expect(again.renderedPaths).toEqual(ALWAYS);
    expect({ keyed: again.keyed, reused: again.reused, rendered: again.rendered, unkeyed: again.unkeyed }).toEqual({
      keyed: cold.keyed,
      reused: cold.keyed,
      rendered: 0,
      unkeyed: ALWAYS.length,
    });
    expect(again.files).toEqual(cold.files);
  });

  it('after a news edit renders the pages that show news and reuses the bank', async () => {
    content.edit('news/2025-09-01-start.md', (t) =>
      t.replace('title: Стартовала программа наставничества', 'title: Стартовала программа наставничества педагогов'),
    );
    const b = await build('cache-a');
    expect(b.renderedPaths).toEqual(expect.arrayContaining(['/', '/news/', '/news/2025-09-01-start/', '/news/feed.xml', '/search/']));
    expect(b.renderedPaths.filter((p) => bankLists(cold).includes(p) || p === '/practices/list-nablyudeniya/')).toEqual([]);
    expect(b.renderedPaths).not.toContain('/documents/');
    expect(b.reused).toBe(b.keyed - b.rendered);
    expect(b.reused).toBeGreaterThan(b.rendered);
    for (const page of ['index.html', 'news/index.html', 'news/feed.xml'])
      expect(b.files.get(page), page).toContain('наставничества педагогов');
  });

  it('after a practice edit and new practices every bank page shows them, as a build from scratch does', async () => {
    content.edit('practices/list-nablyudeniya.md', (t) =>
      t.replace('title: Лист наблюдения урока', 'title: Лист наблюдения открытого урока'),
    );
    for (let n = 1; n <= 20; n++) content.write(`practices/praktika-${n}.md`, practice(n));
    warm = await build('cache-a');
    const lists = bankLists(cold);
    expect(warm.renderedPaths).toEqual(expect.arrayContaining([...lists, '/practices/page/2/', '/practices.json']));
    for (const page of lists) expect(warm.files.get(`${page.slice(1)}index.html`), page).toContain('Практика номер');
    expect([...warm.files].filter(([, text]) => text.includes('Лист наблюдения урока')).map(([file]) => file)).toEqual([]);
    expect(warm.files.get('practices/index.html')).toContain('/practices/page/2/');
    expect(warm.files.get('practices/page/2/index.html')).toBeDefined();
    expect(warm.renderedPaths).not.toContain('/news/2025-09-01-start/');

    const scratch = await build('cache-b');
    expect(scratch.reused).toBe(0);
    expect([...warm.files.keys()].sort()).toEqual([...scratch.files.keys()].sort());
    for (const [file, text] of scratch.files) expect(warm.files.get(file), file).toBe(text);
  });

  it('after an event edit renders the event, the pages that name it, and no news page', async () => {
    content.edit('events/itogovaya-konferenciya.md', (t) => t.replace('title: Итоговая конференция', 'title: Итоговая конференция года'));
    const b = await build('cache-a');
    expect(b.renderedPaths).toEqual(
      expect.arrayContaining([
        '/events/itogovaya-konferenciya/',
        '/events/itogovaya-konferenciya.ics',
        '/practices/list-nablyudeniya/',
        '/roadmap/stage-1/',
      ]),
    );
    expect(b.renderedPaths.filter((p) => p.startsWith('/news/') || p.startsWith('/documents/'))).toEqual([]);
    expect(b.files.get('practices/list-nablyudeniya/index.html')).toContain('Итоговая конференция года');
  });

  it('a withdrawn consent and the day a scheduled news item comes out reach the pages', async () => {
    const naming = (b: Built) => [...b.files].filter(([f, t]) => !f.startsWith('admin/') && t.includes('Примерова')).map(([f]) => f);
    expect(naming(warm)).toEqual(expect.arrayContaining(['practices.json', 'programs/np-2025-01/index.html']));
    content.edit('registry/people/p-001.yaml', (t) => t.replace(/(dissemination:\n\s+signed: [\d-]+)/, '$1\n    withdrawn: 2026-03-08'));
    const b = await build('cache-a', '2026-03-10');
    expect(naming(b)).toEqual([]);
    for (const page of ['index.html', 'news/index.html', 'news/feed.xml']) expect(b.files.get(page), page).toContain('Мартовская');
  });
});

describe('which routes have a key', () => {
  it('every route of src/pages is decided once, keyed or not with a reason', () => {
    const pages = fs
      .readdirSync('src/pages', { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => path.join(d.parentPath, d.name).split(path.sep).join('/'))
      .sort();
    expect([...KEYED_ROUTES, ...Object.keys(UNKEYED_ROUTES)].sort()).toEqual(pages);
    for (const reason of Object.values(UNKEYED_ROUTES)) expect(reason.length).toBeGreaterThan(20);
  });
});
