/**
 * Text as a form service exports it is messy: «Ё» or «Е», double spaces,
 * non-breaking spaces, a capital letter or not, «Иванова  мария петровна».
 * Every comparison the import makes (headers, answers, names) goes through
 * these functions, so «Фёдоров Денис» in a survey finds «Федоров Денис» in
 * the registry.
 */

/** Lower case, «ё» → «е», one plain space between words, trimmed. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\u00a0\u2007\u202f\t\r\n]+/g, ' ')
    .replace(/[«»"“”„]/g, '"')
    .replace(/[‐-―−]/g, '-')
    .replace(/ {2,}/g, ' ')
    .trim();
}

export interface FullName {
  last: string;
  first: string;
  middle?: string;
}

const NAME_WORD = /^[А-ЯЁа-яё]+(?:-[А-ЯЁа-яё]+)*$/;

/** «иванова-петрова» → «Иванова-Петрова». */
function capitalise(word: string): string {
  return word
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase())
    .join('-');
}

/**
 * «Иванова Мария Петровна» → {last, first, middle}. The form's usual order is
 * «Фамилия Имя Отчество»; a name of two words has no patronymic. Anything else
 * (initials, Latin letters, one word, five words) is not a name we can file.
 */
export function parseFullName(text: string): FullName | undefined {
  const words = text
    .replace(/[\u00a0\s]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  if (words.length < 2 || words.length > 4 || !words.every((w) => NAME_WORD.test(w))) return undefined;
  const [last, first, ...rest] = words.map(capitalise);
  return rest.length ? { last: last!, first: first!, middle: rest.join(' ') } : { last: last!, first: first! };
}

/** Separate columns «Фамилия», «Имя», «Отчество» → a name, if the parts are names. */
export function nameFromParts(last: string, first: string, middle?: string): FullName | undefined {
  const parts = [last, first, middle ?? ''].map((p) => p.replace(/[\u00a0\s]+/g, ' ').trim());
  if (!parts[0] || !parts[1]) return undefined;
  if (!parts.every((p) => p === '' || p.split(' ').every((w) => NAME_WORD.test(w)))) return undefined;
  const [l, f, m] = parts.map((p) => p.split(' ').map(capitalise).join(' '));
  return m ? { last: l!, first: f!, middle: m } : { last: l!, first: f! };
}

/** The key two spellings of one person share: «федоров денис алексеевич». */
export function nameKey(name: { last: string; first: string; middle?: string | undefined }): string {
  return normaliseText([name.last, name.first, name.middle ?? ''].join(' '));
}

/** «Фёдоров Денис Алексеевич». */
export function formatName(name: { last: string; first: string; middle?: string | undefined }): string {
  return [name.last, name.first, name.middle].filter(Boolean).join(' ');
}
