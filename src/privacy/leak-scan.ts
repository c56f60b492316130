/**
 * Trust but verify: after the build, read everything in dist/ that content
 * can reach for personal data that is not permitted where it appears.
 *
 * Every file is read as a reader or a machine would read it — HTML and XML
 * with entities decoded, JSON and JS with escapes decoded, calendars
 * unfolded, Pagefind's gzip-compressed index files unpacked, images'
 * EXIF/XMP/IPTC metadata, uploaded documents' text, metadata and hidden
 * parts (upload-text.ts, parsed once per content and cached) — and scanned with the same scanner as `npm run
 * validate` (pii-scan.ts, which reads text as the reader sees it):
 * - registry names, permitted only where the consent policy allows naming
 *   that person (the file's place on the site decides);
 * - contacts (phones, e-mails) other than the school's own (`allowContacts`,
 *   from the site settings) and identity numbers (СНИЛС, passport, ИНН).
 * Only errors count, as in validate; its warnings never stop a build.
 *
 * What is not scanned, and why nothing can hide there:
 * - Files without a reader (fonts, WebAssembly): no text of theirs reaches
 *   a reader.
 * - Folders in `sourceOnly` — the CMS bundle `admin/cms-<key>/`, a copy of a
 *   Vite build of the CMS code, schemas and packages, never of content
 *   (cms/server/bundle.ts). Its interface strings in every language of
 *   decap-cms-locales once stopped builds on a registry person «Чернова»
 *   (Bulgarian for «draft»), which no editor can fix. A file there is
 *   skipped only while it is byte-identical to the same file of the bundle
 *   in its cache; anything else under that folder is scanned.
 *   `admin/index.html` (the generated config with content values) and
 *   `admin/taken.json` are not in it and are scanned.
 * - Calendar UIDs (`UID:<entry id>@<site host>`): identifiers no calendar
 *   shows, made of the Latin entry id; as text they look like e-mails.
 * - Number patterns in Pagefind's word lists (index, filter and meta
 *   files): they list single words in sorted order, so neighbours are
 *   unrelated; a phone or number in a page is in that page's fragment, which
 *   is scanned whole. Names are looked for in all of them.
 * - Identity-number patterns in image metadata, where camera serial numbers
 *   look like ИНН; names and contacts there are looked for.
 * Astro's own JS and CSS chunks are scanned: built from source, but source
 * may import content, so they are not provably content-free.
 *
 * Findings name the file, the person's id or the kind of contact with a
 * masked excerpt, never the name, because build logs are not private.
 */
import { writeFileAtomic } from '../io/atomic-write.ts';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { decodeHTML } from 'entities';
import sharp from 'sharp';
import type { Person } from '../schema/registry.ts';
import { mayName, placeOfFile, type Place, type PolicyContext } from './consent-policy.ts';
import { buildNameIndex, scanText, type NameIndex, type PiiFinding } from './pii-scan.ts';
import { extractUploads } from './upload-cache.ts';

interface LeakBase {
  /** File relative to the scanned folder. */
  file: string;
  /** How the file was read: html, json, js, ics, pagefind, image-metadata… */
  via: string;
}

/** A registry name where its consent does not allow it, or a contact or identity number. */
export type Leak =
  | (LeakBase & { rule: 'pii-name'; personId: string })
  | (LeakBase & {
      rule: 'pii-contact' | 'pii-id-number';
      /** phone, email, snils, passport, inn */
      kind: string;
      /** Masked, safe to log. */
      excerpt: string;
    });

export interface LeakScanResult {
  leaks: Leak[];
  /** Files with a reader, and their bytes. */
  files: number;
  bytes: number;
  /** Files read and scanned in this run. */
  read: number;
  /** Files whose bytes had a clean verdict in the cache: not read again. */
  reused: number;
  /** Files skipped as identical copies of a source-only build (`sourceOnly`). */
  skipped: number;
}

const TEXT = new Set(['.html', '.htm', '.xml', '.txt', '.svg', '.css', '.webmanifest', '.rss', '.atom']);
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

/** A calendar as an application shows it: lines unfolded, text escapes decoded, UIDs left out (see the header). */
function calendarText(raw: string): string {
  return raw
    .replace(/\r?\n[ \t]/g, '')
    .split(/\r?\n/)
    .filter((line) => !/^UID[;:]/i.test(line))
    .map((line) => line.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c)))
    .join('\n');
}

