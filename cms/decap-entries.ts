/**
 * A collection's entries read through the CMS's own, signed-in backend.
 *
 * Decap keeps one backend per page (its `currentBackend`) and the loaded
 * config in its store; both live in decap-cms-core's ES modules, the same
 * ones decap-cms-app runs in this bundle. Reading through them means a Git
 * host's access rules apply, the registry is fetched as the editor sees it,
 * and nothing is read from the public site.
 */
import { currentBackend } from 'decap-cms-core/dist/esm/backend.js';
import { store } from 'decap-cms-core/dist/esm/redux/index.js';
import type { LoadedEntry } from './browser-review.ts';

/** Every entry of a collection of the loaded config (all pages of it). */
export async function loadEntries(collectionName: string): Promise<LoadedEntry[]> {
  const state = store.getState();
  const collection = state.collections.get(collectionName);
  if (!collection) throw new Error(`collection ${collectionName} is not in the CMS config`);
  const entries = await currentBackend(state.config).listAllEntries(collection);
  return entries.map((e) => ({ slug: e.slug, path: e.path, data: e.data }));
}
