/**
 * A content loader that stores front matter only.
 *
 * Astro's glob loader either renders every Markdown body into the data store
 * or, with deferred rendering, turns every file into a bundled module; both
 * grow the build with the bank. Pages here render bodies from the file
 * (src/data/body.ts), so the store needs nothing but the validated data and
 * the file path. The entries are those the content review read — the same
 * bytes, read once — so what the build publishes is what was checked, even
 * when a file changes while the build runs.
 *
 * An entry whose front matter, body and schema code are those the store
 * already holds is not parsed again: at a district's scale parsing every
 * entry took seconds of each build after a one-line edit.
 */
import path from 'node:path';
import type { Loader } from 'astro/loaders';
import { codeFingerprint } from '../io/code-fingerprint.ts';
import { contentDir } from '../lib/content-dir.ts';
import { reviewedContent } from '../privacy/gate.ts';
import type { CollectionName } from '../schema/index.ts';
import { COLLECTIONS } from '../schema/index.ts';

export function frontMatterLoader(collection: CollectionName): Loader {
  return {
    name: `nastavnik:${collection}`,
    load: async ({ store, parseData, generateDigest, watcher, config }) => {
      const root = contentDir();
      const projectRoot = path.resolve(new URL('.', config.root).pathname);
      const sync = async () => {
        const seen = new Set<string>();
        // The schemas' code: a changed rule parses every entry again. Unreadable (inside a bundle): always parse.
        const schemaCode = codeFingerprint(new URL('../content.config.ts', import.meta.url)) ?? `${Date.now()}:${Math.random()}`;
        // Files that failed the review are not here; the content gate has already reported them.
        for (const file of reviewedContent(root).entries.get(collection)?.values() ?? []) {
          const filePath = path.relative(projectRoot, file.path).split(path.sep).join('/');
          const digest = generateDigest({ data: file.data as Record<string, unknown>, body: file.body, schemaCode });
          seen.add(file.id);
          const stored = store.get(file.id);
          if (stored?.digest === digest && stored.filePath === filePath) continue;
          const data = await parseData({ id: file.id, data: file.data as Record<string, unknown>, filePath });
          store.set({ id: file.id, data, filePath, digest });
        }
        for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
      };
      await sync();
      if (watcher) {
        const dir = path.join(root, COLLECTIONS[collection].dir);
        watcher.add(dir);
        const onChange = (changed: string) => {
          if (path.dirname(changed) === dir) void sync();
        };
        watcher.on('change', onChange);
        watcher.on('add', onChange);
        watcher.on('unlink', onChange);
      }
    },
  };
}
