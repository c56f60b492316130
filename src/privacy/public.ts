/**
 * What pages may know about a person: a public descriptor resolved by the
 * consent policy, never the registry record.
 *
 * With a valid dissemination consent for this place the person is named,
 * with exactly the categories the consent allows; otherwise they are
 * described in general terms that at least k registry people share.
 */
import { search } from '../i18n/ru.ts';
import type { Person, RegistryRecord } from '../schema/registry.ts';
import type { SiteSettings, Vocabularies } from '../schema/settings.ts';
import { anonymousDescriptor, fullName, positionWith, ROLE_WORDS, type Role } from './anonymise.ts';
import { decide, isPerson, mayName, placeOfFile, type Place, type PolicyContext } from './consent-policy.ts';
import { reviewedContent, siteSettingsOf, vocabulariesOf } from './gate.ts';
import { peopleOf, registryOf } from './registry.ts';
import { siteAddress } from '../lib/site-address.ts';

export type { Role } from './anonymise.ts';
export type { Place } from './consent-policy.ts';

export interface PublicPerson {
  /** The text to show: a name with what the consent allows, or a general description. */
  label: string;
  /** True when the label carries the person's name (consent given). */
  named: boolean;
}

interface Population {
  registry: ReadonlyMap<string, RegistryRecord>;
  people: Person[];
  settings: SiteSettings;
  vocab: Vocabularies;
}

const populations = new WeakMap<object, Population>();

/** The registry as the policy needs it, built once per reviewed content state. */
/** The policy pages decide by: the review's day and the address the site is built for. */
const policyOf = (settings: SiteSettings): PolicyContext => ({ today: reviewedContent().today, siteUrl: siteAddress(settings) });

function population(): Population {
  const index = reviewedContent();
  const cached = populations.get(index);
  if (cached) return cached;
  const registry = registryOf(index);
  const settings = siteSettingsOf(index)!;
  const vocab = vocabulariesOf(index)!;
  const result = { registry, people: peopleOf(registry), settings, vocab };
  populations.set(index, result);
  return result;
}

/** The label of a named person: name, then position and subject if each is allowed. */
function namedLabel(person: Person, place: Place, policy: PolicyContext, vocab: Vocabularies): string {
  const parts = [fullName(person)];
  if (decide(person, 'position', place, policy).allowed) {
    const subject = decide(person, 'subjects', place, policy).allowed ? vocab.subjects.find((s) => s.id === person.subjects[0]) : undefined;
    parts.push(subject?.genitive ? positionWith(person.position, subject) : person.position);
  }
  return parts.join(', ');
}

/** How a participant appears at a place of the site. */
export function describeParticipant(id: string, role: Role, place: Place): PublicPerson {
  const { registry, people, settings, vocab } = population();
  const record = registry.get(id);
  if (!isPerson(record)) return { label: ROLE_WORDS[role], named: false };
  const policy = policyOf(settings);
  if (mayName(record, place, policy).allowed) return { label: namedLabel(record, place, policy, vocab), named: true };
  const year = Number(policy.today.slice(0, 4));
  return { label: anonymousDescriptor(record, role, people, settings.kAnonymity, { vocab, year }).text, named: false };
}

export interface PublicSigner {
  /** The signer's full name, when the consent policy allows it on document pages. */
  name?: string;
  /** The signer's position, when allowed there. */
  position?: string;
}

/**
 * The signer of a document's electronic signature as the page at `pagePath`
 * may show them: name and position only as the policy allows at that page's
 * place — the same place the leak scan checks the built file against.
 */
export function describeSigner(id: string | undefined, pagePath: string): PublicSigner {
  if (id === undefined) return {};
  const { registry, settings } = population();
  const record = registry.get(id);
  if (!isPerson(record)) return {};
  const policy = policyOf(settings);
  const place = placeOfFile(`${pagePath.replace(/^\/+/, '')}index.html`);
  return {
    ...(decide(record, 'name', place, policy).allowed ? { name: fullName(record) } : {}),
    ...(decide(record, 'position', place, policy).allowed ? { position: record.position } : {}),
  };
}

export interface PracticeAuthors {
  /** Authors who may be named on the practice's page. */
  named: string[];
  /** How many others there are: counted, never described. */
  anonymous: number;
  /** The line the page shows: the names, then «педагоги школы (n)». */
  label: string;
  /** The line may go into the search index: every name shown is allowed there too. */
  indexable: boolean;
}

/** Authors of a practice as its page may show them, and whether the search index may read that. */
export function practiceAuthors(ids: readonly string[]): PracticeAuthors {
  const named: string[] = [];
  let anonymous = 0;
  let indexable = true;
  for (const id of ids) {
    const p = describeParticipant(id, 'mentor', 'practice-author');
    if (!p.named) {
      anonymous++;
      continue;
    }
    named.push(p.label);
    if (!describeParticipant(id, 'mentor', 'search-index').named) indexable = false;
  }
  const label = [...named, ...(anonymous ? [search.openDataAnonymousAuthors(anonymous)] : [])].join('; ');
  return { named, anonymous, label, indexable };
}
