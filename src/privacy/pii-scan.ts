/**
 * Finds personal data in free text (152-ФЗ): registry people's names in any
 * case and form, name-like strings of other people, contacts and identity
 * numbers. Programme and practice bodies are written by hand, so the
 * privacy gate cannot rely on references by id alone; this is the net under it.
 *
 * Names. The text is read once into word tokens; each token is looked up in
 * a map from normalised spelling (see names.ts) to the registry people and
 * name parts it can be. Because many Russian names are ordinary words
 * (Вера, Надежда, Любовь, Роза, Лев, Мороз, Орёл, Слава, Ким, Черных), the
 * rules for what counts as a mention are explicit:
 *
 * 1. A name part counts only when it starts with a capital letter; the rest
 *    of the comparison ignores letter case and ё/е («ОРЛОВОЙ», «Орёл»).
 * 2. A first name alone never counts, nor a patronymic alone.
 * 3. First name + surname (either order, patronymic optional) and first
 *    name + patronymic count when the parts are adjacent (separated only by
 *    spaces) and belong to the same person → error.
 * 4. Surname + initials («Соколова Н. В.», «Н.В. Соколова») count when the
 *    initials are the person's → error. Initials that are not the person's
 *    mean someone else with that surname → warning (name-like).
 * 5. First name + patronymic with an unrelated capitalised word right after
 *    it (or right before it, mid-sentence) is someone else's full name,
 *    e.g. «Лев Николаевич Толстой» against a registry «Лев Николаевич
 *    Зайцев» → warning (name-like), not error.
 * 6. A surname alone counts (error), unless it is word-like: in
 *    COMMON_WORD_SURNAMES, adjectival (-ых, -их), or spelled in lower case
 *    somewhere in this very text. A word-like surname alone counts only
 *    capitalised mid-sentence (not all caps, which carries no information,
 *    as in «КИМ»), not right after an opening quote (a title), and not after
 *    a word that names a place or a thing (город, улица, Дед, орден, …) or a
 *    location preposition (в, из, под). Abbreviations (г., ул., с.) end in
 *    a period, so the word after them already counts as sentence-initial.
 *    One part of a hyphenated surname never counts alone.
 * 7. Outside the registry, warnings (name-like) for: a capitalised word
 *    followed by a patronymic (-ович, -евич, -ич, -овна, -евна, -ична in any
 *    case); two initials next to a capitalised word; one initial next to a
 *    word with a surname suffix (-ов, -ин, -ский, -енко, …).
 *
 * Contacts and identity numbers are found by patterns, validated by
 * checksum where one exists (СНИЛС, ИНН) and by context words where it does
 * not (passport: «паспорт», «серия»), so dates, years, order numbers and
 * ISBNs stay quiet. The school's own public phone and e-mail are allowed.
 *
 * Every text is read as the reader sees it (normalise-text.ts): look-alike
 * letters, invisible characters, entities and markup inside a word hide
 * nothing from these rules. Positions refer to the text as given.
 *
 * Excerpts go to logs, so they are masked: a name keeps only first letters
 * («Н… В. С…»), a phone its first and last two digits, numbers nothing.
 */
import { initialOf, normaliseName, partForms, type NamedPerson } from './names.ts';
import { emailRanges, normaliseText } from './normalise-text.ts';

export type { NamedPerson } from './names.ts';

export interface PiiFinding {
  rule: 'pii-name' | 'pii-contact' | 'pii-id-number';
  severity: 'error' | 'warning';
  /** The registry person named, for registry matches only. */
  personId?: string;
  /** full-name, first-patronymic, initials, surname, name-like, phone, email, snils, passport, inn */
  kind: string;
  /**
   * Position in the scanned text as given (UTF-16 code units), covering the
   * disguised spelling whole: purge.ts rewrites exactly this span.
   */
  index: number;
  length: number;
  /** The matched text as the reader sees it, masked: safe to log. */
  excerpt: string;
}

