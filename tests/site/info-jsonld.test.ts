/**
 * schema.org JSON-LD of the built demo site parses and matches the page it
 * is on: headline = h1, the dates the page shows, the breadcrumbs, and no
 * person the privacy policy does not allow to be named there.
 */
import { describe, expect, it } from 'vitest';
import { readSiteSettings } from '../../src/validate/site-settings.ts';
import { typo } from '../../src/lib/typography.ts';
import { publicEntries, reviewContent } from '../../src/privacy/gate.ts';
import { practiceAuthors } from '../../src/privacy/public.ts';
import { DEMO_CONTENT, testDist } from '../helpers/paths.ts';
import { firstText, jsonLdBlocks, pageHtml, sitePages } from '../helpers/parse.ts';

const site = readSiteSettings(DEMO_CONTENT)!;
const index = reviewContent(DEMO_CONTENT);
const published = (c: 'news' | 'events' | 'practices') => [...publicEntries(index, c).values()];
const ld = (route: string, type: string) => jsonLdBlocks(pageHtml(testDist(), route)).filter((b) => b['@type'] === type);

describe('structured data', () => {
  it('parses on every page, always with the schema.org context', () => {
    for (const p of sitePages(testDist())) {
      for (const block of jsonLdBlocks(pageHtml(testDist(), p))) expect(block['@context'], p).toBe('https://schema.org');
    }
  });

  it('describes the school on the home page', () => {
    const [org] = ld('/', 'EducationalOrganization');
    expect(org).toMatchObject({ name: site.schoolName, alternateName: site.schoolShortName, url: site.officialSiteUrl, email: site.email });
  });

  it('gives each news item a NewsArticle whose headline is the h1 and whose date is the page’s', () => {
    for (const e of published('news')) {
      const route = `/news/${e.id}/`;
      const [article] = ld(route, 'NewsArticle');
      expect(article!.headline).toBe(firstText(pageHtml(testDist(), route), 'h1'));
      expect(String(article!.datePublished).slice(0, 10)).toBe(e.parsed.date);
      expect(pageHtml(testDist(), route)).toContain(`<time datetime="${String(e.parsed.date)}">`);
      expect(article!.mainEntityOfPage).toBe(new URL(route, site.siteUrl).href);
    }
  });

  it('gives each event an Event named as its h1, starting when the page says, in Moscow time', () => {
    for (const e of published('events')) {
      const route = `/events/${e.id}/`;
      const [event] = ld(route, 'Event');
      expect(event!.name).toBe(firstText(pageHtml(testDist(), route), 'h1'));
      expect(event!.startDate).toBe(`${String(e.parsed.start)}:00+03:00`);
      expect(pageHtml(testDist(), route)).toContain(`<time datetime="${String(e.parsed.start)}">`);
    }
  });

  it('gives each practice a LearningResource naming only the authors whose consent allows it', () => {
    for (const e of published('practices')) {
      const route = `/practices/${e.id}/`;
      const [resource] = ld(route, 'LearningResource');
      expect(resource!.name).toBe(firstText(pageHtml(testDist(), route), 'h1'));
      const allowed = practiceAuthors(e.parsed.authors as string[]).named.map((label) => label.split(', ')[0]);
      const authors = [resource!.author].flat() as { '@type': string; name: string }[];
      const people = authors.filter((a) => a['@type'] === 'Person').map((a) => a.name);
      expect(people, route).toEqual(allowed);
      if (!people.length) expect(authors.map((a) => a['@type'])).toEqual(['EducationalOrganization']);
    }
  });

  it('mirrors the breadcrumbs a reader sees', () => {
    const route = `/news/${published('news')[0]!.id}/`;
    const [list] = ld(route, 'BreadcrumbList');
    const items = list!.itemListElement as { position: number; name: string; item: string }[];
    expect(items.map((i) => i.position)).toEqual([1, 2, 3]);
    expect(items.map((i) => i.item)).toEqual([
      new URL('/', site.siteUrl).href,
      new URL('/news/', site.siteUrl).href,
      new URL(route, site.siteUrl).href,
    ]);
    expect(items[2]!.name).toBe(typo(String(published('news')[0]!.parsed.title)));
  });
});
