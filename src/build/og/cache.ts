/**
 * The card cache: one PNG per card hash, in a folder that outlives builds
 * (`og/` of the build caches, src/io/cache-dir.ts).
 *
 * A card whose text, theme and renderer are unchanged has the same hash, so
 * it is copied, never drawn again. Each content root keeps its own folder,
 * so building a test fixture never evicts the school's cards; after a build
 * the folder keeps exactly the cards that build used.
 */
import fs from 'node:fs';
import path from 'node:path';
import { cacheDir, contentRootKey } from '../../io/cache-dir.ts';

/** The cache root of all content roots (src/io/cache-dir.ts). */
export function ogCacheRoot(projectRoot = process.cwd()): string {
  return cacheDir('og', projectRoot);
}

/** The cache folder of one content root. */
export function cacheFolder(root: string, contentRoot: string): string {
  return path.join(root, contentRootKey(contentRoot));
}

/** The cached PNG of a card hash. */
export function cachedFile(folder: string, hash: string): string {
  return path.join(folder, `${hash}.png`);
}

/** Half-written files of a build that died are removed once they are this old. */
const STALE_TMP_MS = 10 * 60_000;

/** Removes every cached card not in `used` (and abandoned temporary files); returns how many cards went. */
export function pruneCache(folder: string, used: ReadonlySet<string>): number {
  if (!fs.existsSync(folder)) return 0;
  let pruned = 0;
  for (const name of fs.readdirSync(folder)) {
    const file = path.join(folder, name);
    if (name.endsWith('.tmp')) {
      if (Date.now() - fs.statSync(file).mtimeMs > STALE_TMP_MS) fs.rmSync(file, { force: true });
      continue;
    }
    if (!name.endsWith('.png') || used.has(name.slice(0, -4))) continue;
    fs.rmSync(file, { force: true });
    pruned++;
  }
  return pruned;
}
