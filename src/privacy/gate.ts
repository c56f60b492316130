/**
 * The privacy gate between content and pages. It composes the content's
 * review: validation (src/validate), the privacy review of every entry and
 * uploaded file (review.ts, upload-review.ts) and what is not public yet
 * (src/lib/publication.ts) — into one ContentIndex. Pages never decide what
 * is published themselves; src/data/ asks here for every list, page, feed
 * and index record, and `npm run validate`, the build and the CMS check read
 * the same index.
 *
 * The review is memoised per content root and invalidated when any content
 * file or uploaded file changes, so `astro dev` follows an editor's save.
 */
import fs from 'node:fs';
import path from 'node:path';
import { listCollectionFiles } from '../validate/read.ts';
import { contentDir, displayPath } from '../lib/content-dir.ts';
import { listUploads } from '../validate/uploads-dir.ts';
import { todayIso } from '../lib/dates.ts';
import { unpublishedEntries, type Unpublished } from '../lib/publication.ts';
import type { Person, RegistryRecord } from '../schema/registry.ts';
import type { SiteSettings, Vocabularies } from '../schema/settings.ts';
import type { ContentFile } from '../validate/read.ts';
import { validateContent, type ValidatedContent, type ValidEntry } from '../validate/validate.ts';
import { collectionNames, COLLECTIONS, type CollectionName } from '../schema/index.ts';
import type { Problem } from '../lib/problems.ts';
import { peopleOf, registryOf } from './registry.ts';
import { reviewPrivacy, type FieldPath, type PrivacyReview, type ReviewInput } from './review.ts';
import { withUploadsReview, type UploadVerdict } from './upload-review.ts';
import { openVerdictCache, reviewCacheFile } from './review-cache.ts';

/** The content of a root as the site may publish it, with everything the reviews found. */
export interface ContentIndex extends ValidatedContent {
  /** Entries the privacy review withholds from the site, by collection. */
  withheld: Map<CollectionName, Set<string>>;
  /** Person fields withheld from entries that are published without them (review.ts). */
  redactions: PrivacyReview['redactions'];
  /** Entries not public yet: drafts, dated in the future, waiting for their order (src/lib/publication.ts). */
  unpublished: Map<CollectionName, Map<string, Unpublished>>;
  /** What the build does with each uploaded file, by site path (upload-review.ts). */
  uploads: Map<string, UploadVerdict>;
  /** The day the review decided for (consents, publication dates): pages and caches use this day, not the clock. */
  today: string;
}

/** What the privacy review needs of validated content: the registry and the settings; none without settings. */
export function reviewInputOf(entries: Map<CollectionName, Map<string, ValidEntry>>, today: string): ReviewInput | undefined {
  const settings = siteSettingsOf({ entries });
  const vocab = vocabulariesOf({ entries });
  if (!settings || !vocab) return undefined;
  return { index: entries, registry: registryOf({ entries }), settings, vocab, today };
}

/**
 * Reviews a content root: validation, then the privacy review and the
 * publication state. `candidate` stands in for the file at its path (or is
 * added, for a new entry): the CMS checks an entry this way before it is written.
 */
export function reviewContent(root = contentDir(), today = todayIso(), candidate?: ContentFile): ContentIndex {
  const validated = validateContent(root, candidate);
  const input = reviewInputOf(validated.entries, today);
  // Verdicts are remembered only while the registry and the settings were read whole: a person left out would be in none of them.
  const whole = (['people', 'site', 'vocabularies'] as const).every((c) => errorsIn(validated, c, root).length === 0);
  const review = input
    ? withUploadsReview(
        reviewPrivacy(whole ? { ...input, verdicts: (site) => openVerdictCache(reviewCacheFile(root), site) } : input),
        input,
      )
    : { problems: [], withheld: new Map<CollectionName, Set<string>>(), redactions: new Map(), uploads: new Map<string, UploadVerdict>() };
  const unpublished = unpublishedEntries(validated.entries, today, (c, id) => review.withheld.get(c)?.has(id) === true);
  return {
    entries: validated.entries,
    problems: [...validated.problems, ...review.problems],
    withheld: review.withheld,
    redactions: review.redactions,
    unpublished,
    uploads: review.uploads,
    today,
  };
}

/**
 * Kept on globalThis: Astro loads this module once for its config hooks and
 * again inside Vite's page renderer; both must share one review, not run it twice.
 */
const MEMO = Symbol.for('nastavnik.reviewedContent');
const FROZEN = Symbol.for('nastavnik.contentFrozen');
const store = globalThis as typeof globalThis & { [MEMO]?: { key: string; index: ContentIndex }; [FROZEN]?: boolean };

/**
 * Declares the content unchanging for the rest of the process (a build):
 * pages then reuse the review without looking at the files again, which
 * they would otherwise do thousands of times.
 */
export function freezeContent(): void {
  store[FROZEN] = true;
}

function fingerprint(root: string): string {
  const parts = [root, todayIso()];
  for (const c of collectionNames) {
    for (const f of listCollectionFiles(c, root)) {
      const st = fs.statSync(f);
      parts.push(`${f}:${st.mtimeMs}:${st.size}`);
    }
  }
  for (const f of listUploads()) {
    const st = fs.statSync(f);
    parts.push(`${f}:${st.mtimeMs}:${st.size}`);
  }
  return parts.join('|');
}

