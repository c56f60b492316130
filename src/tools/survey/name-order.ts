/**
 * People write their names in the order they are used to: «Андреева
 * Екатерина Сергеевна» in a form that asks for the ФИО, «Екатерина
 * Сергеевна Андреева» or «Мария Лебедева» when it just asks for a name, and a
 * colleague they would like as a mentor as «Орёл П.С.». Filing «Екатерина»
 * as a surname makes a duplicate person, so the order is decided, not
 * assumed:
 *
 * 1. An order under which the name is a person already in the registry wins.
 * 2. Otherwise the words are weighed: a patronymic (-ович, -евна, -ична …)
 *    follows the first name; lvovich's surname rules say which word looks
 *    like a surname (-ова, -ин, -ский, -енко …); first names and surnames
 *    already in the registry count as known; genders that agree count too.
 * 3. A tie keeps the form's usual order «Фамилия Имя Отчество» and is
 *    reported as ambiguous, so the methodologist checks the new record.
 */
import { getGender, getLastnameGender } from 'lvovich';
import { initialOf, normaliseName } from '../../privacy/names.ts';
import { nameKey, parseFullName, type FullName } from './person-names.ts';

/** A registry person a survey may name. */
export interface KnownPerson {
  id: string;
  name: FullName;
}

const PATRONYMIC = /(?:ович|евич|ьич|ич|овна|евна|ична|инична)$/i;

export interface ResolvedName {
  name: FullName;
  /** The registry people this reading names (by full name, or by surname and first name when one has no patronymic). */
  matches: string[];
  /** Two readings were equally likely and the registry did not decide. */
  ambiguous: boolean;
}

/** The readings of the words as a name: «Фамилия Имя Отчество» first, then «Имя Отчество Фамилия». */
function readings(text: string): FullName[] {
  const parsed = parseFullName(text);
  if (!parsed) return [];
  const words = [parsed.last, parsed.first, ...(parsed.middle ? parsed.middle.split(' ') : [])];
  if (words.length === 2) return [parsed, { last: words[1]!, first: words[0]! }];
  if (words.length === 3) return [parsed, { last: words[2]!, first: words[0]!, middle: words[1]! }];
  return [parsed];
}

/** Who in the registry a reading names: the full name, or surname + first name when one side has no patronymic. */
export function registryMatches(name: FullName, people: readonly KnownPerson[]): string[] {
  const full = people.filter((p) => nameKey(p.name) === nameKey(name)).map((p) => p.id);
  if (full.length) return full;
  const short = nameKey({ last: name.last, first: name.first });
  return people
    .filter(
      (p) => nameKey({ last: p.name.last, first: p.name.first }) === short && (p.name.middle === undefined || name.middle === undefined),
    )
    .map((p) => p.id);
}

function surnameLikeness(word: string): number {
  const gender = getLastnameGender(word);
  return gender === 'male' || gender === 'female' ? 2 : gender === 'androgynous' ? 1 : 0;
}

function weigh(name: FullName, known: { first: Set<string>; last: Set<string> }): number {
  let score = 0;
  if (name.middle && PATRONYMIC.test(name.middle)) score += 4;
  if (name.middle && PATRONYMIC.test(name.first)) score -= 4;
  score += surnameLikeness(name.last) - surnameLikeness(name.first);
  if (known.first.has(normaliseName(name.first))) score += 2;
  if (known.last.has(normaliseName(name.last))) score += 2;
  if (known.last.has(normaliseName(name.first))) score -= 2;
  if (getGender({ last: name.last, first: name.first, middle: name.middle ?? null }) !== null) score += 1;
  return score;
}

/** The name a form's answer most likely means (see the module header); undefined when it is not a Cyrillic name. */
export function resolveName(text: string, people: readonly KnownPerson[]): ResolvedName | undefined {
  const options = readings(text);
  if (options.length === 0) return undefined;
  const matched = options.map((name) => ({ name, matches: registryMatches(name, people) }));
  const inRegistry = matched.filter((m) => m.matches.length > 0);
  if (inRegistry.length === 1) return { ...inRegistry[0]!, ambiguous: false };
  if (inRegistry.length > 1) return { ...inRegistry[0]!, ambiguous: true };
  const known = {
    first: new Set(people.map((p) => normaliseName(p.name.first))),
    last: new Set(people.map((p) => normaliseName(p.name.last))),
  };
  const scored = options.map((name) => ({ name, score: weigh(name, known) }));
  const best = scored.reduce((a, b) => (b.score > a.score ? b : a));
  const ambiguous = scored.filter((s) => s.score === best.score).length > 1;
  return { name: best.name, matches: [], ambiguous };
}

const INITIALS_AFTER = /^([А-ЯЁа-яё]+(?:-[А-ЯЁа-яё]+)*)[\s\u00a0]*([А-ЯЁ])\.[\s\u00a0]*(?:([А-ЯЁ])\.?)?$/;
const INITIALS_BEFORE = /^([А-ЯЁ])\.[\s\u00a0]*(?:([А-ЯЁ])\.[\s\u00a0]*)?([А-ЯЁа-яё]+(?:-[А-ЯЁа-яё]+)*)$/;

/** «Орёл П.С.», «П. С. Орёл», «Орёл П.» → the registry person with that surname and initials, when there is exactly one. */
function findByInitials(text: string, people: readonly KnownPerson[]): string | undefined {
  const after = INITIALS_AFTER.exec(text);
  const before = after ? undefined : INITIALS_BEFORE.exec(text);
  const parts = after
    ? { last: after[1]!, first: after[2]!, middle: after[3] }
    : before
      ? { last: before[3]!, first: before[1]!, middle: before[2] }
      : undefined;
  if (!parts) return undefined;
  const last = normaliseName(parts.last);
  const fits = people.filter(
    (p) =>
      normaliseName(p.name.last) === last &&
      initialOf(p.name.first) === initialOf(parts.first) &&
      (parts.middle === undefined || (p.name.middle !== undefined && initialOf(p.name.middle) === initialOf(parts.middle))),
  );
  return fits.length === 1 ? fits[0]!.id : undefined;
}

/** «Шевченко Ирина Анатольевна», «Ирина Шевченко», «Шевченко И. А.» or «p-002» → an id, when exactly one person fits. */
export function findPerson(text: string, people: readonly KnownPerson[]): string | undefined {
  const trimmed = text.trim().replace(/[\s\u00a0]+/g, ' ');
  if (/^p-\d+$/.test(trimmed)) return people.some((p) => p.id === trimmed) ? trimmed : undefined;
  const byInitials = findByInitials(trimmed, people);
  if (byInitials) return byInitials;
  const ids = new Set(readings(trimmed).flatMap((name) => registryMatches(name, people)));
  return ids.size === 1 ? [...ids][0] : undefined;
}
