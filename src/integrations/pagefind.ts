/**
 * After every build, the search index of dist/ (Pagefind, Node API).
 *
 * Only the pages of entries are indexed — practices, materials, news,
 * documents, programmes, events and roadmap stages — and on each only its
 * `data-pagefind-body` region: header, navigation, breadcrumbs and footer
 * never reach the index. Russian stemming comes from `<html lang="ru">`.
 * Filters, result metadata and the date sort key come from each page's
 * SearchRecord. The bank gets a second index of the practice pages alone
 * (src/lib/search/bundles.ts). Each Pagefind step's errors stop the build
 * with the step named; the service is closed whatever happens. Runs before
 * the leak scan, which reads both indexes' fragments like any other file of
 * dist/.
 */
import { COLLECTIONS, indexedCollections } from '../schema/index.ts';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { BANK_BUNDLE, SITE_BUNDLE } from '../lib/search/bundles.ts';

/** Sections whose entry pages (`<section>/<id>/index.html`) are searchable. */
export const INDEXED_SECTIONS = indexedCollections.map((c) => COLLECTIONS[c].route);

/** The pages of the bank's own index: the practices. */
const BANK_PAGES = `${COLLECTIONS.practices.route}/*/index.html`;

/** The stock UIs Pagefind writes beside its API; the site uses its own small UI, so they are not published. */
const STOCK_UI = /^pagefind-(ui|component-ui|modular-ui|highlight)\.(js|css)$/;

export class SearchIndexError extends Error {
  override name = 'SearchIndexError';
}

export interface SearchIndexReport {
  /** Pages in the site's index. */
  pages: number;
  /** Files of both bundles (all of /pagefind/) and their total size. */
  files: number;
  bytes: number;
  /** The bank's own index: its pages and size. */
  bank: { pages: number; bytes: number };
  /** Wall time of indexing and writing, ms. */
  ms: number;
}

function check(step: string, errors: readonly string[]): void {
  if (errors.length) throw new SearchIndexError(`Поисковый индекс не построен (${step}): ${errors.join('; ')}`);
}

/**
 * Pagefind gzips its metadata at a middling level; every visitor's first query
 * downloads it whole, and at level 9 it is about a tenth smaller (4 KB at
 * 5,000 practices). Same format: the browser side reads any gzip.
 */
function recompressMeta(dir: string): void {
  for (const name of fs.readdirSync(dir)) {
    if (!name.endsWith('.pf_meta')) continue;
    const file = path.join(dir, name);
    const packed = fs.readFileSync(file);
    const smaller = zlib.gzipSync(zlib.gunzipSync(packed), { level: 9 });
    if (smaller.length < packed.length) fs.writeFileSync(file, smaller);
  }
}

function bundleSize(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const d of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!d.isFile()) continue;
    files++;
    bytes += fs.statSync(path.join(d.parentPath, d.name)).size;
  }
  return { files, bytes };
}

/** Indexes the pages of `glob` under `siteDir` into a bundle at `outputPath`; returns how many. */
async function writeBundle(siteDir: string, glob: string, outputPath: string): Promise<number> {
  const created = await pagefind.createIndex();
  check('createIndex', created.errors);
  if (!created.index) throw new SearchIndexError('Поисковый индекс не построен (createIndex): Pagefind не вернул индекс');
  const added = await created.index.addDirectory({ path: siteDir, glob });
  check('addDirectory', added.errors);
  const written = await created.index.writeFiles({ outputPath });
  check('writeFiles', written.errors);
  for (const name of fs.readdirSync(outputPath)) if (STOCK_UI.test(name)) fs.rmSync(path.join(outputPath, name));
  recompressMeta(outputPath);
  return added.page_count;
}

/** Indexes a built site into `<siteDir>/pagefind/`, and its practices alone into the bank's bundle inside it. */
export async function buildSearchIndex(siteDir: string): Promise<SearchIndexReport> {
  const started = performance.now();
  const sitePath = path.join(siteDir, SITE_BUNDLE);
  const bankPath = path.join(siteDir, BANK_BUNDLE);
  fs.rmSync(sitePath, { recursive: true, force: true });
  let pages = 0;
  let bankPages = 0;
  try {
    pages = await writeBundle(siteDir, `{${INDEXED_SECTIONS.join(',')}}/*/index.html`, sitePath);
    bankPages = await writeBundle(siteDir, BANK_PAGES, bankPath);
  } finally {
    await pagefind.close();
  }
  const bank = { pages: bankPages, bytes: bundleSize(bankPath).bytes };
  return { pages, ...bundleSize(sitePath), bank, ms: Math.round(performance.now() - started) };
}

export function pagefindIndex(): AstroIntegration {
  return {
    name: 'nastavnik:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const r = await buildSearchIndex(fileURLToPath(dir));
        logger.info(
          `поисковый индекс: страниц ${r.pages}, файлов ${r.files} (${Math.round(r.bytes / 1024)} КБ), из них копилка: страниц ${r.bank.pages} (${Math.round(r.bank.bytes / 1024)} КБ), за ${r.ms} мс`,
        );
        if (r.pages === 0) logger.warn('в поисковый индекс не попало ни одной страницы: поиск на сайте ничего не найдёт');
      },
    },
  };
}
