/**
 * One Astro process at a time per project root.
 *
 * Astro writes generated modules (content-assets.mjs, content types) into
 * the project's `.astro/` folder whatever the content root or output folder;
 * two builds of different content running at once overwrite each other's
 * files and fail at random. Tests that build or serve through Astro hold
 * this lock (a directory created atomically, with the holder's pid, freed
 * if its holder died).
 */
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './paths.ts';

const LOCK = path.join(ROOT, '.cache', 'astro.lock');

function holderAlive(): boolean {
  try {
    const pid = Number(fs.readFileSync(path.join(LOCK, 'pid'), 'utf8'));
    if (!pid) return false;
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

let held = 0;

/**
 * Takes the lock (waiting for another process to free it) and returns its
 * release. Re-entrant within a process: a test that keeps a dev server
 * running may still build.
 */
export async function acquireAstroLock(timeoutMs = 600_000): Promise<() => void> {
  if (held > 0) {
    held++;
    return release;
  }
  fs.mkdirSync(path.dirname(LOCK), { recursive: true });
  const started = Date.now();
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      fs.writeFileSync(path.join(LOCK, 'pid'), String(process.pid));
      held = 1;
      return release;
    } catch {
      const stat = fs.statSync(LOCK, { throwIfNoEntry: false });
      if (stat && !holderAlive() && Date.now() - stat.mtimeMs > 2_000) {
        fs.rmSync(LOCK, { recursive: true, force: true });
        continue;
      }
      if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${LOCK}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

function release(): void {
  if (held === 0) return;
  held--;
  if (held === 0) fs.rmSync(LOCK, { recursive: true, force: true });
}

/** Waits for the lock, runs `fn`, releases the lock even when `fn` throws. */
export async function withAstroLock<T>(fn: () => Promise<T>, timeoutMs = 600_000): Promise<T> {
  const done = await acquireAstroLock(timeoutMs);
  try {
    return await fn();
  } finally {
    done();
  }
}
