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
 * - `review/`      verdicts of the privacy review by entry and site-wide inputs, one file per content root;
 * - `image-metadata/` hashes of built images found without metadata, one file per content root;
 * - `uploads/`     text and metadata extracted from uploaded files, by content hash;
 * - `cms-bundle/`  the built CMS, by hash of its sources;
 * - `pagefind/`    the two search bundles of the last build, by hash of the pages they index;
 * - `trash/`       replaced outputs of `npm run build`, deleted in the background (src/build/staged-output.ts).
 * Each cache prunes itself (pruneStale here, or keeping exactly what the
 * last build used); deleting the folder only costs a cold build.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export type CacheName = 'astro' | 'markdown' | 'og' | 'leak-scan' | 'review' | 'image-metadata' | 'cms-bundle' | 'uploads' | 'pagefind';

/** The root of every cache. */
export function cacheRoot(projectRoot = process.cwd()): string {
  return path.resolve(projectRoot, process.env.NASTAVNIK_CACHE_DIR ?? path.join('.cache', 'nastavnik'));
}

/** The folder of one cache. */
export function cacheDir(name: CacheName, projectRoot = process.cwd()): string {
  return path.join(cacheRoot(projectRoot), name);
}

/** The name of one content root's part of a cache: building a fixture never evicts the school's entries. */
export function contentRootKey(contentRoot: string): string {
  return createHash('sha256').update(path.resolve(contentRoot)).digest('hex').slice(0, 12);
}

/**
 * A cache file's size and modification time: while they are what they were
 * when this process read or wrote the file, its copy in memory is still the
 * file's content. Undefined for a missing file.
 */
export function fileStamp(file: string): string | undefined {
  try {
    const st = fs.statSync(file);
    return `${st.size}:${st.mtimeMs}`;
  } catch {
    return undefined;
  }
}

const DAY_MS = 86_400_000;

/**
 * Removes the files of a cache not written (or touched) for `days`, at most
 * once a day (a marker file remembers when). A cache that cannot be pruned
 * still works, so failures are ignored.
 */
export function pruneStale(folder: string, days: number, keep: (name: string) => boolean = () => false): void {
  const marker = path.join(folder, '.pruned');
  try {
    if (Date.now() - fs.statSync(marker).mtimeMs < DAY_MS) return;
  } catch {
    // never pruned yet
  }
  try {
    const cutoff = Date.now() - days * DAY_MS;
    for (const entry of fs.readdirSync(folder, { recursive: true, withFileTypes: true })) {
      const file = path.join(entry.parentPath, entry.name);
      if (entry.isFile() && entry.name !== '.pruned' && !keep(entry.name) && fs.statSync(file).mtimeMs < cutoff)
        fs.rmSync(file, { force: true });
    }
    fs.writeFileSync(marker, '');
  } catch {
    // A cache that cannot be pruned still works.
  }
}
