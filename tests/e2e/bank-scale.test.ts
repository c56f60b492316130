/**
 * The bank at a size one page can no longer hold: the minimal fixture with a
 * few hundred generated practices, built and served with the site's
 * headers. Without JavaScript the bank and its facet pages list a page at a
 * time and link the rest, and a page's weight and element count stay within
 * a phone's budget whatever the size of the bank. The bank has its own,
 * smaller search index. In Chromium the search loads cards as the reader
 * scrolls, and counts each facet group with its own choice left out.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { Parser } from 'htmlparser2';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headersFor } from '../../src/lib/security-headers.ts';
import { orderPractices } from '../../src/lib/practices.ts';
import { BANK_PAGE_SIZE } from '../../src/lib/search/facets.ts';
import { reviewContent } from '../../src/privacy/gate.ts';
import { addPractices } from '../helpers/bank-fixture.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { builtFixture } from '../helpers/fixture-build.ts';
import { serveStatic, type StaticServer } from '../helpers/serve.ts';

/** Generated practices: fourteen pages of the bank, where the bank as one page had 2,600 elements (208 KB). */
const GENERATED = 260;
/** A reader's budget for one page of the bank, whatever its size. */
const MAX_GZIP = 60 * 1024;
const MAX_ELEMENTS = 1500;

const built = builtFixture((content) => addPractices(content, GENERATED), { SITE_TODAY: '2026-06-01' });
let dist: string;
let server: StaticServer;
let browser: Browser;
let ordered: string[];
let traditional: number;