export interface ScanOptions {
  /** Ids whose name this text may carry (a valid dissemination consent). */
  allowPersons?: ReadonlySet<string>;
  /** The school's own public phones and e-mails, never reported. */
  allowContacts?: readonly string[];
}

type CandidatePart = 'last' | 'last-part' | 'first' | 'middle';

/** «This spelling can be this part of this person's name.» */
export interface NameCandidate {
  person: number;
  part: CandidatePart;
}

export interface IndexedPerson {
  id: string;
  firstInitial: string;
  middleInitial?: string;
  /** The surname is an ordinary word (rule 6) whatever the text. */
  surnameIsWord: boolean;
}

/** Built once per registry, reused for every text. */
export interface NameIndex {
  readonly people: readonly IndexedPerson[];
  readonly spellings: ReadonlyMap<string, readonly NameCandidate[]>;
}

/** Surnames that are also common Russian words (nominative, normalised). */
const COMMON_WORD_SURNAMES = new Set(
  (
    'мороз орел лебедь соловей воробей жук гусь волк заяц медведь лис лиса сорока ворона голубь сокол ' +
    'кузнец ткач бондарь король князь царь ким слава роза вера надежда любовь лев зима весна мир победа ' +
    'сила крот рак щука карась окунь сом кит бык баран козел кот кошка белка дуб береза сосна клен липа ' +
    'гора камень соль хлеб каша мед сыр чиж грач скворец петух дрозд снегирь щегол ус лось барсук'
  ).split(' '),
);

/** Words after which a capitalised word-like surname is the name of a place or a thing (rule 6). */
const NOT_A_PERSON_BEFORE =
  /^(?:(?:город|сел|деревн|поселк|поселок|рек|озер|улиц|проспект|площад|переул|бульвар|станци|парк|сквер|алле|музе|зал|орден|медал|кафе|клуб|театр|журнал|газет|фильм|сказк|роман|повест|рассказ|басн|песн|стихотворени|поэм|спектакл|картин|проект|акци|конкурс|фестивал|лагер|дед|дедушк|операци|отряд|команд|издательств|магазин|фирм|компани|гостиниц|санатори|памятник|монумент|мемориал|обелиск)(?:а|у|ом|е|ы|ой|ю|ем|ей|и|ам|ами|ах|ь|я|ям|ями|ях|ию|ия|ии)?|в|во|из|под|около|возле|близ)$/;

const PATRONYMIC = /[а-я]{2}(?:ович|евич|ьич|ич)(?:а|у|ем|ом|е)?$|[а-я]{2}(?:овн|евн|ичн)(?:а|ы|е|у|ой)$/;
const SURNAME_SUFFIX =
  /(?:ов|ев|ин|ын|ск|цк|ых|их|енко|ук|юк|ян|дзе|швили)(?:а|у|ым|ом|е|ой|ую|ий|ая|ого|ому|им|ими|ых|ы|и)?$|(?:ова|ева|ина|ына)$/;

const WORD = /[\p{L}\p{M}\u00ad]+(?:[-\u2010\u2011][\p{L}\p{M}\u00ad]+)*/gu;
const isSpace = (code: number) =>
  code === 32 || code === 9 || code === 13 || code === 0xa0 || code === 0x202f || (code >= 0x2007 && code <= 0x200a);
const SENTENCE_PUNCTUATION = '.!?…>|';
const OPENING_QUOTES = '«„“"\'(';
const BLOCK_MARKERS = '-*+#•—–';

export function buildNameIndex(people: readonly NamedPerson[]): NameIndex {
  const indexed: IndexedPerson[] = [];
  const spellings = new Map<string, NameCandidate[]>();
  const add = (spelling: string, candidate: NameCandidate) => {
    const list = spellings.get(spelling);
    if (!list) spellings.set(spelling, [candidate]);
    else if (!list.some((c) => c.person === candidate.person && c.part === candidate.part)) list.push(candidate);
  };
  people.forEach((person, i) => {
    const last = normaliseName(person.name.last.trim());
    indexed.push({
      id: person.id,
      firstInitial: initialOf(person.name.first.trim()),
      middleInitial: person.name.middle?.trim() ? initialOf(person.name.middle.trim()) : undefined,
      surnameIsWord: COMMON_WORD_SURNAMES.has(last) || /(?:ых|их)$/.test(last),
    });
    for (const form of partForms(person)) {
      const spelling = normaliseName(form.text);
      add(spelling, { person: i, part: form.part });
      if (form.part === 'last' && spelling.includes('-')) {
        for (const piece of spelling.split('-')) if (piece.length > 1) add(piece, { person: i, part: 'last-part' });
      }
    }
  });
  return { people: indexed, spellings };
}

