/**
 * Extracted text of uploaded files, cached by content hash.
 *
 * The content review is synchronous (pages, the CMS check and `npm run
 * validate` call it as a function), but document parsers are not, and a
 * large PDF takes seconds. So the review reads each file's text from a
 * cache keyed by the file's sha256; the files it has not seen are parsed
 * in one child process (upload-extract-worker.ts), whose crash or time-out
 * leaves those files unread (and so withheld) instead of taking the build
 * down. The cache lives in `uploads/` of the build caches
 * (src/io/cache-dir.ts); entries unused for a month are removed.
 */
import { writeFileAtomic } from '../io/atomic-write.ts';
import { cacheDir, pruneStale } from '../io/cache-dir.ts';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../lib/content-dir.ts';
import { uploadKind, type ExtractedUpload } from './upload-text.ts';

/** Bump when extraction changes what it reads: every cached text is then read again. */
const EXTRACTOR_VERSION = 1;
const UNUSED_DAYS = 30;
const WORKER_TIMEOUT_MS = 10 * 60_000;

export type ExtractResult = ExtractedUpload | { error: string };

export interface ExtractBatch {
  /** By absolute file path. */
  results: Map<string, ExtractResult>;
  /** sha256 of each file's content, by absolute path. */
  hashes: Map<string, string>;
  /** Files parsed now; the rest came from the cache. */
  extracted: number;
}

export function uploadsCacheDir(): string {
  return cacheDir('uploads');
}

/** In this process, a file's hash is recomputed only when its size or modification time change. */
const knownHashes = new Map<string, { stamp: string; hash: string }>();

/** sha256 of a file's content. */
export function fileHash(file: string): string {
  const st = fs.statSync(file);
  const stamp = `${st.size}:${st.mtimeMs}`;
  const known = knownHashes.get(file);
  if (known?.stamp === stamp) return known.hash;
  const hash = createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  knownHashes.set(file, { stamp, hash });
  return hash;
}

function cacheFile(dir: string, hash: string, kind: string): string {
  return path.join(dir, `${hash}-${kind}-v${EXTRACTOR_VERSION}.json`);
}

/** A cached file's content, marked as used now (see prune). */
export function readCacheFile(file: string): Buffer | undefined {
  try {
    const bytes = fs.readFileSync(file);
    const now = new Date();
    fs.utimesSync(file, now, now);
    return bytes;
  } catch {
    return undefined;
  }
}

function readCached(file: string): ExtractResult | undefined {
  const bytes = readCacheFile(file);
  try {
    return bytes && (JSON.parse(bytes.toString('utf8')) as ExtractResult);
  } catch {
    return undefined;
  }
}

function writeCached(file: string, result: ExtractResult): void {
  try {
    writeFileAtomic(file, JSON.stringify(result));
  } catch {
    // Without the cache the file is parsed again next time; nothing is lost.
  }
}

/** Parses files in a child process: the results it gave, and why the others have none. */
function extractInWorker(files: { file: string; kind: string }[]): { answered: Map<string, ExtractResult>; failure: string } {
  const worker = path.join(projectRoot(), 'src', 'privacy', 'upload-extract-worker.ts');
  const run = spawnSync(process.execPath, [worker], {
    input: JSON.stringify(files.map(({ file, kind }) => ({ file, kind }))),
    maxBuffer: 2 ** 30,
    timeout: WORKER_TIMEOUT_MS,
    encoding: 'utf8',
  });
  const answered = new Map<string, ExtractResult>();
  for (const line of (run.stdout ?? '').split('\n')) {
    // Parsers may print warnings of their own between the answers.
    if (!line.startsWith('{"file":')) continue;
    const { file, result } = JSON.parse(line) as { file: string; result: ExtractResult };
    answered.set(file, result);
  }
  const failure = run.error?.message ?? ((run.stderr ?? '').trim().split('\n').pop() || `exit code ${run.status}`);
  return { answered, failure };
}

/** The text of each uploaded file (documents and images), from the cache or parsed now. */
export function extractUploads(files: readonly string[]): ExtractBatch {
  const dir = uploadsCacheDir();
  const results = new Map<string, ExtractResult>();
  const hashes = new Map<string, string>();
  const missing: { file: string; kind: string; cache: string }[] = [];
  for (const file of files) {
    const kind = uploadKind(file);
    if (!kind) continue;
    const hash = fileHash(file);
    hashes.set(file, hash);
    const cache = cacheFile(dir, hash, kind);
    const cached = readCached(cache);
    if (cached) results.set(file, cached);
    else missing.push({ file, kind, cache });
  }
  if (missing.length) {
    const { answered, failure } = extractInWorker(missing);
    for (const m of missing) {
      const result = answered.get(m.file);
      // A file the parser rejected is rejected again; a crash or a time-out may pass, so only answers are kept.
      if (result) writeCached(m.cache, result);
      results.set(m.file, result ?? { error: failure });
    }
    // Cached texts and stripped copies (publish-uploads.ts) not written for a month go.
    pruneStale(dir, UNUSED_DAYS);
  }
  return { results, hashes, extracted: missing.length };
}
