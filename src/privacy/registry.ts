/**
 * The one door to the people registry (content/registry/people/*.yaml).
 *
 * Nothing outside src/privacy/ may import this module (an ESLint rule
 * enforces it): pages get descriptors from ./public.ts instead.
 */
import { readCollections } from '../lib/content-files.ts';
import { contentDir } from '../lib/content-dir.ts';
import { plainContext } from '../schema/context.ts';
import { COLLECTIONS } from '../schema/index.ts';
import type { RegistryRecord } from '../schema/registry.ts';

export interface Registry {
  /** Every valid record by id; invalid files are reported by validation, not loaded. */
  records: Map<string, RegistryRecord>;
}

const cache = new Map<string, Registry>();

/** Loads the registry of a content root once per process. */
export function loadRegistry(root = contentDir()): Registry {
  let registry = cache.get(root);
  if (!registry) {
    const records = new Map<string, RegistryRecord>();
    for (const f of readCollections(['people'], root).files) {
      const parsed = COLLECTIONS.people.schema(plainContext, f.data).safeParse(f.data);
      if (parsed.success) records.set(f.id, parsed.data as RegistryRecord);
    }
    registry = { records };
    cache.set(root, registry);
  }
  return registry;
}

/** Forgets loaded registries (tests and the dev server after an edit). */
export function clearRegistryCache(): void {
  cache.clear();
}
