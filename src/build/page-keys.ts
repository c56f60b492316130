/**
 * What a page shows, as hashes: the cache key under which Astro reuses the
 * page from the previous build (src/integrations/page-cache.ts), and which
 * routes may have one at all.
 *
 * A page's key covers, besides its route's code (Astro hashes that itself):
 * - the site-wide inputs every page may show: settings and vocabularies, the
 *   registry with its consents and the review's decisions, the uploaded
 *   files' verdicts (each with the hash of the file's bytes: the format and
 *   size a page prints, src/data/files.ts, come from those files), every
 *   non-Markdown file of the content root (images), the review's day
 *   (consents and publication dates turn on it) and the address the site is
 *   built for (consents name the addresses they allow);
 * - its route and its path (which list page, which facet value);
 * - for an entry's page, its own entry: front matter, body, the fields
 *   withheld from it;
 * - every collection its route read (src/build/page-reads.ts), as the
 *   published entries of that collection.
 * Everything is hashed from bytes and data, never from file times, so a
 * fresh checkout on a CI runner reuses what the last build made.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { publicEntries, siteSettingsOf, type ContentIndex } from '../privacy/gate.ts';
import { siteAddress } from '../lib/site-address.ts';
import { entryUrl, pagedCollections, type CollectionName, type PagedCollection } from '../schema/index.ts';

/**
 * Routes whose pages show only what a key covers: entries got through
 * src/data (read tracking), settings, the registry through
 * src/privacy/public.ts (site-wide), uploaded files' sizes through
 * src/data/files.ts (site-wide verdicts), the review's day and the site's
 * address. A page that needs «today» takes the review's day
 * (src/data/entries.ts `reviewDay`), which is in every key.
 */
export const KEYED_ROUTES: readonly string[] = [
  'src/pages/404.astro',
  'src/pages/coverage/index.astro',
  'src/pages/documents/[id].astro',
  'src/pages/documents/index.astro',
  'src/pages/events/[id].astro',
  // DTSTAMP is the moment a calendar file is made: a reused one keeps the moment its events last changed.
  'src/pages/events/[id].ics.ts',
  'src/pages/events/calendar.ics.ts',
  'src/pages/events/feed.json.ts',
  'src/pages/events/feed.xml.ts',
  'src/pages/index.astro',
  'src/pages/materials/[id].astro',
  'src/pages/materials/index.astro',
  'src/pages/monitoring/[id].astro',
  'src/pages/monitoring/index.astro',
  'src/pages/news/[...page].astro',
  'src/pages/news/[id].astro',
  'src/pages/news/feed.json.ts',
  'src/pages/news/feed.xml.ts',
  'src/pages/practices.json.ts',
  'src/pages/practices/[facet]/[value]/[...page].astro',
  'src/pages/practices/[id].astro',
  'src/pages/practices/index.astro',
  'src/pages/practices/page/[page].astro',
  'src/pages/programs/[id].astro',
  'src/pages/programs/index.astro',
  'src/pages/programs/template.astro',
  'src/pages/programs/template.docx.ts',
  'src/pages/roadmap/[id].astro',
  'src/pages/roadmap/index.astro',
  'src/pages/robots.txt.ts',
  'src/pages/schemas/practices-v1.json.ts',
  'src/pages/search/index.astro',
];

/** Routes rendered in every build, with what they show that no key covers. A route in neither list has no key either. */
export const UNKEYED_ROUTES: Readonly<Record<string, string>> = {
  'src/pages/admin/index.astro': 'the editor bundle (virtual:nastavnik/cms) and environment variables',
  'src/pages/admin/taken.json.ts': 'every reviewed file, drafts and withheld entries too, read past src/data',
  'src/pages/events/index.astro': 'the clock to the minute: an event moves from upcoming to past during the day',
};

/** Whether the pages of a route (its component, `src/pages/…`) may be reused from the previous build. */
export const isKeyedRoute = (component: string): boolean => KEYED_ROUTES.includes(component);

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

/** A page to key: its route, its site path and, for an entry's page, the entry. */
export interface KeyedPage {
  route: string;
  pathname: string;
  entry?: { collection: PagedCollection; id: string } | undefined;
}

export interface PageKeys {
  /** The page of each published entry, by its site path. */
  entryPages: ReadonlyMap<string, { collection: PagedCollection; id: string }>;
  /** The key of a page whose route reads `reads`. */
  keyOf(page: KeyedPage, reads: readonly string[]): string;
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
    keyOf: ({ route, pathname, entry }, reads) => {
      const sorted = [...new Set(reads)].sort();
      return sha(
        site,
        route,
        pathname,
        entry ? `${entry.collection}/${entry.id}:${entryDigest(entry.collection, entry.id)}` : '',
        ...sorted.map((r) => `${r}:${collectionDigest(r)}`),
      );
    },
  };
}
