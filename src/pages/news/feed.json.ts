/** /news/feed.json: the news as JSON Feed 1.1 with the `_nastavnik` extension (docs/open-data.md). */
import type { APIRoute } from 'astro';
import { bodyHtml } from '../../data/body.ts';
import { published } from '../../data/entries.ts';
import { getSite } from '../../data/site.ts';
import { newsFeedItem, feedMeta, jsonFeedResponse } from '../../lib/feeds.ts';

export const GET: APIRoute = async ({ site }) => {
  const siteUrl = String(site);
  const items = (await published('news')).map((e) => newsFeedItem(e, siteUrl, bodyHtml(e.filePath)));
  return jsonFeedResponse(feedMeta('news', await getSite(), siteUrl), items);
};
