/**
 * /practices.json: the bank as open data for district and regional portals
 * (format: src/lib/search/open-data.ts, docs/open-data.md). An author is named
 * only when the consent allows it both on the practice's page and at this
 * file's address; the others are counted.
 */
import type { APIRoute } from 'astro';
import { byId, published } from '../data/entries.ts';
import { getSite, getVocabularies } from '../data/site.ts';
import { bestEventOf, orderPractices } from '../lib/practices.ts';
import { practicesOpenData } from '../lib/search/open-data.ts';
import { describeParticipant } from '../privacy/public.ts';

function openAuthors(ids: readonly string[]): { named: string[]; anonymous: number } {
  const named: string[] = [];
  for (const id of ids) {
    const onPage = describeParticipant(id, 'mentor', 'practice-author');
    if (onPage.named && describeParticipant(id, 'mentor', 'home').named) named.push(onPage.label);
  }
  return { named, anonymous: ids.length - named.length };
}

export const GET: APIRoute = async ({ site }) => {
  const siteUrl = String(site);
  const events = await byId('events');
  const practices = orderPractices(await published('practices')).map((p) => ({
    id: p.id,
    data: p.data,
    authors: openAuthors(p.data.authors),
    bestEvent: bestEventOf(p, events),
  }));
  const data = practicesOpenData(practices, await getSite(), await getVocabularies(), siteUrl);
  return new Response(JSON.stringify(data), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
