/**
 * The privacy review of uploaded files: every file under the uploads folder
 * is published as it is, so each is read (upload-text.ts) and scanned with
 * the rules entry texts get — registry names only where the consent allows
 * naming the person at /uploads/, no contacts but the school's own, no
 * identity numbers.
 *
 * What happens to a file:
 * - its text or a hidden part (comment, annotation, revision author) names
 *   someone without consent, or it cannot be read, or its type is unknown:
 *   it is withheld — not copied to the site — and so is every entry that
 *   links it (a file field, or a link in the text);
 * - only its metadata does: it is reported (the source file still carries
 *   the name) and published with the metadata removed;
 * - otherwise it is published, documents without their metadata.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { z } from 'astro/zod';
import { uploadReview as ru } from '../i18n/ru.ts';
import { displayPath } from '../lib/content-dir.ts';
import { fieldLabel } from '../lib/error-map.ts';
import type { Problem } from '../lib/problems.ts';
import { listUploads, uploadFile, uploadSitePath, uploadsDir } from '../validate/uploads-dir.ts';
import { plainSchemaFor, type CollectionName } from '../schema/index.ts';
import { arrayElement, describe, objectFields } from '../schema/walk.ts';
import { isPerson, mayName, type PolicyContext } from './consent-policy.ts';
import { buildNameIndex, scanText, type PiiFinding } from './pii-scan.ts';
import { COLLECTION_PLACES, FINDING_TEXT, nameRule, RULE_TEXT, type PrivacyReview, type ReviewInput } from './review.ts';
import { extractUploads, fileHash, type ExtractResult } from './upload-cache.ts';
import { uploadKind, type UploadSection } from './upload-text.ts';
import { siteAddress } from '../lib/site-address.ts';

interface VerdictBase {
  /** The file in the uploads folder. */
  file: string;
  /** sha256 of the content reviewed: a file changed since is not published. */
  hash: string;
}

/** publish: as it is; strip: without its metadata; withhold: not at all, for the reason reported. */
export type UploadVerdict = VerdictBase & ({ action: 'publish' | 'strip' } | { action: 'withhold'; reason: Problem });

export interface UploadsReview {
  problems: Problem[];
  /** Entries that link a withheld file, by collection. */
  withheld: Map<CollectionName, Set<string>>;
  /** Every file of the uploads folder, by site path (`/uploads/…`). */
  uploads: Map<string, UploadVerdict>;
}

/** Formats whose metadata can be removed from the published copy (upload-strip.ts; images by strip-metadata.ts). */
const STRIPPABLE = new Set(['pdf', 'docx', 'xlsx', 'pptx', 'odt', 'ods', 'odp', 'rtf', 'image']);
const OLD_OFFICE = new Set(['.doc', '.xls', '.ppt', '.dot', '.xlt', '.pps']);

function fieldName(field: string): string {
  return ru.fields[field] ?? field;
}

function whereOf(section: UploadSection, format: string): string {
  if (section.kind === 'text') return ru.text;
  if (section.kind === 'hidden') return ru.hidden(section.field ?? format);
  const field = section.field ?? '';
  return field.startsWith('XMP ') ? ru.xmpMetadata(format, fieldName(field.slice(4))) : ru.metadata(format, fieldName(field));
}

/** Site paths of uploads an entry links: file and image fields, and links in its text. */
function linkedUploads(schema: z.ZodType, value: unknown, at: (string | number)[], out: { sitePath: string; at: (string | number)[] }[]) {
  if (value === undefined || value === null) return;
  const info = describe(schema);
  if ((info.meta?.widget === 'file' || info.meta?.widget === 'image') && typeof value === 'string') {
    if (value.startsWith('/uploads/')) out.push({ sitePath: value, at });
    return;
  }
  if (info.type === 'object' && typeof value === 'object') {
    for (const [key, child] of objectFields(schema)) linkedUploads(child, (value as Record<string, unknown>)[key], [...at, key], out);
  } else if (info.type === 'array' && Array.isArray(value)) {
    const el = arrayElement(schema);
    if (el) value.forEach((v, i) => linkedUploads(el, v, [...at, i], out));
  }
}