beforeAll(async () => {
  const { build, content } = built;
  dist = built.dist;
  if (build.code !== 0) throw new Error(`build failed:\n${build.stdout.slice(-3000)}\n${build.stderr.slice(-3000)}`);
  type PracticeData = { year: number; status: string; best?: { year: number } };
  const practices = [...reviewContent(content.dir).entries.get('practices')!.values()];
  ordered = orderPractices(practices.map((e) => ({ id: e.id, data: e.parsed as unknown as PracticeData }))).map((p) => p.id);
  traditional = practices.filter((e) => e.parsed.form === 'traditional').length;
  server = await serveStatic(dist, headersFor);
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Parsed {
  elements: number;
  cards: string[];
  links: string[];
  paginationLinks: number;
}

/** Elements, the practices listed (card titles' links), all links, and the links of the page navigation. */
function parse(html: string): Parsed {
  const out: Parsed = { elements: 0, cards: [], links: [], paginationLinks: 0 };
  let inCard = 0;
  let inPagination = 0;
  const parser = new Parser({
    onopentag(name, attrs) {
      out.elements++;
      if (inCard) inCard++;
      if (inPagination) inPagination++;
      if (name === 'li' && /\bpractice-card\b/.test(attrs.class ?? '')) inCard = 1;
      if (name === 'nav' && attrs.class === 'pagination') inPagination = 1;
      if (name !== 'a' || !attrs.href) return;
      out.links.push(attrs.href);
      if (inPagination) out.paginationLinks++;
      const id = /^\/practices\/([a-z0-9-]+)\/$/.exec(attrs.href)?.[1];
      if (inCard && id && !out.cards.includes(id)) out.cards.push(id);
    },
    onclosetag() {
      if (inCard) inCard--;
      if (inPagination) inPagination--;
    },
  });
  parser.write(html);
  parser.end();
  return out;
}

const route = (r: string) => path.join(dist, r, 'index.html');
const read = (r: string) => fs.readFileSync(route(r), 'utf8');

/** Every page reached from `start` through its page navigation, in page order, parsed. */
function pages(start: string, within: RegExp): Map<string, Parsed> {
  const found = new Map<string, Parsed>();
  const queue = [start];
  while (queue.length) {
    const r = queue.shift()!;
    if (found.has(r)) continue;
    const parsed = parse(read(r));
    found.set(r, parsed);
    for (const l of parsed.links) if (within.test(l) && !found.has(l)) queue.push(l);
  }
  const page = (r: string) => Number(/\/(\d+)\/$/.exec(r)?.[1] ?? 1);
  return new Map([...found].sort(([a], [b]) => page(a) - page(b)));
}

describe('the bank without JavaScript', () => {
  it('lists one page of practices, within the weight and element budget', () => {
    const html = read('practices');
    const first = parse(html);
    expect(first.cards).toHaveLength(BANK_PAGE_SIZE);
    expect(zlib.gzipSync(html).length).toBeLessThanOrEqual(MAX_GZIP);
    expect(first.elements).toBeLessThanOrEqual(MAX_ELEMENTS);
  });

  it('links the later pages; together they list every practice once, best first, each page linking back', () => {
    const bank = pages('/practices/', /^\/practices\/(page\/\d+\/)?$/);
    expect(bank.size).toBe(Math.ceil(ordered.length / BANK_PAGE_SIZE));
    expect([...bank.values()].flatMap((p) => p.cards)).toEqual(ordered);
    for (const [r, p] of [...bank].slice(1)) {
      expect(p.cards.length, r).toBeLessThanOrEqual(BANK_PAGE_SIZE);
      expect(p.links, r).toContain('/practices/');
    }
  });

  it('keeps every page the same size however many pages the bank has', () => {
    const bank = [...pages('/practices/', /^\/practices\/(page\/\d+\/)?$/)];
    for (const [r, p] of bank) {
      expect(p.elements, r).toBeLessThanOrEqual(MAX_ELEMENTS);
      expect(p.paginationLinks, r).toBeLessThanOrEqual(8);
      expect(zlib.gzipSync(read(r)).length, r).toBeLessThanOrEqual(MAX_GZIP);
    }
    // Full pages differ by their cards' best marks and the navigation's window, not by the bank's size.
    const full = bank.filter(([, p]) => p.cards.length === BANK_PAGE_SIZE).map(([, p]) => p.elements);
    expect(full.length).toBeGreaterThan(5);
    expect(Math.max(...full) - Math.min(...full)).toBeLessThan(80);
  });

  it('pages a facet page the same way', () => {
    const facet = pages('/practices/form/traditional/', /^\/practices\/form\/traditional\/(\d+\/)?$/);
    expect(facet.size).toBe(Math.ceil(traditional / BANK_PAGE_SIZE));
    expect([...facet.values()].flatMap((p) => p.cards)).toHaveLength(traditional);
    for (const [r, p] of facet) {
      expect(p.cards.length, r).toBeLessThanOrEqual(BANK_PAGE_SIZE);
      expect(p.links, r).toContain('/practices/');
      if (r !== '/practices/form/traditional/') expect(p.links, r).toContain('/practices/form/traditional/');
    }
  });
});

interface Fragment {
  url: string;
  filters: Record<string, string[]>;
}

const bankFragments = (): Fragment[] => {
  const dir = path.join(dist, 'pagefind', 'bank', 'fragment');
  return fs.readdirSync(dir).map(
    (f) =>
      JSON.parse(
        zlib
          .gunzipSync(fs.readFileSync(path.join(dir, f)))
          .toString('utf8')
          .slice('pagefind_dcd'.length),
      ) as Fragment,
  );
};

describe('the bank’s own search index', () => {
  it('holds the practice pages alone, and they are in no other bundle', () => {
    expect(
      bankFragments()
        .map((f) => f.url)
        .sort(),
    ).toEqual(ordered.map((id) => `/practices/${id}/`).sort());
    const site = path.join(dist, 'pagefind', 'fragment');
    const practices = fs
      .readdirSync(site)
      .map((f) => zlib.gunzipSync(fs.readFileSync(path.join(site, f))).toString('utf8'))
      .filter((text) => text.includes('"url":"/practices/'));
    expect(practices).toEqual([]);
  });
});

async function open(url: string, viewport = { width: 1280, height: 800 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const problems: string[] = [];
  const fragments: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('request', (r) => r.url().includes('/pagefind/bank/fragment/') && fragments.push(r.url()));
  await page.goto(`${server.url}${url}`);
  return { context, page, problems, fragments };
}

const foundCount = async (page: Page) => Number(/\d+/.exec(await page.locator('[data-status]').innerText())?.[0]);

describe('the bank’s search in Chromium', () => {
  it('loads cards as the reader scrolls: a page at a time, each card’s fragment when it comes into view', async () => {
    const { context, page, problems, fragments } = await open(`/practices/?q=${encodeURIComponent('наставник')}`);
    await expect.poll(() => page.locator('[data-status]').innerText()).toMatch(/^Найден/);
    const total = await foundCount(page);
    expect(total).toBeGreaterThanOrEqual(GENERATED);
    const cards = page.locator('[data-list] > li');
    await expect.poll(() => page.locator('[data-list] > li:not(.practice-card--loading)').count()).toBeGreaterThan(0);
    const firstPage = await cards.count();
    expect(firstPage).toBeLessThan(total);
    expect(fragments.length).toBeLessThan(firstPage);

    let shown = firstPage;
    for (let i = 0; i < 100 && shown < total; i++) {
      await page.mouse.wheel(0, 1500);
      await page.waitForTimeout(50);
      shown = await cards.count();
    }
    expect(shown).toBe(total);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2));
    const loadingOnScreen = () =>
      page.locator('[data-list] > li').evaluateAll(
        (lis) =>
          lis.filter((li) => {
            const r = li.getBoundingClientRect();
            return r.bottom > 0 && r.top < window.innerHeight && li.classList.contains('practice-card--loading');
          }).length,
      );
    await expect.poll(loadingOnScreen).toBe(0);
    expect(fragments.length).toBeGreaterThan(firstPage);
    expect(fragments.length).toBeLessThanOrEqual(total);
    expect(new Set(fragments).size).toBe(fragments.length);
    const hrefs = await page.locator('[data-list] > li h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.every((h) => /^\/practices\/[a-z0-9-]+\/$/.test(h ?? ''))).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });

  /** The counts beside the checkboxes of every group, once each group has been on screen. */
  async function shownCounts(page: Page): Promise<Record<string, Record<string, number>>> {
    for (const fieldset of await page.locator('[data-facet-form] fieldset').all()) await fieldset.scrollIntoViewIfNeeded();
    return page.locator('[data-facet-form] input[type=checkbox]').evaluateAll((boxes) => {
      const counts: Record<string, Record<string, number>> = {};
      for (const b of boxes as HTMLInputElement[]) {
        const text = b.closest('label')?.querySelector('[data-count]')?.textContent ?? '';
        (counts[b.name] ??= {})[b.value] = Number(/\d+/.exec(text)?.[0]);
      }
      return counts;
    });
  }

  it('counts each group with its own choice left out, as Pagefind counts without it', async () => {
    const q = 'родительское собрание';
    const { context, page, problems } = await open(`/practices/?q=${encodeURIComponent(q)}&form=group`);
    await expect.poll(() => page.locator('[data-status]').innerText()).toMatch(/^Найден/);
    expect(await page.locator('[data-facets-panel]').getAttribute('open')).not.toBeNull();
    // The page's own copy of Pagefind, asked directly (a string, so the test runner does not rewrite `import()`).
    const expected = (await page.evaluate(`(async () => {
      const pagefind = await import('/pagefind/bank/pagefind.js');
      await pagefind.init();
      await pagefind.filters();
      const q = ${JSON.stringify(q)};
      const without = await pagefind.search(q, { filters: {} });
      const within = await pagefind.search(q, { filters: { form: { any: ['group'] } } });
      return { form: without.filters.form, others: within.filters };
    })()`)) as { form: Record<string, number>; others: Record<string, Record<string, number>> };
    const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
    expect(sum(expected.form)).toBeGreaterThan(expected.form.group!);
    await expect.poll(async () => (await shownCounts(page)).form).toEqual(expected.form);
    const shown = await shownCounts(page);
    for (const group of Object.keys(shown).filter((g) => g !== 'form')) {
      const want = Object.fromEntries(Object.keys(shown[group]!).map((v) => [v, expected.others[group]?.[v] ?? 0]));
      expect(shown[group], group).toEqual(want);
    }
    expect(await foundCount(page)).toBe(expected.form.group);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('counts without a query as the index’s own filter values say', async () => {
    const { context, page } = await open('/practices/?level=basic');
    await expect.poll(() => page.locator('[data-status]').innerText()).toMatch(/^Найден/);
    const all = bankFragments();
    const count = (list: Fragment[], group: string) => {
      const out: Record<string, number> = {};
      for (const f of list) for (const v of f.filters[group] ?? []) out[v] = (out[v] ?? 0) + 1;
      return out;
    };
    const basic = all.filter((f) => f.filters.level?.includes('basic'));
    const shown = await shownCounts(page);
    await expect.poll(async () => (await shownCounts(page)).level).toEqual(count(all, 'level'));
    for (const group of ['form', 'subject', 'year', 'material']) {
      const want = Object.fromEntries(Object.keys(shown[group]!).map((v) => [v, count(basic, group)[v] ?? 0]));
      expect((await shownCounts(page))[group], group).toEqual(want);
    }
    expect(await foundCount(page)).toBe(basic.length);
    await context.close();
  });
});