/** The validated content with its privacy review, computed once per content state. */
export function reviewedContent(root = contentDir()): ContentIndex {
  const memo = store[MEMO];
  if (store[FROZEN] && memo?.key.startsWith(`${root}|`)) return memo.index;
  const key = fingerprint(root);
  if (memo?.key !== key) store[MEMO] = { key, index: reviewContent(root) };
  return store[MEMO]!.index;
}

const byPath = new WeakMap<ContentIndex, Map<string, { body: string }>>();

/**
 * The Markdown body of a reviewed file, as the review read it. Pages render
 * this, never the file on disk: an edit saved while a build runs would
 * otherwise reach the page without having been checked.
 */
export function reviewedBody(filePath: string, root = contentDir()): string {
  const index = reviewedContent(root);
  let files = byPath.get(index);
  if (!files) {
    files = new Map([...index.entries.values()].flatMap((m) => [...m.values()].map((e) => [e.path, e] as const)));
    byPath.set(index, files);
  }
  const entry = files.get(path.resolve(filePath));
  if (!entry) throw new Error(`${filePath}: файл не прошёл проверку содержимого и не может быть опубликован`);
  return entry.body;
}

/** The data with the given fields left out: a key is deleted, a list element removed. */
export function withoutFields<T extends Record<string, unknown>>(data: T, paths: readonly FieldPath[]): T {
  const copy = structuredClone(data);
  // Later list elements first, so earlier indexes stay valid.
  const ordered = [...paths].sort((a, b) => Number(b[b.length - 1]) - Number(a[a.length - 1]) || 0);
  for (const p of ordered) {
    const parent = p.slice(0, -1).reduce<unknown>((node, key) => (node as Record<string | number, unknown> | undefined)?.[key], copy);
    const last = p[p.length - 1]!;
    if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
    else if (parent && typeof parent === 'object') delete (parent as Record<string, unknown>)[String(last)];
  }
  return copy;
}

/** Field paths to leave out of one entry before it is published. */
export function redactionsOf(collection: string, id: string, root = contentDir()): readonly FieldPath[] {
  return (
    reviewedContent(root)
      .redactions.get(collection as CollectionName)
      ?.get(id) ?? []
  );
}

const published = new WeakMap<ContentIndex, Map<CollectionName, Map<string, ValidEntry>>>();

/** The entries of a collection as they may be published: withheld and not-yet-public entries left out, withheld fields removed. */
export function publicEntries(index: ContentIndex, collection: CollectionName): ReadonlyMap<string, ValidEntry> {
  let byCollection = published.get(index);
  if (!byCollection) published.set(index, (byCollection = new Map()));
  let entries = byCollection.get(collection);
  if (!entries) {
    const withheld = index.withheld.get(collection);
    const unpublished = index.unpublished.get(collection);
    const redactions = index.redactions.get(collection);
    entries = new Map();
    for (const [id, e] of index.entries.get(collection) ?? []) {
      if (withheld?.has(id) || unpublished?.has(id)) continue;
      const paths = redactions?.get(id);
      entries.set(id, paths ? { ...e, parsed: withoutFields(e.parsed, paths) } : e);
    }
    byCollection.set(collection, entries);
  }
  return entries;
}

/** True when the entry may appear on the site: neither withheld for privacy nor unpublished (draft, scheduled, waiting). */
export function isPublished(collection: string, id: string, root = contentDir()): boolean {
  const index = reviewedContent(root);
  return !index.withheld.get(collection as CollectionName)?.has(id) && !index.unpublished.get(collection as CollectionName)?.has(id);
}

/** The registry of a content root as the last review read it. */
export function loadRegistry(root = contentDir()): Map<string, RegistryRecord> {
  return registryOf(reviewedContent(root));
}

/** The living people of the reviewed registry (for the leak scan and the reports). */
export function registryPeople(index: ContentIndex): Person[] {
  return peopleOf(registryOf(index));
}

/** The only entry of a settings collection, parsed by its schema; undefined when the file is broken or missing. */
function settingsEntry<T>(index: Pick<ValidatedContent, 'entries'>, collection: 'site' | 'vocabularies'): T | undefined {
  const entry = index.entries.get(collection)?.values().next().value as ValidEntry | undefined;
  // The schema of this collection parsed it: its output type is T.
  return entry?.parsed as T | undefined;
}

/** The site settings of validated content; undefined when the settings file is broken or missing. */
export const siteSettingsOf = (index: Pick<ValidatedContent, 'entries'>) => settingsEntry<SiteSettings>(index, 'site');

/** The vocabularies of validated content; undefined when the file is broken or missing. */
export const vocabulariesOf = (index: Pick<ValidatedContent, 'entries'>) => settingsEntry<Vocabularies>(index, 'vocabularies');

/** The errors found in a collection's files (e.g. broken registry records a tool must not act on). */
export function errorsIn(index: Pick<ValidatedContent, 'problems'>, collection: CollectionName, root = contentDir()): Problem[] {
  const folder = `${displayPath(path.join(root, COLLECTIONS[collection].dir))}/`;
  return index.problems.filter((p) => p.severity === 'error' && p.file.startsWith(folder));
}
