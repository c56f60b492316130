/**
 * Every way a registry person's name can be written in Russian text.
 *
 * The free-text scanner and the leak scan of dist/ must recognise a person
 * in any grammatical case and in the initials forms that documents use, so
 * this module is the one place that turns {last, first, middle} into
 * spellings. Case endings come from lvovich (never written by hand here);
 * what lvovich gets wrong is patched in `variants()` below:
 *
 * - Fleeting vowels in masculine surnames: lvovich declines «Орёл» as
 *   «Орёла», «Козёл» as «Козёла», «Соловей» as «Соловея». People write
 *   «Орла», «Соловья», so the contracted spelling is added next to lvovich's
 *   (both occur in real documents, so both are kept).
 * - Patronymics in -ич take a stressed -ём in the instrumental («Ильичём»,
 *   «Фомичём»); lvovich gives «Ильичом». The -ём spelling is added.
 * - Gender is always passed explicitly: lvovich would guess it from the
 *   name, and it guesses wrong for male names in -а («Никита», «Фома»).
 *
 * Indeclinable surnames (Шевченко, Черных, a woman's «Ким») are left to
 * lvovich, which keeps them unchanged; a man's «Ким» declines (Кима, Киму).
 *
 * ё and е are one letter for matching: `normaliseName` folds them, with
 * letter case, soft hyphens and stress marks, so «Орёл» matches «ОРЕЛ».
 */
import { inclineFirstname, inclineLastname, inclineMiddlename } from 'lvovich';

export const CASES = ['nominative', 'genitive', 'dative', 'accusative', 'instrumental', 'prepositional'] as const;
export type GrammaticalCase = (typeof CASES)[number];

/** The part of a registry person the name modules need (a subset of `Person`). */
export interface NamedPerson {
  id: string;
  name: { last: string; first: string; middle?: string };
  gender: 'female' | 'male';
}

export type NamePart = 'last' | 'first' | 'middle';

/** One spelling of one name part in one case. */
export interface PartForm {
  part: NamePart;
  case: GrammaticalCase;
  text: string;
}

export type NameFormKind = 'full-name' | 'first-patronymic' | 'initials' | 'surname';

/** One written form of a whole name, e.g. «Соколовой Н.\u00a0В.» (genitive, initials). */
export interface NameForm {
  text: string;
  kind: NameFormKind;
  case: GrammaticalCase;
}

const NBSP = '\u00a0';

/** Folds what does not distinguish names: letter case, ё/е, hyphen variants, soft hyphens, stress marks. */
export function normaliseName(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u00ad\u0300\u0301]/g, '')
    .replace(/ё|е\u0308/g, 'е')
    .replace(/[\u2010\u2011]/g, '-');
}

/** The capital letter an initial of this name part is written with (ё folded). */
export function initialOf(namePart: string): string {
  return normaliseName(namePart.charAt(0)).toUpperCase();
}

const INFLECT: Record<NamePart, typeof inclineLastname> = {
  last: inclineLastname,
  first: inclineFirstname,
  middle: inclineMiddlename,
};

/** Masculine surnames whose vowel drops in declension: Орёл → Орла, Соловей → Соловья, Журавель → Журавля. */
const FLEETING_VOWEL = /[её](?:л|ль|нь|й)$/;

/**
 * lvovich's spelling plus the corrections listed in the module header.
 * Hyphenated surnames are declined part by part by lvovich itself.
 */
function variants(part: NamePart, nominative: string, declined: string, gender: NamedPerson['gender']): string[] {
  const out = [declined];
  if (part === 'last' && gender === 'male' && declined !== nominative) {
    const fleeting = FLEETING_VOWEL.exec(nominative);
    const at = fleeting ? fleeting.index : -1;
    if (fleeting && declined.slice(0, at) === nominative.slice(0, at) && declined[at] === nominative[at]) {
      out.push(declined.slice(0, at) + (fleeting[0].endsWith('й') ? 'ь' : '') + declined.slice(at + 1));
    }
  }
  if (part === 'middle' && declined.endsWith('ичом')) out.push(`${declined.slice(0, -2)}ём`);
  return out;
}

