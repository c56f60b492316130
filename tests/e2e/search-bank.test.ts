/**
 * The bank and the site search in real Chromium, against the built demo site
 * served with its production security headers (Pagefind's WebAssembly must
 * run under the site's Content-Security-Policy): Russian word forms, facet
 * counts from the bank's own index, the zero-result message, the state in
 * the address, the layout on a phone, the site-wide search, and the pages
 * with JavaScript switched off. Expectations come from the published
 * content and the built index, never from how many practices the demo has.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forms, search } from '../../src/i18n/ru.ts';
import { plural } from '../../src/lib/plural.ts';
import { headersFor } from '../../src/lib/security-headers.ts';
import { orderPractices } from '../../src/lib/practices.ts';
import { foundPractices } from '../../src/lib/search/counts.ts';
import { BANK_PAGE_SIZE } from '../../src/lib/search/facets.ts';
import { publicEntries, reviewContent } from '../../src/privacy/gate.ts';
import { MATERIAL_TYPES, MENTORING_FORMS, type MentoringForm } from '../../src/schema/vocab.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { DEMO_CONTENT, testDist } from '../helpers/paths.ts';
import { serveStatic, type StaticServer } from '../helpers/serve.ts';

type PracticeData = {
  title: string;
  year: number;
  status: string;
  form: MentoringForm;
  materialType: keyof typeof MATERIAL_TYPES;
  best?: { year: number };
};
const practices = orderPractices(
  [...publicEntries(reviewContent(DEMO_CONTENT), 'practices').values()].map((e) => ({
    id: e.id,
    data: e.parsed as unknown as PracticeData,
  })),
);

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

async function open(route: string, viewport = { width: 1280, height: 720 }): Promise<Page> {
  context = await browser.newContext({ viewport });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  await page.goto(`${server.url}${route}`);
  return page;
}

const status = (page: Page) => page.locator('[data-status]');
const countOf = (page: Page, name: string, value: string) =>
  page.locator(`[data-facet-form] label:has(input[name="${name}"][value="${value}"]) [data-count]`).innerText();

/** Once the latest change's results are in place, brings every result card into view, so each loads, and reads them: title and year. */
async function results(page: Page): Promise<{ title: string; year: number }[]> {
  await expect.poll(() => page.locator('[data-list][aria-busy]').count()).toBe(0);
  const cards = page.locator('[data-list] > li');
  for (const card of await cards.all()) await card.scrollIntoViewIfNeeded();
  await expect.poll(() => page.locator('[data-list] > li.practice-card--loading').count()).toBe(0);
  return cards.evaluateAll((lis) =>
    lis.map((li) => ({
      title: (li.querySelector('h2')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
      year: Number(/\d{4}/.exec(li.querySelector('.meta')?.textContent ?? '')?.[0]),
    })),
  );
}
const titles = async (page: Page) => (await results(page)).map((r) => r.title);

async function searchFor(page: Page, q: string, expected: RegExp) {
  await page.locator('#search-q').fill(q);
  await expect.poll(() => status(page).innerText()).toMatch(expected);
}

/** The practices of the bank's own index with a filter value, from its fragments. */
function indexedWith(group: string, value: string): string[] {
  const dir = path.join(testDist(), 'pagefind', 'bank', 'fragment');
  return fs.readdirSync(dir).flatMap((f) => {
    const fragment = JSON.parse(
      zlib
        .gunzipSync(fs.readFileSync(path.join(dir, f)))
        .toString('utf8')
        .slice(12),
    ) as {
      url: string;
      filters: Record<string, string[]>;
    };
    return fragment.filters[group]?.includes(value) ? [fragment.url] : [];
  });
}

/** CLS of the page so far, as Chromium records it. */
const layoutShift = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let sum = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) sum += (e as PerformanceEntry & { value: number }).value;
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => resolve(sum), 500);
      }),
  );

