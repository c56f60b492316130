/**
 * Every page of the built demo site looks right when its link is pasted into
 * VK or Telegram: Open Graph and Twitter meta with a canonical address and a
 * 1200×630 card that exists; entries have cards and share links of their own;
 * no third-party script anywhere.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { publicEntries, reviewContent } from '../../src/privacy/gate.ts';
import { cardCollections, entryUrl, HOME_CARD_PATH, ogImagePath } from '../../src/schema/index.ts';
import { readSiteSettings } from '../../src/validate/site-settings.ts';
import { DEMO_CONTENT, testDist } from '../helpers/paths.ts';
import { headMeta, pageHtml, sitePages } from '../helpers/parse.ts';

const siteUrl = readSiteSettings(DEMO_CONTENT)!.siteUrl;
const dist = () => testDist();
const pages = () => sitePages(dist()).filter((p) => p !== '/404.html' && !p.startsWith('/admin/'));
/** Pages of entries with cards of their own, by address, from the published content (not by the shape of the address: /news/2/ is a list page). */
const cards = new Map(
  cardCollections.flatMap((c) =>
    [...publicEntries(reviewContent(DEMO_CONTENT), c).keys()].map((id) => [entryUrl(c, id), ogImagePath(c, id)]),
  ),
);
const isEntry = (p: string) => cards.has(p);

describe('link previews', () => {
  it('every page has Open Graph and Twitter meta with its canonical address', () => {
    const problems: string[] = [];
    for (const p of pages()) {
      const { meta, links } = headMeta(pageHtml(dist(), p));
      const canonical = new URL(p, siteUrl).href;
      const expect_ = (key: string, ok: (v: string | undefined) => boolean) =>
        ok(meta.get(key)) || problems.push(`${p}: ${key}=${meta.get(key)}`);
      expect_('og:url', (v) => v === canonical);
      expect_('og:locale', (v) => v === 'ru_RU');
      expect_('og:site_name', (v) => !!v);
      expect_('og:title', (v) => !!v?.trim());
      expect_('og:description', (v) => !!v?.trim());
      expect_('description', (v) => v === meta.get('og:description'));
      expect_('og:type', (v) => v === (isEntry(p) ? 'article' : 'website'));
      expect_('og:image:width', (v) => v === '1200');
      expect_('og:image:height', (v) => v === '630');
      expect_('og:image:alt', (v) => !!v?.trim());
      expect_('twitter:card', (v) => v === 'summary_large_image');
      expect_('twitter:image', (v) => v === meta.get('og:image'));
      if (links.find((l) => l.rel === 'canonical')?.href !== canonical) problems.push(`${p}: canonical`);
    }
    expect(problems).toEqual([]);
  });

  it('gives every entry of a card collection a card of its own, and other pages the home card', () => {
    expect(cards.size).toBeGreaterThan(0);
    for (const p of pages()) {
      const image = headMeta(pageHtml(dist(), p)).meta.get('og:image')!;
      expect(image, p).toBe(new URL(cards.get(p) ?? HOME_CARD_PATH, siteUrl).href);
    }
  });

  it('publishes exactly the cards the pages use, each a non-empty 1200×630 PNG', async () => {
    const used = new Set(pages().map((p) => new URL(headMeta(pageHtml(dist(), p)).meta.get('og:image')!).pathname));
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
        if (d.isDirectory()) walk(path.join(dir, d.name));
        else files.push(`/${path.relative(dist(), path.join(dir, d.name)).split(path.sep).join('/')}`);
      }
    };
    walk(path.join(dist(), 'og'));
    expect(files.sort()).toEqual([...used].sort());
    for (const f of files) {
      const buf = fs.readFileSync(path.join(dist(), f));
      const meta = await sharp(buf).metadata();
      expect([f, meta.format, meta.width, meta.height]).toEqual([f, 'png', 1200, 630]);
      expect(buf.length, f).toBeGreaterThan(10_000);
    }
  });

  it('offers plain share links (VK, Telegram, OK, e-mail) with the canonical address on entry pages only', () => {
    for (const p of pages()) {
      const html = pageHtml(dist(), p);
      const hrefs = [...html.matchAll(/<a href="([^"]+)"[^>]*data-share="([a-z]+)"/g)].map((m) => [m[2], m[1]!.replace(/&amp;/g, '&')]);
      if (!isEntry(p)) {
        expect(hrefs, p).toEqual([]);
        continue;
      }
      expect(
        hrefs.map((h) => h[0]),
        p,
      ).toEqual(['vk', 'telegram', 'ok', 'email']);
      const encoded = encodeURIComponent(new URL(p, siteUrl).href);
      for (const [, href] of hrefs) expect(href, p).toContain(encoded);
    }
  });

  it('loads no third-party script, frame or tracker', () => {
    for (const p of pages()) {
      const html = pageHtml(dist(), p);
      const external = [...html.matchAll(/<(script|iframe|img)\b[^>]*\bsrc="(https?:)?\/\/[^"]+"/g)].map((m) => m[0]);
      expect(external, p).toEqual([]);
    }
  });

  it('announces the news feeds on every page', () => {
    const { links } = headMeta(pageHtml(dist(), '/'));
    expect(links.filter((l) => l.rel === 'alternate').map((l) => [l.type, l.href])).toEqual([
      ['application/rss+xml', '/news/feed.xml'],
      ['application/feed+json', '/news/feed.json'],
    ]);
  });
});
