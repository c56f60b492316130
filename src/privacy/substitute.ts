/**
 * Replacing a person's name in running text by a role word that reads as
 * Russian, for the purge (152-ФЗ ст. 21): «поблагодарили Анну Сергеевну
 * Примерову» must become «поблагодарили педагога-наставника», not
 * «поблагодарили педагог-наставник».
 *
 * - The case is the one the sentence gave the name: each word of the mention
 *   is looked up among the person's name forms in the six cases (lvovich,
 *   via names.ts), and the cases all words share are kept; when several
 *   remain («Примеровой» is genitive, dative, instrumental or prepositional),
 *   a preposition before the name decides, else the first of nominative,
 *   genitive, dative, accusative, instrumental, prepositional.
 * - The role word is declined in that case (ROLE_CASE_FORMS) and capitalised
 *   at the start of a sentence; «об», «со», «ко», «во» before it become «о»,
 *   «с», «к», «в».
 * - What identifies the person next to the name goes too: a position phrase
 *   right before it («учитель математики высшей категории Анна …»), an
 *   apposition after it between commas («Примерова, учитель математики, …»)
 *   and a parenthesis about position, category or experience.
 */
import { ROLE_CASE_FORMS, type Role } from './anonymise.ts';
import { CASES, normaliseName, partForms, type GrammaticalCase, type NamedPerson } from './names.ts';
import { buildNameIndex, scanText, type NameIndex } from './pii-scan.ts';

/** Prepositions (and a few words) and the cases they govern: the cases a name right after them can be in. */
const PREPOSITION_CASES: Record<string, readonly GrammaticalCase[]> = {
  без: ['genitive'],
  для: ['genitive'],
  до: ['genitive'],
  из: ['genitive'],
  от: ['genitive'],
  у: ['genitive'],
  около: ['genitive'],
  возле: ['genitive'],
  кроме: ['genitive'],
  после: ['genitive'],
  среди: ['genitive'],
  против: ['genitive'],
  вместо: ['genitive'],
  словам: ['genitive'],
  // Words that make the name the one something is given to or thanked for.
  спасибо: ['dative'],
  благодарность: ['dative'],
  благодарны: ['dative'],
  вручили: ['dative'],
  вручена: ['dative'],
  вручён: ['dative'],
  присвоена: ['dative'],
  присвоено: ['dative'],
  поручено: ['dative'],
  к: ['dative'],
  ко: ['dative'],
  благодаря: ['dative'],
  о: ['prepositional'],
  об: ['prepositional'],
  обо: ['prepositional'],
  при: ['prepositional'],
  в: ['accusative', 'prepositional'],
  во: ['accusative', 'prepositional'],
  на: ['accusative', 'prepositional'],
  с: ['instrumental', 'genitive'],
  со: ['instrumental', 'genitive'],
  за: ['instrumental', 'accusative'],
  под: ['instrumental', 'accusative'],
  над: ['instrumental'],
  перед: ['instrumental'],
  между: ['instrumental'],
  про: ['accusative'],
  через: ['accusative'],
};

/** Prepositions written with «о» before some consonant clusters, and their plain form before the role word. */
const PLAIN_PREPOSITION: Record<string, string> = { об: 'о', обо: 'о', со: 'с', ко: 'к', во: 'в' };

/** Words that begin a position phrase: «учитель», «учительницу», «заместителя директора», «педагога-психолога»… */
const POSITION_START =
  '(?:учител|учительниц|педагог|преподавател|наставник|воспитател|методист|психолог|логопед|дефектолог|заместител|директор|руководител|куратор|специалист|тьютор|советник)[а-яё]*(?:-[а-яё]+)?';
/** Adjectives before the position word: «молодой специалист», «старшего методиста». */
const ADJECTIVES = '(?:[а-яё]+(?:ый|ий|ой|ая|яя|ое|ее|ого|его|ому|ему|ым|им|ом|ем|ую|юю|ей)[ \\u00a0]+){0,2}';
/** The rest of a position phrase: lower-case words, abbreviations (МО, ОГЭ), numbers, «№». */
const POSITION_WORD = '(?:[а-яё]+(?:-[а-яё]+)?|[А-ЯЁ]{2,5}|\\d+|№)';
const POSITION_BEFORE = new RegExp(
  `(?:^|(?<=[\\s(«"]))${ADJECTIVES}${POSITION_START}(?:[ \\u00a0]+${POSITION_WORD}){0,8}[ \\u00a0]+$`,
  'u',
);
const POSITION_AFTER = new RegExp(
  `^,[ \\u00a0]+${ADJECTIVES}${POSITION_START}(?:[ \\u00a0]+${POSITION_WORD}){0,8}(,|(?=[ \\u00a0]*[.;:!?—–)\\n]|$))`,
  'u',
);
const PARENTHESIS_AFTER = /^[ \u00a0]*\((?=[^()]{0,120}\))(?:[^()]*?(?:учител|педагог|наставник|категори|стаж|лет\b|год))[^()]*\)/u;