/** A capitalised word or an initial; lower-case words are never name parts (rule 1). */
interface Token {
  start: number;
  end: number;
  /** Position among all words of the text, to tell whether two tokens are neighbours. */
  seq: number;
  norm: string;
  allCaps: boolean;
  initial: boolean;
  /** Only spaces (at most one line break) separate it from the previous token, which is the previous word. */
  adjacent: boolean;
  sentenceStart: boolean;
  afterQuote: boolean;
  /** The previous word, when only spaces separate them (for rule 6). */
  prevWord: string;
  candidates?: readonly NameCandidate[];
}

interface TextState {
  tokens: Token[];
  /** People whose surname this text also uses as a lower-case word (rule 6). */
  lowercaseSurnames: Set<number>;
}

function fold(raw: string): string {
  const lower = raw.toLowerCase();
  return /[ё\u00ad\u0300\u0301\u0308\u2010\u2011]/.test(lower) ? normaliseName(lower) : lower;
}

function tokenise(text: string, index: NameIndex): TextState {
  const tokens: Token[] = [];
  const lowercaseSurnames = new Set<number>();
  let seq = 0;
  let prevEnd = -1;
  let prevStart = -1;

  const push = (start: number, raw: string, norm: string) => {
    const first = raw.charAt(0);
    const isUpper = first !== first.toLowerCase();
    const candidates = index.spellings.get(norm);
    let end = start + raw.length;
    const thisSeq = seq++;
    const before = { start: prevStart, end: prevEnd };
    prevStart = start;
    if (!isUpper) {
      prevEnd = end;
      if (candidates) for (const c of candidates) if (c.part === 'last' || c.part === 'last-part') lowercaseSurnames.add(c.person);
      return;
    }
    const initial = raw.length === 1 && text.charCodeAt(end) === 46; // «Н.»
    if (initial) end += 1;
    prevEnd = end;

    let newlines = 0;
    let onlySpaces = true;
    let sentenceStart = before.end < 0;
    let lastVisible = '';
    for (let k = Math.max(before.end, 0); k < start; k++) {
      const code = text.charCodeAt(k);
      if (code === 10) {
        newlines++;
        continue;
      }
      if (isSpace(code)) continue;
      const ch = text.charAt(k);
      onlySpaces = false;
      if (SENTENCE_PUNCTUATION.includes(ch)) sentenceStart = true;
      if (newlines > 0 && lastVisible === '' && BLOCK_MARKERS.includes(ch)) sentenceStart = true;
      lastVisible = ch;
    }
    if (newlines > 1) sentenceStart = true;
    const previous = tokens[tokens.length - 1];
    tokens.push({
      start,
      end,
      seq: thisSeq,
      norm,
      allCaps: raw.length > 1 && raw === raw.toUpperCase(),
      initial,
      adjacent: onlySpaces && newlines <= 1 && previous !== undefined && previous.seq === thisSeq - 1,
      sentenceStart,
      afterQuote: lastVisible !== '' && OPENING_QUOTES.includes(lastVisible),
      prevWord: onlySpaces && before.end >= 0 ? fold(text.slice(before.start, before.end)) : '',
      candidates,
    });
  };

  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    const raw = m[0];
    const norm = fold(raw);
    if (norm.includes('-') && !index.spellings.has(norm)) {
      // «Соколова-старшая»: look the pieces up one by one.
      let offset = m.index;
      for (const piece of raw.split(/[-\u2010\u2011]/)) {
        push(offset, piece, fold(piece));
        offset += piece.length + 1;
      }
    } else {
      push(m.index, raw, norm);
    }
  }
  return { tokens, lowercaseSurnames };
}

