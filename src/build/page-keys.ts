/**
 * What an entry's page shows, as hashes: the cache key under which Astro
 * reuses the page from the previous build (src/integrations/page-cache.ts).
 *
 * A page's key covers, besides its route's code (Astro hashes that itself):
 * - the site-wide inputs every page may show: settings and vocabularies, the
 *   registry with its consents and the review's decisions, the uploaded
 *   files' verdicts, every non-Markdown file of the content root (images),
 *   the day (consents and publication dates turn on it) and the address the
 *   site is built for (consents name the addresses they allow);
 * - its own entry: front matter, body, the fields withheld from it;
 * - every collection its route read while rendering (src/build/page-reads.ts),
 *   as the published entries of that collection.
 * Everything is hashed from bytes and data, never from file times, so a
 * fresh checkout on a CI runner reuses what the last build made.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { publicEntries, siteSettingsOf, type ContentIndex } from '../privacy/gate.ts';
import { siteAddress } from '../validate/site-settings.ts';
import { entryUrl, pagedCollections, type CollectionName, type PagedCollection } from '../schema/index.ts';

const sha = (...parts: readonly (string | Buffer)[]) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('base64url');
};

/** Collections that are site-wide inputs: every page may show them. */
const SITE_WIDE: readonly CollectionName[] = ['site', 'vocabularies', 'people'];

/** Files of the content root that are not entries (images and the like), with the hash of their bytes. */
function contentFiles(contentRoot: string): string[] {
  if (!fs.existsSync(contentRoot)) return [];
  return fs
    .readdirSync(contentRoot, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && !/\.(md|mdx|ya?ml)$/i.test(d.name))
    .map((d) => path.join(d.parentPath, d.name))
    .sort()
    .map((file) => `${path.relative(contentRoot, file)}:${sha(fs.readFileSync(file))}`);
}

export interface PageKeys {
  /** The page of each published entry, by its site path. */
  entryPages: ReadonlyMap<string, { collection: PagedCollection; id: string }>;
  /** The key of an entry's page rendered by a route that reads `reads`. */
  keyOf(collection: PagedCollection, id: string, route: string, reads: readonly string[]): string;
}

/** The keys of a reviewed content root on a given day. */
export function pageKeys(index: ContentIndex, contentRoot: string, today: string): PageKeys {
  const entryDigest = (collection: CollectionName, id: string): string => {
    const e = index.entries.get(collection)?.get(id);
    if (!e) return 'none';
    return sha(JSON.stringify(e.data), e.body, JSON.stringify(index.redactions.get(collection)?.get(id) ?? []));
  };
  const settings = siteSettingsOf(index);
  const site = sha(
    today,
    settings ? siteAddress(settings) : '',
    ...SITE_WIDE.flatMap((c) => [...(index.entries.get(c)?.keys() ?? [])].sort().map((id) => `${c}/${id}:${entryDigest(c, id)}`)),
    JSON.stringify([...index.withheld].map(([c, ids]) => [c, [...ids].sort()])),
    JSON.stringify([...index.redactions].map(([c, m]) => [c, [...m].sort()])),
    JSON.stringify([...index.uploads].sort(([a], [b]) => a.localeCompare(b))),
    ...contentFiles(contentRoot),
  );
  const collections = new Map<string, string>();
  const collectionDigest = (collection: string): string => {
    let digest = collections.get(collection);
    if (digest === undefined) {
      const ids = pagedCollections.includes(collection as PagedCollection)
        ? [...publicEntries(index, collection as PagedCollection).keys()].sort()
        : [];
      digest = sha(collection, ...ids.map((id) => `${id}:${entryDigest(collection as CollectionName, id)}`));
      collections.set(collection, digest);
    }
    return digest;
  };
  const entryPages = new Map<string, { collection: PagedCollection; id: string }>();
  for (const collection of pagedCollections) {
    for (const id of publicEntries(index, collection).keys()) entryPages.set(entryUrl(collection, id), { collection, id });
  }
  return {
    entryPages,
    keyOf: (collection, id, route, reads) => {
      const sorted = [...new Set(reads)].sort();
      return sha(site, route, `${collection}/${id}:${entryDigest(collection, id)}`, ...sorted.map((r) => `${r}:${collectionDigest(r)}`));
    },
  };
}
