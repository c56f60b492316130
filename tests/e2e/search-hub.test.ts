/**
 * District scale: two schools' sites built from different content roots,
 * each served on its own port with CORS open for its search index, and the
 * hub example (examples/hub) finding practices of both in real Chromium
 * through Pagefind multisite.
 *
 * The second school's build also proves that the privacy leak scan covers
 * both indexes, the site's and the bank's: a practice author with a name
 * consent is in them, an author without one is in no fragment (nor anywhere
 * in dist/), and the scanner, told that the first author may not be named,
 * finds them in each.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cmsBundleFolder } from '../../src/integrations/leak-scan.ts';
import { headersFor } from '../../src/lib/security-headers.ts';
import { scanForLeaks } from '../../src/privacy/leak-scan.ts';
import { peopleOf, registryOf } from '../../src/privacy/registry.ts';
import { reviewContent } from '../../src/privacy/gate.ts';
import type { SiteSettings } from '../../src/schema/settings.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { FIXTURES, ROOT, TEST_RUNS } from '../helpers/paths.ts';
import { astroBuild } from '../helpers/run.ts';
import { serveStatic, type StaticServer } from '../helpers/serve.ts';

const SCHOOL_2 = path.join(FIXTURES, 'school-2');
const TODAY = '2026-06-01';

let work: string;
const sites: { name: string; dist: string; server?: StaticServer }[] = [];
let hub: StaticServer;
let browser: Browser;

/** A school site as a static host serves it, with CORS open for the search index. */
const schoolHeaders = (urlPath: string) => ({
  ...headersFor(urlPath),
  ...(urlPath.startsWith('/pagefind/') ? { 'Access-Control-Allow-Origin': '*' } : {}),
});

beforeAll(async () => {
  fs.mkdirSync(TEST_RUNS, { recursive: true });
  work = fs.mkdtempSync(path.join(TEST_RUNS, 'hub-'));
  const builds = [
    { name: 'Лицей № 126', content: path.join(ROOT, 'content'), site: 'https://nastavnik.licey126.example/' },
    { name: 'Школа № 2', content: SCHOOL_2, site: 'https://nastavnik.school2.example/' },
  ];
  for (const [i, b] of builds.entries()) {
    const dist = path.join(work, `site-${i + 1}`);
    const result = await astroBuild(dist, {
      CONTENT_DIR: b.content,
      SITE_URL: b.site,
      SITE_TODAY: TODAY,
    });
    if (result.code !== 0) throw new Error(`build of ${b.content} failed:\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`);
    sites.push({ name: b.name, dist });
  }
  for (const s of sites) s.server = await serveStatic(s.dist, schoolHeaders);
  const hubDir = path.join(work, 'hub');
  fs.cpSync(path.join(ROOT, 'examples/hub'), hubDir, { recursive: true });
  fs.writeFileSync(
    path.join(hubDir, 'schools.json'),
    JSON.stringify({ schools: sites.map((s) => ({ name: s.name, url: `${s.server!.url}/` })) }),
  );
  fs.writeFileSync(path.join(hubDir, '404.html'), '<!doctype html><title>404</title>');
  hub = await serveStatic(hubDir);
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await hub?.close();
  for (const s of sites) await s.server?.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe('district hub', () => {
  it('finds practices of both schools for one query, links each to its school, and narrows by school', async () => {
    const page = await browser.newPage();
    page.setDefaultTimeout(20_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${hub.url}/?q=${encodeURIComponent('родительского собрания')}`);
    const status = page.locator('[data-hub-status]');
    await expect.poll(() => status.innerText(), { timeout: 20_000 }).toMatch(/^Найден[оа] \d+ практик/);
    const links = await page.locator('[data-hub-results] h2 a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    const [licey, school2] = sites.map((s) => s.server!.url);
    expect(links).toContain(`${licey}/practices/chek-list-pervogo-roditelskogo-sobraniya/`);
    expect(links).toContain(`${school2}/practices/repeticiya-roditelskogo-sobraniya/`);
    const counts = await page.locator('[data-hub-schools] label').allInnerTexts();
    expect(counts).toEqual([expect.stringMatching(/Лицей № 126 \(\d+\)/), expect.stringMatching(/Школа № 2 \(1\)/)]);

    await page.getByLabel('Школа № 2').check();
    await expect.poll(() => status.innerText()).toBe('Найдена 1 практика');
    const titles = await page.locator('[data-hub-results] h2').allInnerTexts();
    expect(titles.map((t) => t.replace(/\s+/g, ' ').trim())).toEqual(['Репетиция родительского собрания с наставником']);
    expect(new URL(page.url()).searchParams.getAll('school')).toEqual(['Школа № 2']);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the privacy leak scan covers the search index (second school)', () => {
  const dist = () => sites[1]!.dist;
  /** The fragments of the site's index and of the bank's own. */
  const fragmentTexts = () =>
    ['pagefind/fragment', 'pagefind/bank/fragment'].flatMap((rel) => {
      const dir = path.join(dist(), rel);
      return fs
        .readdirSync(dir)
        .map((f) => ({ file: `${rel}/${f}`, text: zlib.gunzipSync(fs.readFileSync(path.join(dir, f))).toString('utf8') }));
    });

  it('puts a permitted author’s name into the bank’s index, where the practice is', () => {
    const practice = fragmentTexts().filter((f) => f.text.includes('/practices/repeticiya-roditelskogo-sobraniya/'));
    expect(practice.map((f) => f.file.split('/').slice(0, 2).join('/'))).toEqual(['pagefind/bank']);
    for (const f of practice) expect(f.text, f.file).toContain('Ольга Ивановна Лебедева');
  });

  it('keeps an author without a name consent out of every fragment and every file', () => {
    for (const f of fragmentTexts()) expect(f.text, f.file).not.toMatch(/Горбунов|Артём Сергеевич/);
    const all = fs
      .readdirSync(dist(), { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile() && /\.(html|json|xml)$/.test(d.name))
      .map((d) => fs.readFileSync(path.join(d.parentPath, d.name), 'utf8'));
    for (const text of all) expect(text).not.toMatch(/Горбунов/);
  });

  it('finds a name in the index once its consent no longer covers the site', async () => {
    const index = reviewContent(SCHOOL_2, TODAY);
    const people = peopleOf(registryOf(index));
    const settings = index.entries.get('site')?.values().next().value?.parsed as unknown as SiteSettings;
    const common = { dir: dist(), people, allowContacts: [settings.phone, settings.email], sourceOnly: [cmsBundleFolder(ROOT)] };
    const clean = await scanForLeaks({ ...common, policy: { today: TODAY, siteUrl: 'https://nastavnik.school2.example/' } });
    expect(clean.leaks).toEqual([]);
    const moved = await scanForLeaks({ ...common, policy: { today: TODAY, siteUrl: 'https://elsewhere.example/' } });
    const inIndex = moved.leaks.filter((l) => l.via === 'pagefind');
    expect(inIndex.length).toBeGreaterThan(0);
    expect(inIndex.every((l) => l.rule === 'pii-name' && l.personId === 'p-001')).toBe(true);
    expect(inIndex.some((l) => l.file.startsWith('pagefind/bank/fragment/'))).toBe(true);
  });
});
