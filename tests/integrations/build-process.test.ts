/**
 * `npm run build` runs the post-build steps in its own process, after the
 * pages' process has exited, and publishes only what passed them all: a
 * stand-in for Astro writes a staging folder and hands it over the way the
 * staged-output integration does; the real post-steps (link-preview cards,
 * image metadata, headers, Pagefind, leak scan) then run on it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { countEntries, pagesHeapLimitMb } from '../../src/build/heap-limit.ts';
import { runBuild } from '../../src/integrations/build-process.ts';
import { contentDir } from '../../src/lib/content-dir.ts';
import { ROOT } from '../helpers/paths.ts';
import { fileHashes } from '../helpers/tree.ts';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'nastavnik-build-process-'));
const dist = path.join(work, 'dist');
const stub = path.join(work, 'pages.mjs');

/**
 * The stand-in: `node pages.mjs <mode> --outDir <dir>`. Modes: `clean` and
 * `leak` write a page (the latter with a phone number) and hand it over,
 * `clean` with the page's link-preview card to draw;
 * `fail` exits 2; `silent` exits 0 without handing anything over.
 */
const STUB = `
import fs from 'node:fs';
import path from 'node:path';
const [mode, , outDir] = process.argv.slice(2);
if (mode === 'fail') process.exit(2);
if (mode === 'oom') {
  const held = [];
  for (;;) held.push(new Array(1 << 20).fill(Math.random()));
}
if (mode === 'silent') process.exit(0);
const staging = outDir + '.staging-' + process.pid;
const page = path.join(staging, 'news', 'one', 'index.html');
fs.mkdirSync(path.dirname(page), { recursive: true });
const phone = mode === 'leak' ? '<p>Звоните: 8 (921) 123-45-67</p>' : '';
fs.writeFileSync(page, '<!doctype html><html lang="ru"><head><title>Новость</title></head><body><article data-pagefind-body><h1>Новость</h1><p>Текст новости о наставничестве.</p>' + phone + '</article></body></html>');
process.send({
  kind: 'nastavnik:post-steps',
  root: process.cwd(),
  staging,
  outDir,
  leakScan: { contentRoot: outDir, people: [], today: '2026-03-01', siteUrl: 'https://example.org/', allowContacts: [] },
  cmsKey: 'feedfacecafebeef',
  uploads: new Map(),
  og: {
    contentRoot: outDir,
    cards: mode === 'clean'
      ? [{ path: '/og/news/one.png', source: 'news/one.md', section: 'Новости', title: 'Новость', school: 'Лицей', host: 'example.org' }]
      : [],
  },
}, () => {
  fs.writeFileSync(path.join(staging, 'pages-exit.txt'), String(Date.now()));
  process.disconnect();
});
`;

const build = (mode: string) => runBuild(['--outDir', dist], { root: ROOT, pagesCommand: [stub, mode] });
const cacheBefore = process.env.NASTAVNIK_CACHE_DIR;

beforeAll(() => {
  fs.writeFileSync(stub, STUB);
  process.env.NASTAVNIK_CACHE_DIR = path.join(work, 'cache');
  // The admin bundle the stand-in's pages name, as an earlier build left it in the cache.
  const bundle = path.join(work, 'cache', 'cms-bundle', 'feedfacecafebeef');
  fs.mkdirSync(bundle, { recursive: true });
  fs.writeFileSync(path.join(bundle, 'main.js'), 'export {};\n');
  fs.writeFileSync(path.join(bundle, '.complete'), '');
  fs.mkdirSync(dist);
  fs.writeFileSync(path.join(dist, 'index.html'), 'the published site');
});

afterEach(() => vi.restoreAllMocks());

afterAll(() => {
  if (cacheBefore === undefined) delete process.env.NASTAVNIK_CACHE_DIR;
  else process.env.NASTAVNIK_CACHE_DIR = cacheBefore;
  fs.rmSync(work, { recursive: true, force: true });
});

describe('npm run build: post-steps in a process of their own', () => {
  it('leaves dist/ untouched when a post-step fails, and says so without a stack trace', { timeout: 120_000 }, async () => {
    const before = fileHashes(dist);
    const errors: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((m: string) => void errors.push(String(m)));
    vi.spyOn(console, 'log').mockImplementation(() => {});
    expect(await build('leak')).toBe(1);
    expect(fileHashes(dist)).toEqual(before);
    expect(errors.join('\n')).toMatch(/news\/one\/index\.html: телефон «8 \(•••\) •••-••-67»/);
    expect(errors.join('\n')).toMatch(/Сборка остановлена, dist\/ не изменён/);
    expect(errors.join('\n')).not.toMatch(/^\s+at /m);
  });

  it('leaves dist/ untouched when the pages fail or hand nothing over', { timeout: 60_000 }, async () => {
    const before = fileHashes(dist);
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await build('fail')).toBe(2);
    expect(await build('silent')).toBe(1);
    expect(fileHashes(dist)).toEqual(before);
  });

  it('gives the pages’ process a heap limit that follows the content, and says so when it runs out', { timeout: 60_000 }, async () => {
    const before = fileHashes(dist);
    const errors: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((m: string) => void errors.push(String(m)));
    expect(await build('oom')).not.toBe(0);
    expect(fileHashes(dist)).toEqual(before);
    const limit = pagesHeapLimitMb(countEntries(contentDir()));
    expect(errors.join('\n')).toContain(`страницам не хватило памяти (предел ${limit} МБ`);
    expect(errors.join('\n')).toContain(`--max-old-space-size=${limit * 2}`);
  });

  it('runs every post-step after the pages’ process has exited, then publishes', { timeout: 120_000 }, async () => {
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((m: string) => void lines.push(String(m)));
    expect(await build('clean')).toBe(0);
    const exitedAt = Number(fs.readFileSync(path.join(dist, 'pages-exit.txt'), 'utf8'));
    for (const f of ['_headers', 'pagefind/pagefind.js', 'news/one/index.html', 'og/news/one.png', 'admin/cms-feedfacecafebeef/main.js']) {
      expect(fs.existsSync(path.join(dist, f)), f).toBe(true);
    }
    expect(fs.statSync(path.join(dist, '_headers')).mtimeMs).toBeGreaterThanOrEqual(exitedAt);
    // The card is drawn after the pages' process has gone, by this one.
    const card = fs.readFileSync(path.join(dist, 'og/news/one.png'));
    expect(card.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(fs.statSync(path.join(dist, 'og/news/one.png')).mtimeMs).toBeGreaterThanOrEqual(exitedAt);
    expect(fs.existsSync(path.join(dist, 'index.html'))).toBe(false);
    const order = [
      'nastavnik:cms',
      'nastavnik:og-images',
      'nastavnik:strip-metadata',
      'nastavnik:security-headers',
      'nastavnik:pagefind',
      'nastavnik:leak-scan',
      'nastavnik:publish-output',
    ];
    const at = order.map((name) => lines.findIndex((l) => l.includes(`[${name}]`)));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(lines.some((l) => l.includes('[nastavnik:pagefind] поисковый индекс: страниц 1'))).toBe(true);
    expect(lines.some((l) => l.includes('[nastavnik:og-images] карточки для соцсетей: 1 (нарисовано 1'))).toBe(true);
    expect(fs.readdirSync(work).filter((n) => n.startsWith('dist'))).toEqual(['dist']);
  });
});
