/** /news/feed.xml: the news as RSS 2.0, full text included. */
import type { APIRoute } from 'astro';
import { bodyHtml } from '../../data/body.ts';
import { published } from '../../data/entries.ts';
import { getSite } from '../../data/site.ts';
import { newsFeedItem, feedMeta, rssFeedResponse } from '../../lib/feeds.ts';

export const GET: APIRoute = async ({ site }) => {
  const siteUrl = String(site);
  const items = (await published('news')).map((e) => newsFeedItem(e, siteUrl, bodyHtml(e.filePath)));
  return rssFeedResponse(feedMeta('news', await getSite(), siteUrl), items);
};
