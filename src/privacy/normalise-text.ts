/**
 * Text as the reader sees it, for the personal-data scan (pii-scan.ts).
 *
 * A name can be typed so that the page shows it but the letters differ:
 * Latin or Greek look-alikes in a Cyrillic word («Гарипoвa»), invisible
 * characters (zero-width spaces and joiners, soft hyphens, BOM, bidi marks),
 * HTML entities («Гар&#1080;пова», «&shy;»), stress marks («Гари́пова»),
 * fullwidth or mathematical letters and digits, emphasis or inline tags
 * inside a word («Гари**пова**», «Гари<b>пова</b>»). Browsers, Markdown and
 * typography (typograf's `ru/typo/switchingKeyboardLayout` turns Latin
 * look-alikes before Cyrillic letters into Cyrillic) undo them on the page,
 * so the scan undoes them first, in three passes:
 *
 * 1. Characters: HTML entities decoded; format characters (Unicode Cf)
 *    removed; every other letter, digit and mark outside ASCII and the
 *    Russian alphabet brought to its compatibility form (NFKD) without
 *    combining marks, except the breve of «й» and the diaeresis of «ё».
 *    Punctuation, spaces and symbols stay as they are («№», NBSP, «…»).
 * 2. Markup: inline HTML tags (b, i, span, a, …) and comments removed, and
 *    runs of Markdown emphasis markers (* _ ~) and code backticks removed
 *    where they touch a letter or digit. What a removed tag carries
 *    (attributes: title, href) is not lost: it is appended after the text,
 *    behind a separator no name or number can cross.
 * 3. Look-alikes: Latin and Greek letters that look Cyrillic become
 *    Cyrillic, and 0, 3, 4, 6 between Cyrillic letters become о, з, ч, б, in
 *    - a word whose letters are at least half Cyrillic, anywhere;
 *    - a word of other look-alike letters only (or with fewer Cyrillic
 *      ones), or a single capital initial («A.»), when Russian dominates the
 *      40 characters around it — but never inside a web address, an e-mail
 *      address or code, and never an all-Latin word shorter than four
 *      letters («TOP», «OOO», «KOX» stay Latin; the cost is that a surname
 *      of three look-alike letters typed in Latin is not read).
 *    So «Mopo» in an English sentence, formulas (H2O, CaCO3: letters next
 *    to digits are not words here) and addresses stay as written.
 *
 * Positions. The scan reports positions in the normalised text;
 * `toOriginal` maps a span back to the span of the original text that
 * produced it (purge.ts rewrites exactly that span of the file). Markup
 * removed inside a span or at its edges is inside the mapped span, so a
 * rewrite leaves no orphan marker or closing tag.
 */
import { decodeHTML } from 'entities';

export interface NormalisedText {
  /** What the reader sees, plus the text of removed tags after a separator. */
  readonly text: string;
  /** The span of the original text that produced `[index, index + length)` of `text`. */
  toOriginal(index: number, length: number): { index: number; length: number };
}

/**
 * One pass's offsets: normalised stretches in order, each either copied
 * (`copied`: position for position) or produced by a replacement of the
 * original span [from, to). Text deleted between two stretches of the main
 * text shows as a gap between their original spans; the stretches from
 * `tail` on are the appended tags.
 */
interface OffsetMap {
  starts: number[];
  from: number[];
  to: number[];
  copied: boolean[];
  tail: number;
  /** Lengths of the normalised and the original text. */
  length: number;
  sourceLength: number;
}

interface Edit {
  from: number;
  to: number;
  insert: string;
}

/** Applies sorted, non-overlapping edits; `tail` original spans are appended after the separator. */
function rewrite(text: string, edits: readonly Edit[], tail: readonly Edit[] = []): { text: string; map: OffsetMap } {
  const out: string[] = [];
  const map: OffsetMap = { starts: [], from: [], to: [], copied: [], tail: 0, length: 0, sourceLength: text.length };
  const push = (piece: string, from: number, to: number, copied: boolean) => {
    if (piece === '') return;
    map.starts.push(map.length);
    map.from.push(from);
    map.to.push(to);
    map.copied.push(copied);
    out.push(piece);
    map.length += piece.length;
  };
  let at = 0;
  for (const e of edits) {
    push(text.slice(at, e.from), at, e.from, true);
    push(e.insert, e.from, e.to, false);
    at = e.to;
  }
  push(text.slice(at), at, text.length, true);
  map.tail = map.starts.length;
  if (tail.length > 0) {
    push(TAIL_SEPARATOR, text.length, text.length, false);
    for (const t of tail) {
      push(t.insert, t.from, t.to, true);
      push(' ', t.to, t.to, false);
    }
  }
  return { text: out.join(''), map };
}