async function imageMetadataText(file: string | Buffer): Promise<string> {
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

type Rule = PiiFinding['rule'];
const ALL_RULES: ReadonlySet<Rule> = new Set(['pii-name', 'pii-contact', 'pii-id-number']);
const NAMES_ONLY: ReadonlySet<Rule> = new Set(['pii-name']);
const NAMES_AND_CONTACTS: ReadonlySet<Rule> = new Set(['pii-name', 'pii-contact']);

export interface ReadableText {
  text: string;
  /** How the file was read. */
  via: string;
  /** What is looked for in it (see the header). */
  rules: ReadonlySet<Rule>;
}

/** The text of a built file (its bytes, when already read) as a reader or a machine would see it, how it was read and what to look for. */
export async function readableText(file: string, bytes?: Buffer): Promise<ReadableText | undefined> {
  const ext = path.extname(file).toLowerCase();
  const raw = () => bytes ?? fs.readFileSync(file);
  const pagefind = PAGEFIND.exec(file);
  if (pagefind) {
    return { text: pagefindText(raw()), via: 'pagefind', rules: pagefind[1] === 'fragment' ? ALL_RULES : NAMES_ONLY };
  }
  if (ext === '.ics') return { text: calendarText(raw().toString('utf8')), via: 'ics', rules: ALL_RULES };
  if (TEXT.has(ext)) return { text: decodeHTML(raw().toString('utf8')), via: ext.slice(1), rules: ALL_RULES };
  if (JSON_EXT.has(ext)) return { text: jsonStrings(raw().toString('utf8')), via: 'json', rules: ALL_RULES };
  if (JS.has(ext)) return { text: decodeEscapes(raw().toString('utf8')), via: 'js', rules: ALL_RULES };
  if (IMAGES.has(ext)) return { text: await imageMetadataText(raw()), via: 'image-metadata', rules: NAMES_AND_CONTACTS };
  return undefined;
}

/** How a file is read, by its name alone (one of the readers above, or none); part of its verdict's key. */
function readerOf(rel: string): string | undefined {
  const pagefind = PAGEFIND.exec(rel);
  if (pagefind) return `pagefind-${pagefind[1]}`;
  const ext = path.extname(rel).toLowerCase();
  const known = ext === '.ics' || TEXT.has(ext) || JSON_EXT.has(ext) || JS.has(ext) || IMAGES.has(ext) || DOCUMENTS.has(ext);
  return known ? ext : undefined;
}

/** A folder of dist that is a copy of a build made from source code alone, and where that build lies. */
export interface SourceOnlyFolder {
  /** Relative to the scanned folder, e.g. `admin/cms-<key>`. */
  dir: string;
  /** The build's own folder (the cache the copy came from). */
  source: string;
}

export interface LeakScanInput {
  dir: string;
  people: readonly Person[];
  policy: PolicyContext;
  /** The school's own public phones and e-mails (site settings), never reported. */
  allowContacts?: readonly string[];
  /** Copies of source-only builds: their files are skipped while identical to the build (see the header). */
  sourceOnly?: readonly SourceOnlyFolder[];
  /**
   * A file remembering what was found clean, so a rebuild reads only what
   * changed. A verdict is reused only for the same bytes read the same way
   * (the file's kind), the same scanner code and libraries, the same people,
   * the same names allowed at that place and the same allowed contacts;
   * leaks are never remembered.
   */
  cacheFile?: string;
}

/** Is `abs` (under `rel` in dist) an unchanged copy of a file of a source-only build? */
function fromSourceOnly(abs: string, rel: string, folders: readonly SourceOnlyFolder[]): boolean {
  const folder = folders.find((f) => rel.startsWith(`${f.dir}/`));
  if (!folder) return false;
  const twin = path.join(folder.source, rel.slice(folder.dir.length + 1));
  try {
    return fs.statSync(twin).size === fs.statSync(abs).size && fs.readFileSync(twin).equals(fs.readFileSync(abs));
  } catch {
    return false;
  }
}

/** Scans a built site for registry names outside the places their consent allows, contacts and identity numbers. */
export async function scanForLeaks(input: LeakScanInput): Promise<LeakScanResult> {
  const index: NameIndex = buildNameIndex(input.people.map((p) => ({ id: p.id, name: p.name, gender: p.gender })));
  const allowContacts = [...(input.allowContacts ?? [])];
  const scanner = scannerFingerprint();
  const peopleKey = hash(JSON.stringify([scanner, allowContacts, input.people.map((p) => [p.id, p.name, p.gender])]));
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
  const known = scanner ? readClean(input.cacheFile) : new Set<string>();
  const clean = new Set<string>();
  const leaks: Leak[] = [];
  const result = { files: 0, bytes: 0, read: 0, reused: 0, skipped: 0 };

  const scan = (rel: string, read: ReadableText, place: { ids: Set<string> }, verdict: string) => {
    result.read++;
    const seen = new Set<string>();
    for (const f of scanText(read.text, index, { allowPersons: place.ids, allowContacts })) {
      if (f.severity !== 'error' || !read.rules.has(f.rule)) continue;
      if (f.rule === 'pii-name') {
        if (!f.personId || seen.has(f.personId)) continue;
        seen.add(f.personId);
        leaks.push({ file: rel, rule: f.rule, personId: f.personId, via: read.via });
      } else {
        const key = `${f.kind}|${f.excerpt}`;
        if (seen.has(key)) continue;
        seen.add(key);
        leaks.push({ file: rel, rule: f.rule, kind: f.kind, excerpt: f.excerpt, via: read.via });
      }
    }
    if (seen.size === 0 && scanner) clean.add(verdict);
  };

  // Documents are read by the uploads' extractor, all at once, after everything else.
  const documents: { abs: string; rel: string; place: { ids: Set<string> }; verdict: string }[] = [];
  for (const abs of listFiles(input.dir)) {
    const rel = path.relative(input.dir, abs).split(path.sep).join('/');
    const reader = readerOf(rel);
    if (!reader) continue;
    if (fromSourceOnly(abs, rel, input.sourceOnly ?? [])) {
      result.skipped++;
      continue;
    }
    const bytes = fs.readFileSync(abs);
    result.files++;
    result.bytes += bytes.length;
    const place = allowed(placeOfFile(rel));
    const verdict = crypto.createHash('sha256').update(`${place.key}|${reader}|`).update(bytes).digest('base64url');
    if (known.has(verdict)) {
      clean.add(verdict);
      result.reused++;
      continue;
    }
    if (DOCUMENTS.has(path.extname(rel).toLowerCase())) {
      documents.push({ abs, rel, place, verdict });
      continue;
    }
    scan(rel, (await readableText(abs, bytes))!, place, verdict);
  }
  const extracted = extractUploads(documents.map((d) => d.abs)).results;
  for (const d of documents) {
    const document = extracted.get(d.abs);
    const read: ReadableText =
      document && 'sections' in document
        ? { text: document.sections.map((x) => x.text).join('\n'), via: 'document', rules: ALL_RULES }
        : ((await readableText(d.abs)) ?? { text: '', via: 'document', rules: ALL_RULES });
    scan(d.rel, read, d.place, d.verdict);
  }
  writeClean(input.cacheFile, clean);
  return { leaks, ...result };
}

/**
 * What a verdict depends on besides the file: the scanner's and the readers'
 * modules, and the installed libraries (the lock file) that decode HTML,
 * images and documents. A change in any of them never reuses an old clean verdict.
 */
const SCANNER_SOURCES = [
  './leak-scan.ts',
  './pii-scan.ts',
  './normalise-text.ts',
  './names.ts',
  './consent-policy.ts',
  './upload-text.ts',
  './upload-cache.ts',
  '../../package-lock.json',
];

/** A hash of the scanner's own source, or undefined (no cache reuse) when it cannot be read. */
function scannerFingerprint(): string | undefined {
  try {
    return hash(SCANNER_SOURCES.map((file) => fs.readFileSync(new URL(file, import.meta.url), 'utf8')).join('\0'));
  } catch {
    return undefined;
  }
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
    writeFileAtomic(file, JSON.stringify([...clean]));
  } catch {
    // Without the cache the next build scans everything again; nothing is lost.
  }
}
