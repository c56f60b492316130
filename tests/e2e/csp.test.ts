/**
 * Every public page works under the strict Content-Security-Policy the site
 * is deployed with (no inline script or style): Chromium reports no
 * violation and the page's own script (low-vision mode) still runs.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headersFile, headersFor } from '../../src/lib/security-headers.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { ROOT, testDist } from '../helpers/paths.ts';
import { serveStatic, type StaticServer } from '../helpers/serve.ts';

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await serveStatic(testDist(), headersFor);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function publicPages(): string[] {
  return fs
    .readdirSync(testDist(), { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name === 'index.html')
    .map((d) => `/${path.relative(testDist(), d.parentPath).split(path.sep).join('/')}/`.replace(/^\/\/$/, '/'))
    .filter((p) => !p.startsWith('/admin/'))
    .sort();
}

describe('Content-Security-Policy', () => {
  it('ships the headers file the deploy reads, and the nginx example carries the same policy', () => {
    expect(fs.readFileSync(path.join(testDist(), '_headers'), 'utf8')).toBe(headersFile());
    const nginx = fs.readFileSync(path.join(ROOT, 'docs/deploy/nginx.conf'), 'utf8');
    expect(nginx).toContain(headersFor('/')['Content-Security-Policy']);
    expect(nginx).toContain(headersFor('/admin/')['Content-Security-Policy']);
  });

  it('is violated by no public page', { timeout: 180_000 }, async () => {
    const pages = publicPages();
    expect(pages.length).toBeGreaterThan(30);
    const context = await browser.newContext();
    await context.addInitScript(() => {
      (window as unknown as { __csp: string[] }).__csp = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (m) => m.type() === 'error' && /Content Security Policy/i.test(m.text()) && violations.push(m.text()));
    for (const route of pages) {
      await page.goto(`${server.url}${route}`, { waitUntil: 'load' });
      const found = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
      violations.push(...found.map((v) => `${route}: ${v}`));
    }
    expect(violations).toEqual([]);
    await context.close();
  });

  it("still runs the site's own script", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/`);
    await page.locator('.lv-panel summary').click();
    await page.locator('input[name="lv-scheme"][value="wb"]').check();
    await page.goto(`${server.url}/news/`);
    expect(await page.evaluate(() => document.documentElement.dataset.lvScheme)).toBe('wb');
    await page.close();
  });
});
