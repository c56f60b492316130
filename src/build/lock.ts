/**
 * One Astro process at a time per checkout.
 *
 * Astro writes generated modules and its data store into the project's
 * `.astro/` folder whatever the content root or output folder, and the
 * staged output swaps `dist/` at the end: two builds (or a build and
 * `npm start`) in one checkout would overwrite each other's files and
 * publish a mix. The lock is a directory created atomically, holding the
 * owner's pid; a lock whose owner has died is taken over. The one that
 * comes second waits, says so in Russian, and gives up with a Russian
 * message after `NASTAVNIK_LOCK_WAIT` seconds (default 900).
 *
 * A process holding the lock may run builds as child processes (the
 * benchmark, the tests): it passes its pid in `NASTAVNIK_LOCK_HELD_BY`, and
 * a child sees the lock as its parent's, not as someone else's.
 */
import fs from 'node:fs';
import path from 'node:path';

export class LockTimeout extends Error {
  override name = 'LockTimeout';
}

/** Where the lock of a project lives. */
export const lockPath = (projectRoot: string) => path.join(projectRoot, '.cache', 'astro.lock');

/** The variable through which a holder lends the lock to its child processes. */
export const HELD_BY = 'NASTAVNIK_LOCK_HELD_BY';

function ownerOf(lock: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8'));
    return pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function tryTake(lock: string): boolean {
  try {
    fs.mkdirSync(lock);
  } catch {
    return false;
  }
  fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
  return true;
}

export interface LockOptions {
  /** How long to wait for another process, in ms. */
  waitMs?: number;
  /** Called once when the lock is busy, with the owner's pid. */
  onWait?: (pid: number | undefined) => void;
}

const defaultWait = () => Number(process.env.NASTAVNIK_LOCK_WAIT ?? 900) * 1000;

/** How many times this process holds each lock (re-entrant: a test server and a build in one test). */
const holds = new Map<string, number>();

function freeAll(): void {
  for (const lock of holds.keys()) if (ownerOf(lock) === process.pid) fs.rmSync(lock, { recursive: true, force: true });
}
let exitHook = false;

async function take(lock: string, options: LockOptions): Promise<'own' | 'lent'> {
  const waitMs = options.waitMs ?? defaultWait();
  const started = Date.now();
  let told = false;
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  for (;;) {
    if (tryTake(lock)) return 'own';
    const owner = ownerOf(lock);
    if (owner === process.pid) return 'own';
    if (owner !== undefined && process.env[HELD_BY] === String(owner)) return 'lent';
    const stat = fs.statSync(lock, { throwIfNoEntry: false });
    // A lock without a living owner (a killed build) is stale; a pid file not yet written gets a moment.
    if (stat && (owner ? !alive(owner) : Date.now() - stat.mtimeMs > 2_000)) {
      fs.rmSync(lock, { recursive: true, force: true });
      continue;
    }
    if (!told) {
      options.onWait?.(owner);
      told = true;
    }
    if (Date.now() - started > waitMs) {
      throw new LockTimeout(
        `в этой папке проекта уже идёт сборка или работает npm start (процесс ${owner ?? '?'}); дождитесь её окончания или остановите её и повторите`,
      );
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * Takes the lock (waiting for another process to free it) and returns its
 * release; the lock is freed when this process exits in any case.
 */
export async function acquireLock(lock: string, options: LockOptions = {}): Promise<() => void> {
  if ((await take(lock, options)) === 'lent') return () => {};
  holds.set(lock, (holds.get(lock) ?? 0) + 1);
  process.env[HELD_BY] = String(process.pid);
  if (!exitHook) {
    exitHook = true;
    process.once('exit', freeAll);
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = (holds.get(lock) ?? 1) - 1;
    if (left > 0) return void holds.set(lock, left);
    holds.delete(lock);
    if (holds.size === 0) delete process.env[HELD_BY];
    if (ownerOf(lock) === process.pid) fs.rmSync(lock, { recursive: true, force: true });
  };
}

/** Runs `fn` holding the lock; frees it even when `fn` throws. */
export async function withLock<T>(lock: string, fn: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const release = await acquireLock(lock, options);
  try {
    return await fn();
  } finally {
    release();
  }
}
