/**
 * File names the CMS gives new entries and uploads.
 *
 * Decap's own `ascii` slug encoding deletes Cyrillic (an all-Cyrillic title
 * becomes `2025-03-10-.md`), so names are transliterated here instead: the
 * same rule as the demo content (`щ` → `shch`, `ц` → `c`, `х` → `h`), lower
 * case, hyphens, never longer than a readable URL. The result always matches
 * the validator's rule for ids (`^[a-z0-9]+(-[a-z0-9]+)*$`).
 */
import { slugify } from 'transliteration';
import { ID_PATTERN } from '../src/schema/fields.ts';
import { COLLECTIONS, type CollectionDef } from '../src/schema/index.ts';

/** Longest slug made from a title; cut at a word boundary. */
export const MAX_SLUG_LENGTH = 60;

/** `«Старт» нового цикла — 2026` → `start-novogo-cikla-2026`; empty when nothing transliterates. */
export function slugifyRu(text: string, max = MAX_SLUG_LENGTH): string {
  const slug = slugify(text, { lowercase: true, separator: '-', trim: true })
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1);
  const boundary = cut.lastIndexOf('-');
  return (boundary > max / 2 ? cut.slice(0, boundary) : slug.slice(0, max)).replace(/-$/, '');
}

type Data = Record<string, unknown>;

const text = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/** The base file name (without extension) of a new entry, from the collection table's `fileName` (the title by default); Decap adds `-1`, `-2` when it is taken. */
export function entryFileName(collection: string, data: Data): string {
  const def: CollectionDef | undefined = (COLLECTIONS as Record<string, CollectionDef>)[collection];
  const parts = def?.fileName ? def.fileName(data) : [text(data.title)];
  const name = slugifyRu(
    parts
      .map((p) => slugifyRu(p, 60))
      .filter(Boolean)
      .join('-'),
    80,
  );
  return ID_PATTERN.test(name) ? name : 'zapis';
}

/**
 * The name an uploaded file is stored under: transliterated, with a short
 * time stamp, so two photos called «IMG_0001.jpg» never replace each other.
 */
export function uploadFileName(original: string, now = new Date()): string {
  const dot = original.lastIndexOf('.');
  const ext =
    dot > 0
      ? original
          .slice(dot + 1)
          .toLowerCase()
          .replace(/[^a-z0-9]/g, '')
      : '';
  const base = slugifyRu(dot > 0 ? original.slice(0, dot) : original, 40) || 'fail';
  const stamp = now.getTime().toString(36);
  return ext ? `${base}-${stamp}.${ext === 'jpeg' ? 'jpg' : ext}` : `${base}-${stamp}`;
}