interface NameMatch {
  from: number;
  to: number;
  severity: 'error' | 'warning';
  kind: string;
  person?: number;
}

const isLast = (part: CandidatePart) => part === 'last' || part === 'last-part';

/** Consecutive initials starting at `i` (at most three): their last index and letters. */
function initialsAt(tokens: Token[], i: number): { to: number; letters: string[] } {
  const letters: string[] = [];
  let to = i - 1;
  for (let k = i; k < tokens.length && k < i + 3; k++) {
    const t = tokens[k]!;
    if (!t.initial || (k > i && !t.adjacent)) break;
    letters.push(t.norm.toUpperCase());
    to = k;
  }
  return { to, letters };
}

function initialsFit(person: IndexedPerson, letters: string[]): boolean {
  if (letters.length === 0 || letters.length > 2 || letters[0] !== person.firstInitial) return false;
  return letters.length === 1 || person.middleInitial === undefined || letters[1] === person.middleInitial;
}

/** Rule 6: may this capitalised token be the surname alone? */
function surnameAloneCounts(token: Token, part: CandidatePart, person: number, index: NameIndex, state: TextState): boolean {
  if (part === 'last-part') return false;
  const wordLike = index.people[person]!.surnameIsWord || state.lowercaseSurnames.has(person);
  if (!wordLike) return true;
  return !token.allCaps && !token.sentenceStart && !token.afterQuote && !NOT_A_PERSON_BEFORE.test(token.prevWord);
}

/** The longest reading of the tokens from `i` as this candidate's name (rules 2–6). */
function registryMatch(state: TextState, i: number, candidate: NameCandidate, index: NameIndex): NameMatch | null {
  const { tokens } = state;
  const person = candidate.person;
  if (candidate.part === 'middle') return null;
  let hasFirst = candidate.part === 'first';
  let hasLast = isLast(candidate.part);
  let hasMiddle = false;
  let prev: CandidatePart = candidate.part;
  let j = i;
  // Extend along the orders people write: F M L, F L, F M, L F M, L F.
  while (j + 1 < tokens.length && tokens[j + 1]!.adjacent && !tokens[j + 1]!.initial) {
    let taken: CandidatePart | undefined;
    for (const c of tokens[j + 1]!.candidates ?? []) {
      if (c.person !== person) continue;
      if (prev === 'first' && c.part === 'middle') taken = c.part;
      else if ((prev === 'first' || prev === 'middle') && !hasLast && isLast(c.part)) taken ??= c.part;
      else if (isLast(prev) && !hasFirst && c.part === 'first') taken = c.part;
    }
    if (!taken) break;
    if (taken === 'first') hasFirst = true;
    else if (taken === 'middle') hasMiddle = true;
    else hasLast = true;
    prev = taken;
    j++;
    if (isLast(taken)) break;
  }
  if (hasFirst && hasLast) return { from: i, to: j, severity: 'error', kind: 'full-name', person };
  if (hasFirst && hasMiddle) {
    const after = tokens[j + 1];
    const before = tokens[i - 1];
    const otherSurnameAfter = after?.adjacent === true && !after.initial;
    const otherSurnameBefore = before !== undefined && tokens[i]!.adjacent && !before.initial && !before.sentenceStart;
    return otherSurnameAfter || otherSurnameBefore
      ? { from: i, to: otherSurnameAfter ? j + 1 : j, severity: 'warning', kind: 'name-like' }
      : { from: i, to: j, severity: 'error', kind: 'first-patronymic', person };
  }
  if (!hasLast || hasFirst) return null;
  const next = tokens[i + 1];
  if (next?.adjacent && next.initial) {
    const { to, letters } = initialsAt(tokens, i + 1);
    return initialsFit(index.people[person]!, letters)
      ? { from: i, to, severity: 'error', kind: 'initials', person }
      : { from: i, to, severity: 'warning', kind: 'name-like' };
  }
  return surnameAloneCounts(tokens[i]!, candidate.part, person, index, state)
    ? { from: i, to: i, severity: 'error', kind: 'surname', person }
    : null;
}

