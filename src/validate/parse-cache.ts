/**
 * YAML parsed once per text. Reading a content root parses thousands of YAML
 * blocks, and after one edit all but one are the texts of the last run; a
 * YAML parse costs far more than reading back what it gave.
 *
 * The key is a hash of the text and of the reading code (read.ts with what it
 * imports, the YAML library's version, src/io/code-fingerprint.ts); the value
 * is what the parse gave, serialised the V8 way, which keeps every value YAML
 * can give (NaN, -0, nested lists) exactly, and each use gets its own copy.
 * Only successful parses are kept: a broken file is parsed again, so its
 * message names its own file and line. One file per content root under the
 * review cache (src/io/cache-dir.ts), checked by a hash of its whole
 * content: a file cut short or changed is not read at all, and the texts are
 * parsed again. It keeps only the texts of the last read.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { writeFileAtomic } from '../io/atomic-write.ts';
import { cacheDir, contentRootKey, fileStamp } from '../io/cache-dir.ts';
import { codeFingerprint } from '../io/code-fingerprint.ts';
import type { Problem } from '../lib/problems.ts';

const DIGEST_BYTES = 32;

/** The parse cache file of a content root. */
export function parseCacheFile(contentRoot: string): string {
  return path.join(cacheDir('review'), `${contentRootKey(contentRoot)}.yaml.bin`);
}

/** What this process read or wrote last, while the file on disk stays as it was then. */
const memory = new Map<string, { stamp: string; values: Map<string, Buffer> }>();

function readStored(file: string): Map<string, Buffer> {
  const known = memory.get(file);
  if (known && known.stamp === fileStamp(file)) return known.values;
  try {
    const bytes = fs.readFileSync(file);
    // Marked as used now: the review cache's folder is pruned of files unused for a month (review-cache.ts).
    const now = new Date();
    fs.utimesSync(file, now, now);
    const payload = bytes.subarray(DIGEST_BYTES);
    if (!createHash('sha256').update(payload).digest().equals(bytes.subarray(0, DIGEST_BYTES))) return new Map();
    const values: unknown = deserialize(payload);
    if (!(values instanceof Map) || ![...values].every(([k, v]) => typeof k === 'string' && v instanceof Uint8Array)) return new Map();
    const checked = new Map([...(values as Map<string, Uint8Array>)].map(([k, v]) => [k, Buffer.from(v)]));
    const stamp = fileStamp(file);
    if (stamp) memory.set(file, { stamp, values: checked });
    return checked;
  } catch {
    return new Map();
  }
}

/** What parsing a YAML text gave: its data, or why it has none. */
export interface ParsedYaml {
  data?: unknown;
  problem?: Problem;
}

export interface ParseCache {
  /** What parsing `text` gives: remembered, or `parse()` now (kept unless it found a problem). */
  parse(text: string, parse: () => ParsedYaml): ParsedYaml;
  /** Keeps this read's parses (and only them) for the next one. */
  save(): void;
}

/** Opens the parse cache of a content root; undefined when the reading code cannot be fingerprinted. */
export function openParseCache(file: string): ParseCache | undefined {
  const code = codeFingerprint(new URL('./read.ts', import.meta.url));
  if (!code) return undefined;
  const stored = readStored(file);
  const used = new Map<string, Buffer>();
  let missed = 0;
  return {
    parse(text, parse) {
      const key = createHash('sha256').update(code).update('\0').update(text).digest('base64url');
      const known = stored.get(key);
      if (known) {
        try {
          const data: unknown = deserialize(known);
          used.set(key, known);
          return { data };
        } catch {
          // Read back wrong: parse it again.
        }
      }
      missed++;
      const result = parse();
      if (!result.problem) used.set(key, serialize(result.data));
      return result;
    },
    save() {
      if (missed === 0 && used.size === stored.size) return;
      const payload = serialize(used);
      try {
        writeFileAtomic(file, Buffer.concat([createHash('sha256').update(payload).digest(), payload]));
        memory.set(file, { stamp: fileStamp(file)!, values: used });
      } catch {
        // Without the cache the next read parses everything again; nothing is lost.
      }
    },
  };
}