/** Neither a space nor a letter, digit or punctuation that a pattern of pii-scan.ts can cross. */
const TAIL_SEPARATOR = '\n\u0000\n';

function segmentAt(map: OffsetMap, pos: number): number {
  let lo = 0;
  let hi = map.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (map.starts[mid]! <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The original span of [start, end). Deleted markup at an edge of the main
 * text's span joins it («**Гари**пова**» whole, «<b>Веру</b>» whole), so
 * that rewriting the span leaves no orphan marker or closing tag.
 */
function mapSpan(map: OffsetMap, start: number, end: number): [number, number] {
  if (map.starts.length === 0) return [start, end];
  const a = segmentAt(map, start);
  let from = map.copied[a] ? map.from[a]! + (start - map.starts[a]!) : map.from[a]!;
  if (end <= start) return [from, from];
  const b = segmentAt(map, end - 1);
  let to = map.copied[b] ? map.from[b]! + (end - map.starts[b]!) : map.to[b]!;
  if (b < map.tail) {
    if (start === map.starts[a] && a > 0) from = Math.min(from, map.to[a - 1]!);
    const segmentEnd = b + 1 < map.starts.length ? map.starts[b + 1]! : map.length;
    if (end === segmentEnd) to = Math.max(to, b + 1 < map.tail ? map.from[b + 1]! : map.sourceLength);
  }
  return to >= from ? [from, to] : [to, from];
}

// ——— pass 1: characters ———

/** Where pass 1 may have work: «&» or a character outside ASCII, the Russian alphabet and common typography. */
const CANDIDATE = /[^\x00-\x25\x27-\x7F\u0401\u0410-\u044F\u0451\u00A0\u00AB\u00BB\u2013\u2014\u2018\u2019\u201C-\u201E\u2026\u2116]/g;
/**
 * At a candidate: an entity; a letter or digit with combining marks; lone
 * marks; any letter, digit or format character outside ASCII and the
 * Russian alphabet; fullwidth punctuation (＠ － ．).
 */
const CHARACTER =
  /&(?:#\d{1,7};?|#[xX][\da-fA-F]{1,6};?|[A-Za-z][A-Za-z\d]{1,31};?)|[\p{L}\p{N}]\p{M}+|\p{M}+|[^\x00-\x7F\u0410-\u044F\u0401\u0451\p{Z}\p{P}\p{S}\p{Cc}]|[\uFF01-\uFF5E]/uy;
const FORMAT = /\p{Cf}/u;
const MARK = /\p{M}/u;
const BASE = /[\p{L}\p{N}]/u;

/** NFKD without combining marks, except those that make «й» and «ё»; format characters dropped. */
function plainCharacters(text: string): string {
  let out = '';
  for (const c of text.normalize('NFKD')) {
    if (FORMAT.test(c)) continue;
    if (!MARK.test(c) || (c === '\u0306' && /[иИ]$/.test(out)) || (c === '\u0308' && /[еЕ]$/.test(out))) out += c;
  }
  return out.normalize('NFC');
}

/** Finds candidates with one plain character class, then reads each with CHARACTER (property classes are slow). */
function characterEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  let done = 0;
  CANDIDATE.lastIndex = 0;
  for (let c = CANDIDATE.exec(text); c !== null; c = CANDIDATE.exec(text)) {
    // A combining mark belongs to the letter before it.
    const start = c.index > done && MARK.test(text.charAt(c.index)) && BASE.test(text.charAt(c.index - 1)) ? c.index - 1 : c.index;
    if (start < done) continue;
    CHARACTER.lastIndex = start;
    const m = CHARACTER.exec(text);
    if (!m) continue;
    const raw = m[0];
    done = start + raw.length;
    CANDIDATE.lastIndex = done;
    const insert = plainCharacters(raw.charCodeAt(0) === 38 ? decodeHTML(raw) : raw);
    if (insert !== raw) edits.push({ from: start, to: done, insert });
  }
  return edits;
}

// ——— protected stretches: web and e-mail addresses, code ———

interface Range {
  from: number;
  to: number;
}

const ADDRESS = /\b(?:(?:https?|ftp):\/\/|mailto:|tel:|www\.)[^\s<>"'`]+/gi;
/** Code: a fenced block or an inline span; the range is what is between the backticks. */
const CODE = /(```)[\s\S]*?```|(`)[^`\n]+`/g;
const EMAIL_LOCAL_CHAR = /[\p{L}\p{N}._%+-]/u;
/** Dot-separated labels, the last with a letter: «mail.ru», not the version in «react@19.1.0». */
const EMAIL_DOMAIN = /[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.[\p{N}-]*\p{L}[\p{L}\p{N}-]*/uy;

/** E-mail addresses, grown outwards from each «@» (a regex would retry the local part at every letter). */
export function emailRanges(text: string): Range[] {
  const ranges: Range[] = [];
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && EMAIL_LOCAL_CHAR.test(text.charAt(start - 1))) start--;
    EMAIL_DOMAIN.lastIndex = at + 1;
    const domain = EMAIL_DOMAIN.exec(text);
    if (start < at && domain) ranges.push({ from: start, to: at + 1 + domain[0].length });
  }
  return ranges;
}

/** Web and e-mail addresses and code, sorted and merged. */
function protectedRanges(text: string): Range[] {
  const ranges = [...emailRanges(text)];
  if (text.includes('`')) {
    for (const m of text.matchAll(CODE)) {
      const fence = (m[1] ?? m[2]!).length;
      ranges.push({ from: m.index + fence, to: m.index + m[0].length - fence });
    }
  }
  if (/[:.]/.test(text)) for (const m of text.matchAll(ADDRESS)) ranges.push({ from: m.index, to: m.index + m[0].length });
  ranges.sort((a, b) => a.from - b.from);
  const merged: Range[] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r.from <= last.to) last.to = Math.max(last.to, r.to);
    else merged.push({ ...r });
  }
  return merged;
}

