/**
 * The privacy report for the person responsible for personal data at the
 * school: who is published where under which consent, consents about to
 * expire, withdrawn consents and what they removed, purges due and overdue
 * (152-ФЗ ст. 21: data destroyed within 30 days of a withdrawal).
 *
 * The report names people, so it is written outside dist/ (private/) and
 * never committed.
 */
import { formatDate } from '../lib/dates.ts';
import { siteSettingsOf, type ContentIndex } from './gate.ts';
import { entryUrl, type PagedCollection } from '../schema/index.ts';
import type { Person, RegistryRecord, Tombstone } from '../schema/registry.ts';
import { DISSEMINATION_CATEGORIES, PERSON_ROLES } from '../schema/vocab.ts';
import { fullName } from './anonymise.ts';
import { allowedCategories, consentState, daysUntil, isPerson, mayName, type Place, type PolicyContext } from './consent-policy.ts';
import { registryOf } from './registry.ts';
import { COLLECTION_PLACES } from './review.ts';
import { siteAddress } from '../lib/site-address.ts';

/** Days within which a withdrawn processing consent must end in destruction (ст. 21). */
export const PURGE_DAYS = 30;
/** Consents ending within this many days are listed as expiring. */
export const EXPIRY_WARNING_DAYS = 30;

export interface PersonReport {
  id: string;
  name: string;
  roles: string[];
  processing: string;
  dissemination: string;
  allowedHere: string[];
  /** Pages where the person is named, as site paths. */
  namedAt: string[];
  /** Pages where the person appears only as a general description. */
  describedAt: string[];
}

export interface PrivacyReport {
  today: string;
  people: PersonReport[];
  expiring: { id: string; consent: 'обработка' | 'распространение'; until: string; days: number }[];
  withdrawn: { id: string; consent: 'обработка' | 'распространение'; date: string; withheld: string[]; anonymisedAt: string[] }[];
  purges: { id: string; withdrawn: string; deadline: string; status: 'выполнено' | 'в срок' | 'просрочено'; purged?: string }[];
  withheld: string[];
}

