/**
 * A fingerprint of the code a cached result came from, so a cache never
 * hands back what older code computed: the module, every module it imports
 * (relative imports followed to the end), the lock file of the installed
 * libraries, and the V8 version (caches keep values serialised the V8 way).
 * Undefined when any of them cannot be read (e.g. inside a bundle): then
 * nothing is reused.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';

const IMPORT = /\b(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g;
const LOCK_FILE = new URL('../../package-lock.json', import.meta.url);

/** The fingerprint of `entry` (a module's URL, e.g. `new URL('./review.ts', import.meta.url)`), read afresh each time (a few milliseconds). */
export function codeFingerprint(entry: URL, lockFile = LOCK_FILE): string | undefined {
  try {
    const sources = new Map<string, string>();
    const visit = (url: URL) => {
      if (sources.has(url.href)) return;
      const text = fs.readFileSync(url, 'utf8');
      sources.set(url.href, text);
      for (const m of text.matchAll(IMPORT)) visit(new URL(m[1]!, url));
    };
    visit(entry);
    const hash = createHash('sha256').update(process.versions.v8).update('\0').update(fs.readFileSync(lockFile));
    for (const [url, text] of [...sources].sort(([a], [b]) => a.localeCompare(b))) hash.update('\0').update(url).update('\0').update(text);
    return hash.digest('base64url');
  } catch {
    return undefined;
  }
}
