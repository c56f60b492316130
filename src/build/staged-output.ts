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
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { cacheRoot } from '../io/cache-dir.ts';

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

/** Where replaced outputs wait to be deleted: inside the build cache, so never next to the site. */
function trashDir(): string {
  return path.join(cacheRoot(), 'trash');
}

/** Deletes folders in one process of its own that outlives the build; without one, here and now. */
function deleteInBackground(folders: readonly string[]): void {
  const here = () => folders.forEach((f) => fs.rmSync(f, { recursive: true, force: true }));
  try {
    const script = 'for (const f of process.argv.slice(1)) require("node:fs").rmSync(f, { recursive: true, force: true })';
    const child = spawn(process.execPath, ['-e', script, ...folders], { detached: true, stdio: 'ignore' });
    child.on('error', here);
    child.unref();
  } catch {
    here();
  }
}

/**
 * Takes a replaced output away at once and deletes it later. Deleting the
 * tens of thousands of files of a district's site took seconds at the end of
 * every build, after the new site was already in place. The folder is moved
 * into the cache's trash (a rename, on the same disk) and deleted by a
 * process of its own; what a killed deletion leaves there goes with the next
 * replaced output. Where the cache is on another disk the folder is deleted
 * here, as before.
 */
function discard(folder: string): void {
  const trash = trashDir();
  const target = path.join(trash, `${path.basename(folder)}-${Date.now()}`);
  try {
    fs.mkdirSync(trash, { recursive: true });
    fs.renameSync(folder, target);
  } catch {
    fs.rmSync(folder, { recursive: true, force: true });
    return;
  }
  deleteInBackground(fs.readdirSync(trash).map((name) => path.join(trash, name)));
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
  if (hadOutput) discard(previous);
}
