/**
 * The built demo site: every entry has its page, every list page exists, and
 * every internal link, anchor and asset resolves.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { visibleText } from '../helpers/html.ts';
import { publicEntries, reviewContent } from '../../src/privacy/gate.ts';
import { entryUrl, type CollectionName } from '../../src/schema/index.ts';
import { DEMO_CONTENT, testDist } from '../helpers/paths.ts';

const index = reviewContent(DEMO_CONTENT);
/** What the site publishes: drafts, entries dated in the future and withheld ones have no page. */
const published = (c: CollectionName) => publicEntries(index, c);
const page = (route: string) => path.join(testDist(), route, 'index.html');
const html = (route: string) => fs.readFileSync(page(route), 'utf8');

describe('built demo site', () => {
  it.each(['/', '/roadmap/', '/documents/', '/programs/', '/practices/', '/news/', '/events/', '/materials/'])(
    'has the list page %s',
    (route) => {
      expect(fs.existsSync(page(route))).toBe(true);
      expect(html(route)).toContain('<html lang="ru"');
    },
  );

  it('has a 404 page', () => {
    expect(fs.readFileSync(path.join(testDist(), '404.html'), 'utf8')).toContain('Страница не найдена');
  });

  it.each(['roadmap', 'documents', 'programs', 'practices', 'news', 'events', 'materials'] as const)(
    'has a page for every %s entry',
    (collection) => {
      const ids = [...published(collection).keys()];
      expect(ids.length).toBeGreaterThan(0);
      const missing = ids.filter((id) => !fs.existsSync(page(entryUrl(collection, id))));
      expect(missing).toEqual([]);
    },
  );

  it('paginates news ten to a page', () => {
    const total = published('news').size;
    const pages = Math.ceil(total / 10);
    for (let n = 2; n <= pages; n++) expect(fs.existsSync(page(`/news/${n}/`))).toBe(true);
    expect(fs.existsSync(page(`/news/${pages + 1}/`))).toBe(false);
    const first = html('/news/');
    expect(first.match(/<li class="card">/g)?.length).toBe(Math.min(10, total));
  });

  it('links every stage page from the roadmap and every activity evidence to its page', () => {
    const roadmap = html('/roadmap/');
    for (const id of published('roadmap').keys()) expect(roadmap).toContain(`href="${entryUrl('roadmap', id)}"`);
    for (const stage of published('roadmap').values()) {
      const text = html(entryUrl('roadmap', stage.id));
      const activities = stage.parsed.activities as { documents: string[]; news: string[]; events: string[] }[];
      for (const a of activities) {
        for (const [c, ids] of [
          ['documents', a.documents],
          ['news', a.news],
          ['events', a.events],
        ] as const) {
          for (const id of ids.filter((i) => published(c).has(i))) expect(text).toContain(`href="${entryUrl(c, id)}"`);
        }
      }
    }
  });

  it('ships at most 5 KB of JavaScript, only the low-vision script, on public pages without search', () => {
    for (const route of ['/', '/roadmap/', '/roadmap/stage-1/', '/news/', '/documents/', '/programs/', '/events/']) {
      const scripts = [...html(route).matchAll(/<script\b([^>]*)>/g)]
        .map((m) => m[1]!)
        .filter((attrs) => !/type="application\/(ld\+)?json"/.test(attrs));
      const sources = scripts.map((attrs) => /src="([^"]+)"/.exec(attrs)?.[1]);
      expect(sources, route).toEqual(['/low-vision.js']);
      const bytes = sources.reduce((n, src) => n + fs.statSync(path.join(testDist(), src!)).size, 0);
      expect(bytes, route).toBeLessThanOrEqual(5 * 1024);
    }
  });

  it('sets Russian typography on every page: no straight or English quotes, no hyphen for a dash', () => {
    const routes = [...published('news').keys()]
      .map((id) => entryUrl('news', id))
      .concat(['/', ...[...published('roadmap').keys()].map((id) => entryUrl('roadmap', id))]);
    for (const route of routes) {
      // Quotes inside quotes are „…“, as Russian typography nests them.
      const text = visibleText(html(route)).replace(/„[^„“”"]*“/g, '');
      expect(text, route).not.toMatch(/["“”„]/);
      expect(text, route).not.toMatch(/ - /);
    }
  });

  it('labels document files with format and size', () => {
    const docs = html('/documents/');
    expect(docs).toMatch(/Скачать: PDF, \d+\u00a0КБ/);
  });
});
