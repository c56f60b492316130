/**
 * What the district exports are made from, read once and validated: the
 * settings, the vocabularies, the registry's living people, the programmes,
 * the orders and the published monitoring cycles; and the one rule of who
 * may be named in an export (see `exportName`).
 */
import { reviewContent } from '../../privacy/gate.ts';
import { anonymousDescriptor, type Role } from '../../privacy/anonymise.ts';
import { mayName, type PolicyContext } from '../../privacy/consent-policy.ts';
import { peopleOf, registryOf } from '../../privacy/registry.ts';
import type { DocumentEntry } from '../../schema/documents.ts';
import type { MonitoringCycle } from '../../schema/monitoring.ts';
import type { Programme } from '../../schema/programs.ts';
import type { Person } from '../../schema/registry.ts';
import type { SiteSettings, Vocabularies } from '../../schema/settings.ts';

export interface ExportContext {
  site: SiteSettings;
  vocab: Vocabularies;
  people: Person[];
  programs: { id: string; data: Programme }[];
  documents: Map<string, DocumentEntry>;
  monitoring: MonitoringCycle[];
  today: string;
}

export class ExportError extends Error {}

export function loadExportContext(root: string, today: string): ExportContext {
  const index = reviewContent(root, today);
  const one = <T>(c: 'site' | 'vocabularies') => index.entries.get(c)?.values().next().value?.parsed as unknown as T | undefined;
  const site = one<SiteSettings>('site');
  const vocab = one<Vocabularies>('vocabularies');
  if (!site || !vocab) throw new ExportError('настройки сайта или справочники не найдены либо с ошибками — запустите npm run validate');
  const list = <T>(c: 'programs' | 'documents' | 'monitoring') =>
    [...(index.entries.get(c)?.values() ?? [])].map((e) => ({ id: e.id, data: e.parsed as unknown as T }));
  return {
    site,
    vocab,
    people: peopleOf(registryOf(index)),
    programs: list<Programme>('programs').filter((p) => !p.data.draft),
    documents: new Map(list<DocumentEntry>('documents').map((d) => [d.id, d.data])),
    monitoring: list<MonitoringCycle>('monitoring').map((m) => m.data),
    today,
  };
}

/**
 * How a person appears in an export for the district: by name only when
 * their dissemination consent lets the site name them on programme pages
 * (the district then learns nothing the site does not show); otherwise by a
 * description that at least k people of the registry share.
 */
export function exportName(ctx: ExportContext, person: Person | undefined, role: Role): { name: string; description: string } {
  if (!person) return { name: '—', description: 'сведения удалены' };
  const policy: PolicyContext = { today: ctx.today, siteUrl: ctx.site.siteUrl };
  const description = anonymousDescriptor(person, role, ctx.people, ctx.site.kAnonymity, {
    vocab: ctx.vocab,
    year: Number(ctx.today.slice(0, 4)),
  }).text;
  const named = mayName(person, 'program', policy).allowed;
  return {
    name: named ? [person.name.last, person.name.first, person.name.middle].filter(Boolean).join(' ') : 'не раскрывается',
    description,
  };
}