const LINK = /\/uploads\/[^\s)"'<>\]?#]+/g;

function safeDecode(s: string): string {
  try {
    return decodeURI(s);
  } catch {
    return s;
  }
}

/** Reviews every file of the uploads folder and the entries that link them. */
export function reviewUploads(input: ReviewInput, dir = uploadsDir()): UploadsReview {
  const { registry, settings, today } = input;
  const policy: PolicyContext = { today, siteUrl: siteAddress(settings) };
  const people = [...registry.values()].filter(isPerson);
  const nameIndex = buildNameIndex(people.map((p) => ({ id: p.id, name: p.name, gender: p.gender })));
  const allowPersons = new Set(people.filter((p) => mayName(p, 'upload', policy).allowed).map((p) => p.id));
  const allowContacts = [settings.phone, settings.email];

  const files = listUploads(dir);
  const batch = extractUploads(files);
  const problems: Problem[] = [];
  const uploads = new Map<string, UploadVerdict>();

  for (const file of files) {
    const sitePath = uploadSitePath(file, dir);
    const name = path.basename(file);
    const ext = path.extname(file).toLowerCase();
    const format = ext.slice(1).toUpperCase() || name;
    const kind = uploadKind(file);
    const report = (rule: string, message: string, severity: 'error' | 'warning' = 'error', field?: string): Problem => {
      const problem: Problem = { file: displayPath(file), ...(field ? { field } : {}), rule, message, severity };
      problems.push(problem);
      return problem;
    };
    const result: ExtractResult | undefined = batch.results.get(file);
    const hash = batch.hashes.get(file) ?? fileHash(file);
    if (fs.statSync(file).size === 0) {
      // An empty file (a .gitkeep) carries nothing to read.
      uploads.set(sitePath, { action: 'publish', file, hash });
      continue;
    }
    if (!kind || !result) {
      const reason = report('upload-unknown-type', OLD_OFFICE.has(ext) ? ru.oldOffice(name) : ru.unknownType(name));
      uploads.set(sitePath, { action: 'withhold', reason, file, hash });
      continue;
    }
    if ('error' in result) {
      uploads.set(sitePath, { action: 'withhold', reason: report('upload-unreadable', ru.unreadable(name, format)), file, hash });
      continue;
    }

    let reason: Problem | undefined;
    const seen = new Set<string>();
    const ordered = [...result.sections].sort((a, b) => ORDER[a.kind] - ORDER[b.kind]);
    for (const section of ordered) {
      for (const f of scanText(section.text, nameIndex, { allowPersons, allowContacts })) {
        if (section.kind !== 'text' && (f.severity !== 'error' || f.rule === 'pii-id-number')) continue;
        const key = `${section.kind === 'metadata' ? section.field : 'content'}|${f.rule}|${f.personId ?? f.excerpt}`;
        if (seen.has(key) || (section.kind === 'hidden' && seen.has(`content|${f.rule}|${f.personId ?? f.excerpt}`))) continue;
        seen.add(key);
        const finding = describeFinding(f, input);
        const consequence =
          f.severity !== 'error' ? '' : section.kind !== 'metadata' ? ru.withheld : result.locked ? ru.locked : ru.stripped;
        const problem = report(
          finding.rule,
          `${ru.inFile(name, whereOf(section, format))} — ${finding.text}${consequence}`,
          f.severity,
          section.kind === 'metadata' ? `metadata.${section.field}` : undefined,
        );
        if (f.severity === 'error' && !publishedWithoutMetadata(problem)) reason ??= problem;
      }
    }
    const strip = STRIPPABLE.has(kind) && !result.locked && result.sections.some((s) => s.kind === 'metadata');
    uploads.set(sitePath, reason ? { action: 'withhold', reason, file, hash } : { action: strip ? 'strip' : 'publish', file, hash });
  }

  const links = reviewLinks(input, uploads, dir);
  return { problems: [...problems, ...links.problems], withheld: links.withheld, uploads };
}

