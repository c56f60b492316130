/** /events/feed.json: the events as JSON Feed 1.1 with the `_nastavnik` extension (docs/open-data.md). */
import type { APIRoute } from 'astro';
import { bodyHtml } from '../../data/body.ts';
import { published } from '../../data/entries.ts';
import { getSite } from '../../data/site.ts';
import { eventFeedItem, feedMeta, jsonFeedResponse } from '../../lib/feeds.ts';

export const GET: APIRoute = async ({ site }) => {
  const siteUrl = String(site);
  const items = (await published('events')).map((e) => eventFeedItem(e, siteUrl, bodyHtml(e.filePath)));
  return jsonFeedResponse(feedMeta('events', await getSite(), siteUrl), items);
};