function stateText(
  consent: { signed: string; validUntil?: string | undefined; withdrawn?: string | undefined } | undefined,
  today: string,
): string {
  const state = consentState(consent, today);
  if (!consent) return 'нет';
  if (state === 'withdrawn') return `отозвано ${formatDate(consent.withdrawn!)}`;
  if (state === 'expired') return `истекло ${formatDate(consent.validUntil!)}`;
  if (state === 'missing') return 'ещё не действует';
  return consent.validUntil ? `действует до ${formatDate(consent.validUntil)}` : 'действует до отзыва';
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Where each registry id is referenced by a public entry: site paths with the place they publish at. */
function references(index: ContentIndex): Map<string, { path: string; place: Place; collection: string; id: string }[]> {
  const refs = new Map<string, { path: string; place: Place; collection: string; id: string }[]>();
  for (const [collection, entries] of index.entries) {
    const place = COLLECTION_PLACES[collection];
    if (!place) continue;
    for (const entry of entries.values()) {
      const d = entry.parsed as Record<string, unknown>;
      const ids = ['mentor', 'mentees', 'curator', 'authors'].flatMap((k) =>
        Array.isArray(d[k]) ? (d[k] as string[]) : typeof d[k] === 'string' ? [d[k] as string] : [],
      );
      for (const id of ids) {
        if (!refs.has(id)) refs.set(id, []);
        refs.get(id)!.push({ path: entryUrl(collection as PagedCollection, entry.id), place, collection, id: entry.id });
      }
    }
  }
  return refs;
}

export function buildPrivacyReport(index: ContentIndex, today: string): PrivacyReport {
  const registry = registryOf(index);
  const settings = siteSettingsOf(index)!;
  const policy: PolicyContext = { today, siteUrl: siteAddress(settings) };
  const refs = references(index);
  const withheldPaths = new Set([...index.withheld].flatMap(([c, ids]) => [...ids].map((id) => entryUrl(c as PagedCollection, id))));
  const people: PersonReport[] = [];
  const expiring: PrivacyReport['expiring'] = [];
  const withdrawn: PrivacyReport['withdrawn'] = [];
  const purges: PrivacyReport['purges'] = [];

  for (const record of [...registry.values()].sort((a, b) => a.id.localeCompare(b.id)) as RegistryRecord[]) {
    const used = refs.get(record.id) ?? [];
    if (!isPerson(record)) {
      const t = record as Tombstone;
      purges.push({ id: t.id, withdrawn: t.withdrawn, deadline: addDays(t.withdrawn, PURGE_DAYS), status: 'выполнено', purged: t.purged });
      continue;
    }
    const p: Person = record;
    const published = used.filter((u) => !withheldPaths.has(u.path));
    people.push({
      id: p.id,
      name: fullName(p),
      roles: p.roles.map((r) => PERSON_ROLES[r]),
      processing: stateText(p.consents.processing, today),
      dissemination: stateText(p.consents.dissemination, today),
      allowedHere: allowedCategories(p, 'home', policy).map((c) => DISSEMINATION_CATEGORIES[c]),
      namedAt: published.filter((u) => mayName(p, u.place, policy).allowed).map((u) => u.path),
      describedAt: published.filter((u) => !mayName(p, u.place, policy).allowed).map((u) => u.path),
    });
    for (const [label, consent] of [
      ['обработка', p.consents.processing],
      ['распространение', p.consents.dissemination],
    ] as const) {
      if (!consent) continue;
      const state = consentState(consent, today);
      const days = daysUntil(consent.validUntil, today);
      if (state === 'valid' && days !== undefined && days <= EXPIRY_WARNING_DAYS)
        expiring.push({ id: p.id, consent: label, until: consent.validUntil!, days });
      if (state === 'withdrawn') {
        withdrawn.push({
          id: p.id,
          consent: label,
          date: consent.withdrawn!,
          withheld: used.filter((u) => withheldPaths.has(u.path)).map((u) => u.path),
          anonymisedAt: used.filter((u) => !withheldPaths.has(u.path)).map((u) => u.path),
        });
        if (label === 'обработка') {
          const deadline = addDays(consent.withdrawn!, PURGE_DAYS);
          purges.push({ id: p.id, withdrawn: consent.withdrawn!, deadline, status: today > deadline ? 'просрочено' : 'в срок' });
        }
      }
    }
  }
  return { today, people, expiring, withdrawn, purges, withheld: [...withheldPaths].sort() };
}

const list = (items: readonly string[]) => (items.length ? items.join(', ') : '—');

/** The report as Markdown for a person to read. */
export function privacyReportMarkdown(r: PrivacyReport): string {
  const lines = [
    `# Отчёт о персональных данных на ${formatDate(r.today)}`,
    '',
    'Документ содержит персональные данные: не публикуйте и не пересылайте его.',
    '',
    '## Кто и где опубликован',
    '',
    '| id | ФИО | роли | обработка | распространение | разрешено на сайте | названы по имени | обобщённо |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...r.people.map(
      (p) =>
        `| ${p.id} | ${p.name} | ${list(p.roles)} | ${p.processing} | ${p.dissemination} | ${list(p.allowedHere)} | ${list(p.namedAt)} | ${list(p.describedAt)} |`,
    ),
    '',
    `## Согласия, истекающие в ближайшие 30 дней (${r.expiring.length})`,
    '',
    ...(r.expiring.length ? r.expiring.map((e) => `- ${e.id}: ${e.consent} — до ${formatDate(e.until)} (через ${e.days} дн.)`) : ['Нет.']),
    '',
    `## Отозванные согласия и что они убрали с сайта (${r.withdrawn.length})`,
    '',
    ...(r.withdrawn.length
      ? r.withdrawn.map(
          (w) =>
            `- ${w.id}: ${w.consent}, отозвано ${formatDate(w.date)}; снято с публикации: ${list(w.withheld)}; обезличено на: ${list(w.anonymisedAt)}`,
        )
      : ['Нет.']),
    '',
    `## Уничтожение данных после отзыва согласия на обработку (${r.purges.length})`,
    '',
    ...(r.purges.length
      ? r.purges.map(
          (p) =>
            `- ${p.id}: отозвано ${formatDate(p.withdrawn)}, срок — ${formatDate(p.deadline)}: **${p.status}**${p.purged ? ` (${formatDate(p.purged)})` : ''}${p.status !== 'выполнено' ? `; выполните: npm run privacy:purge -- ${p.id}` : ''}`,
        )
      : ['Нет.']),
    '',
    `## Записи, снятые с публикации (${r.withheld.length})`,
    '',
    ...(r.withheld.length ? r.withheld.map((w) => `- ${w}`) : ['Нет.']),
    '',
  ];
  return lines.join('\n');
}
