/**
 * The consent policy over its whole matrix: consent state × category × place.
 */
import { describe, expect, it } from 'vitest';
import { consentState, decide, mayName, PLACE_PATHS, resourceCovers, type Place } from '../../src/privacy/consent-policy.ts';
import type { Person } from '../../src/schema/registry.ts';
import { DISSEMINATION_CATEGORIES, type DisseminationCategory } from '../../src/schema/vocab.ts';

const SITE = 'https://nastavnik.school.example/';
const TODAY = '2026-03-01';
const ctx = { today: TODAY, siteUrl: SITE };

type State = 'missing' | 'valid' | 'expired' | 'withdrawn';

const consentOf = (state: State) =>
  state === 'missing'
    ? undefined
    : {
        signed: '2025-09-01',
        ...(state === 'expired' ? { validUntil: '2026-02-28' } : {}),
        ...(state === 'withdrawn' ? { withdrawn: '2026-01-15' } : {}),
      };

function person(
  processing: State,
  dissemination: State,
  allow: DisseminationCategory[] = ['name', 'position', 'role'],
  resources = [SITE],
): Person {
  const p = consentOf(processing);
  const d = consentOf(dissemination);
  return {
    id: 'p-001',
    demo: true,
    name: { last: 'Примерова', first: 'Анна', middle: 'Сергеевна' },
    gender: 'female',
    roles: ['mentor'],
    position: 'учитель',
    subjects: ['math'],
    category: 'highest',
    teachingSince: 2001,
    requests: [],
    competencies: [],
    capacity: 2,
    preferredForms: [],
    preferredPeople: [],
    consents: {
      processing: p ?? { signed: '2099-01-01' },
      ...(d ? { dissemination: { ...d, resources, allow } } : {}),
    },
  } as Person;
}

const STATES: State[] = ['missing', 'valid', 'expired', 'withdrawn'];
const CATEGORIES = Object.keys(DISSEMINATION_CATEGORIES) as DisseminationCategory[];
const PLACES = Object.keys(PLACE_PATHS) as Place[];

describe('consentState', () => {
  it.each([
    [undefined, 'missing'],
    [{ signed: '2026-03-02' }, 'missing'],
    [{ signed: '2025-09-01' }, 'valid'],
    [{ signed: '2025-09-01', validUntil: '2026-03-01' }, 'valid'],
    [{ signed: '2025-09-01', validUntil: '2026-02-28' }, 'expired'],
    [{ signed: '2025-09-01', withdrawn: '2026-03-01' }, 'withdrawn'],
    [{ signed: '2025-09-01', withdrawn: '2026-03-05' }, 'valid'],
  ] as const)('%j on %s → %s', (consent, expected) => {
    expect(consentState(consent, TODAY)).toBe(expected);
  });
});

describe('decide over the whole matrix', () => {
  const rows: [State, State, DisseminationCategory, Place][] = [];
  for (const processing of STATES)
    for (const dissemination of STATES)
      for (const c of CATEGORIES) for (const place of PLACES) rows.push([processing, dissemination, c, place]);

  it(`covers ${rows.length} combinations`, () => {
    expect(rows.length).toBe(STATES.length * STATES.length * CATEGORIES.length * PLACES.length);
    for (const [processing, dissemination, category, place] of rows) {
      const allowList: DisseminationCategory[] = ['name', 'position', 'role'];
      const decision = decide(person(processing, dissemination, allowList), category, place, ctx);
      const expected = processing === 'valid' && dissemination === 'valid' && allowList.includes(category);
      expect(decision.allowed, `${processing}/${dissemination}/${category}/${place}`).toBe(expected);
      if (!expected) {
        const rule =
          processing !== 'valid'
            ? { missing: 'consent-missing', expired: 'consent-expired', withdrawn: 'consent-withdrawn' }[processing]
            : dissemination === 'withdrawn'
              ? 'consent-withdrawn'
              : dissemination === 'expired'
                ? 'consent-expired'
                : 'dissemination-not-allowed';
        expect(decision.rule, `${processing}/${dissemination}/${category}/${place}`).toBe(rule);
      }
    }
  });
});

describe('resources of the dissemination consent', () => {
  it('covers only the URLs the consent names', () => {
    expect(resourceCovers([SITE], `${SITE}programs/np-1/`)).toBe(true);
    expect(resourceCovers(['https://nastavnik.school.example'], `${SITE}news/`)).toBe(true);
    expect(resourceCovers(['https://school.example/'], `${SITE}news/`)).toBe(false);
    expect(resourceCovers([`${SITE}practices/`], `${SITE}programs/`)).toBe(false);
    expect(resourceCovers(['http://nastavnik.school.example/'], `${SITE}news/`)).toBe(false);
  });

  it('refuses every place when the consent names another site only', () => {
    const p = person('valid', 'valid', CATEGORIES, ['https://school.example/']);
    for (const place of PLACES) expect(decide(p, 'name', place, ctx)).toEqual({ allowed: false, rule: 'dissemination-not-allowed' });
  });

  it('allows only the places under a narrower resource', () => {
    const p = person('valid', 'valid', CATEGORIES, [`${SITE}practices/`]);
    const allowed = PLACES.filter((place) => decide(p, 'name', place, ctx).allowed);
    expect(allowed).toEqual(['practice-author']);
  });
});

describe('mayName', () => {
  it('needs the role category too inside a programme, not for a practice author', () => {
    const p = person('valid', 'valid', ['name']);
    expect(mayName(p, 'program', ctx).allowed).toBe(false);
    expect(mayName(p, 'practice-author', ctx).allowed).toBe(true);
    expect(mayName(person('valid', 'valid', ['name', 'role']), 'program', ctx).allowed).toBe(true);
  });

  it('stops on the day of withdrawal', () => {
    const p = person('valid', 'valid', ['name', 'role']);
    p.consents.dissemination!.withdrawn = TODAY;
    expect(mayName(p, 'program', ctx)).toEqual({ allowed: false, rule: 'consent-withdrawn' });
  });
});

describe('mandatory disclosure (the head of a school)', () => {
  const head = (processing: State, disclosure: Partial<NonNullable<Person['disclosure']>> = {}): Person => ({
    ...person(processing, 'missing'),
    roles: [],
    position: 'директор',
    disclosure: { basis: 'head', document: 'приказ № 45-к', since: '2019-09-01', ...disclosure },
  });

  it('names the head, with the position, on document pages only — not in search, feeds, cards or elsewhere', () => {
    for (const place of PLACES) {
      for (const category of CATEGORIES) {
        const expected = place === 'document' && (category === 'name' || category === 'position');
        expect(decide(head('valid'), category, place, ctx).allowed, `${category} at ${place}`).toBe(expected);
      }
    }
  });

  it('allows nothing before it starts, after it ends, or without a valid processing consent', () => {
    expect(decide(head('valid', { since: '2026-03-02' }), 'name', 'document', ctx).allowed).toBe(false);
    expect(decide(head('valid', { until: '2026-02-28' }), 'name', 'document', ctx).allowed).toBe(false);
    expect(decide(head('valid', { until: '2026-03-01' }), 'name', 'document', ctx).allowed).toBe(true);
    for (const state of ['missing', 'expired', 'withdrawn'] as const) {
      expect(decide(head(state), 'name', 'document', ctx).allowed, state).toBe(false);
    }
  });

  it('is not implied by the position: a «директор» without a recorded basis is not named', () => {
    const { disclosure: _, ...withoutBasis } = head('valid');
    expect(decide(withoutBasis as Person, 'name', 'document', ctx).allowed).toBe(false);
  });
});
