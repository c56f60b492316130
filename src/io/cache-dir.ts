/**
 * Where the build keeps what outlives one run: one folder for every cache,
 * so a CI job keeps a single path between runs (`npm ci` empties
 * node_modules/, so nothing that should survive may live there) and a test
 * or a benchmark isolates all of them with one variable.
 *
 * `NASTAVNIK_CACHE_DIR` (default `.cache/nastavnik` in the project) holds:
 * - `astro/`       Astro's data store, its optimised images, and the entry pages
 *                  of the last build with what each route read (page-cache.ts);
 * - `markdown/`    rendered bodies by content hash;
 * - `og/`          social cards (PNG) by card hash, one folder per content root;
 * - `leak-scan/`   clean verdicts of the leak scan, one file per content root;
 * - `image-metadata/` hashes of built images found without metadata, one file per content root;
 * - `uploads/`     text and metadata extracted from uploaded files, by content hash;
 * - `cms-bundle/`  the built CMS, by hash of its sources.
 * Each cache prunes itself; deleting the folder only costs a cold build.
 */
import path from 'node:path';

export type CacheName = 'astro' | 'markdown' | 'og' | 'leak-scan' | 'image-metadata' | 'cms-bundle' | 'uploads';

/** The root of every cache. */
export function cacheRoot(projectRoot = process.cwd()): string {
  return path.resolve(projectRoot, process.env.NASTAVNIK_CACHE_DIR ?? path.join('.cache', 'nastavnik'));
}

/** The folder of one cache. */
export function cacheDir(name: CacheName, projectRoot = process.cwd()): string {
  return path.join(cacheRoot(projectRoot), name);
}
