/**
 * After every build, the search index of dist/ (Pagefind, Node API).
 *
 * Only the pages of entries are indexed — practices, materials, news,
 * documents, programmes, events and roadmap stages — and on each only its
 * `data-pagefind-body` region: header, navigation, breadcrumbs and footer
 * never reach the index. Russian stemming comes from `<html lang="ru">`.
 * Filters, result metadata and the date sort key come from each page's
 * SearchRecord. Each page is in one of two indexes: the practices in the
 * bank's, every other section in the site's (src/lib/search/bundles.ts). Each Pagefind step's errors stop the build
 * with the step named; the service is closed whatever happens. Runs before
 * the leak scan, which reads both indexes' fragments like any other file of
 * dist/.
 *
 * Pagefind cannot add to an index it wrote, and at district scale indexing
 * was the largest step of a build after a one-line edit. So each bundle is
 * kept in the build cache under a hash of everything it is made from: the
 * bytes and paths of the pages it indexes, Pagefind's version and this
 * file's indexing rules. A bundle whose pages did not change (the bank after
 * a news edit) is copied, not indexed again. Two bundles that must both be
 * written are written one after the other, each index deleted from the
 * indexer once written: together they took the indexer past 1 GB.
 */
import { COLLECTIONS, indexedCollections } from '../schema/index.ts';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { BANK_BUNDLE, SITE_BUNDLE } from '../lib/search/bundles.ts';
import { cacheDir, contentRootKey } from '../io/cache-dir.ts';
import { codeFingerprint } from '../io/code-fingerprint.ts';
import { linkTree } from '../io/link-or-copy.ts';
import { contentDir } from '../lib/content-dir.ts';

/** Sections whose entry pages (`<section>/<id>/index.html`) are searchable. */
export const INDEXED_SECTIONS = indexedCollections.map((c) => COLLECTIONS[c].route);

/** The pages of the bank's own index: the practices. */
const BANK_PAGES = `${COLLECTIONS.practices.route}/*/index.html`;

/** The pages of the site's index: every other searchable section (src/lib/search/bundles.ts). */
const SITE_PAGES = `{${INDEXED_SECTIONS.filter((s) => s !== COLLECTIONS.practices.route).join(',')}}/*/index.html`;

/** The stock UIs Pagefind writes beside its API; the site uses its own small UI, so they are not published. */
const STOCK_UI = /^pagefind-(ui|component-ui|modular-ui|highlight)\.(js|css)$/;

export class SearchIndexError extends Error {
  override name = 'SearchIndexError';
}

