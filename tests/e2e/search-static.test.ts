/**
 * The bank, its facet pages, the search indexes and the open data as built
 * for the demo site, read from dist/ without a browser: best practices first
 * with their event and year, every practice reachable by links alone, the
 * site's index holding entry pages only (no navigation, header or footer),
 * the bank's own index the practices alone, and /practices.json valid
 * against its published schema.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { practicesJsonSchema, practicesOpenDataSchema } from '../../src/lib/search/open-data.ts';
import { publicEntries, reviewContent } from '../../src/privacy/gate.ts';
import { entryUrl, indexedCollections } from '../../src/schema/index.ts';
import { orderPractices } from '../../src/lib/practices.ts';
import { BANK_PAGE_SIZE, facetPath } from '../../src/lib/search/facets.ts';
import { DEMO_CONTENT, testDist } from '../helpers/paths.ts';

const index = reviewContent(DEMO_CONTENT);
const { entries } = index;
type PracticeData = { year: number; status: string; best?: { year: number; event: string } };
const practices = orderPractices(
  [...publicEntries(index, 'practices').values()].map((e) => ({ id: e.id, data: e.parsed as unknown as PracticeData })),
);
const events = publicEntries(index, 'events');
const file = (rel: string) => path.join(testDist(), rel);
const html = (route: string) => fs.readFileSync(file(path.join(route, 'index.html')), 'utf8');

/** Hrefs of `<a>` elements and the practices of the list's cards, in order. */
function parse(text: string): { links: string[]; items: string[] } {
  const links: string[] = [];
  const items: string[] = [];
  let inCard = false;
  const parser = new Parser({
    onopentag(name, attrs) {
      if (name === 'li') inCard = /\bpractice-card\b/.test(attrs.class ?? '');
      if (name !== 'a' || !attrs.href) return;
      links.push(attrs.href);
      const id = /^\/practices\/([a-z0-9-]+)\/$/.exec(attrs.href)?.[1];
      if (inCard && id && !items.includes(id)) items.push(id);
    },
  });
  parser.write(text);
  parser.end();
  return { links, items };
}

const practiceLinks = (links: string[]) => new Set(links.filter((l) => /^\/practices\/[a-z0-9-]+\/$/.test(l) && !l.includes('/form/')));

interface Fragment {
  url: string;
  content: string;
  filters: Record<string, string[]>;
  meta: Record<string, string>;
}

const fragments = (bundle = 'pagefind'): Fragment[] => {
  const dir = file(`${bundle}/fragment`);
  return fs.readdirSync(dir).map(
    (f) =>
      JSON.parse(
        zlib
          .gunzipSync(fs.readFileSync(path.join(dir, f)))
          .toString('utf8')
          .replace(/^pagefind_dcd/, ''),
      ) as Fragment,
  );
};

describe('the bank page', () => {
  it('lists its first page, best ones first (newest recognition first); its pages together list every practice once', () => {
    expect(parse(html('/practices/')).items).toEqual(practices.slice(0, BANK_PAGE_SIZE).map((p) => p.id));
    const best = practices.filter((p) => p.data.best);
    expect(best.length).toBeGreaterThan(0);
    expect(practices.slice(0, best.length).every((p) => p.data.best)).toBe(true);
    const pages = Math.ceil(practices.length / BANK_PAGE_SIZE);
    const all = Array.from({ length: pages }, (_, i) => parse(html(i ? `/practices/page/${i + 1}/` : '/practices/')).items).flat();
    expect(all).toEqual(practices.map((p) => p.id));
    expect(fs.existsSync(file(`practices/page/${pages + 1}/index.html`))).toBe(false);
  });

  it('shows each best practice with its year and the final event that recognised it, on the bank and on the home page', () => {
    const best = practices.filter((p) => p.data.best);
    for (const page of [html('/practices/'), html('/')]) {
      for (const p of best.slice(0, 3)) {
        const event = events.get(p.data.best!.event)!;
        expect(page).toContain(`Лучшая практика ${p.data.best!.year} года`);
        expect(page).toContain(`href="/events/${event.id}/"`);
      }
    }
    const home = parse(html('/')).links.filter((l) => /^\/practices\/[a-z0-9-]+\/$/.test(l));
    expect(home.slice(0, 3)).toEqual(best.slice(0, 3).map((p) => `/practices/${p.id}/`));
  });

  it('reaches every practice by links alone: the bank, its pages and each facet page it links to, with theirs', () => {
    const seen = new Set<string>();
    const queue = ['/practices/'];
    const reachable = new Set<string>();
    const listPage = /^\/practices\/((page\/\d+)|([a-z]+\/[a-z0-9-]+(\/\d+)?))\/$/;
    while (queue.length) {
      const route = queue.shift()!;
      if (seen.has(route)) continue;
      seen.add(route);
      expect(fs.existsSync(file(path.join(route, 'index.html'))), route).toBe(true);
      const { links } = parse(html(route));
      for (const l of practiceLinks(links)) reachable.add(l);
      for (const l of links) if (listPage.test(l) && !seen.has(l)) queue.push(l);
    }
    expect(seen).toContain(facetPath('form', 'traditional'));
    expect([...seen].some((l) => l.startsWith('/practices/best/'))).toBe(true);
    expect([...reachable].sort()).toEqual(practices.map((p) => `/practices/${p.id}/`).sort());
  });

  it('lists on a facet page exactly the practices with that value', () => {
    const traditional = practices.filter((p) => (entries.get('practices')!.get(p.id)!.parsed.form as string) === 'traditional');
    expect(parse(html('/practices/form/traditional/')).links.filter((l) => practiceLinks([l]).size)).toEqual(
      expect.arrayContaining(traditional.map((p) => `/practices/${p.id}/`)),
    );
    expect(html('/practices/form/traditional/')).toContain(`${traditional.length}\u00a0практик`);
  });
});

