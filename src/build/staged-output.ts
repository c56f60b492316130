/**
 * The build writes into a staging folder next to the output folder and
 * replaces the published output only after every post-build step (image
 * metadata, security headers, search index, leak scan) has passed.
 *
 * Astro empties its output folder first and fills it page by page; a web
 * server serving `dist/` would show an empty, then a partial site during
 * every build, and after an interrupted build pages without `_headers`,
 * search, or with photos that still carry GPS. Here `dist/` is touched
 * once, at the very end, by two renames; a failed or interrupted build
 * leaves it as it was, and its staging folder is removed by the next build.
 * (The live site is switched atomically by the deploy: docs/deploy/.)
 */
import fs from 'node:fs';
import path from 'node:path';

const STAGING = '.staging-';
const PREVIOUS = '.previous-';

/**
 * The staging folder of an output folder. Its name is the same in every
 * build: Astro writes the output folder's path into the code of pages with
 * images, and a name that changed from build to build would make every such
 * page look changed to the page cache (src/integrations/page-cache.ts). Two
 * builds of one checkout never overlap (src/build/lock.ts).
 */
export function stagingDirOf(outDir: string): string {
  return `${outDir.replace(/[/\\]+$/, '')}${STAGING}build`;
}

/** Removes staging and previous-output folders that earlier, interrupted builds left next to `outDir`. */
export function removeLeftovers(outDir: string): string[] {
  const final = outDir.replace(/[/\\]+$/, '');
  const parent = path.dirname(final);
  const base = path.basename(final);
  if (!fs.existsSync(parent)) return [];
  const removed: string[] = [];
  for (const name of fs.readdirSync(parent)) {
    if (!name.startsWith(`${base}${STAGING}`) && !name.startsWith(`${base}${PREVIOUS}`)) continue;
    const abs = path.join(parent, name);
    fs.rmSync(abs, { recursive: true, force: true });
    removed.push(abs);
  }
  return removed;
}

/** Puts the finished staging folder in place of `outDir`. */
export function publishStaging(staging: string, outDir: string): void {
  const final = outDir.replace(/[/\\]+$/, '');
  const previous = `${final}${PREVIOUS}${process.pid}`;
  const hadOutput = fs.existsSync(final);
  if (hadOutput) fs.renameSync(final, previous);
  try {
    fs.renameSync(staging, final);
  } catch (e) {
    if (hadOutput) fs.renameSync(previous, final);
    throw e;
  }
  if (hadOutput) fs.rmSync(previous, { recursive: true, force: true });
}