const within = (ranges: readonly Range[], pos: number) => {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = ranges[mid]!;
    if (pos < r.from) hi = mid - 1;
    else if (pos >= r.to) lo = mid + 1;
    else return true;
  }
  return false;
};

// ——— pass 2: markup ———

const INLINE_TAGS =
  'a|abbr|b|bdi|bdo|big|cite|code|data|del|dfn|em|font|i|ins|kbd|mark|nobr|s|samp|small|span|strike|strong|sub|sup|time|tt|u|var|wbr';
const MARKUP = new RegExp(`<!--[\\s\\S]*?-->|<\\/?(?:${INLINE_TAGS})(?=[\\s/>])[^<>]*>|[*_~]+|\`+`, 'gi');
const WORD_CHAR_PATTERN = /[\p{L}\p{N}]/u;
/** A letter or digit of any script; ASCII and Cyrillic answered without a regex, which runs per character. */
function isWordChar(c: string): boolean {
  const code = c.charCodeAt(0);
  if (code < 0x80) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return (code >= 0x410 && code <= 0x44f) || WORD_CHAR_PATTERN.test(c);
}
/** A tag that carries nothing but its name. */
const BARE_TAG = /^<\/?[a-z]+\s*\/?>$/i;

interface Token extends Range {
  tag: boolean;
}

/**
 * Tags and comments always go (their attributes to the tail); markers go
 * when the run of markup they stand in touches a letter or digit.
 */
