/**
 * Feeds of news and events: RSS 2.0 (through @astrojs/rss) and JSON Feed 1.1
 * with the `_nastavnik` extension, which tells a district or regional
 * aggregator the stage of the roadmap and the level each item belongs to.
 *
 * The extension's zod schema below is its definition: docs/open-data.md
 * prints the JSON Schema generated from it, and the tests validate the built
 * feeds against it. Bump `FEED_EXTENSION_VERSION` on any incompatible change.
 */
import rss from '@astrojs/rss';
import { z } from 'astro/zod';
import { info } from '../i18n/ru.ts';
import type { SiteSettings } from '../schema/settings.ts';
import { ISO_DATE, ISO_DATETIME } from '../schema/fields.ts';
import { EVENT_KINDS, LEVELS } from '../schema/vocab.ts';
import { SITE_TIME_ZONE } from './dates.ts';
import { localToInstant, localToRfc3339 } from './local-time.ts';
import { entryUrl, ogImagePath } from '../schema/index.ts';
import { typo } from './typography.ts';

export const FEED_EXTENSION_VERSION = 1;

const levelValues = Object.keys(LEVELS) as [keyof typeof LEVELS, ...(keyof typeof LEVELS)[]];
const eventKindValues = Object.keys(EVENT_KINDS) as [keyof typeof EVENT_KINDS, ...(keyof typeof EVENT_KINDS)[]];

const common = {
  version: z.literal(FEED_EXTENSION_VERSION).describe('Версия расширения: меняется только при несовместимых изменениях'),
  stage: z.number().int().min(1).max(7).nullable().describe('Этап дорожной карты (1–7), к которому относится запись, или null'),
  stageUrl: z.url().nullable().describe('Адрес страницы этапа на сайте, или null'),
  level: z.enum(levelValues).describe('Уровень освещения: federal, regional, municipal или school'),
};

const newsExtension = z
  .strictObject({
    kind: z.literal('news').describe('Запись — новость'),
    ...common,
    date: z.string().regex(ISO_DATE).describe('Дата публикации, ГГГГ-ММ-ДД'),
  })
  .meta({ title: 'Новость' });

const eventExtension = z
  .strictObject({
    kind: z.literal('event').describe('Запись — событие'),
    ...common,
    eventKind: z.enum(eventKindValues).describe('Вид события'),
    start: z.string().regex(ISO_DATETIME).describe('Начало, местное время, ГГГГ-ММ-ДДTчч:мм'),
    end: z.string().regex(ISO_DATETIME).nullable().describe('Окончание, местное время, или null'),
    timeZone: z.string().min(1).describe('Часовой пояс местного времени (IANA), например Europe/Moscow'),
    place: z.string().min(1).describe('Место проведения'),
    ics: z.url().describe('Адрес файла .ics этого события'),
  })
  .meta({ title: 'Событие' });

/** The `_nastavnik` object of every item of the section's JSON Feeds. */
export const feedExtensionSchema = z.discriminatedUnion('kind', [newsExtension, eventExtension]).meta({
  title: 'Расширение _nastavnik для JSON Feed 1.1',
  description:
    'Этап дорожной карты, уровень освещения и (для событий) время и место — для агрегаторов муниципального и регионального уровня',
});

export type FeedExtension = z.output<typeof feedExtensionSchema>;

/** The JSON Schema of the extension, as docs/open-data.md prints it. */
export function feedExtensionJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(feedExtensionSchema) as Record<string, unknown>;
}

export interface FeedItem {
  id: string;
  url: string;
  title: string;
  summary: string;
  contentHtml: string;
  /** RFC 3339 with the site's offset. */
  datePublished: string;
  /** Absolute URL of the item's card. */
  image: string;
  tags: string[];
  extension: FeedExtension;
}

interface NewsEntry {
  id: string;
  filePath?: string | undefined;
  data: { title: string; summary: string; date: string; stage?: number | undefined; level: keyof typeof LEVELS; tags: string[] };
}

interface EventEntry {
  id: string;
  filePath?: string | undefined;
  data: {
    title: string;
    summary: string;
    start: string;
    end?: string | undefined;
    place: string;
    stage: number;
    level: keyof typeof LEVELS;
    kind: keyof typeof EVENT_KINDS;
  };
}

const abs = (path: string, siteUrl: string) => new URL(path, siteUrl).href;

/** Feed readers show a body away from the site: site-relative links and images must carry the site's address. */
export function absoluteUrls(html: string, siteUrl: string): string {
  return html.replace(/\b(href|src)="(\/(?!\/)[^"]*)"/g, (_, attr: string, path: string) => `${attr}="${abs(path, siteUrl)}"`);
}

const stageUrl = (stage: number | undefined, siteUrl: string) => (stage ? abs(`/roadmap/stage-${stage}/`, siteUrl) : null);