/** Every spelling of each name part in each of the six cases, without duplicates. */
export function partForms(person: NamedPerson): PartForm[] {
  const forms: PartForm[] = [];
  const seen = new Set<string>();
  const parts: [NamePart, string | undefined][] = [
    ['last', person.name.last],
    ['first', person.name.first],
    ['middle', person.name.middle],
  ];
  for (const [part, nominative] of parts) {
    const base = nominative?.trim();
    if (!base) continue;
    for (const grammaticalCase of CASES) {
      const declined = INFLECT[part](base, grammaticalCase, person.gender);
      for (const text of variants(part, base, declined, person.gender)) {
        const key = `${part}|${grammaticalCase}|${text}`;
        if (seen.has(key)) continue;
        seen.add(key);
        forms.push({ part, case: grammaticalCase, text });
      }
    }
  }
  return forms;
}

/** Initials as typeset: «Н. В.», «Н.В.», «Н.\u00a0В.»; a person without a patronymic has one initial. */
function initialsSpellings(person: NamedPerson): string[] {
  const first = `${initialOf(person.name.first.trim())}.`;
  const patronymic = person.name.middle?.trim();
  if (!patronymic) return [first];
  const middle = `${initialOf(patronymic)}.`;
  return [`${first} ${middle}`, `${first}${middle}`, `${first}${NBSP}${middle}`, first];
}

/** Adds the spelling with е for every ё, since texts use both. */
function withYoFolded(text: string): string[] {
  return /ё/i.test(text) ? [text, text.replace(/ё/g, 'е').replace(/Ё/g, 'Е')] : [text];
}

/**
 * Every written form of the person's whole name: full name in both orders
 * (with and without patronymic), first name + patronymic, the four initials
 * layouts with plain and non-breaking spaces, and the surname alone, in all
 * six cases. Meant for exact-substring consumers and for documentation of
 * what the scanner looks for; the scanner itself matches part by part.
 */
export function nameForms(person: NamedPerson): NameForm[] {
  const byCase = new Map<GrammaticalCase, Record<NamePart, string[]>>();
  for (const form of partForms(person)) {
    const entry = byCase.get(form.case) ?? { last: [], first: [], middle: [] };
    entry[form.part].push(form.text);
    byCase.set(form.case, entry);
  }
  const initials = initialsSpellings(person);
  const out: NameForm[] = [];
  const seen = new Set<string>();
  const add = (text: string, kind: NameFormKind, grammaticalCase: GrammaticalCase) => {
    for (const spelling of withYoFolded(text)) {
      if (seen.has(spelling)) continue;
      seen.add(spelling);
      out.push({ text: spelling, kind, case: grammaticalCase });
    }
  };
  for (const [grammaticalCase, { last, first, middle }] of byCase) {
    for (const l of last) {
      for (const f of first) {
        add(`${l} ${f}`, 'full-name', grammaticalCase);
        add(`${f} ${l}`, 'full-name', grammaticalCase);
        for (const m of middle) {
          add(`${l} ${f} ${m}`, 'full-name', grammaticalCase);
          add(`${f} ${m} ${l}`, 'full-name', grammaticalCase);
        }
      }
      for (const i of initials) {
        for (const space of [' ', NBSP]) {
          add(`${l}${space}${i}`, 'initials', grammaticalCase);
          add(`${i}${space}${l}`, 'initials', grammaticalCase);
        }
        add(`${i}${l}`, 'initials', grammaticalCase);
      }
      add(l, 'surname', grammaticalCase);
    }
    for (const f of first) for (const m of middle) add(`${f} ${m}`, 'first-patronymic', grammaticalCase);
  }
  return out;
}
