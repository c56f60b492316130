/**
 * Reading one answer cell: a checklist of choices, a date, a number of years,
 * a yes or a no. Each reader returns what it understood and what it did not,
 * so the import can file the first and report the second.
 */
import { normaliseText } from './person-names.ts';
import type { ColumnField, ValueMap } from './mapping.ts';
import { isRealIsoDate } from '../../lib/dates.ts';

const LETTER = /[\p{L}\p{N}]/u;

export interface Choices {
  ids: string[];
  /** Pieces of the answer no dictionary entry matched. */
  unknown: string[];
}

/**
 * The ids named in a multiple-choice answer. Forms join ticked options with
 * «, » or «; », but an option may itself contain a comma, so known phrases are
 * found first (longest first, at word boundaries) and only the remainder is
 * split; what is left of it is unknown. «Другое: …» is an unknown piece too.
 */
export function matchChoices(cell: string, dictionary: ValueMap): Choices {
  const original = cell.replace(/\r\n?/g, '\n');
  // Same length as the original, so unknown pieces are reported as written.
  let text = sameLengthNormalise(original);
  const found: { at: number; ids: string[] }[] = [];
  const phrases = [...dictionary.keys()].sort((a, b) => b.length - a.length || a.localeCompare(b));
  for (const phrase of phrases) {
    for (let at = text.indexOf(phrase); at !== -1; at = text.indexOf(phrase, at + 1)) {
      const before = at === 0 ? '' : text[at - 1]!;
      const after = text[at + phrase.length] ?? '';
      if (LETTER.test(before) || LETTER.test(after)) continue;
      found.push({ at, ids: dictionary.get(phrase)! });
      text = `${text.slice(0, at)}${'\u0000'.repeat(phrase.length)}${text.slice(at + phrase.length)}`;
    }
  }
  const ids: string[] = [];
  for (const f of found.sort((a, b) => a.at - b.at)) for (const id of f.ids) if (!ids.includes(id)) ids.push(id);
  const unknown: string[] = [];
  const pieces = /[^\u0000,;\n]+/g;
  for (let m = pieces.exec(text); m; m = pieces.exec(text)) {
    const piece = original
      .slice(m.index, m.index + m[0].length)
      .replace(/^[\s.:\-–—()"«»]+|[\s.:\-–—()"«»]+$/g, '')
      .replace(/^(другое|иное)\s*:\s*/i, '');
    if (piece !== '' && !/^(другое|иное)$/i.test(piece)) unknown.push(piece);
  }
  return { ids, unknown };
}

/** Lower case, ё → е, unified quotes, dashes and spaces — one character for one, so positions still point into the original. */
function sameLengthNormalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\u00a0\u2007\u202f\t]/g, ' ')
    .replace(/[«»"“”„]/g, '"')
    .replace(/[‐-―−]/g, '-');
}

/** One choice: exactly one id, else undefined (with the answer as unknown). */
export function matchOne(cell: string, dictionary: ValueMap): { id?: string; unknown?: string } {
  const exact = dictionary.get(normaliseText(cell));
  if (exact?.length === 1) return { id: exact[0]! };
  const { ids, unknown } = matchChoices(cell, dictionary);
  if (ids.length === 1 && unknown.length === 0) return { id: ids[0]! };
  return { unknown: cell };
}

/** A date as forms export it: `2025-09-12`, `12.09.2025`, `12.09.25`, with or without a time. */
export function parseDate(cell: string): string | undefined {
  return parseDateTime(cell)?.slice(0, 10);
}

/**
 * A date with its time when the cell has one: `2027-04-20T10:01` (minutes;
 * seconds dropped, since Excel drops them when it saves a CSV again), or
 * `2027-04-20`. Strings of this shape sort in time order.
 */
export function parseDateTime(cell: string): string | undefined {
  const text = cell.trim();
  let iso: string | undefined;
  let time: string | undefined;
  const isoMatch = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?/.exec(text);
  const ruMatch = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})(?:\s*г\.?)?(?:,?\s+(\d{1,2}):(\d{2})(?::\d{2})?)?$/.exec(text);
  const m = isoMatch ?? ruMatch;
  if (isoMatch) iso = `${isoMatch[1]}-${isoMatch[2]}-${isoMatch[3]}`;
  else if (ruMatch) {
    const year = ruMatch[3]!.length === 2 ? `20${ruMatch[3]}` : ruMatch[3]!;
    iso = `${year}-${ruMatch[2]!.padStart(2, '0')}-${ruMatch[1]!.padStart(2, '0')}`;
  }
  if (m?.[4] !== undefined && Number(m[4]) < 24 && Number(m[5]) < 60) time = `${m[4].padStart(2, '0')}:${m[5]}`;
  if (!iso || !isRealIsoDate(iso)) return undefined;
  return time ? `${iso}T${time}` : iso;
}