/** Entries that link a withheld file are withheld too: their page would offer a file that is not there. */
function reviewLinks(
  input: ReviewInput,
  uploads: ReadonlyMap<string, UploadVerdict>,
  dir: string,
): Pick<UploadsReview, 'problems' | 'withheld'> {
  const problems: Problem[] = [];
  const withheld = new Map<CollectionName, Set<string>>();
  for (const [collection, entries] of input.index) {
    if (!COLLECTION_PLACES[collection]) continue;
    for (const entry of entries.values()) {
      const schema = plainSchemaFor(collection, entry.data);
      const links: { sitePath: string; at: (string | number)[] }[] = [];
      linkedUploads(schema, entry.parsed, [], links);
      for (const m of entry.body.matchAll(LINK)) links.push({ sitePath: safeDecode(m[0]), at: [] });
      const reported = new Set<string>();
      for (const { sitePath, at } of links) {
        const verdict = uploads.get(sitePath) ?? uploads.get(uploadSitePath(uploadFile(sitePath, dir), dir));
        if (verdict?.action !== 'withhold' || reported.has(sitePath)) continue;
        reported.add(sitePath);
        const where = at.length ? ru.field(fieldLabel(schema, at)) : ru.body;
        problems.push({
          file: entry.file,
          ...(at.length ? { field: at.join('.') } : {}),
          rule: verdict.reason.rule,
          message: `${where}${ru.linked(sitePath, verdict.reason.message.replace(ru.withheld, ''))}`,
          severity: 'error',
        });
        if (!withheld.has(collection)) withheld.set(collection, new Set());
        withheld.get(collection)!.add(entry.id);
      }
    }
  }
  return { problems, withheld };
}

/** The entries' privacy review joined with the uploads review: one list of problems, one set of withheld entries. */
export function withUploadsReview(review: PrivacyReview, input: ReviewInput): PrivacyReview & Pick<UploadsReview, 'uploads'> {
  const uploads = reviewUploads(input);
  const withheld = new Map([...review.withheld].map(([c, ids]) => [c, new Set(ids)]));
  for (const [collection, ids] of uploads.withheld) withheld.set(collection, new Set([...(withheld.get(collection) ?? []), ...ids]));
  return { ...review, problems: [...review.problems, ...uploads.problems], withheld, uploads: uploads.uploads };
}

/** A problem about metadata the published copy goes without: reported, but the file is not withheld. */
export function publishedWithoutMetadata(p: Problem): boolean {
  return p.field?.startsWith('metadata.') === true && p.message.endsWith(ru.stripped);
}

const ORDER: Record<UploadSection['kind'], number> = { text: 0, metadata: 1, hidden: 2 };

function describeFinding(f: PiiFinding, input: ReviewInput): { rule: string; text: string } {
  if (f.rule === 'pii-name' && f.personId) {
    const rule = nameRule(input.registry.get(f.personId), input.today);
    return { rule, text: ru.person(f.personId, f.excerpt, RULE_TEXT[rule]) };
  }
  return { rule: f.rule, text: `«${f.excerpt}»: ${FINDING_TEXT[f.rule] ?? f.rule}` };
}

/**
 * The review of files not yet saved (the CMS checks an upload before it is
 * written): the same rules as for the uploads folder, on copies in a
 * temporary folder. Returns the errors of those files, by their site path.
 */
export function reviewIncomingUploads(input: ReviewInput, files: readonly { sitePath: string; bytes: Buffer }[]): Problem[] {
  if (files.length === 0) return [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nastavnik-incoming-'));
  try {
    for (const f of files) {
      const target = uploadFile(f.sitePath, dir);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, f.bytes);
    }
    const review = reviewUploads({ ...input, index: new Map() }, dir);
    return review.problems
      .filter((p) => p.severity === 'error' && !publishedWithoutMetadata(p))
      .map((p) => ({ ...p, file: uploadSitePath(path.resolve(projectRootOf(p.file)), dir) }));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The absolute path of a problem's file (problems carry paths relative to the project root). */
const projectRootOf = (file: string) => path.resolve(process.cwd(), file);
