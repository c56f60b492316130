/**
 * Every table derived from the collection table covers every collection it
 * should, so adding a collection to `COLLECTIONS` is the one change that
 * makes it exist everywhere: Astro's collections, the CMS (folders, lists,
 * file names, previews), the consent policy's places, the leak scan, the
 * search index, the link-preview cards, the unique fields and the pages.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cmsConfig } from '../../cms/config.ts';
import { backendFromEnv } from '../../cms/backend.ts';
import { entryFileName } from '../../cms/file-names.ts';
import { INDEXED_SECTIONS } from '../../src/integrations/pagefind.ts';
import { PAGE_TYPES } from '../../src/lib/search/record.ts';
import { UNIQUE_FIELDS } from '../../src/lib/unique-fields.ts';
import { PLACE_PATHS } from '../../src/privacy/consent-policy.ts';
import { placeOfFile } from '../../src/privacy/consent-policy.ts';
import { COLLECTION_PLACES } from '../../src/privacy/review.ts';
import { plainContext } from '../../src/schema/context.ts';
import {
  cardCollections,
  collectionNames,
  COLLECTIONS,
  entryUrl,
  indexedCollections,
  pagedCollections,
  sectionUrl,
  type CollectionDef,
} from '../../src/schema/index.ts';
import { describe as describeField, objectFields } from '../../src/schema/walk.ts';
import { ROOT } from '../helpers/paths.ts';

const def = (name: string) => (COLLECTIONS as Record<string, CollectionDef>)[name]!;
const publicNames = collectionNames.filter((c) => def(c).visibility === 'public');

describe('the collection table', () => {
  it('gives Astro exactly the public collections (src/content.config.ts)', () => {
    const text = fs.readFileSync(path.join(ROOT, 'src/content.config.ts'), 'utf8');
    const listed = [...text.matchAll(/^\s{2}(\w+): collection\('(\w+)'/gm)].map((m) => [m[1], m[2]]);
    expect(listed.every(([key, name]) => key === name)).toBe(true);
    expect(listed.map(([key]) => key).sort()).toEqual([...publicNames].sort());
  });

  it('gives every collection with pages a route, a place, an order and the pages themselves', () => {
    for (const c of pagedCollections) {
      const d = def(c);
      expect(d.place, c).toBeDefined();
      expect(d.order, c).toBeDefined();
      expect(COLLECTION_PLACES[c], c).toBe(d.place);
      expect(PLACE_PATHS[d.place!], c).toBe(sectionUrl(c));
      expect(placeOfFile(`${d.route}/x/index.html`), c).toBe(d.place);
      expect(entryUrl(c, 'x')).toBe(`/${d.route}/x/`);
      const pages = path.join(ROOT, 'src/pages', d.route!);
      expect(fs.existsSync(path.join(pages, '[id].astro')), `${c}: src/pages/${d.route}/[id].astro`).toBe(true);
      expect(
        fs.readdirSync(pages).some((f) => /^index\.astro$|^\[\.\.\.page\]\.astro$/.test(f)),
        `${c}: a list page`,
      ).toBe(true);
    }
    // Every other collection is private or a settings file: no pages, no place of its own.
    expect(publicNames.filter((c) => !pagedCollections.includes(c as never)).sort()).toEqual(['site', 'vocabularies']);
  });

  it('indexes exactly the collections with a page type, and draws cards for those marked ogCard', () => {
    expect([...INDEXED_SECTIONS].sort()).toEqual(indexedCollections.map((c) => def(c).route).sort());
    // The browser's search keeps its own copy of the page types (it must not load the schemas): the same set.
    expect([...PAGE_TYPES].sort()).toEqual(indexedCollections.map((c) => def(c).pageType).sort());
    for (const c of cardCollections) expect(pagedCollections).toContain(c);
  });

  it('lists every folder collection in the CMS, with its list view, page links and file name rule', () => {
    const config = cmsConfig({ contentDir: 'content', backend: backendFromEnv({}) });
    const folders = collectionNames.filter((c) => !def(c).files);
    expect(
      config.collections
        .filter((c) => c.folder)
        .map((c) => c.name)
        .sort(),
    ).toEqual([...folders].sort());
    for (const c of config.collections.filter((x) => x.folder)) {
      const d = def(c.name);
      expect(c.summary, c.name).toBe(d.list?.summary);
      expect(c.preview_path, c.name).toBe(d.route ? `${d.route}/{{slug}}/` : undefined);
    }
    const sample = { title: 'Заголовок', date: '2026-01-02', stage: 3, code: 'НП-2026-01', cycle: '2026-2027', id: 'p-010' };
    for (const c of folders) expect(entryFileName(c, sample), c).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('has a CMS preview for exactly the collections marked preview', async () => {
    const { PREVIEWS } = await import('../../cms/previews/index.ts');
    expect(Object.keys(PREVIEWS).sort()).toEqual(collectionNames.filter((c) => def(c).preview).sort());
  });

  it('takes the unique fields from the schemas’ metadata', () => {
    const marked = collectionNames.flatMap((c) =>
      objectFields(def(c).schema(plainContext)).flatMap(([key, s]) => (describeField(s).meta?.unique ? [`${c}.${key}`] : [])),
    );
    expect(UNIQUE_FIELDS.map((f) => `${f.collection}.${f.key}`).sort()).toEqual(marked.sort());
    expect(marked.length).toBeGreaterThan(0);
  });
});