describe('the bank', () => {
  it('finds a word in other forms: «наставников» finds «наставник», «наставника», «наставнику» and highlights them', async () => {
    const page = await open('/practices/');
    await searchFor(page, 'наставников', /^Найден[оа] \d+\u00a0практик/);
    expect(await titles(page)).toContain('Флеш-встречи для выбора наставника');
    const marked = (await page.locator('[data-list] > li .excerpt mark').allInnerTexts()).map((t) => t.toLowerCase());
    expect(marked.length).toBeGreaterThan(3);
    expect(marked.filter((w) => w !== 'наставников').some((w) => /^наставник(а|у|ом|ам|и)?\.?$/.test(w))).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('finds the parent-meeting practice for «родительского собрания» first', async () => {
    const page = await open('/practices/');
    await searchFor(page, 'родительского собрания', /^Найден/);
    expect((await titles(page))[0]).toBe('Чек-лист первого родительского собрания');
    // The script's card says what each grey value is, in the words of the card the build writes.
    const found = practices.find((p) => p.data.title === 'Чек-лист первого родительского собрания')!.data;
    const meta = await page.locator('[data-list] > li .meta').first().innerText();
    expect(meta.replace(/\s+/g, ' ').trim()).toBe(
      `Тип материала: ${MATERIAL_TYPES[found.materialType]} Наставничество: ${MENTORING_FORMS[found.form]} Год: ${found.year}`,
    );
    await context.close();
  });

  it('narrows by facets, alternatives within a group, and counts from the bank’s index', async () => {
    const page = await open('/practices/');
    await expect(status(page).innerText()).resolves.toBe(search.bankTotal(plural(practices.length, forms.practice)));
    const [first, second] = [...new Set(practices.map((p) => p.data.form))];
    const withFirst = indexedWith('form', first!);
    const withSecond = indexedWith('form', second!);
    await page.locator('[data-facets-panel] > summary').click();
    await page.locator('[data-facet-form] fieldset[data-group="form"]').scrollIntoViewIfNeeded();
    await expect(countOf(page, 'form', first!)).resolves.toBe(`(${withFirst.length})`);
    await page.locator(`[data-facet-form] input[name="form"][value="${first}"]`).check();
    await expect.poll(() => status(page).innerText()).toBe(foundPractices(withFirst.length));
    expect((await results(page)).length).toBe(withFirst.length);
    await expect.poll(() => countOf(page, 'form', second!)).toBe(`(${withSecond.length})`);
    await page.locator(`[data-facet-form] input[name="form"][value="${second}"]`).check();
    await expect.poll(() => status(page).innerText()).toBe(foundPractices(withFirst.length + withSecond.length));
    expect(new URL(page.url()).searchParams.getAll('form')).toEqual([first, second]);
    await expect(page.locator('[data-chosen]').innerText()).resolves.toMatch(/2/);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('does not move the page when the search script takes over from the links', async () => {
    const page = await open('/practices/');
    await page.locator('[data-search-form]').waitFor();
    await page.waitForLoadState('load');
    expect(await layoutShift(page)).toBeLessThan(0.01);
    await page.locator('[data-facets-panel] > summary').click();
    await expect(page.locator('[data-facet-links]').isVisible()).resolves.toBe(false);
    await expect(page.locator('[data-facet-form]').isVisible()).resolves.toBe(true);
    await context.close();
  });

  it('on a phone shows the practices first, the facets folded, and nothing moves', async () => {
    const page = await open('/practices/', { width: 375, height: 740 });
    await page.waitForLoadState('load');
    expect(await layoutShift(page)).toBeLessThan(0.01);
    const panel = page.locator('[data-facets-panel]');
    expect(await panel.getAttribute('open')).toBeNull();
    const top = async (selector: string) => (await page.locator(selector).first().boundingBox())!.y;
    expect(await top('[data-static] li')).toBeLessThan(await top('[data-facets-panel]'));
    expect(await top('[data-static] li')).toBeLessThan(740);
    await expect(page.locator('[data-facet-form]').isVisible()).resolves.toBe(false);
    await panel.locator('summary').click();
    await expect(page.locator('[data-facet-form]').isVisible()).resolves.toBe(true);
    await context.close();
  });

  it('says so in Russian, with advice, when nothing matches', async () => {
    const page = await open('/practices/');
    // A word the index lacks is searched as its longest prefix the index has («квантовая» as «к»): this one has none.
    await searchFor(page, 'хромодинамика', /^Найдено 0\u00a0практик$/);
    const empty = page.locator('[data-empty]');
    await expect(empty.isVisible()).resolves.toBe(true);
    await expect(empty.innerText()).resolves.toMatch(/По запросу «хромодинамика» ничего не нашлось\.[\s\S]*Попробуйте другое слово/);
    expect(await page.locator('[data-list] > li').count()).toBe(0);
    await context.close();
  });

  it('keeps the query, the ticked values and the order in the address, through a reload', async () => {
    const page = await open('/practices/');
    await searchFor(page, 'наставник', /^Найден/);
    await page.locator('[data-facets-panel] > summary').click();
    await page.getByLabel('основная школа').check();
    await page.getByLabel('Порядок').selectOption('newest');
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('newest');
    const before = { status: await status(page).innerText(), results: await results(page) };
    expect(before.results.length).toBeGreaterThan(1);
    expect(new URL(page.url()).searchParams.get('q')).toBe('наставник');
    expect(new URL(page.url()).searchParams.getAll('level')).toEqual(['basic']);
    await page.reload();
    await expect.poll(() => status(page).innerText()).toBe(before.status);
    expect(await results(page)).toEqual(before.results);
    await expect(page.locator('#search-q').inputValue()).resolves.toBe('наставник');
    await expect(page.getByLabel('основная школа').isChecked()).resolves.toBe(true);
    const years = before.results.map((r) => r.year);
    expect(years.every((y) => y > 2000)).toBe(true);
    expect(years).toEqual([...years].sort((a, b) => b - a));
    await context.close();
  });

  it('puts best practices first when ticking without a query, then the newest', async () => {
    const form = practices.find((p) => p.data.best)!.data.form;
    const expected = practices.filter((p) => p.data.form === form);
    const page = await open(`/practices/?form=${form}`);
    await expect.poll(() => status(page).innerText()).toBe(foundPractices(expected.length));
    await results(page);
    const hrefs = await page.locator('[data-list] > li h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    const best = expected.filter((p) => p.data.best);
    expect(hrefs.slice(0, best.length).sort()).toEqual(best.map((p) => `/practices/${p.id}/`).sort());
    const rest = hrefs.slice(best.length).map((h) => expected.find((p) => `/practices/${p.id}/` === h)!.data.year);
    expect(rest).toEqual([...rest].sort((a, b) => b - a));
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
  it('the bank lists its first page, best first, folds the facet links and pages the rest; the search box stays hidden', async () => {
    context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/practices/`);
    const hrefs = await page.locator('[data-static] li h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(practices.slice(0, BANK_PAGE_SIZE).map((p) => `/practices/${p.id}/`));
    await expect(page.locator('[data-search-form]').isVisible()).resolves.toBe(false);
    await expect(page.locator('nav.pagination').count()).resolves.toBe(practices.length > BANK_PAGE_SIZE ? 1 : 0);
    const traditional = page.getByRole('link', { name: 'традиционное («один на один»)' });
    await expect(traditional.isVisible()).resolves.toBe(false);
    await page.locator('[data-facets-panel] > summary').click();
    await traditional.click();
    await page.waitForURL(/\/practices\/form\/traditional\/$/);
    const expected = practices.filter((p) => p.data.form === 'traditional').length;
    expect(await page.locator('main li.card').count()).toBe(Math.min(expected, BANK_PAGE_SIZE));
    await page.goto(`${server.url}/search/`);
    await expect(page.locator('[data-noscript]').innerText()).resolves.toMatch(/работает при включённом JavaScript/);
    await context.close();
  });
});
