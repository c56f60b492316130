/**
 * Astro's view of the content: one collection per public entry of the
 * content model table. The registry is not here — no page can query it.
 *
 * Bodies are neither kept in the data store nor rendered at sync: pages
 * render them from the file (src/lib/markdown.ts), which keeps the store,
 * and so the build, small at the scale of a district's bank
 * (src/data/loader.ts).
 */
import { defineCollection, type SchemaContext as AstroSchemaContext } from 'astro:content';
import type { z } from 'astro/zod';
import { frontMatterLoader } from './data/loader.ts';
import type { SchemaContext } from './schema/context.ts';
import { COLLECTIONS, type PublicCollectionName } from './schema/index.ts';

type AstroImage = ReturnType<AstroSchemaContext['image']>;

function collection<S extends z.ZodType>(name: PublicCollectionName, schema: (ctx: SchemaContext<AstroImage>) => S) {
  return defineCollection({
    loader: frontMatterLoader(name),
    schema: ({ image }) => schema({ image }),
  });
}

/**
 * Every public collection, by name: Astro infers each collection's types from
 * this literal object, so it is written out; tests/schema/collection-table.test.ts
 * proves it lists exactly the public collections of the table.
 */
export const collections = {
  roadmap: collection('roadmap', COLLECTIONS.roadmap.schema),
  documents: collection('documents', COLLECTIONS.documents.schema),
  programs: collection('programs', COLLECTIONS.programs.schema),
  practices: collection('practices', COLLECTIONS.practices.schema),
  news: collection('news', COLLECTIONS.news.schema),
  events: collection('events', COLLECTIONS.events.schema),
  materials: collection('materials', COLLECTIONS.materials.schema),
  monitoring: collection('monitoring', COLLECTIONS.monitoring.schema),
  site: collection('site', COLLECTIONS.site.schema),
  vocabularies: collection('vocabularies', COLLECTIONS.vocabularies.schema),
};
