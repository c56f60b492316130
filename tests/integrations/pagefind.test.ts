/**
 * The post-build index on a small built site, with the real Pagefind binary:
 * only entry pages, only their `data-pagefind-body`, filters and metadata
 * from the page's record, Russian stemming, no stock UI, and the bank's own
 * index of the practice pages alone.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSearchIndex, type SearchIndexReport } from '../../src/integrations/pagefind.ts';

let site: string;
let report: SearchIndexReport;

const page = (body: string) => `<!doctype html><html lang="ru"><head><title>t</title></head><body>
<header data-pagefind-ignore="all"><nav>Шапкасайта навигация</nav></header>
<main>${body}</main>
<footer data-pagefind-ignore="all">Подвалсайта контакты</footer></body></html>`;

const write = (rel: string, html: string) => {
  fs.mkdirSync(path.dirname(path.join(site, rel)), { recursive: true });
  fs.writeFileSync(path.join(site, rel), html);
};

const fragments = (bundle = 'pagefind') =>
  fs.readdirSync(path.join(site, bundle, 'fragment')).map(
    (f) =>
      JSON.parse(
        zlib
          .gunzipSync(fs.readFileSync(path.join(site, bundle, 'fragment', f)))
          .toString('utf8')
          .slice(12),
      ) as {
        url: string;
        content: string;
        filters: Record<string, string[]>;
        meta: Record<string, string>;
      },
  );

beforeAll(async () => {
  site = fs.mkdtempSync(path.join(os.tmpdir(), 'nastavnik-pagefind-'));
  write(
    'practices/chek-list/index.html',
    page(`<nav class="breadcrumbs" data-pagefind-ignore="all">Хлебныекрошки</nav><article data-pagefind-body>
<div hidden><span data-pagefind-filter="type:practice"></span><span data-pagefind-filter="form:group"></span><span data-pagefind-filter="subject:math"></span><span data-pagefind-filter="subject:russian"></span><span data-pagefind-meta="date:2026"></span><span data-pagefind-sort="date:2026"></span></div>
<h1>Чек-лист первого родительского собрания</h1><p>Наставнику и молодому учителю: как подготовить родительское собрание.</p></article>`),
  );
  write('news/2026-01-10-start/index.html', page('<article data-pagefind-body><h1>Новость о наставниках</h1><p>Текст.</p></article>'));
  write('practices/form/group/index.html', page('<h1>Форма: групповое</h1><p>Список практик наставников.</p>'));
  write('search/index.html', page('<article data-pagefind-body><h1>Поиск</h1></article>'));
  write('practices/index.html', page('<article data-pagefind-body><h1>Методическая копилка</h1></article>'));
  write('practices/page/2/index.html', page('<article data-pagefind-body><h1>Копилка, страница 2</h1></article>'));
  report = await buildSearchIndex(site);
}, 120_000);

afterAll(() => fs.rmSync(site, { recursive: true, force: true }));

describe('buildSearchIndex', () => {
  it('indexes only entry pages, each in one bundle, and reports what it wrote', () => {
    expect(report.pages).toBe(2);
    expect([...fragments(), ...fragments('pagefind/bank')].map((f) => f.url).sort()).toEqual([
      '/news/2026-01-10-start/',
      '/practices/chek-list/',
    ]);
    expect(fragments().map((f) => f.url)).toEqual(['/news/2026-01-10-start/']);
    expect(report.files).toBeGreaterThan(5);
    expect(report.bytes).toBeGreaterThan(50_000);
  });

  it('keeps header, navigation, breadcrumbs and footer out of the index', () => {
    const text = [...fragments(), ...fragments('pagefind/bank')].map((f) => f.content).join(' ');
    expect(text).toContain('Наставнику и молодому учителю');
    for (const chrome of ['Шапкасайта', 'Подвалсайта', 'Хлебныекрошки']) expect(text).not.toContain(chrome);
  });

  it('records filters, metadata and Russian as the language', () => {
    const practice = fragments('pagefind/bank').find((f) => f.url === '/practices/chek-list/')!;
    expect(practice.filters).toEqual({ type: ['practice'], form: ['group'], subject: ['math', 'russian'] });
    expect(practice.meta).toMatchObject({ title: 'Чек-лист первого родительского собрания', date: '2026' });
    const entry = JSON.parse(fs.readFileSync(path.join(site, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, unknown>;
    };
    expect(Object.keys(entry.languages)).toEqual(['ru']);
    expect(fs.existsSync(path.join(site, 'pagefind', 'wasm.ru.pagefind'))).toBe(true);
  });

  it('publishes the API, not the stock UIs', () => {
    const files = fs.readdirSync(path.join(site, 'pagefind'));
    expect(files).toContain('pagefind.js');
    expect(files.filter((f) => /ui|highlight/.test(f))).toEqual([]);
  });

  it('writes the bank’s own index of the practice pages alone, inside the site’s', () => {
    expect(fragments('pagefind/bank').map((f) => f.url)).toEqual(['/practices/chek-list/']);
    expect(report.bank.pages).toBe(1);
    const files = fs.readdirSync(path.join(site, 'pagefind', 'bank'));
    expect(files).toEqual(expect.arrayContaining(['pagefind.js', 'wasm.ru.pagefind', 'pagefind-entry.json']));
    expect(files.filter((f) => /ui|highlight/.test(f))).toEqual([]);
    expect(report.bank.bytes).toBeGreaterThan(50_000);
  });
});

describe('buildSearchIndex with a cache', () => {
  let cache: string;
  const urls = (bundle: string) =>
    fragments(bundle)
      .map((f) => f.url)
      .sort();
  const texts = (bundle: string) =>
    fragments(bundle)
      .map((f) => f.content)
      .join(' ');

  beforeAll(() => {
    cache = fs.mkdtempSync(path.join(os.tmpdir(), 'nastavnik-pagefind-cache-'));
  });
  afterAll(() => fs.rmSync(cache, { recursive: true, force: true }));

  it('writes both bundles on the first build and copies both when no page changed', async () => {
    const first = await buildSearchIndex(site, { cacheRoot: cache });
    expect(first.reused).toBe(0);
    const again = await buildSearchIndex(site, { cacheRoot: cache });
    expect(again.reused).toBe(2);
    expect(again.pages).toBe(first.pages);
    expect(urls('pagefind')).toEqual(['/news/2026-01-10-start/']);
    expect(urls('pagefind/bank')).toEqual(['/practices/chek-list/']);
    expect(fs.existsSync(path.join(site, 'pagefind', '.pages.json'))).toBe(false);
  }, 120_000);

  it('indexes again the bundle whose page changed, and only that one', async () => {
    write('news/2026-01-10-start/index.html', page('<article data-pagefind-body><h1>Новость</h1><p>Педсовет перенесён.</p></article>'));
    const r = await buildSearchIndex(site, { cacheRoot: cache });
    expect(r.reused).toBe(1);
    expect(texts('pagefind')).toContain('Педсовет перенесён');
    expect(texts('pagefind/bank')).not.toContain('Педсовет');
    expect(urls('pagefind/bank')).toEqual(['/practices/chek-list/']);
  }, 120_000);

  it('never serves a bundle of pages that are gone or were edited', async () => {
    write('practices/vtoraya/index.html', page('<article data-pagefind-body><h1>Вторая практика</h1><p>Портфолио.</p></article>'));
    let r = await buildSearchIndex(site, { cacheRoot: cache });
    expect(r.reused).toBe(1);
    expect(urls('pagefind/bank')).toEqual(['/practices/chek-list/', '/practices/vtoraya/']);
    expect(texts('pagefind/bank')).toContain('Портфолио');
    fs.rmSync(path.join(site, 'practices', 'vtoraya'), { recursive: true });
    r = await buildSearchIndex(site, { cacheRoot: cache });
    expect(r.reused).toBe(1);
    expect(urls('pagefind/bank')).toEqual(['/practices/chek-list/']);
    expect(texts('pagefind/bank')).not.toContain('Портфолио');
  }, 120_000);

  it('does not take a bundle that a killed build left half-written', async () => {
    const bank = fs.readdirSync(cache).find((n) => n.startsWith('bank-'))!;
    fs.rmSync(path.join(cache, bank, '.pages.json'));
    fs.rmSync(path.join(cache, bank, 'fragment'), { recursive: true });
    const r = await buildSearchIndex(site, { cacheRoot: cache });
    expect(r.reused).toBe(1);
    expect(urls('pagefind/bank')).toEqual(['/practices/chek-list/']);
    expect(fs.readdirSync(cache).filter((n) => n.startsWith('bank-'))).toHaveLength(1);
  }, 120_000);
});