function markupEdits(text: string, kept: readonly Range[]): { edits: Edit[]; tail: Edit[] } {
  const edits: Edit[] = [];
  const tail: Edit[] = [];
  let run: Token[] = [];
  const flush = () => {
    if (run.length === 0) return;
    const touches = isWordChar(text.charAt(run[0]!.from - 1)) || isWordChar(text.charAt(run[run.length - 1]!.to));
    for (const t of run) {
      if (!t.tag && !touches) continue;
      edits.push({ from: t.from, to: t.to, insert: '' });
      const raw = text.slice(t.from, t.to);
      if (t.tag && !BARE_TAG.test(raw)) tail.push({ from: t.from, to: t.to, insert: raw });
    }
    run = [];
  };
  MARKUP.lastIndex = 0;
  for (let m = MARKUP.exec(text); m !== null; m = MARKUP.exec(text)) {
    if (within(kept, m.index)) continue;
    if (run.length > 0 && run[run.length - 1]!.to !== m.index) flush();
    run.push({ from: m.index, to: m.index + m[0].length, tag: m[0].charCodeAt(0) === 60 });
  }
  flush();
  return { edits, tail };
}

/** Protected ranges after `edits`; a range an edit touched has moved to the tail and is dropped. */
function shiftRanges(ranges: readonly Range[], edits: readonly Edit[]): Range[] {
  const out: Range[] = [];
  let shift = 0;
  let e = 0;
  for (const r of ranges) {
    while (e < edits.length && edits[e]!.to <= r.from) {
      shift += edits[e]!.insert.length - (edits[e]!.to - edits[e]!.from);
      e++;
    }
    if (e < edits.length && edits[e]!.from < r.to) continue;
    out.push({ from: r.from + shift, to: r.to + shift });
  }
  return out;
}

// ——— pass 3: look-alikes ———

/** Latin and Greek letters (first line) that look like the Cyrillic letters under them. */
const LOOK_ALIKE_FROM = 'ABCEHKMOPTXYaceopxyΑΒΓΕΗΚΜΟΠΡΤΥΦΧακοπρφχ';
const LOOK_ALIKE_TO = 'АВСЕНКМОРТХУасеорхуАВГЕНКМОПРТУФХакопрфх';
const LOOK_ALIKE = new Map([...LOOK_ALIKE_FROM].map((c, i) => [c, LOOK_ALIKE_TO.charAt(i)]));
const LOOK_ALIKE_CAPITALS = [...LOOK_ALIKE_FROM].filter((c) => c !== c.toLowerCase()).join('');
/** Digits that look like letters, between two letters of a word. */
const DIGIT_LOOK_ALIKE: Record<string, [lower: string, upper: string]> = {
  '0': ['о', 'О'],
  '3': ['з', 'З'],
  '4': ['ч', 'Ч'],
  '6': ['б', 'б'],
};
const CYRILLIC = /[\u0400-\u04FF]/;
const LATIN_OR_GREEK = /[A-Za-z\u0370-\u03FF]/;
/** Where a Cyrillic letter meets a Latin or Greek letter or a digit: inside a mixed word. */
const SCRIPT_BORDER = /[\u0400-\u04FF](?=[A-Za-z\u0370-\u03FF\d])|[A-Za-z\u0370-\u03FF\d](?=[\u0400-\u04FF])/g;
/** A run of look-alike letters (a whole word when nothing letter-like is on either side), or a look-alike capital and a period. */
const ALL_LOOK_ALIKE = new RegExp(`[${LOOK_ALIKE_FROM}]{4,}|[${LOOK_ALIKE_CAPITALS}](?=\\.)`, 'g');
const CONTEXT = 40;

const isCyrillic = (code: number) => code >= 0x400 && code <= 0x4ff;
const isLatinOrGreek = (code: number) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code >= 0x370 && code <= 0x3ff);

/** Does Russian dominate the letters around [from, to)? */
function russianAround(text: string, from: number, to: number): boolean {
  let balance = 0;
  const count = (a: number, b: number) => {
    for (let k = Math.max(0, a); k < Math.min(text.length, b); k++) {
      const code = text.charCodeAt(k);
      if (isCyrillic(code)) balance++;
      else if (isLatinOrGreek(code)) balance--;
    }
  };
  count(from - CONTEXT, from);
  count(to, to + CONTEXT);
  return balance > 0;
}

function wordAround(text: string, pos: number): Range {
  let from = pos;
  let to = pos + 1;
  while (from > 0 && isWordChar(text.charAt(from - 1))) from--;
  while (to < text.length && isWordChar(text.charAt(to))) to++;
  return { from, to };
}

