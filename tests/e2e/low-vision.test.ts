/**
 * «Версия для слабовидящих» in real Chromium: every scheme applies, keeps a
 * high contrast, survives navigation, and breaks no layout at 320 px or at
 * the largest text size; without JavaScript the panel still works on the page.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/chromium.ts';
import { ROOT, testDist } from '../helpers/paths.ts';
import { serveStatic, type StaticServer } from '../helpers/serve.ts';

let server: StaticServer;
let browser: Browser;
const SHOTS = path.join(ROOT, '.cache', 'screenshots', 'low-vision');

beforeAll(async () => {
  server = await serveStatic(testDist());
  browser = await launchChromium();
  fs.mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function luminance(rgb: string): number {
  const [r, g, b] = rgb
    .match(/\d+/g)!
    .slice(0, 3)
    .map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (l1 + 0.05) / (l2 + 0.05);
}

async function choose(page: Page, key: string, value: string) {
  if (!(await page.locator('.lv-panel').evaluate((d) => (d as HTMLDetailsElement).open))) await page.locator('.lv-panel summary').click();
  await page.locator(`input[name="lv-${key}"][value="${value}"]`).check();
}

async function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

describe('low-vision mode', () => {
  it.each([
    ['bw', 'rgb(255, 255, 255)'],
    ['wb', 'rgb(0, 0, 0)'],
    ['blue', 'rgb(157, 209, 255)'],
  ])('applies the %s scheme with contrast ≥ 7:1, on every page after', async (scheme, background) => {
    const page = await browser.newPage({ viewport: { width: 1024, height: 800 } });
    await page.goto(`${server.url}/roadmap/stage-1/`);
    await choose(page, 'scheme', scheme);
    const colours = await page.evaluate(() => {
      const s = getComputedStyle(document.body);
      const link = getComputedStyle(document.querySelector('main a')!);
      return { bg: s.backgroundColor, fg: s.color, link: link.color };
    });
    expect(colours.bg).toBe(background);
    // The header keeps the scheme's background: no glaring white band over a black page.
    const header = await page.evaluate(() => getComputedStyle(document.querySelector('.site-header')!).backgroundColor);
    if (scheme === 'wb') expect(header).toBe('rgb(0, 0, 0)');
    expect(contrast(colours.fg, colours.bg)).toBeGreaterThanOrEqual(7);
    expect(contrast(colours.link, colours.bg)).toBeGreaterThanOrEqual(7);
    await page.screenshot({ path: path.join(SHOTS, `${scheme}.png`) });
    await page.goto(`${server.url}/news/`);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(background);
    expect(await page.locator(`input[name="lv-scheme"][value="${scheme}"]`).isChecked()).toBe(true);
    await page.close();
  });

  it('enlarges text to 200 % and widens letter spacing without horizontal scrolling at 320 px', async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
    await page.goto(`${server.url}/`);
    const before = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    await choose(page, 'size', '200');
    await choose(page, 'spacing', 'widest');
    const after = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    expect(after / before).toBeCloseTo(2, 1);
    for (const route of ['/', '/roadmap/stage-5/', '/documents/', '/programs/', '/practices/', '/news/', '/events/']) {
      await page.goto(`${server.url}${route}`);
      expect(await overflow(page), route).toBeLessThanOrEqual(0);
      // The skip link, however many lines the spacing makes it, stays above the page until it has focus.
      expect(await page.evaluate(() => document.querySelector('.skip-link')!.getBoundingClientRect().bottom), route).toBeLessThanOrEqual(0);
    }
    await page.screenshot({ path: path.join(SHOTS, 'size-200-320px.png'), fullPage: true });
    await page.close();
  });

  it('hides images on request', async () => {
    const page = await browser.newPage();
    const news = fs
      .readdirSync(path.join(testDist(), 'news'))
      .find(
        (d) =>
          fs.existsSync(path.join(testDist(), 'news', d, 'index.html')) &&
          fs.readFileSync(path.join(testDist(), 'news', d, 'index.html'), 'utf8').includes('<img'),
      );
    await page.goto(`${server.url}/news/${news}/`);
    expect(await page.locator('main img').first().isVisible()).toBe(true);
    await choose(page, 'images', 'off');
    expect(await page.locator('main img').first().isVisible()).toBe(false);
    await page.close();
  });

  it('works without JavaScript on the current page', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.locator('.lv-panel summary').click();
    await page.locator('input[name="lv-scheme"][value="wb"]').check();
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(0, 0, 0)');
    await context.close();
  });
});