/** The cases each spelling of the person's name parts stands for. */
function caseTable(person: NamedPerson): Map<string, Set<GrammaticalCase>> {
  const table = new Map<string, Set<GrammaticalCase>>();
  for (const f of partForms(person)) {
    const key = normaliseName(f.text);
    if (!table.has(key)) table.set(key, new Set());
    table.get(key)!.add(f.case);
  }
  return table;
}

const WORD = /[\p{L}\u00ad]+(?:[-\u2010\u2011][\p{L}\u00ad]+)*/gu;

/** The word right before `at`, lower-cased (only spaces between), or ''. */
function wordBefore(text: string, at: number): string {
  const m = /([\p{L}-]+)[ \u00a0]+$/u.exec(text.slice(Math.max(0, at - 40), at));
  return m ? m[1]!.toLowerCase() : '';
}

/** The grammatical case of a mention of the person (see the module header). */
export function caseOfMention(text: string, start: number, length: number, table: Map<string, Set<GrammaticalCase>>): GrammaticalCase {
  let cases: Set<GrammaticalCase> | undefined;
  for (const m of text.slice(start, start + length).matchAll(WORD)) {
    if (m[0].length === 1) continue;
    const forms = table.get(normaliseName(m[0]));
    if (!forms) continue;
    cases = cases ? new Set([...cases].filter((c) => forms.has(c))) : new Set(forms);
  }
  const candidates = CASES.filter((c) => cases?.has(c));
  if (candidates.length <= 1) return candidates[0] ?? 'nominative';
  const governed = PREPOSITION_CASES[wordBefore(text, start)];
  const fitting = governed ? candidates.filter((c) => governed.includes(c)) : [];
  return fitting[0] ?? candidates[0]!;
}

/**
 * True at the start of a sentence: the text's start, a line or list item or
 * YAML value start, or after «.», «!», «?», «…» (quotes and brackets aside).
 */
function atSentenceStart(text: string, at: number): boolean {
  const before = text.slice(0, at);
  if (/(?:^|\n)[ \t]*(?:[-*+•>#]+[ \t]+|\d+[.)][ \t]+|[\w-]+:[ \t]+)?["'«„(]*$/u.test(before)) return true;
  return /[.!?…][»")]*[\s\u00a0]+["'«„(]*$/u.test(before);
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export interface Substitution {
  text: string;
  /** How many mentions were replaced. */
  mentions: number;
}

/** Replaces every mention of the person in `text` by their role word, declined and with identifying details removed. */
export function substituteMentions(
  text: string,
  person: NamedPerson,
  role: Role,
  index: NameIndex = buildNameIndex([person]),
): Substitution {
  const found = scanText(text, index).filter((f) => f.rule === 'pii-name' && f.personId === person.id);
  if (found.length === 0) return { text, mentions: 0 };
  const table = caseTable(person);
  let out = text;
  for (const f of [...found].sort((a, b) => b.index - a.index)) {
    const grammaticalCase = caseOfMention(out, f.index, f.length, table);
    let start = f.index;
    let end = f.index + f.length;
    const before = POSITION_BEFORE.exec(out.slice(Math.max(0, start - 160), start));
    if (before) start -= before[0].length;
    const rest = out.slice(end);
    const after = POSITION_AFTER.exec(rest) ?? PARENTHESIS_AFTER.exec(rest);
    if (after) end += after[0].length - (after[1] === ',' ? 1 : 0);
    if (after?.[1] === ',') end += 1;
    let word = ROLE_CASE_FORMS[role][grammaticalCase];
    if (atSentenceStart(out, start)) word = capitalise(word);
    let head = out.slice(0, start);
    const preposition = /(?:^|[^\p{L}])(об|обо|со|ко|во|Об|Обо|Со|Ко|Во)[ \u00a0]+$/u.exec(head);
    if (preposition) {
      const written = preposition[1]!;
      const plain = PLAIN_PREPOSITION[written.toLowerCase()]!;
      const at = head.length - preposition[0].length + preposition[0].indexOf(written);
      head =
        head.slice(0, at) +
        (written.charAt(0) === written.charAt(0).toUpperCase() ? capitalise(plain) : plain) +
        head.slice(at + written.length);
    }
    // «Примерова, учитель математики, провела» → «Педагог-наставник провела»: the comma pair goes with the apposition,
    // unless the sentence needs the second one: «По словам Примеровой, учителя математики, урок…» → «По словам педагога-наставника, урок…».
    const introductory = /(?:^|[^\p{L}])по[ \u00a0]+(?:словам|мнению)[ \u00a0]+$/iu.test(out.slice(0, start));
    const tail = after?.[1] === ',' ? (introductory ? ',' : '') + out.slice(end).replace(/^[ \u00a0]*/, ' ') : out.slice(end);
    out = head + word + tail;
  }
  return { text: out, mentions: found.length };
}
