/** /robots.txt: crawlers may read everything but the CMS; the sitemap is named. */
import type { APIRoute } from 'astro';
import { robotsTxt } from '../lib/indexing.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(robotsTxt(String(site)), { headers: { 'content-type': 'text/plain; charset=utf-8' } });
