/**
 * The built demo site: every entry has its page, every list page exists, and
 * every internal link, anchor and asset resolves.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { visibleText } from '../helpers/html.ts';
import { reviewContent } from '../../src/privacy/gate.ts';
import { DEMO_CONTENT, testDist } from '../helpers/paths.ts';

const { entries } = reviewContent(DEMO_CONTENT);
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
      const ids = [...entries.get(collection)!.keys()];
      expect(ids.length).toBeGreaterThan(0);
      const missing = ids.filter((id) => !fs.existsSync(page(`/${collection}/${id}/`)));
      expect(missing).toEqual([]);
    },
  );

  it('paginates news ten to a page', () => {
    const total = entries.get('news')!.size;
    const pages = Math.ceil(total / 10);
    for (let n = 2; n <= pages; n++) expect(fs.existsSync(page(`/news/${n}/`))).toBe(true);
    expect(fs.existsSync(page(`/news/${pages + 1}/`))).toBe(false);
    const first = html('/news/');
    expect(first.match(/<li class="card">/g)?.length).toBe(Math.min(10, total));
  });

  it('links every stage page from the roadmap and every activity evidence to its page', () => {
    const roadmap = html('/roadmap/');
    for (const id of entries.get('roadmap')!.keys()) expect(roadmap).toContain(`href="/roadmap/${id}/"`);
    for (const stage of entries.get('roadmap')!.values()) {
      const text = html(`/roadmap/${stage.id}/`);
      const activities = stage.parsed.activities as { documents: string[]; news: string[]; events: string[] }[];
      for (const a of activities) {
        for (const id of a.documents) expect(text).toContain(`href="/documents/${id}/"`);
        for (const id of a.news) expect(text).toContain(`href="/news/${id}/"`);
        for (const id of a.events) expect(text).toContain(`href="/events/${id}/"`);
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
    const routes = [...entries.get('news')!.keys()].map((id) => `/news/${id}/`).concat(['/', '/roadmap/stage-1/']);
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
