/**
 * A reader's first walk through the built site in real Chromium:
 * home → roadmap → a stage → one of its documents.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/chromium.ts';
import { testDist } from '../helpers/paths.ts';
import { serveStatic, type StaticServer } from '../helpers/serve.ts';

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await serveStatic(testDist());
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('smoke walk', () => {
  it('goes home → roadmap → stage 1 → a document, in Russian', async () => {
    const page = await browser.newPage();
    page.setDefaultTimeout(15_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('response', (r) => r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`));

    await page.goto(`${server.url}/`);
    expect(await page.getAttribute('html', 'lang')).toBe('ru');
    await expect(page.locator('h1').textContent()).resolves.toContain('Наставничество');

    await page.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: 'Дорожная карта' }).click();
    await page.waitForURL(/\/roadmap\/$/);
    await expect(page.locator('h1').textContent()).resolves.toBe('Дорожная карта');
    expect(await page.locator('.stages > li').count()).toBe(7);

    await page.locator('a[href="/roadmap/stage-1/"]').first().click();
    await page.waitForURL(/\/roadmap\/stage-1\/$/);
    expect(await page.locator('.timeline > li').count()).toBeGreaterThanOrEqual(3);

    const docLink = page.locator('.timeline a[href^="/documents/"]').first();
    const docTitle = (await docLink.textContent())!.trim();
    await docLink.click();
    await page.waitForURL(/\/documents\/[a-z0-9-]+\/$/);
    await expect(page.locator('h1').textContent()).resolves.toBe(docTitle);
    const download = page.locator('a[download]').first();
    expect(await download.textContent()).toMatch(/PDF/);
    const href = await download.getAttribute('href');
    const response = await page.request.get(`${server.url}${href}`);
    expect(response.status()).toBe(200);
    expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-');

    expect(errors).toEqual([]);
    await page.close();
  });
});
