/**
 * The consent policy of 152-ФЗ as pure functions.
 *
 * - Processing consent (ст. 9) is needed for a person to be referenced at all.
 * - Dissemination consent (ст. 10.1, Приказ Роскомнадзора № 18) allows each
 *   category separately, only on the resources it names: the URL where the
 *   data would appear must start with one of the consent's `resources`.
 * - A withdrawn or expired consent allows nothing from the next build on.
 * - A recorded legal basis for mandatory disclosure (the head of the school)
 *   allows the categories the law requires, only at the places listed in
 *   DISCLOSURE_SCOPE, while it is in force; it still needs the processing
 *   consent every registry person has.
 *
 * Everything that publishes a person asks `decide()`; nothing else reads consents.
 */
import { COLLECTIONS, pagedCollections, sectionUrl, type CollectionDef } from '../schema/index.ts';
import { SHARED_PLACES, type CollectionPlace, type Place } from '../schema/places.ts';
import type { Person, RegistryRecord } from '../schema/registry.ts';
import type { DisclosureBasis, DisseminationCategory } from '../schema/vocab.ts';

export type ConsentState = 'missing' | 'valid' | 'expired' | 'withdrawn';

export type { Place } from '../schema/places.ts';

/** The path under the site URL where each place publishes: the shared places, and each collection's pages. */
export const PLACE_PATHS: Readonly<Record<Place, string>> = {
  ...SHARED_PLACES,
  ...(Object.fromEntries(pagedCollections.map((c) => [(COLLECTIONS[c] as CollectionDef).place!, sectionUrl(c)])) as Record<
    CollectionPlace,
    string
  >),
};

export type Rule = 'consent-missing' | 'consent-withdrawn' | 'consent-expired' | 'dissemination-not-allowed';

export interface Decision {
  allowed: boolean;
  /** Why not, as a validation rule id. */
  rule?: Rule;
}

export interface PolicyContext {
  /** Today in the site's time zone, `YYYY-MM-DD`. */
  today: string;
  /** The site's address from settings (`siteUrl`). */
  siteUrl: string;
}

interface Consent {
  signed: string;
  validUntil?: string | undefined;
  withdrawn?: string | undefined;
}

/** The state of one consent on a given day. */
export function consentState(consent: Consent | undefined, today: string): ConsentState {
  if (!consent || consent.signed > today) return 'missing';
  if (consent.withdrawn !== undefined && consent.withdrawn <= today) return 'withdrawn';
  if (consent.validUntil !== undefined && consent.validUntil < today) return 'expired';
  return 'valid';
}

export const isPerson = (r: RegistryRecord | undefined): r is Person => r !== undefined && !('tombstone' in r);

/** Processing consent (ст. 9) of a registry record; a tombstone or an unknown id has none. */
export function processingState(record: RegistryRecord | undefined, today: string): ConsentState {
  return isPerson(record) ? consentState(record.consents.processing, today) : 'missing';
}

/** Dissemination consent (ст. 10.1) of a registry record. */
export function disseminationState(record: RegistryRecord | undefined, today: string): ConsentState {
  return isPerson(record) ? consentState(record.consents.dissemination, today) : 'missing';
}

