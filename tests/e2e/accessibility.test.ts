/**
 * Accessibility in real Chromium: axe-core (WCAG 2.0/2.1/2.2 A and AA plus
 * best practices) over every page of the sitemap with no exclusions, and a
 * keyboard-only walk with a visible focus and a working skip link.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
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

/** Site paths of the sitemap (sitemap-index → sitemaps → <loc>), or every built page when there is none. */
function sitemapPaths(): string[] {
  const index = path.join(testDist(), 'sitemap-index.xml');
  const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  if (fs.existsSync(index)) {
    return locs(fs.readFileSync(index, 'utf8')).flatMap((p) => locs(fs.readFileSync(path.join(testDist(), p), 'utf8')));
  }
  return fs
    .readdirSync(testDist(), { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name === 'index.html' && !d.parentPath.includes(`${path.sep}admin`))
    .map((d) => `/${path.relative(testDist(), d.parentPath).split(path.sep).join('/')}/`.replace('//', '/'));
}

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** axe-core injected once per context (cheaper than re-injecting it on every page). */
const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

async function axeContext(): Promise<BrowserContext> {
  const context = await browser.newContext();
  await context.addInitScript({ content: AXE_SOURCE });
  return context;
}

interface AxeViolation {
  id: string;
  impact: string;
  nodes: { target: string[] }[];
}

type AxeRun = (context: Document, options: unknown) => Promise<{ violations: AxeViolation[] }>;

async function axe(page: Page): Promise<string[]> {
  const violations = await page.evaluate(async (tags) => {
    const run = (window as unknown as { axe: { run: AxeRun } }).axe.run;
    return (await run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })).violations;
  }, TAGS);
  return violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(', ')}`,
  );
}

describe('accessibility', () => {
  it('has no axe violation on any page of the sitemap', { timeout: 600_000 }, async () => {
    const paths = sitemapPaths();
    expect(paths.length).toBeGreaterThan(30);
    const context = await axeContext();
    const page = await context.newPage();
    const violations: string[] = [];
    for (const p of paths) {
      await page.goto(`${server.url}${p}`);
      violations.push(...(await axe(page)).map((v) => `${p}: ${v}`));
    }
    expect(violations).toEqual([]);
    await context.close();
  });

  it('has no axe violation in the low-vision schemes either', { timeout: 120_000 }, async () => {
    const context = await axeContext();
    const page = await context.newPage();
    const violations: string[] = [];
    for (const scheme of ['bw', 'wb', 'blue']) {
      await page.goto(`${server.url}/roadmap/stage-1/`);
      await page.evaluate((s) => localStorage.setItem('nastavnik-low-vision', JSON.stringify({ scheme: s, size: '150' })), scheme);
      await page.reload();
      violations.push(...(await axe(page)).map((v) => `${scheme}: ${v}`));
    }
    expect(violations).toEqual([]);
    await context.close();
  });

  it('can be used with the keyboard alone: skip link first, visible focus, every link reachable', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/`);
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => ({
      text: document.activeElement?.textContent?.trim(),
      top: document.activeElement?.getBoundingClientRect().top ?? -1,
    }));
    expect(first.text).toBe('Перейти к содержанию');
    expect(first.top).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => location.hash)).toBe('#content');

    const links = await page.locator('a[href]:visible, summary:visible, input:visible').count();
    const reached = new Set<string>();
    let focusRingMissing = 0;
    for (let i = 0; i < links + 5; i++) {
      await page.keyboard.press('Tab');
      const info = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const s = getComputedStyle(el);
        return {
          key: `${el.tagName}:${el.getAttribute('href') ?? el.textContent?.trim()}`,
          outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2,
        };
      });
      if (!info) continue;
      reached.add(info.key);
      if (!info.outline) focusRingMissing++;
    }
    expect(focusRingMissing).toBe(0);
    expect(reached.size).toBeGreaterThanOrEqual(Math.min(links, 20));

    await page.locator('.lv-panel summary').focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('.lv-panel').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.documentElement.dataset.lvSize)).toBe('150');
    await page.close();
  });

  it('keeps every page free of horizontal scrolling at 320 px (the width of 400 % zoom)', { timeout: 180_000 }, async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
    const wide: string[] = [];
    for (const p of sitemapPaths()) {
      await page.goto(`${server.url}${p}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (overflow > 0) wide.push(`${p}: +${overflow}px`);
    }
    expect(wide).toEqual([]);
    await page.close();
  });
});