/** The word with look-alike letters, and digits between Cyrillic letters, made Cyrillic. */
function foldedWord(word: string): string {
  const chars = [...word].map((c) => LOOK_ALIKE.get(c) ?? c);
  for (let k = 1; k < chars.length - 1; k++) {
    const digit = DIGIT_LOOK_ALIKE[chars[k]!];
    const before = chars[k - 1]!;
    if (!digit || !CYRILLIC.test(before) || !CYRILLIC.test(chars[k + 1]!)) continue;
    chars[k] = before === before.toLowerCase() ? digit[0] : digit[1];
  }
  return chars.join('');
}

/** Should this word be read as Russian (see the header, pass 3)? */
function readsAsRussian(text: string, { from, to }: Range, kept: readonly Range[]): boolean {
  let cyrillic = 0;
  let other = 0;
  let othersLookAlike = true;
  for (let k = from; k < to; k++) {
    const code = text.charCodeAt(k);
    if (isCyrillic(code)) cyrillic++;
    else if (isLatinOrGreek(code)) {
      other++;
      if (!LOOK_ALIKE.has(text.charAt(k))) othersLookAlike = false;
    }
  }
  if (cyrillic > 0 && cyrillic >= other) return true;
  return othersLookAlike && !within(kept, from) && russianAround(text, from, to);
}

function foldLookAlikes(text: string, kept: readonly Range[]): string {
  if (!LATIN_OR_GREEK.test(text) && !/\d/.test(text)) return text;
  const words: Range[] = [];
  SCRIPT_BORDER.lastIndex = 0;
  for (let m = SCRIPT_BORDER.exec(text); m !== null; m = SCRIPT_BORDER.exec(text)) {
    const word = wordAround(text, m.index);
    words.push(word);
    SCRIPT_BORDER.lastIndex = Math.max(SCRIPT_BORDER.lastIndex, word.to);
  }
  ALL_LOOK_ALIKE.lastIndex = 0;
  for (let m = ALL_LOOK_ALIKE.exec(text); m !== null; m = ALL_LOOK_ALIKE.exec(text)) {
    const to = m.index + m[0].length;
    if (!isWordChar(text.charAt(m.index - 1)) && !isWordChar(text.charAt(to))) words.push({ from: m.index, to });
  }
  if (words.length === 0) return text;
  words.sort((a, b) => a.from - b.from);
  let out = '';
  let at = 0;
  for (const word of words) {
    if (word.from < at || !readsAsRussian(text, word, kept)) continue;
    out += text.slice(at, word.from) + foldedWord(text.slice(word.from, word.to));
    at = word.to;
  }
  return at === 0 ? text : out + text.slice(at);
}

// ——— all passes ———

/** Anything pass 1 or 2 could change: non-ASCII outside the Russian alphabet and common typography, «&», «<», markers. */
const MAY_CHANGE = /[&<*_~`]|[^\x00-\x7F\u0410-\u044F\u0401\u0451\u00A0\u00AB\u00BB\u2013\u2014\u2116\u2026\u201C-\u201E\u2018\u2019]/;

export function normaliseText(original: string): NormalisedText {
  const maps: OffsetMap[] = [];
  let text = original;
  if (MAY_CHANGE.test(text)) {
    const characters = characterEdits(text);
    if (characters.length > 0) {
      const pass = rewrite(text, characters);
      text = pass.text;
      maps.push(pass.map);
    }
  }
  let kept = protectedRanges(text);
  if (/[<*_~`]/.test(text)) {
    const { edits, tail } = markupEdits(text, kept);
    if (edits.length > 0) {
      const pass = rewrite(text, edits, tail);
      text = pass.text;
      maps.push(pass.map);
      kept = shiftRanges(kept, edits);
    }
  }
  text = foldLookAlikes(text, kept);
  return {
    text,
    toOriginal(index, length) {
      let span: [number, number] = [index, index + length];
      for (let i = maps.length - 1; i >= 0; i--) span = mapSpan(maps[i]!, span[0], span[1]);
      return { index: span[0], length: span[1] - span[0] };
    },
  };
}
