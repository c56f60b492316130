/**
 * The privacy gate between content and pages: which entries are withheld
 * because publishing them would disclose personal data without a valid consent.
 */
import { contentDir } from '../lib/content-dir.ts';
import { todayIso } from '../lib/dates.ts';
import { readCollections } from '../lib/content-files.ts';
import { loadRegistry } from './registry.ts';
import type { RegistryRecord } from '../schema/registry.ts';

function hasProcessingConsent(r: RegistryRecord | undefined, today: string): boolean {
  if (!r || 'tombstone' in r) return false;
  const c = r.consents.processing;
  return !c.withdrawn && (c.validUntil === undefined || c.validUntil >= today);
}

const PEOPLE_FIELDS: Record<string, readonly string[]> = {
  programs: ['mentor', 'mentees', 'curator'],
  practices: ['authors'],
};

const memo = new Map<string, Set<string>>();

/** Ids of the collection's entries that must not be published. */
export function withheldIds(collection: string, root = contentDir(), today = todayIso()): Set<string> {
  const key = `${root}\0${collection}\0${today}`;
  let ids = memo.get(key);
  if (!ids) memo.set(key, (ids = computeWithheld(collection, root, today)));
  return ids;
}

function computeWithheld(collection: string, root: string, today: string): Set<string> {
  const fields = PEOPLE_FIELDS[collection];
  if (!fields) return new Set();
  const registry = loadRegistry(root);
  const withheld = new Set<string>();
  for (const f of readCollections([collection as 'programs' | 'practices'], root).files) {
    const data = f.data as Record<string, unknown>;
    const ids = fields.flatMap((k) => (Array.isArray(data[k]) ? (data[k] as string[]) : data[k] ? [String(data[k])] : []));
    if (ids.some((id) => !hasProcessingConsent(registry.records.get(id), today))) withheld.add(f.id);
  }
  return withheld;
}
