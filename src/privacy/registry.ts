/**
 * The one door to the people registry (content/registry/people/*.yaml) for
 * code that needs the records themselves: the privacy policy, the reports,
 * the methodologist's tools. Pages, components and layouts may not import it
 * (an ESLint rule forbids it); they get descriptors from ./public.ts.
 */
import type { ValidatedContent } from '../validate/validate.ts';
import type { Person, RegistryRecord } from '../schema/registry.ts';
import { isPerson } from './consent-policy.ts';

/** Valid registry records by id, from validated content (invalid files are left out and reported by validation). */
export function registryOf(index: Pick<ValidatedContent, 'entries'>): Map<string, RegistryRecord> {
  return new Map([...(index.entries.get('people')?.values() ?? [])].map((e) => [e.id, e.parsed as unknown as RegistryRecord]));
}

/** The living people of a registry (tombstones left out). */
export function peopleOf(registry: ReadonlyMap<string, RegistryRecord>): Person[] {
  return [...registry.values()].filter(isPerson);
}