/** Both bundles: every indexed page is in exactly one. */
const everyFragment = () => [...fragments(), ...fragments('pagefind/bank')];

describe('the search index', () => {
  it('holds the entry pages of every indexed section and nothing else, each page once', () => {
    const urls = everyFragment().map((f) => f.url);
    const expected = indexedCollections.flatMap((c) => [...publicEntries(index, c).keys()].map((id) => entryUrl(c, id)));
    expect(urls.sort()).toEqual(expected.sort());
  });

  it('indexes page bodies only: no header, navigation, breadcrumbs or footer', () => {
    for (const f of everyFragment()) {
      expect(f.content, f.url).not.toMatch(/Официальный сайт школы|Мы в соцсетях|Контакты|Перейти к содержанию|Навигация по разделу/);
      expect(f.content, f.url).not.toContain('000-00-00');
    }
  });

  it('records type, facets, date and best-practice year as filters and metadata', () => {
    const byUrl = new Map(everyFragment().map((f) => [f.url, f]));
    for (const p of practices) {
      const f = byUrl.get(`/practices/${p.id}/`)!;
      expect(f.filters.type).toEqual(['practice']);
      expect(f.filters.year).toEqual([String(p.data.year)]);
      for (const key of ['form', 'target', 'subject', 'difficulty', 'material'])
        expect(f.filters[key]?.length, `${p.id} ${key}`).toBeGreaterThan(0);
      expect(f.meta).toMatchObject({ type: 'practice', date: String(p.data.year) });
      if (p.data.best) expect(f.meta.best).toBe(String(p.data.best.year));
    }
    const news = [...byUrl.values()].find((f) => f.url.startsWith('/news/'))!;
    expect(news.meta.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(news.filters.type).toEqual(['news']);
  });

  it('keeps the practice pages in the bank’s own bundle and every other section in the site’s', () => {
    expect(
      fragments('pagefind/bank')
        .map((f) => f.url)
        .sort(),
    ).toEqual(practices.map((p) => `/practices/${p.id}/`).sort());
    expect(fragments().filter((f) => f.url.startsWith('/practices/'))).toEqual([]);
    expect(fragments().length).toBeGreaterThan(0);
  });

  it('is Russian, with the API but no stock UI', () => {
    const entry = JSON.parse(fs.readFileSync(file('pagefind/pagefind-entry.json'), 'utf8')) as { languages: Record<string, unknown> };
    expect(Object.keys(entry.languages)).toEqual(['ru']);
    const files = fs.readdirSync(file('pagefind'));
    expect(files).toEqual(expect.arrayContaining(['pagefind.js', 'wasm.ru.pagefind']));
    expect(files.filter((f) => f.startsWith('pagefind-') && /ui|highlight/.test(f))).toEqual([]);
  });
});

describe('/practices.json', () => {
  const data = () => JSON.parse(fs.readFileSync(file('practices.json'), 'utf8')) as unknown;

  it('is valid against its schema and lists the bank in its order', () => {
    const parsed = practicesOpenDataSchema.parse(data());
    expect(parsed.count).toBe(practices.length);
    expect(parsed.practices.map((p) => p.id)).toEqual(practices.map((p) => p.id));
    expect(parsed.$schema).toMatch(/\/schemas\/practices-v1\.json$/);
  });

  it('carries no registry ids and names only authors whose consent allows it', () => {
    const text = fs.readFileSync(file('practices.json'), 'utf8');
    expect(text).not.toMatch(/"p-\d{3}"/);
    const parsed = practicesOpenDataSchema.parse(data());
    const withAuthors = parsed.practices.filter((p) => p.authors.named.length + p.authors.anonymous > 0);
    expect(withAuthors.length).toBeGreaterThan(0);
    for (const p of parsed.practices) {
      const ids = (entries.get('practices')!.get(p.id)!.parsed.authors as string[]) ?? [];
      expect(p.authors.named.length + p.authors.anonymous).toBe(ids.length);
    }
  });

  it('serves its JSON Schema', () => {
    const served = JSON.parse(fs.readFileSync(file('schemas/practices-v1.json'), 'utf8')) as Record<string, unknown>;
    const { $id, ...schema } = served;
    expect($id).toMatch(/\/schemas\/practices-v1\.json$/);
    expect(schema).toEqual(practicesJsonSchema());
  });
});
