/**
 * Trust but verify: after the build, read everything in dist/ for registry
 * names that are not permitted where they appear.
 *
 * Every file is read as a reader or a machine would read it — HTML and XML
 * with entities decoded, JSON and JS with escapes decoded, Pagefind's
 * gzip-compressed index fragments unpacked, images' EXIF/XMP/IPTC metadata,
 * uploaded documents' text, metadata and hidden parts (upload-text.ts) —
 * and scanned for every name form of every registry person. A name is
 * permitted only where the consent policy allows naming that person (the
 * file's place on the site decides). Findings name the file and the
 * person's id, never the name, because build logs are not private.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { decodeHTML } from 'entities';
import sharp from 'sharp';
import type { Person } from '../schema/registry.ts';
import { mayName, type Place, type PolicyContext } from './consent-policy.ts';
import { buildNameIndex, scanText, type NameIndex } from './pii-scan.ts';
import { extractUploads } from './upload-cache.ts';

export interface Leak {
  /** File relative to the scanned folder. */
  file: string;
  personId: string;
  /** How the file was read: html, json, js, pagefind, image-metadata… */
  via: string;
}

export interface LeakScanResult {
  leaks: Leak[];
  files: number;
  bytes: number;
  /** Files whose clean verdict was reused from the cache. */
  reused: number;
}

/** The place a built file belongs to, by its first path segment. */
export function placeOfFile(rel: string): Place {
  const [first = '', second = ''] = rel.split('/');
  if (first === 'pagefind') return 'search-index';
  if (first === 'og') return 'og-image';
  if (/feed\.(xml|json)$|\.ics$|rss\.xml$/.test(rel)) return 'feed';
  if (first === '_astro') return 'photo';
  if (first === 'uploads') return 'upload';
  const byDir: Record<string, Place> = {
    programs: 'programme',
    practices: 'practice-author',
    news: 'news',
    events: 'event',
    roadmap: 'roadmap',
    documents: 'document',
    materials: 'material',
    monitoring: 'monitoring',
  };
  return byDir[first] ?? (second ? 'json-ld' : 'home');
}

const TEXT = new Set(['.html', '.htm', '.xml', '.txt', '.ics', '.svg', '.css', '.webmanifest', '.rss', '.atom']);
const JSON_EXT = new Set(['.json']);
const JS = new Set(['.js', '.mjs', '.cjs']);
const IMAGES = new Set(['.jpg', '.jpeg', '.png', '.webp', '.avif', '.gif', '.tif', '.tiff']);
const PAGEFIND = /\.pf_(fragment|index|meta|filter)$/;
/** Read by the uploads' extractor (parsed once per content, cached), before the readers above. */
const DOCUMENTS = new Set(['.pdf', '.docx', '.xlsx', '.pptx', '.odt', '.ods', '.odp', '.rtf', '.csv', '.txt']);

function listFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .flatMap((d) => (d.isFile() ? [path.join(d.parentPath, d.name)] : []));
}

