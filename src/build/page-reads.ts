/**
 * Which collections a page reads while it renders, beyond its own entry.
 *
 * An entry's page is reused from the previous build only when nothing it
 * shows has changed (src/integrations/page-cache.ts). Its own entry (the
 * props of its route) and the site-wide inputs are known in advance; what
 * else it shows (the events a practice links to, the news of a roadmap
 * stage) comes from src/data/entries.ts, the one way pages get entries, which
 * notes here every collection a page asks for while it renders: what a page
 * shows cannot depend on a collection without the build knowing it.
 *
 * The record lives on globalThis: the page code runs from Astro's bundle,
 * a second copy of these modules next to the integrations' own.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

/** The page being rendered: the collections it has read. */
export interface PageRender {
  reads: Set<string>;
}

const STORE = Symbol.for('nastavnik.pageReads');
const global = globalThis as typeof globalThis & { [STORE]?: AsyncLocalStorage<PageRender> };
const storage = (global[STORE] ??= new AsyncLocalStorage<PageRender>());

/** Runs a page's render, recording what it reads into `render.reads`. */
export function recordReads<T>(render: PageRender, fn: () => Promise<T>): Promise<T> {
  return storage.run(render, fn);
}

/** Notes that the page being rendered (if any) read a collection. */
export function noteCollectionRead(collection: string): void {
  storage.getStore()?.reads.add(collection);
}
