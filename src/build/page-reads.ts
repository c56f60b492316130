/**
 * Which collections a page reads, while it renders and while its route lists
 * its paths.
 *
 * A page is reused from the previous build only when nothing it shows has
 * changed (src/integrations/page-cache.ts). What it shows comes from
 * src/data/entries.ts, the one way pages get entries, which notes here every
 * collection asked for: what a page shows cannot depend on a collection
 * without the build knowing it. A route's `getStaticPaths` counts too: a
 * list's page gets its entries as props (the news of page 2, the practices
 * of a facet value) and may never ask for them while it renders.
 *
 * The record lives on globalThis: the page code runs from Astro's bundle,
 * a second copy of these modules next to the integrations' own.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

/** The page being rendered, or the route listing its paths: the collections it has read. */
export interface PageRender {
  reads: Set<string>;
}

const STORE = Symbol.for('nastavnik.pageReads');
const PATHS = Symbol.for('nastavnik.pathsReads');
const global = globalThis as typeof globalThis & { [STORE]?: AsyncLocalStorage<PageRender>; [PATHS]?: PageRender };
const storage = (global[STORE] ??= new AsyncLocalStorage<PageRender>());

/** Runs a page's render, recording what it reads into `render.reads`. */
export function recordReads<T>(render: PageRender, fn: () => Promise<T>): Promise<T> {
  return storage.run(render, fn);
}

/**
 * Records what is read outside any page's render into `listing.reads` from
 * now on (undefined: stop). Astro lists the routes' paths one route after
 * another, outside any render: the caller switches the record as it moves
 * to the next route.
 */
export function recordPathsReads(listing: PageRender | undefined): void {
  global[PATHS] = listing;
}

/** Notes that the page being rendered, or the route listing its paths, read a collection. */
export function noteCollectionRead(collection: string): void {
  (storage.getStore() ?? global[PATHS])?.reads.add(collection);
}