function decodeEscapes(text: string): string {
  return text.replace(/\\u([0-9a-fA-F]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

function jsonStrings(text: string): string {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.entries(v).forEach(([k, x]) => (out.push(k), walk(x)));
  };
  try {
    walk(JSON.parse(text));
    return out.join('\n');
  } catch {
    return decodeEscapes(text);
  }
}

/** Pagefind stores fragments and index chunks gzip-compressed behind a short signature. */
function pagefindText(buf: Buffer): string {
  try {
    const raw = zlib.gunzipSync(buf).toString('utf8');
    return jsonStrings(raw.replace(/^pagefind_dcd/, ''));
  } catch {
    return buf.toString('utf8');
  }
}

async function imageMetadataText(file: string): Promise<string> {
  try {
    const meta = await sharp(file).metadata();
    return [meta.exif, meta.xmp, meta.iptc]
      .filter((b): b is Buffer => Buffer.isBuffer(b))
      .map((b) => `${b.toString('utf8')}\n${b.toString('latin1')}\n${b.toString('utf16le')}`)
      .join('\n');
  } catch {
    return '';
  }
}

/** The text of a built file as a reader or a machine would see it, and how it was read. */
export async function readableText(file: string): Promise<{ text: string; via: string } | undefined> {
  const ext = path.extname(file).toLowerCase();
  if (PAGEFIND.test(file)) return { text: pagefindText(fs.readFileSync(file)), via: 'pagefind' };
  if (TEXT.has(ext)) return { text: decodeHTML(fs.readFileSync(file, 'utf8')), via: ext.slice(1) };
  if (JSON_EXT.has(ext)) return { text: jsonStrings(fs.readFileSync(file, 'utf8')), via: 'json' };
  if (JS.has(ext)) return { text: decodeEscapes(fs.readFileSync(file, 'utf8')), via: 'js' };
  if (IMAGES.has(ext)) return { text: await imageMetadataText(file), via: 'image-metadata' };
  return undefined;
}

export interface LeakScanInput {
  dir: string;
  people: readonly Person[];
  policy: PolicyContext;
  /** Folders under `dir` not to read (e.g. `admin`, which never carries registry data). */
  skip?: readonly string[];
  /**
   * A file remembering texts found clean, so a rebuild scans only what
   * changed. A verdict is reused only for the same text, the same people
   * and the same names allowed at that place; leaks are never remembered.
   */
  cacheFile?: string;
}

/** Scans a built site for registry names outside the places their consent allows. */
export async function scanForLeaks(input: LeakScanInput): Promise<LeakScanResult> {
  const index: NameIndex = buildNameIndex(input.people.map((p) => ({ id: p.id, name: p.name, gender: p.gender })));
  const peopleKey = hash(JSON.stringify(input.people.map((p) => [p.id, p.name, p.gender])));
  const allowedByPlace = new Map<Place, { ids: Set<string>; key: string }>();
  const allowed = (place: Place) => {
    let entry = allowedByPlace.get(place);
    if (!entry) {
      const ids = new Set(input.people.filter((p) => mayName(p, place, input.policy).allowed).map((p) => p.id));
      entry = { ids, key: hash(`${peopleKey}|${[...ids].sort().join(',')}`) };
      allowedByPlace.set(place, entry);
    }
    return entry;
  };
  const known = readClean(input.cacheFile);
  const toRead = listFiles(input.dir).filter((abs) => {
    const rel = path.relative(input.dir, abs).split(path.sep).join('/');
    return !input.skip?.some((s) => rel === s || rel.startsWith(`${s}/`));
  });
  const documents = extractUploads(toRead.filter((f) => DOCUMENTS.has(path.extname(f).toLowerCase()))).results;
  const clean = new Set<string>();
  const leaks: Leak[] = [];
  let files = 0;
  let bytes = 0;
  let reused = 0;
  for (const abs of toRead) {
    const rel = path.relative(input.dir, abs).split(path.sep).join('/');
    const document = documents.get(abs);
    const read =
      document && 'sections' in document
        ? { text: document.sections.map((s) => s.text).join('\n'), via: 'document' }
        : await readableText(abs);
    if (!read || !read.text) continue;
    files++;
    bytes += read.text.length;
    const place = allowed(placeOfFile(rel));
    const verdict = hash(`${place.key}|${read.text}`);
    if (known.has(verdict)) {
      clean.add(verdict);
      reused++;
      continue;
    }
    const seen = new Set<string>();
    for (const f of scanText(read.text, index, { allowPersons: place.ids })) {
      if (f.rule !== 'pii-name' || f.severity !== 'error' || !f.personId || seen.has(f.personId)) continue;
      seen.add(f.personId);
      leaks.push({ file: rel, personId: f.personId, via: read.via });
    }
    if (seen.size === 0) clean.add(verdict);
  }
  writeClean(input.cacheFile, clean);
  return { leaks, files, bytes, reused };
}

const hash = (text: string) => crypto.createHash('sha256').update(text).digest('base64url');

function readClean(file: string | undefined): Set<string> {
  if (!file) return new Set();
  try {
    return new Set(JSON.parse(fs.readFileSync(file, 'utf8')) as string[]);
  } catch {
    return new Set();
  }
}

/** Keeps only this build's clean verdicts, so the cache never outgrows the site. */
function writeClean(file: string | undefined, clean: Set<string>): void {
  if (!file) return;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(`${file}.tmp`, JSON.stringify([...clean]));
    fs.renameSync(`${file}.tmp`, file);
  } catch {
    // Without the cache the next build scans everything again; nothing is lost.
  }
}