/** «Н. В. Соколова»: initials first, then a registry surname or a surname-like word (rules 4, 7). */
function initialsFirstMatches(state: TextState, i: number, index: NameIndex): NameMatch[] {
  const { tokens } = state;
  const { to, letters } = initialsAt(tokens, i);
  const word = tokens[to + 1];
  if (!word || !word.adjacent || word.initial) return [];
  const surnames = (word.candidates ?? []).filter((c) => isLast(c.part));
  const fitting = surnames.filter((c) => initialsFit(index.people[c.person]!, letters));
  if (fitting.length > 0) return fitting.map((c) => ({ from: i, to: to + 1, severity: 'error', kind: 'initials', person: c.person }));
  if (surnames.length > 0 || letters.length >= 2 || SURNAME_SUFFIX.test(word.norm)) {
    return [{ from: i, to: to + 1, severity: 'warning', kind: 'name-like' }];
  }
  return [];
}

/** Rule 7 for a capitalised word that is no registry name here. */
function nameLikeMatch(state: TextState, i: number): NameMatch | null {
  const { tokens } = state;
  const next = tokens[i + 1];
  if (!next?.adjacent) return null;
  if (!next.initial && PATRONYMIC.test(next.norm)) {
    const surname = tokens[i + 2];
    const to = surname?.adjacent && !surname.initial ? i + 2 : i + 1;
    return { from: i, to, severity: 'warning', kind: 'name-like' };
  }
  if (next.initial) {
    const { to, letters } = initialsAt(tokens, i + 1);
    // «Выступила А. П. Соколова»: initials with a word after them belong to that word.
    const initialsLead = tokens[to + 1]?.adjacent === true;
    if (!initialsLead && (letters.length >= 2 || SURNAME_SUFFIX.test(tokens[i]!.norm))) {
      return { from: i, to, severity: 'warning', kind: 'name-like' };
    }
  }
  return null;
}

function matchesAt(state: TextState, i: number, index: NameIndex): NameMatch[] {
  const token = state.tokens[i]!;
  if (token.initial) return initialsFirstMatches(state, i, index);
  let best: NameMatch[] = [];
  for (const candidate of token.candidates ?? []) {
    const match = registryMatch(state, i, candidate, index);
    if (!match) continue;
    const current = best[0];
    const better =
      !current || match.to > current.to || (match.to === current.to && match.severity === 'error' && current.severity === 'warning');
    if (better) best = [match];
    else if (match.to === current.to && match.severity === current.severity && match.person !== undefined) {
      if (!best.some((b) => b.person === match.person)) best.push(match);
    }
  }
  if (best.length > 0) return best[0]!.severity === 'warning' ? [best[0]!] : best;
  const nameLike = nameLikeMatch(state, i);
  return nameLike ? [nameLike] : [];
}

function maskName(text: string): string {
  return text.replace(/\p{L}[\p{L}\p{M}\u00ad\-\u2010\u2011]+/gu, (word) => `${word.charAt(0)}…`);
}

function scanNames(text: string, index: NameIndex, allowPersons: ReadonlySet<string> | undefined, out: PiiFinding[]): void {
  const state = tokenise(text, index);
  const { tokens } = state;
  for (let i = 0; i < tokens.length;) {
    const matches = matchesAt(state, i, index);
    if (matches.length === 0) {
      i++;
      continue;
    }
    const { from, to } = matches[0]!;
    const start = tokens[from]!.start;
    const length = tokens[to]!.end - start;
    for (const m of matches) {
      const personId = m.person === undefined ? undefined : index.people[m.person]!.id;
      if (personId !== undefined && allowPersons?.has(personId)) continue;
      out.push({
        rule: 'pii-name',
        severity: m.severity,
        ...(personId === undefined ? {} : { personId }),
        kind: m.kind,
        index: start,
        length,
        excerpt: maskName(text.slice(start, start + length)),
      });
    }
    i = to + 1;
  }
}