/** A news item as a feed item; `bodyHtml` is its rendered body (src/data/body.ts). */
export function newsFeedItem(entry: NewsEntry, siteUrl: string, bodyHtml = ''): FeedItem {
  const d = entry.data;
  const url = abs(entryUrl('news', entry.id), siteUrl);
  return {
    id: url,
    url,
    title: typo(d.title),
    summary: typo(d.summary),
    contentHtml: absoluteUrls(bodyHtml, siteUrl),
    datePublished: localToRfc3339(d.date),
    image: abs(ogImagePath('news', entry.id), siteUrl),
    tags: d.tags,
    extension: {
      kind: 'news',
      version: FEED_EXTENSION_VERSION,
      stage: d.stage ?? null,
      stageUrl: stageUrl(d.stage, siteUrl),
      level: d.level,
      date: d.date,
    },
  };
}

/** An event as a feed item; its date is its start, since that is what a reader of the feed needs to see. */
export function eventFeedItem(entry: EventEntry, siteUrl: string, bodyHtml = ''): FeedItem {
  const d = entry.data;
  const url = abs(entryUrl('events', entry.id), siteUrl);
  return {
    id: url,
    url,
    title: typo(d.title),
    summary: typo(d.summary),
    contentHtml: absoluteUrls(bodyHtml, siteUrl),
    datePublished: localToRfc3339(d.start),
    image: abs(ogImagePath('events', entry.id), siteUrl),
    tags: [EVENT_KINDS[d.kind], `${LEVELS[d.level]} уровень`],
    extension: {
      kind: 'event',
      version: FEED_EXTENSION_VERSION,
      stage: d.stage,
      stageUrl: stageUrl(d.stage, siteUrl),
      level: d.level,
      eventKind: d.kind,
      start: d.start,
      end: d.end ?? null,
      timeZone: SITE_TIME_ZONE,
      place: d.place,
      ics: abs(`/events/${entry.id}.ics`, siteUrl),
    },
  };
}

export interface FeedMeta {
  title: string;
  description: string;
  /** Absolute URL of the page the feed mirrors. */
  homePageUrl: string;
  /** Absolute URLs of the JSON Feed and the RSS feed. */
  feedUrl: string;
  rssUrl: string;
  author: { name: string; url: string };
}

/** Title, description and addresses of the news or the events feeds. */
export function feedMeta(
  kind: 'news' | 'events',
  site: Pick<SiteSettings, 'sectionTitle' | 'schoolShortName' | 'schoolName' | 'officialSiteUrl'>,
  siteUrl: string,
): FeedMeta {
  const title = kind === 'news' ? info.newsFeedTitle : info.eventsFeedTitle;
  return {
    title: title(site.sectionTitle, site.schoolShortName),
    description: kind === 'news' ? info.newsFeedDescription : info.eventsFeedDescription,
    homePageUrl: abs(`/${kind}/`, siteUrl),
    feedUrl: abs(`/${kind}/feed.json`, siteUrl),
    rssUrl: abs(`/${kind}/feed.xml`, siteUrl),
    author: { name: site.schoolName, url: site.officialSiteUrl },
  };
}

/** A JSON Feed 1.1 document. */
export function jsonFeed(meta: FeedMeta, items: readonly FeedItem[]): Record<string, unknown> {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: meta.title,
    home_page_url: meta.homePageUrl,
    feed_url: meta.feedUrl,
    description: meta.description,
    language: 'ru',
    authors: [meta.author],
    items: items.map((i) => ({
      id: i.id,
      url: i.url,
      title: i.title,
      summary: i.summary,
      content_html: i.contentHtml || `<p>${escapeHtml(i.summary)}</p>`,
      date_published: i.datePublished,
      image: i.image,
      ...(i.tags.length ? { tags: i.tags } : {}),
      _nastavnik: i.extension,
    })),
  };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The JSON Feed as an endpoint's response. */
export function jsonFeedResponse(meta: FeedMeta, items: readonly FeedItem[]): Response {
  return new Response(JSON.stringify(jsonFeed(meta, items), null, 2), {
    headers: { 'content-type': 'application/feed+json; charset=utf-8' },
  });
}

/** The RSS 2.0 feed as an endpoint's response: full text, language, its own address. */
export function rssFeedResponse(meta: FeedMeta, items: readonly FeedItem[]): Promise<Response> {
  return rss({
    title: meta.title,
    description: meta.description,
    site: meta.homePageUrl,
    items: rssItems(items),
    trailingSlash: true,
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>ru</language><atom:link href="${meta.rssUrl}" rel="self" type="application/rss+xml"/>`,
  });
}

/** Items as @astrojs/rss takes them. */
function rssItems(items: readonly FeedItem[]) {
  return items.map((i) => ({
    title: i.title,
    link: i.url,
    pubDate: localToInstant(i.extension.kind === 'news' ? i.extension.date : i.extension.start),
    description: i.summary,
    ...(i.contentHtml ? { content: i.contentHtml } : {}),
    categories: i.tags,
  }));
}