/** Answers that say «no answer»: they count as an empty cell, not as a value nobody understood. */
const ABSTENTIONS = new Set([
  'затрудняюсь ответить',
  'затрудняюсь',
  'не знаю',
  'нет ответа',
  'без ответа',
  'не могу ответить',
  '-',
  '—',
  '–',
]);

/** True for «Затрудняюсь ответить» and the like. */
export function isAbstention(cell: string): boolean {
  return ABSTENTIONS.has(normaliseText(cell).replace(/[.!]+$/, ''));
}

/**
 * One row read by field: the text of the field's column, empty where the
 * export has no such column or the person abstained («Затрудняюсь ответить»).
 */
export function fieldCell(col: (f: ColumnField) => number | undefined, cells: readonly string[]) {
  return (f: ColumnField): string => {
    const c = col(f);
    const text = c === undefined ? '' : (cells[c] ?? '');
    return isAbstention(text) ? '' : text;
  };
}

/** The one whole number in an answer («2», «не более 3 человек»); two numbers or none is not an answer. */
export function parseCount(cell: string): number | undefined {
  const numbers = cell.match(/\d+/g);
  return numbers?.length === 1 ? Number(numbers[0]) : undefined;
}

/**
 * The year teaching began, from a stated experience: «5», «5 лет», «1,5 года»,
 * «менее года», or a year itself («с 2003 года»).
 */
export function parseTeachingSince(cell: string, currentYear: number): number | undefined {
  const text = normaliseText(cell);
  if (/^(менее|меньше) (года|1 года|одного года)$|^нет$|^0$/.test(text)) return currentYear;
  const numbers = text.match(/\d+(?:[.,]\d+)?/g);
  if (numbers?.length !== 1) return undefined;
  const value = Number(numbers[0]!.replace(',', '.'));
  if (Number.isInteger(value) && value >= 1960 && value <= currentYear) return value;
  if (value >= 0 && value <= 60) return currentYear - Math.floor(value);
  return undefined;
}

/** «да» / «нет» and their synonyms, through the yes/no dictionary. */
export function parseYesNo(cell: string, dictionary: ValueMap): boolean | undefined {
  const id = matchOne(cell, dictionary).id;
  return id === 'yes' ? true : id === 'no' ? false : undefined;
}

/** A score of a 1–10 scale: «8», «8 — хорошо»; anything else is not a score. */
export function parseScore(cell: string): number | undefined {
  const m = /^\s*(\d{1,2})(?:\s*(?:[-–—:.,]|из 10|баллов?|балла)\s*.*)?$/.exec(cell);
  const n = m ? Number(m[1]) : NaN;
  return Number.isInteger(n) && n >= 1 && n <= 10 ? n : undefined;
}

/** An e-mail address as the registry accepts it. */
export function parseEmail(cell: string): string | undefined {
  const text = cell.trim().toLowerCase();
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text) ? text : undefined;
}
