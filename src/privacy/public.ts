/**
 * What pages may know about a person: a public descriptor resolved by the
 * privacy policy, never the registry record itself.
 */
import { loadRegistry } from './registry.ts';

export interface PublicPerson {
  /** The text shown on the page, e.g. «наставник». */
  label: string;
}

const ROLE_LABEL = { mentor: 'наставник', mentee: 'наставляемый', curator: 'куратор' } as const;

/** The descriptor of a participant in a given role. */
export function describeParticipant(id: string, role: keyof typeof ROLE_LABEL): PublicPerson {
  loadRegistry();
  void id;
  return { label: ROLE_LABEL[role] };
}
