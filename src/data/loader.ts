/**
 * A content loader that stores front matter only.
 *
 * Astro's glob loader either renders every Markdown body into the data store
 * or, with deferred rendering, turns every file into a bundled module; both
 * grow the build with the bank. Pages here render bodies from the file
 * (src/lib/markdown.ts), so the store needs nothing but the validated data and
 * the file path. Files are read with the validator's reader, so the build
 * and `npm run validate` parse content identically.
 */
import path from 'node:path';
import type { Loader } from 'astro/loaders';
import { listCollectionFiles, readContentFile } from '../lib/content-files.ts';
import { contentDir } from '../lib/content-dir.ts';
import type { CollectionName } from '../schema/index.ts';
import { COLLECTIONS } from '../schema/index.ts';

export function frontMatterLoader(collection: CollectionName): Loader {
  return {
    name: `nastavnik:${collection}`,
    load: async ({ store, parseData, generateDigest, watcher, logger, config }) => {
      const root = contentDir();
      const projectRoot = path.resolve(new URL('.', config.root).pathname);
      const sync = async () => {
        const seen = new Set<string>();
        for (const abs of listCollectionFiles(collection, root)) {
          const { file, problem } = readContentFile(collection, abs);
          if (problem || !file) {
            logger.warn(`${problem?.file ?? abs}: ${problem?.message ?? 'не прочитан'}`);
            continue;
          }
          const filePath = path.relative(projectRoot, abs).split(path.sep).join('/');
          const data = await parseData({ id: file.id, data: file.data as Record<string, unknown>, filePath });
          store.set({
            id: file.id,
            data,
            filePath,
            digest: generateDigest({ data: file.data as Record<string, unknown>, body: file.body }),
          });
          seen.add(file.id);
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