function normaliseUrl(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.host.toLowerCase()}${u.pathname.endsWith('/') ? u.pathname : `${u.pathname}/`}`;
}

/** The place of each collection's pages, by the first segment of their path. */
const PLACE_OF_ROUTE = new Map<string, Place>(
  pagedCollections.map((c) => [COLLECTIONS[c].route, (COLLECTIONS[c] as CollectionDef).place!]),
);

/** The place a built file belongs to, by its first path segment: the leak scan checks it, pages ask the policy for it. */
export function placeOfFile(rel: string): Place {
  const [first = '', second = ''] = rel.split('/');
  if (first === 'pagefind') return 'search-index';
  if (first === 'og') return 'og-image';
  if (/feed\.(xml|json)$|\.ics$|rss\.xml$/.test(rel)) return 'feed';
  if (first === '_astro') return 'photo';
  if (first === 'uploads') return 'upload';
  return PLACE_OF_ROUTE.get(first) ?? (second ? 'json-ld' : 'home');
}

/** The absolute URL space where a place publishes on this site. */
export function placeUrl(place: Place, siteUrl: string): string {
  return new URL(PLACE_PATHS[place], siteUrl).href;
}

/** True when one of the consent's resources covers the URL (the same site, the same or a parent path). */
export function resourceCovers(resources: readonly string[], url: string): boolean {
  const target = normaliseUrl(url);
  return resources.some((r) => target.startsWith(normaliseUrl(r)));
}

const STATE_RULE: Record<Exclude<ConsentState, 'valid'>, Rule> = {
  missing: 'consent-missing',
  withdrawn: 'consent-withdrawn',
  expired: 'consent-expired',
};

/**
 * What each legal basis discloses and where: the head of the school is named,
 * with the position, under the electronic signatures of the school's
 * documents — not in the search index, not in free text elsewhere.
 */
export const DISCLOSURE_SCOPE: Readonly<
  Record<DisclosureBasis, { categories: readonly DisseminationCategory[]; places: readonly Place[] }>
> = {
  head: { categories: ['name', 'position'], places: ['document'] },
};

/** True when the person's recorded legal basis is in force today and covers this category at this place. */
export function disclosureCovers(record: Person, category: DisseminationCategory, place: Place, today: string): boolean {
  const basis = record.disclosure;
  if (!basis || basis.since > today || (basis.until !== undefined && basis.until < today)) return false;
  const scope = DISCLOSURE_SCOPE[basis.basis];
  return scope.categories.includes(category) && scope.places.includes(place);
}

/** May this category of the person's data be published at this place? */
export function decide(record: RegistryRecord | undefined, category: DisseminationCategory, place: Place, ctx: PolicyContext): Decision {
  const processing = processingState(record, ctx.today);
  if (processing !== 'valid') return { allowed: false, rule: STATE_RULE[processing] };
  if (disclosureCovers(record as Person, category, place, ctx.today)) return { allowed: true };
  const state = disseminationState(record, ctx.today);
  if (state !== 'valid') return { allowed: false, rule: state === 'missing' ? 'dissemination-not-allowed' : STATE_RULE[state] };
  const consent = (record as Person).consents.dissemination!;
  if (!resourceCovers(consent.resources, placeUrl(place, ctx.siteUrl))) return { allowed: false, rule: 'dissemination-not-allowed' };
  if (!consent.allow.includes(category)) return { allowed: false, rule: 'dissemination-not-allowed' };
  return { allowed: true };
}

/** The categories allowed at a place, for reports. */
export function allowedCategories(record: RegistryRecord | undefined, place: Place, ctx: PolicyContext): DisseminationCategory[] {
  if (!isPerson(record)) return [];
  const named = [
    ...(record.consents.dissemination?.allow ?? []),
    ...(record.disclosure ? DISCLOSURE_SCOPE[record.disclosure.basis].categories : []),
  ];
  return [...new Set(named)].filter((c) => decide(record, c, place, ctx).allowed);
}

/**
 * May the person be named at this place? In a programme the name discloses
 * the role too (who mentors whom, who needs support), so both categories are
 * needed there; elsewhere (e.g. the author of a practice) the name alone.
 */
export function mayName(record: RegistryRecord | undefined, place: Place, ctx: PolicyContext): Decision {
  const name = decide(record, 'name', place, ctx);
  if (!name.allowed || place !== 'program') return name;
  return decide(record, 'role', place, ctx);
}

/** Days from `today` until the consent's end, or undefined when it has none. */
export function daysUntil(date: string | undefined, today: string): number | undefined {
  if (date === undefined) return undefined;
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}
