/**
 * The `_nastavnik` extension of the JSON Feeds: the zod schema is its
 * definition, docs/open-data.md prints exactly the JSON Schema generated from
 * it, and the items the site makes satisfy it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/lib/markdown.ts';
import { eventFeedItem, feedExtensionJsonSchema, feedExtensionSchema, feedMeta, jsonFeed, newsFeedItem } from '../../src/lib/feeds.ts';
import { ROOT } from '../helpers/paths.ts';
import { jsonFeed11 } from '../helpers/parse.ts';

const SITE = 'https://n.school1.example/';
const news = {
  id: 'n1',
  data: { title: 'Новость "в кавычках"', summary: 'Анонс', date: '2025-09-01', level: 'municipal' as const, tags: ['район'] },
};
const event = {
  id: 'e1',
  data: {
    title: 'Семинар',
    summary: 'Кратко',
    start: '2026-03-18T14:00',
    place: 'Кабинет 12',
    stage: 4,
    level: 'school' as const,
    kind: 'seminar' as const,
  },
};

describe('JSON Feed extension', () => {
  it('is documented in docs/open-data.md exactly as generated from its schema', () => {
    const doc = fs.readFileSync(path.join(ROOT, 'docs/open-data.md'), 'utf8');
    const block = /<!-- feed-extension-schema:start -->\s*```json\n([\s\S]*?)\n```\s*<!-- feed-extension-schema:end -->/.exec(doc)?.[1];
    expect(block, 'JSON block between the feed-extension-schema markers').toBeDefined();
    expect(JSON.parse(block!)).toEqual(feedExtensionJsonSchema());
  });

  it('describes a news item: stage (or null), level and date', () => {
    const item = newsFeedItem(news, SITE);
    expect(feedExtensionSchema.parse(item.extension)).toEqual({
      kind: 'news',
      version: 1,
      stage: null,
      stageUrl: null,
      level: 'municipal',
      date: '2025-09-01',
    });
    expect(item).toMatchObject({
      url: 'https://n.school1.example/news/n1/',
      title: 'Новость «в\u00a0кавычках»',
      datePublished: '2025-09-01T00:00:00+03:00',
    });
  });

  it('describes an event: stage, local start in the named zone, place and its .ics', () => {
    const ext = feedExtensionSchema.parse(eventFeedItem(event, SITE).extension);
    expect(ext).toMatchObject({
      kind: 'event',
      stage: 4,
      stageUrl: 'https://n.school1.example/roadmap/stage-4/',
      start: '2026-03-18T14:00',
      end: null,
    });
    expect(ext).toMatchObject({ timeZone: 'Europe/Moscow', ics: 'https://n.school1.example/events/e1.ics' });
  });

  it('rejects an item that breaks it', () => {
    const ext = newsFeedItem(news, SITE).extension;
    expect(feedExtensionSchema.safeParse({ ...ext, version: 2 }).success).toBe(false);
    expect(feedExtensionSchema.safeParse({ ...ext, stage: 8 }).success).toBe(false);
    expect(feedExtensionSchema.safeParse({ ...ext, extra: true }).success).toBe(false);
  });

  it('makes a valid JSON Feed 1.1 document', () => {
    const meta = feedMeta(
      'news',
      { sectionTitle: 'Наставничество', schoolShortName: 'Школа № 1', schoolName: 'Школа', officialSiteUrl: 'https://school1.example/' },
      SITE,
    );
    const feed = jsonFeed(meta, [newsFeedItem(news, SITE)]);
    expect(jsonFeed11.safeParse(feed).error?.issues ?? []).toEqual([]);
    expect(feed).toMatchObject({ feed_url: 'https://n.school1.example/news/feed.json', home_page_url: 'https://n.school1.example/news/' });
  });
});

describe('feed bodies', () => {
  it('carry the full text with site-relative links made absolute', () => {
    const body = renderMarkdown('См. [документ](/documents/d1/) и [сайт](https://example.org/).\n\n![Фото](/uploads/a.jpg)\n');
    const html = newsFeedItem(news, SITE, body).contentHtml;
    expect(html).toContain('href="https://n.school1.example/documents/d1/"');
    expect(html).toContain('href="https://example.org/"');
    expect(html).toContain('src="https://n.school1.example/uploads/a.jpg"');
    expect(html).not.toMatch(/(href|src)="\/(?!\/)/);
  });
});