// ——— contacts ———

/** Dashes and minus signs people put between digits. */
const DASHES = '\\u2010-\\u2015\\u2212-';
/** The «@» of an address written around a spam filter, without the spaces around it (a leading \s* is slow). */
const AT_WORD = /[([{<]\s*(?:at|собака)\s*[)\]}>]|(?<=\s)(?:at|собака)(?=\s)|(?<=\s)@|@(?=\s)/giu;
const DOT_WORD = String.raw`\s*[([{<]\s*(?:dot|точка)\s*[)\]}>]\s*|\s+(?:dot|точка)\s+|\.`;
const OBFUSCATED_DOMAIN = new RegExp(
  String.raw`[\p{L}\p{N}-]+(?:(?:${DOT_WORD})[\p{L}\p{N}-]+)*(?:${DOT_WORD})\p{L}{2,}(?![\p{L}\p{N}])`,
  'iuy',
);
const ASCII_LOCAL_CHAR = /[A-Za-z0-9._%+-]/;

/** An address as written and as meant: the raw span and the address with «@» and dots restored. */
interface EmailMatch {
  index: number;
  raw: string;
  address: string;
}

function* emails(text: string): Generator<EmailMatch> {
  for (const { from, to } of emailRanges(text)) {
    const raw = text.slice(from, to);
    yield { index: from, raw, address: raw };
  }
}

/**
 * Addresses written around a spam filter: «ivanova (at) mail.ru»,
 * «ivanova [at] mail [dot] ru», «ivanova собака mail.ru», «ivanova @ mail.ru».
 * The local part is Latin, as in real addresses; a bare English «at» counts
 * only with a written-out «dot», so «we met at school.» stays prose.
 */
function* obfuscatedEmails(text: string): Generator<EmailMatch> {
  AT_WORD.lastIndex = 0;
  for (let m = AT_WORD.exec(text); m !== null; m = AT_WORD.exec(text)) {
    let at = m.index;
    let after = m.index + m[0].length;
    while (at > 0 && isSpace(text.charCodeAt(at - 1))) at--;
    while (isSpace(text.charCodeAt(after))) after++;
    let start = at;
    while (start > 0 && ASCII_LOCAL_CHAR.test(text.charAt(start - 1))) start--;
    if (start === at) continue;
    OBFUSCATED_DOMAIN.lastIndex = after;
    const domain = OBFUSCATED_DOMAIN.exec(text);
    if (!domain) continue;
    const dots = domain[0].split(new RegExp(DOT_WORD, 'iu'));
    const bareAt = /^at$/i.test(m[0]);
    if (bareAt && dots.length - 1 === (domain[0].match(/\./g) ?? []).length) continue;
    const end = OBFUSCATED_DOMAIN.lastIndex;
    yield { index: start, raw: text.slice(start, end), address: `${text.slice(start, at)}@${dots.join('.')}` };
    AT_WORD.lastIndex = end;
  }
}

/** +7 or 8, then ten digits with spaces, dashes or brackets between them. */
const PHONE = new RegExp(String.raw`(?<![\p{L}\p{N}+])(?:\+[\s\u00a0]?7|8)(?:[\s\u00a0()${DASHES}]{0,3}\d){10}(?!\p{N})`, 'gu');
/**
 * The dotted writing, 8.921.123.45.67, in its usual groups only: a dot
 * anywhere would read the decimals of SVG path data as phones.
 */
