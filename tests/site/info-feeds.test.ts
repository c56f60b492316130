/**
 * The feeds and indexes of the built demo site parse back and validate:
 * RSS 2.0 with the required elements, JSON Feed 1.1 with the `_nastavnik`
 * extension, the sitemap and robots.txt. Every item is a published entry
 * and links to a page that exists.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { feedExtensionSchema } from '../../src/lib/feeds.ts';
import { localToInstant } from '../../src/lib/local-time.ts';
import { readSiteSettings } from '../../src/validate/site-settings.ts';
import { publicEntries, reviewContent } from '../../src/privacy/gate.ts';
import { DEMO_CONTENT, testDist } from '../helpers/paths.ts';
import { jsonFeed11, sitePages } from '../helpers/parse.ts';

const siteUrl = readSiteSettings(DEMO_CONTENT)!.siteUrl;
const index = reviewContent(DEMO_CONTENT);
const publishedEntries = (c: 'news' | 'events') => [...publicEntries(index, c).values()];
const read = (rel: string) => fs.readFileSync(path.join(testDist(), rel), 'utf8');
const existsInDist = (url: string) => {
  const p = new URL(url).pathname;
  return fs.existsSync(path.join(testDist(), p.endsWith('/') ? `${p}index.html` : p));
};

describe.each(['news', 'events'] as const)('%s feeds', (collection) => {
  const entries = publishedEntries(collection);
  const localDate = (e: (typeof entries)[number]) => String(collection === 'news' ? e.parsed.date : e.parsed.start);

  it('RSS 2.0 has the channel and item elements RSS requires, one item per published entry', () => {
    const doc = parseDocument(read(`${collection}/feed.xml`), { xmlMode: true });
    const rss = DomUtils.findOne((e) => e.name === 'rss', doc.children)!;
    expect(rss.attribs.version).toBe('2.0');
    const channel = DomUtils.findOne((e) => e.name === 'channel', rss.children)!;
    const child = (el: typeof channel, name: string) => DomUtils.textContent(DomUtils.findOne((e) => e.name === name, el.children, false)!);
    for (const name of ['title', 'link', 'description']) expect(child(channel, name).trim(), name).not.toBe('');
    expect(child(channel, 'language')).toBe('ru');
    expect(DomUtils.findOne((e) => e.name === 'atom:link', channel.children)?.attribs.href).toBe(
      new URL(`/${collection}/feed.xml`, siteUrl).href,
    );
    const items = DomUtils.findAll((e) => e.name === 'item', channel.children);
    expect(items).toHaveLength(entries.length);
    const byLink = new Map(entries.map((e) => [new URL(`/${collection}/${e.id}/`, siteUrl).href, e]));
    for (const item of items) {
      const link = child(item, 'link');
      const entry = byLink.get(link);
      expect(entry, link).toBeDefined();
      expect(existsInDist(link)).toBe(true);
      expect(child(item, 'guid')).toBe(link);
      expect(child(item, 'title').trim()).not.toBe('');
      expect(child(item, 'description').trim()).not.toBe('');
      const pubDate = child(item, 'pubDate');
      expect(pubDate).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
      expect(new Date(pubDate).getTime()).toBe(localToInstant(localDate(entry!)).getTime());
    }
  });

  it('JSON Feed 1.1 validates, and every item carries a valid _nastavnik extension', () => {
    const feed = JSON.parse(read(`${collection}/feed.json`)) as { items: Record<string, unknown>[] };
    expect(jsonFeed11.safeParse(feed).error?.issues ?? []).toEqual([]);
    expect(feed.items).toHaveLength(entries.length);
    const ids = new Set<string>();
    for (const item of feed.items) {
      ids.add(String(item.id));
      const ext = feedExtensionSchema.parse(item._nastavnik);
      const id = String(item.url).split('/').at(-2)!;
      const entry = entries.find((e) => e.id === id)!;
      expect(entry, id).toBeDefined();
      expect(ext.kind).toBe(collection === 'news' ? 'news' : 'event');
      expect(ext.stage).toBe(entry.parsed.stage ?? null);
      expect(ext.level).toBe(entry.parsed.level);
      if (ext.kind === 'event') expect([ext.start, existsInDist(ext.ics)]).toEqual([entry.parsed.start, true]);
      if (ext.stageUrl) expect(existsInDist(ext.stageUrl)).toBe(true);
      expect(existsInDist(String(item.url))).toBe(true);
      expect(existsInDist(String(item.image))).toBe(true);
    }
    expect(ids.size).toBe(feed.items.length);
  });
});

describe('sitemap and robots.txt', () => {
  it('list every public page but the CMS and the coverage page', () => {
    const index_ = read('sitemap-index.xml');
    const sitemaps = [...index_.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
    const locs = sitemaps.flatMap((s) => [...read(s.slice(1)).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname));
    const expected = sitePages(testDist()).filter((p) => p !== '/404.html' && !p.startsWith('/admin/') && !p.startsWith('/coverage/'));
    expect(locs.sort()).toEqual(expected);
    expect(locs.some((l) => l.startsWith('/coverage/') || l.startsWith('/admin/'))).toBe(false);
  });

  it('robots.txt disallows /admin/ and points at the sitemap', () => {
    const robots = read('robots.txt');
    expect(robots).toMatch(/^User-agent: \*$/m);
    expect(robots).toMatch(/^Disallow: \/admin\/$/m);
    expect(robots).toContain(`Sitemap: ${new URL('sitemap-index.xml', siteUrl).href}`);
  });
});

describe('feed links on the events page', () => {
  it('say what each feed is for, not only the format name', () => {
    const doc = parseDocument(read('events/index.html'));
    const text = (href: string) =>
      DomUtils.textContent(DomUtils.findOne((e) => e.name === 'a' && e.attribs.href === href, doc.children)!).trim();
    expect(text('/events/feed.xml')).not.toBe('RSS');
    expect(text('/events/feed.xml')).toMatch(/^Лента/);
    expect(text('/events/feed.json')).not.toBe('JSON Feed');
    expect(text('/events/feed.json')).toMatch(/[а-яё]/i);
  });
});
