/**
 * The bank and the site search in real Chromium, against the built demo site
 * served with its production security headers (Pagefind's WebAssembly must
 * run under the site's Content-Security-Policy): Russian word forms, facet
 * counts, the zero-result message, the state in the address, the site-wide
 * search, and the pages with JavaScript switched off.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headersFor } from '../../src/lib/security-headers.ts';
import { reviewContent } from '../../src/privacy/gate.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { DEMO_CONTENT, testDist } from '../helpers/paths.ts';
import { serveStatic, type StaticServer } from '../helpers/serve.ts';

const practiceIds = [...reviewContent(DEMO_CONTENT).entries.get('practices')!.keys()];

let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let problems: string[];

beforeAll(async () => {
  server = await serveStatic(testDist(), headersFor);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(route: string): Promise<Page> {
  context = await browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  await page.goto(`${server.url}${route}`);
  return page;
}

const status = (page: Page) => page.locator('[data-status]');
const shownTitles = async (page: Page) =>
  (await page.locator('[data-list] > li:visible h2').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
const countOf = (page: Page, name: string, value: string) =>
  page.locator(`[data-facet-form] label:has(input[name="${name}"][value="${value}"]) [data-count]`).innerText();

async function searchFor(page: Page, q: string, expected: RegExp) {
  await page.locator('#search-q').fill(q);
  await expect.poll(() => status(page).innerText()).toMatch(expected);
}

describe('the bank', () => {
  it('finds a word in other forms: «наставников» finds «наставник», «наставника», «наставнику» and highlights them', async () => {
    const page = await open('/practices/');
    await searchFor(page, 'наставников', /^Найден[оа] \d+\u00a0практик/);
    const titles = await shownTitles(page);
    expect(titles.length).toBeGreaterThan(3);
    expect(titles).toContain('Флеш-встречи для выбора наставника');
    await expect.poll(() => page.locator('[data-list] > li:visible .excerpt mark').count()).toBeGreaterThan(3);
    const marked = (await page.locator('[data-list] > li:visible .excerpt mark').allInnerTexts()).map((t) => t.toLowerCase());
    expect(marked.filter((w) => w !== 'наставников').some((w) => /^наставник(а|у|ом|ам|и)?$/.test(w))).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('finds the parent-meeting practice for «родительского собрания» first', async () => {
    const page = await open('/practices/');
    await searchFor(page, 'родительского собрания', /^Найден/);
    expect((await shownTitles(page))[0]).toBe('Чек-лист первого родительского собрания');
    await context.close();
  });

  it('narrows by facets and updates every count', async () => {
    const page = await open('/practices/');
    await expect(status(page).innerText()).resolves.toBe(`В копилке ${practiceIds.length}\u00a0практик`);
    const parentsBefore = await countOf(page, 'difficulty', 'parents');
    expect(parentsBefore).toBe('(1)');
    await page.getByLabel('традиционное («один на один»)').check();
    await expect.poll(() => status(page).innerText()).toBe('Найдено 3\u00a0практики');
    expect(await shownTitles(page)).toHaveLength(3);
    await expect(countOf(page, 'difficulty', 'parents')).resolves.toBe('(0)');
    await expect(countOf(page, 'form', 'group')).resolves.toBe('(1)');
    await page.getByLabel('Математика').check();
    await expect.poll(() => status(page).innerText()).toBe('Найдена 1\u00a0практика');
    await page.getByLabel('групповое').check();
    await expect.poll(() => status(page).innerText()).toBe('Найдена 1\u00a0практика');
    expect(new URL(page.url()).searchParams.getAll('form')).toEqual(['traditional', 'group']);
    await context.close();
  });

  it('does not move the page when the search script takes over from the links', async () => {
    const page = await open('/practices/');
    await page.locator('[data-search-form]').waitFor();
    await page.waitForLoadState('load');
    const shifts = await page.evaluate(
      () =>
        new Promise<number[]>((resolve) => {
          const values: number[] = [];
          new PerformanceObserver((list) => {
            for (const e of list.getEntries()) values.push((e as PerformanceEntry & { value: number }).value);
          }).observe({ type: 'layout-shift', buffered: true });
          setTimeout(() => resolve(values), 500);
        }),
    );
    expect(shifts.reduce((a, b) => a + b, 0)).toBeLessThan(0.01);
    await expect(page.locator('[data-facet-links]').isVisible()).resolves.toBe(false);
    await expect(page.locator('[data-facet-form]').isVisible()).resolves.toBe(true);
    await context.close();
  });

  it('says so in Russian, with advice, when nothing matches', async () => {
    const page = await open('/practices/');
    await searchFor(page, 'квантовая хромодинамика', /^Найдено 0\u00a0практик$/);
    const empty = page.locator('[data-empty]');
    await expect(empty.isVisible()).resolves.toBe(true);
    await expect(empty.innerText()).resolves.toMatch(
      /По запросу «квантовая хромодинамика» ничего не нашлось\.[\s\S]*Попробуйте другое слово/,
    );
    expect(await shownTitles(page)).toEqual([]);
    await context.close();
  });

  it('keeps the query, the ticked values and the order in the address, through a reload', async () => {
    const page = await open('/practices/');
    await searchFor(page, 'наставник', /^Найден/);
    await page.getByLabel('основная школа').check();
    await page.getByLabel('Порядок').selectOption('newest');
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('newest');
    const before = { status: await status(page).innerText(), titles: await shownTitles(page) };
    expect(new URL(page.url()).searchParams.get('q')).toBe('наставник');
    expect(new URL(page.url()).searchParams.getAll('level')).toEqual(['basic']);
    await page.reload();
    await expect.poll(() => status(page).innerText()).toBe(before.status);
    expect(await shownTitles(page)).toEqual(before.titles);
    await expect(page.locator('#search-q').inputValue()).resolves.toBe('наставник');
    await expect(page.getByLabel('основная школа').isChecked()).resolves.toBe(true);
    const years = await page
      .locator('[data-list] > li:visible')
      .evaluateAll((lis) => lis.map((li) => Number((li as HTMLElement).dataset.year)));
    expect(years).toEqual([...years].sort((a, b) => b - a));
    await context.close();
  });
});

describe('the site search', () => {
  it('searches every section, counts by section and filters by it', async () => {
    const page = await open(`/search/?q=${encodeURIComponent('наставнику')}`);
    await expect.poll(() => status(page).innerText()).toMatch(/^Найден[о]? \d+\u00a0результат/);
    const results = page.locator('[data-results] > li');
    await expect.poll(() => results.count()).toBeGreaterThan(3);
    const badges = await page.locator('[data-results] > li .badge').allInnerTexts();
    expect(badges).toEqual(expect.arrayContaining(['Практика', 'Материал']));
    const materials = await page.locator('[data-type-form] label:has(input[value="material"]) [data-count]').innerText();
    const n = Number(/\((\d+)\)/.exec(materials)![1]);
    expect(n).toBeGreaterThan(0);
    await page.getByLabel('Материал').check();
    await expect.poll(() => results.count()).toBe(n);
    expect(new Set(await page.locator('[data-results] > li .badge').allInnerTexts())).toEqual(new Set(['Материал']));
    expect(await page.locator('[data-results] a').first().getAttribute('href')).toMatch(/^\/materials\//);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('the site search, newest first', () => {
  it('orders results by year, newest first, across sections', async () => {
    const page = await open(`/search/?q=${encodeURIComponent('наставник')}&sort=newest`);
    const results = page.locator('[data-results] > li');
    await expect.poll(() => results.count()).toBeGreaterThan(5);
    const years = (await page.locator('[data-results] > li .meta').allInnerTexts()).map((t) => Number(/(\d{4})/.exec(t)?.[1]));
    expect(years.every((y) => y > 2000)).toBe(true);
    expect(years).toEqual([...years].sort((a, b) => b - a));
    expect(new Set(await page.locator('[data-results] > li .badge').allInnerTexts()).size).toBeGreaterThan(1);
    await context.close();
  });
});

describe('without JavaScript', () => {
  it('the bank lists every practice and links the facet pages; the search box stays hidden', async () => {
    context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/practices/`);
    const cards = page.locator('[data-list] > li');
    expect(await cards.count()).toBe(practiceIds.length);
    for (const card of await cards.all()) expect(await card.isVisible()).toBe(true);
    const hrefs = await page.locator('[data-list] h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.sort()).toEqual(practiceIds.map((id) => `/practices/${id}/`).sort());
    await expect(page.locator('[data-search-form]').isVisible()).resolves.toBe(false);
    await page.getByRole('link', { name: 'традиционное («один на один»)' }).click();
    await page.waitForURL(/\/practices\/form\/traditional\/$/);
    expect(await page.locator('main li.card').count()).toBe(3);
    await page.goto(`${server.url}/search/`);
    await expect(page.locator('[data-noscript]').innerText()).resolves.toMatch(/работает при включённом JavaScript/);
    await context.close();
  });
});
