/**
 * The site settings and vocabularies as pages use them.
 */
import { getEntry } from 'astro:content';
import type { SiteSettings, Vocabularies } from '../schema/settings.ts';

export async function getSite(): Promise<SiteSettings> {
  const entry = await getEntry('site', 'site');
  if (!entry) throw new Error('content/settings/site.yaml: файл настроек не найден');
  return entry.data as SiteSettings;
}

export async function getVocabularies(): Promise<Vocabularies> {
  const entry = await getEntry('vocabularies', 'vocabularies');
  if (!entry) throw new Error('content/settings/vocabularies.yaml: файл справочников не найден');
  return entry.data as Vocabularies;
}

/** Label of a vocabulary item by id, the id itself if unknown. */
export function vocabLabel(items: readonly { id: string; label: string }[], id: string): string {
  return items.find((i) => i.id === id)?.label ?? id;
}