const DOTTED_PHONE = /(?<![\p{L}\p{N}+.-])(?:\+7|8)[.\s\u00a0]?\(?\d{3}\)?[.\s\u00a0]?\d{3}\.\d{2}\.\d{2}(?![\p{N}]|\.\p{N})/gu;
/** A local number after «тел.», «телефон», «факс»: 246-12-34, (812) 246-12-34. */
const PHONE_AFTER_WORD = new RegExp(
  String.raw`(?<!\p{L})(?:тел(?:ефон)?[а-я]*|факс|моб)\.?[\s\u00a0:№]*((?:\(\d{3,5}\)[\s\u00a0]*)?\d{1,3}[\s\u00a0.${DASHES}]?\d{2}[\s\u00a0.${DASHES}]?\d{2})(?![\p{N}${DASHES}])`,
  'giu',
);

function phoneDigits(text: string): string {
  const digits = text.replace(/\D/g, '');
  return digits.length === 11 && digits.startsWith('8') ? `7${digits.slice(1)}` : digits;
}

function maskPhone(text: string): string {
  const total = text.replace(/\D/g, '').length;
  let seen = 0;
  return text.replace(/\d/g, (d) => (++seen === 1 || seen > total - 2 ? d : '•'));
}

function maskEmail(text: string): string {
  const at = text.indexOf('@');
  return `${text.charAt(0)}…${text.slice(at)}`;
}

interface Span {
  index: number;
  length: number;
}

const overlaps = (spans: Span[], index: number, length: number) =>
  spans.some((s) => index < s.index + s.length && s.index < index + length);

function scanContacts(text: string, allowContacts: readonly string[], out: PiiFinding[], taken: Span[]): void {
  const allowed = allowContacts.filter((c) => typeof c === 'string' && c.trim() !== '');
  const allowedEmails = new Set(allowed.filter((c) => c.includes('@')).map((c) => c.trim().toLowerCase()));
  const allowedPhones = allowed.filter((c) => !c.includes('@')).map(phoneDigits);
  const report = (kind: string, index: number, raw: string, excerpt: string) => {
    taken.push({ index, length: raw.length });
    out.push({ rule: 'pii-contact', severity: 'error', kind, index, length: raw.length, excerpt });
  };
  for (const { index, raw, address } of [...emails(text), ...obfuscatedEmails(text)]) {
    if (allowedEmails.has(address.toLowerCase())) taken.push({ index, length: raw.length });
    else report('email', index, raw, maskEmail(address));
  }
  for (const m of [...text.matchAll(PHONE), ...text.matchAll(DOTTED_PHONE)]) {
    const digits = phoneDigits(m[0]);
    if (!'3489'.includes(digits.charAt(1)) || digits.startsWith('800', 1) || overlaps(taken, m.index, m[0].length)) continue;
    if (allowedPhones.includes(digits)) taken.push({ index: m.index, length: m[0].length });
    else report('phone', m.index, m[0], maskPhone(m[0]));
  }
  for (const m of text.matchAll(PHONE_AFTER_WORD)) {
    const raw = m[1]!;
    const index = m.index + m[0].lastIndexOf(raw);
    if (overlaps(taken, index, raw.length)) continue;
    const digits = phoneDigits(raw);
    if (allowedPhones.some((allowed) => allowed.endsWith(digits))) taken.push({ index, length: raw.length });
    else report('phone', index, raw, maskPhone(raw));
  }
}

// ——— identity numbers ———

/** What people put between the groups of a number: spaces, dashes, dots, slashes, underscores. */
const NUMBER_GAP = String.raw`[\s\u00a0._/${DASHES}]`;
/** 3-3-3-2 digits; the first three groups share one separator, so dates and ranges stay out. */
const SNILS = new RegExp(
  String.raw`(?<![\p{N}\-/.])(\d{3})(${NUMBER_GAP}{0,3})(\d{3})\2(\d{3})${NUMBER_GAP}{0,3}(\d{2})(?!\p{N}|[-/.]\p{N})`,
  'gu',
);
const INN = /(?<![\p{N}\-/.])\d{12}(?!\p{N}|[-/.]\p{N})/gu;
/** Twelve digits in groups right after «ИНН»: 5001 0073 2259. */
const INN_AFTER_WORD = new RegExp(String.raw`(?<!\p{L})инн[\s\u00a0:№]*((?:\d${NUMBER_GAP}?){11}\d)(?!\p{N})`, 'giu');
const PASSPORT_AFTER_WORD = new RegExp(
  String.raw`(?<!\p{L})(?:паспорт[а-я]*|сери[яи]|сер\.)[^\p{N}\n]{0,30}?(\d{2}${NUMBER_GAP}?\d{2}${NUMBER_GAP}*(?:(?:№|номер|n)[\s\u00a0]*)?\d{6})(?!\p{N})`,
  'giu',
);
const PASSPORT_SHAPE = /(?<![\p{N}\-/.])\d{2}[\s\u00a0]\d{2}[\s\u00a0]\d{6}(?!\p{N})/gu;

