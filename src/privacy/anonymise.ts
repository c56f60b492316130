/**
 * Generalised descriptors of people, k-anonymous over the registry.
 *
 * A page that may not name a person says who they are in general terms:
 * «учитель химии, высшая категория, стаж более 20 лет». If fewer than k people
 * in the registry share that description it would single someone out (the
 * only chemistry teacher), so it is generalised step by step — subject to
 * subject area, then a wider experience band without the category, then the
 * position alone, then the bare role — until at least k people share it.
 */
import type { Vocabularies } from '../schema/settings.ts';
import type { Person } from '../schema/registry.ts';
import { CATEGORIES } from '../schema/vocab.ts';
import type { GrammaticalCase } from './names.ts';

export type Role = 'mentor' | 'mentee' | 'curator';

export const ROLE_WORDS: Readonly<Record<Role, string>> = {
  mentor: 'педагог-наставник',
  mentee: 'педагог',
  curator: 'куратор программ наставничества',
};

/** The role words in the six cases, for a sentence that names the role where a name stood (see substitute.ts). */
export const ROLE_CASE_FORMS: Readonly<Record<Role, Readonly<Record<GrammaticalCase, string>>>> = {
  mentor: {
    nominative: 'педагог-наставник',
    genitive: 'педагога-наставника',
    dative: 'педагогу-наставнику',
    accusative: 'педагога-наставника',
    instrumental: 'педагогом-наставником',
    prepositional: 'педагоге-наставнике',
  },
  mentee: {
    nominative: 'педагог',
    genitive: 'педагога',
    dative: 'педагогу',
    accusative: 'педагога',
    instrumental: 'педагогом',
    prepositional: 'педагоге',
  },
  curator: {
    nominative: 'куратор программ наставничества',
    genitive: 'куратора программ наставничества',
    dative: 'куратору программ наставничества',
    accusative: 'куратора программ наставничества',
    instrumental: 'куратором программ наставничества',
    prepositional: 'кураторе программ наставничества',
  },
};

/** Levels from the most specific (0) to the bare role (4). */
export const LEVELS = [0, 1, 2, 3, 4] as const;
export type Level = (typeof LEVELS)[number];

export interface DescriptorContext {
  vocab: Vocabularies;
  /** The current year, to turn `teachingSince` into an experience band. */
  year: number;
}

function fineBand(years: number): string {
  if (years < 3) return 'стаж до 3 лет';
  if (years < 10) return 'стаж от 3 до 10 лет';
  if (years < 20) return 'стаж от 10 до 20 лет';
  return 'стаж более 20 лет';
}

function coarseBand(years: number): string {
  return years < 10 ? 'стаж до 10 лет' : 'стаж более 10 лет';
}

/** «учитель химии» or, without a genitive form in the vocabulary, «учитель (химия)». */
export function positionWith(position: string, item: { label: string; genitive?: string | undefined } | undefined): string {
  if (!item) return position;
  // «учитель начальных классов» already names its subject: not «учитель начальных классов начальных классов».
  if (item.genitive && position.endsWith(item.genitive.toLowerCase())) return position;
  return item.genitive ? `${position} ${item.genitive}` : `${position} (${item.label.toLowerCase()})`;
}

/** The description of a person at a level of generalisation. */
export function descriptorAt(person: Person, role: Role, level: Level, ctx: DescriptorContext): string {
  const position = person.position.toLowerCase();
  const years = Math.max(0, ctx.year - person.teachingSince);
  const subject = ctx.vocab.subjects.find((s) => s.id === person.subjects[0]);
  const area = subject ? ctx.vocab.subjectAreas.find((a) => a.id === subject.area) : undefined;
  const category = person.category === 'none' ? 'без категории' : `${CATEGORIES[person.category]} категория`;
  switch (level) {
    case 0:
      return [positionWith(position, subject), category, fineBand(years)].join(', ');
    case 1:
      return [positionWith(position, area), category, fineBand(years)].join(', ');
    case 2:
      return [positionWith(position, area), coarseBand(years)].join(', ');
    case 3:
      return position;
    case 4:
      return ROLE_WORDS[role];
  }
}

export interface AnonymousDescriptor {
  text: string;
  level: Level;
  /** How many registry people share this description. */
  shared: number;
}

/**
 * The most specific description of `person` shared by at least `k` people of
 * `population` (the whole registry). The bare role is shared by everyone in
 * that role; when even that group is smaller than k, `shared < k` tells the
 * caller that the person cannot be described without singling them out.
 */
export function anonymousDescriptor(
  person: Person,
  role: Role,
  population: readonly Person[],
  k: number,
  ctx: DescriptorContext,
): AnonymousDescriptor {
  for (const level of LEVELS.slice(0, 4)) {
    const text = descriptorAt(person, role, level, ctx);
    const shared = population.filter((p) => descriptorAt(p, role, level, ctx) === text).length;
    if (shared >= k) return { text, level, shared };
  }
  const shared = population.filter((p) => p.roles.includes(role)).length;
  return { text: ROLE_WORDS[role], level: 4, shared };
}

/** «Ирина Сергеевна Шевченко». */
export function fullName(person: Person): string {
  return [person.name.first, person.name.middle, person.name.last].filter(Boolean).join(' ');
}
