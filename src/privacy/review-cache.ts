/**
 * The privacy review's verdicts, remembered between runs, so a rebuild after
 * one edit reviews that one entry instead of thousands.
 *
 * A verdict is a function of the entry's own data and body, its collection,
 * the site-wide inputs (the registry with its consents, the settings with
 * the k-anonymity and the school's contacts, the vocabularies, the day, the
 * site's address) and the code that reviews. The key is a hash of all of
 * them: the site-wide inputs and the code enter the key of every entry, so
 * a change of any consent, setting or rule reviews everything again, and a
 * verdict is looked up only by its exact key, never by the entry's name.
 * "The code" is every module the review imports, followed to the end, and
 * the lock file of the installed libraries (the name forms, the schema
 * library), as the leak scan's cache does (leak-scan.ts), see
 * src/io/code-fingerprint.ts; when a module cannot be read there is no cache.
 *
 * Each verdict is stored with a hash of its key and its text, so a file
 * corrupted anywhere (cut short, a flipped byte, another shape) costs a
 * review, never a verdict that says less than the review would. The hash
 * has no secret: whoever can write the build's cache can write its code too.
 * The file keeps only the verdicts of the last review (one file per content
 * root, src/io/cache-dir.ts), and a process keeps them in memory while the
 * file is unchanged.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { writeFileAtomic } from '../io/atomic-write.ts';
import { cacheDir, contentRootKey, fileStamp, pruneStale } from '../io/cache-dir.ts';
import { codeFingerprint } from '../io/code-fingerprint.ts';
import type { EntryVerdict, VerdictCache } from './review.ts';
import { readCacheFile } from './upload-cache.ts';

const UNUSED_DAYS = 30;

/** The cache file of a content root. */
export function reviewCacheFile(contentRoot: string): string {
  return path.join(cacheDir('review'), `${contentRootKey(contentRoot)}.json`);
}

/** Stored verdicts by key: [check, verdict as JSON]. */
type Stored = Record<string, [string, string]>;

const sha = (...parts: (string | Buffer)[]) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('base64url');
};

/** An object literal or a parsed map, of this realm or another (a Date, a Map, a class instance are not). */
function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/**
 * The one text of a data value, whatever its history: values JSON cannot
 * keep (NaN, ±Infinity, -0) are written as marked strings, and anything
 * that is not plain data (a Date, a Map, undefined, a key or a string that
 * could pass for such a mark) gives no text, so its entry is reviewed every time.
 */
const MARK = '\0';

function canonical(value: unknown): string | undefined {
  try {
    return JSON.stringify(value, function (this: Record<string, unknown>, key: string, v: unknown) {
      const raw = this[key];
      if (key.startsWith(MARK) || (typeof raw === 'string' && raw.startsWith(MARK))) throw new TypeError('could pass for a mark');
      if (raw === undefined || typeof raw === 'bigint' || typeof raw === 'function' || typeof raw === 'symbol')
        throw new TypeError('not plain data');
      if (typeof raw === 'number')
        return Number.isFinite(raw) && !Object.is(raw, -0) ? raw : `${MARK}${Object.is(raw, -0) ? '-0' : String(raw)}`;
      if (raw !== null && typeof raw === 'object' && !Array.isArray(raw) && !isPlainObject(raw)) throw new TypeError('not plain data');
      return v;
    });
  } catch {
    return undefined;
  }
}

const isPath = (p: unknown) => Array.isArray(p) && p.every((k) => typeof k === 'string' || typeof k === 'number');

/** A stored verdict of the right shape; anything else is reviewed again. */
function isVerdict(v: unknown): v is EntryVerdict {
  if (!v || typeof v !== 'object') return false;
  const { problems, blocked, redactions } = v as Record<string, unknown>;
  return (
    typeof blocked === 'boolean' &&
    Array.isArray(redactions) &&
    redactions.every(isPath) &&
    Array.isArray(problems) &&
    problems.every((p: Record<string, unknown>) => {
      if (!p || typeof p !== 'object') return false;
      const { field, rule, message, severity } = p;
      return (
        typeof rule === 'string' &&
        typeof message === 'string' &&
        (severity === 'error' || severity === 'warning') &&
        (field === undefined || typeof field === 'string')
      );
    })
  );
}

/** What this process read or wrote last, while the file on disk stays as it was then. */
const memory = new Map<string, { stamp: string; verdicts: Map<string, EntryVerdict> }>();

function readStored(file: string): Map<string, EntryVerdict> {
  const known = memory.get(file);
  if (known && known.stamp === fileStamp(file)) return known.verdicts;
  const verdicts = new Map<string, EntryVerdict>();
  try {
    const bytes = readCacheFile(file);
    const stored = bytes ? (JSON.parse(bytes.toString('utf8')) as unknown) : undefined;
    if (!stored || typeof stored !== 'object' || Array.isArray(stored)) return verdicts;
    for (const [key, record] of Object.entries(stored as Stored)) {
      if (!Array.isArray(record) || typeof record[1] !== 'string' || record[0] !== sha(key, record[1])) continue;
      const verdict: unknown = JSON.parse(record[1]);
      if (isVerdict(verdict)) verdicts.set(key, verdict);
    }
    // Read (and marked as used) now: the stamp after that is the one to compare with.
    const stamp = fileStamp(file);
    if (stamp) memory.set(file, { stamp, verdicts });
  } catch {
    // A cache that cannot be read is reviewed again, entry by entry.
  }
  return verdicts;
}

/**
 * Opens the cache file for one review. `site` holds every site-wide input the
 * verdicts depend on, as plain data; undefined (no cache) when the review's
 * own code cannot be read or `site` is not plain data.
 */
export function openVerdictCache(file: string, site: unknown): VerdictCache | undefined {
  const rules = codeFingerprint(new URL('./review.ts', import.meta.url));
  if (!rules) return undefined;
  const siteText = canonical(site);
  if (siteText === undefined) return undefined;
  const siteKey = sha(rules, siteText);
  const stored = readStored(file);
  const used = new Map<string, EntryVerdict>();
  let reused = 0;
  let missed = 0;
  return {
    verdict(collection, entry, review) {
      const data = canonical(entry.data);
      if (data === undefined) return review();
      const key = sha(siteKey, collection, data, entry.body);
      const known = stored.get(key);
      if (known) reused++;
      else missed++;
      const verdict = known ?? review();
      used.set(key, verdict);
      return verdict;
    },
    get reused() {
      return reused;
    },
    save() {
      if (missed === 0 && used.size === stored.size) return;
      const out: Stored = {};
      for (const [key, verdict] of used) {
        const text = JSON.stringify(verdict);
        out[key] = [sha(key, text), text];
      }
      try {
        writeFileAtomic(file, JSON.stringify(out));
        memory.set(file, { stamp: fileStamp(file)!, verdicts: used });
      } catch {
        // Without the cache the next review reads everything again; nothing is lost.
      }
      pruneStale(path.dirname(file), UNUSED_DAYS);
    },
  };
}