/** СНИЛС control number: weighted sum mod 101, where 100 and 101 give 00. */
export function isValidSnils(digits: string): boolean {
  if (!/^\d{11}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (9 - i);
  const control = sum % 101 === 100 ? 0 : sum % 101;
  return control === Number(digits.slice(9));
}

/** ИНН of a person (12 digits): two control digits with the Federal Tax Service weights. */
export function isValidPersonalInn(digits: string): boolean {
  if (!/^\d{12}$/.test(digits)) return false;
  const control = (weights: number[]) => (weights.reduce((sum, w, i) => sum + w * Number(digits[i]), 0) % 11) % 10;
  return (
    control([7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) === Number(digits[10]) && control([3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) === Number(digits[11])
  );
}

const mentions = (text: string, index: number, word: RegExp) => word.test(text.slice(Math.max(0, index - 40), index));

function scanIdNumbers(text: string, out: PiiFinding[], taken: Span[]): void {
  const report = (kind: string, severity: PiiFinding['severity'], index: number, raw: string) => {
    if (overlaps(taken, index, raw.length)) return;
    taken.push({ index, length: raw.length });
    out.push({ rule: 'pii-id-number', severity, kind, index, length: raw.length, excerpt: raw.replace(/\d/g, '•') });
  };
  for (const m of text.matchAll(PASSPORT_AFTER_WORD)) report('passport', 'error', m.index + m[0].lastIndexOf(m[1]!), m[1]!);
  for (const m of text.matchAll(SNILS)) {
    const digits = m[0].replace(/\D/g, '');
    const named = mentions(text, m.index, /снилс|страхов/i);
    if (isValidSnils(digits) && (m[2] !== '' || named)) report('snils', 'error', m.index, m[0]);
    else if (named) report('snils', 'warning', m.index, m[0]);
  }
  for (const m of text.matchAll(INN_AFTER_WORD)) {
    const index = m.index + m[0].lastIndexOf(m[1]!);
    report('inn', isValidPersonalInn(m[1]!.replace(/\D/g, '')) ? 'error' : 'warning', index, m[1]!);
  }
  for (const m of text.matchAll(INN)) {
    if (isValidPersonalInn(m[0])) report('inn', 'error', m.index, m[0]);
    else if (mentions(text, m.index, /инн/i)) report('inn', 'warning', m.index, m[0]);
  }
  for (const m of text.matchAll(PASSPORT_SHAPE)) report('passport', 'warning', m.index, m[0]);
}

/**
 * Every piece of personal data in `text`, in order of position. The text is
 * read as the reader sees it (normalise-text.ts); positions refer to the
 * original text, excerpts to what the reader sees.
 */
export function scanText(text: string, index: NameIndex, options: ScanOptions = {}): PiiFinding[] {
  const view = normaliseText(text);
  const findings: PiiFinding[] = [];
  scanNames(view.text, index, options.allowPersons, findings);
  if (/[\d@]|at|собака/i.test(view.text)) {
    const taken: Span[] = [];
    const allowContacts = (options.allowContacts ?? []).filter((c) => typeof c === 'string').map((c) => normaliseText(c).text);
    scanContacts(view.text, allowContacts, findings, taken);
    scanIdNumbers(view.text, findings, taken);
  }
  return findings.map((f) => ({ ...f, ...view.toOriginal(f.index, f.length) })).sort((a, b) => a.index - b.index);
}