export interface SearchIndexReport {
  /** Pages in both indexes. */
  pages: number;
  /** Files of both bundles (all of /pagefind/) and their total size. */
  files: number;
  bytes: number;
  /** The bank's own index: its pages and size. */
  bank: { pages: number; bytes: number };
  /** Bundles copied from the build cache because none of their pages changed (0, 1 or 2). */
  reused: number;
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

/**
 * What a bundle is made from besides its pages: this file's indexing rules
 * and everything it imports, and the installed Pagefind (the lock file) —
 * src/io/code-fingerprint.ts. Without a fingerprint no bundle is reused.
 */
const indexingCode = () => codeFingerprint(new URL(import.meta.url)) ?? `unreadable ${Date.now()} ${Math.random()}`;

/** The pages a bundle indexes, as site-relative paths in a fixed order. */
function pagesOf(siteDir: string, glob: string): string[] {
  return fs.globSync(glob, { cwd: siteDir }).sort();
}

/** The hash of everything a bundle is made from; a page edited by one byte makes another. */
function bundleKey(siteDir: string, pages: readonly string[], code: string): string {
  const h = createHash('sha256').update(code).update('\0');
  for (const page of pages)
    h.update(page)
      .update('\0')
      .update(fs.readFileSync(path.join(siteDir, page)))
      .update('\0');
  return h.digest('hex').slice(0, 32);
}

/** Indexes `pages` of `siteDir` into a bundle at `outputPath`; returns how many pages it holds. */
async function writeBundle(siteDir: string, glob: string, outputPath: string): Promise<number> {
  const created = await pagefind.createIndex();
  check('createIndex', created.errors);
  if (!created.index) throw new SearchIndexError('Поисковый индекс не построен (createIndex): Pagefind не вернул индекс');
  const added = await created.index.addDirectory({ path: siteDir, glob });
  check('addDirectory', added.errors);
  const written = await created.index.writeFiles({ outputPath });
  check('writeFiles', written.errors);
  // The indexer keeps every index in memory until it is deleted.
  await created.index.deleteIndex();
  for (const name of fs.readdirSync(outputPath)) if (STOCK_UI.test(name)) fs.rmSync(path.join(outputPath, name));
  recompressMeta(outputPath);
  return added.page_count;
}

/** A bundle kept between builds: `<name>-<key>/` with `pages.json` (how many it holds) written last. */
interface CachedBundle {
  dir: string;
  pages: number;
}

function readCached(dir: string): CachedBundle | undefined {
  try {
    const { pages } = JSON.parse(fs.readFileSync(path.join(dir, '.pages.json'), 'utf8')) as { pages?: unknown };
    return typeof pages === 'number' ? { dir, pages } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The bundle of `glob`, from the cache when its key matches, else written
 * into the cache (a half-written bundle never gets its `.pages.json`, so it
 * is never taken). Other keys of the same bundle are removed: the cache
 * holds what the last build used.
 */
async function cachedBundle(
  siteDir: string,
  name: string,
  glob: string,
  cacheRoot: string,
  code: string,
): Promise<CachedBundle & { reused: boolean }> {
  const key = bundleKey(siteDir, pagesOf(siteDir, glob), code);
  const dir = path.join(cacheRoot, `${name}-${key}`);
  const hit = readCached(dir);
  const stale = () => {
    for (const other of fs.existsSync(cacheRoot) ? fs.readdirSync(cacheRoot) : []) {
      if (other.startsWith(`${name}-`) && other !== path.basename(dir))
        fs.rmSync(path.join(cacheRoot, other), { recursive: true, force: true });
    }
  };
  if (hit) {
    stale();
    return { ...hit, reused: true };
  }
  fs.rmSync(dir, { recursive: true, force: true });
  const pages = await writeBundle(siteDir, glob, dir);
  fs.writeFileSync(path.join(dir, '.pages.json'), JSON.stringify({ pages }));
  stale();
  return { dir, pages, reused: false };
}

/** Places a cached bundle into the site (src/io/link-or-copy.ts), without its bookkeeping file. */
function copyBundle(from: string, to: string): void {
  linkTree(from, to, (name) => name === '.pages.json');
}

export interface SearchIndexOptions {
  /** Where bundles are kept between builds (a folder of the build cache); none: written straight into the site. */
  cacheRoot?: string;
}

/** Indexes a built site: its practices into the bank's bundle, every other searchable page into the site's (`<siteDir>/pagefind/`). */
export async function buildSearchIndex(siteDir: string, options: SearchIndexOptions = {}): Promise<SearchIndexReport> {
  const started = performance.now();
  const sitePath = path.join(siteDir, SITE_BUNDLE);
  const bankPath = path.join(siteDir, BANK_BUNDLE);
  fs.rmSync(sitePath, { recursive: true, force: true });
  const cacheRoot = options.cacheRoot ?? fs.mkdtempSync(path.join(os.tmpdir(), 'nastavnik-pagefind-'));
  let site: CachedBundle & { reused: boolean };
  let bank: CachedBundle & { reused: boolean };
  try {
    const code = indexingCode();
    // One after the other: the indexer would hold both indexes at once, over 1 GB at district scale.
    site = await cachedBundle(siteDir, 'site', SITE_PAGES, cacheRoot, code);
    bank = await cachedBundle(siteDir, 'bank', BANK_PAGES, cacheRoot, code);
    copyBundle(site.dir, sitePath);
    copyBundle(bank.dir, bankPath);
  } finally {
    await pagefind.close();
    if (!options.cacheRoot) fs.rmSync(cacheRoot, { recursive: true, force: true });
  }
  return {
    pages: site.pages + bank.pages,
    ...bundleSize(sitePath),
    bank: { pages: bank.pages, bytes: bundleSize(bankPath).bytes },
    reused: Number(site.reused) + Number(bank.reused),
    ms: Math.round(performance.now() - started),
  };
}

/** The search index's cache folder of the content root being built. */
export function searchIndexCache(contentRoot = contentDir()): string {
  return path.join(cacheDir('pagefind'), contentRootKey(contentRoot));
}

export function pagefindIndex(): AstroIntegration {
  return {
    name: 'nastavnik:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const r = await buildSearchIndex(fileURLToPath(dir), { cacheRoot: searchIndexCache() });
        logger.info(
          `поисковый индекс: страниц ${r.pages}, файлов ${r.files} (${Math.round(r.bytes / 1024)} КБ), из них копилка: страниц ${r.bank.pages} (${Math.round(r.bank.bytes / 1024)} КБ), без изменений с прошлой сборки: ${r.reused} из 2, за ${r.ms} мс`,
        );
        if (r.pages === 0) logger.warn('в поисковый индекс не попало ни одной страницы: поиск на сайте ничего не найдёт');
      },
    },
  };
}
