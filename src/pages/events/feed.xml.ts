/** /events/feed.xml: the events as RSS 2.0, full text included. */
import type { APIRoute } from 'astro';
import { bodyHtml } from '../../data/body.ts';
import { published } from '../../data/entries.ts';
import { getSite } from '../../data/site.ts';
import { eventFeedItem, feedMeta, rssFeedResponse } from '../../lib/feeds.ts';

export const GET: APIRoute = async ({ site }) => {
  const siteUrl = String(site);
  const items = (await published('events')).map((e) => eventFeedItem(e, siteUrl, bodyHtml(e.filePath)));
  return rssFeedResponse(feedMeta('events', await getSite(), siteUrl), items);
};
