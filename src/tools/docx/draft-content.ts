/**
 * The validated content the document drafts are made from, read once:
 * settings, vocabularies, documents, programmes and the registry's living
 * people (a purged person is absent, and drafts say so instead of a name).
 */
import { reviewContent } from '../../privacy/gate.ts';
import { peopleOf, registryOf } from '../../privacy/registry.ts';
import type { DocumentEntry } from '../../schema/documents.ts';
import type { Programme } from '../../schema/programs.ts';
import type { Person } from '../../schema/registry.ts';
import type { SiteSettings, Vocabularies } from '../../schema/settings.ts';

export interface DraftContent {
  site: SiteSettings;
  vocab: Vocabularies;
  documents: { id: string; data: DocumentEntry }[];
  programs: { id: string; data: Programme }[];
  people: Map<string, Person>;
}

export class DraftContentError extends Error {}

export function loadDraftContent(root: string): DraftContent {
  const index = reviewContent(root);
  const one = <T>(c: 'site' | 'vocabularies') => index.entries.get(c)?.values().next().value?.parsed as unknown as T | undefined;
  const site = one<SiteSettings>('site');
  const vocab = one<Vocabularies>('vocabularies');
  if (!site || !vocab)
    throw new DraftContentError('настройки сайта или справочники не найдены либо с ошибками — запустите npm run validate');
  const list = <T>(c: 'documents' | 'programs') =>
    [...(index.entries.get(c)?.values() ?? [])].map((e) => ({ id: e.id, data: e.parsed as unknown as T }));
  return {
    site,
    vocab,
    documents: list<DocumentEntry>('documents'),
    programs: list<Programme>('programs'),
    people: new Map(peopleOf(registryOf(index)).map((p) => [p.id, p])),
  };
}
