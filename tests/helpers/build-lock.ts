/**
 * The project's own checkout lock (src/build/lock.ts), held by a test across
 * several steps (start a server, build, compare): builds it runs as child
 * processes inherit it, other tests' builds wait.
 */
import { acquireLock, lockPath, withLock } from '../../src/build/lock.ts';
import { ROOT } from './paths.ts';

export const acquireAstroLock = (waitMs = 900_000) => acquireLock(lockPath(ROOT), { waitMs });

export const withAstroLock = <T>(fn: () => Promise<T>, waitMs = 900_000) => withLock(lockPath(ROOT), fn, { waitMs });
