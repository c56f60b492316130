/**
 * What of a typed query goes to the index. Russian prepositions,
 * conjunctions and particles («в», «к», «для», «и»…) occur on every page:
 * they narrow nothing, and each would make the browser download the largest
 * part of the index. They are dropped unless nothing else is left.
 */

const STOP_WORDS = new Set([
  'а',
  'без',
  'бы',
  'в',
  'во',
  'да',
  'для',
  'до',
  'же',
  'за',
  'и',
  'из',
  'или',
  'к',
  'ко',
  'ли',
  'на',
  'над',
  'о',
  'об',
  'обо',
  'от',
  'по',
  'под',
  'при',
  'про',
  'с',
  'со',
  'у',
  'как',
  'что',
  'чтобы',
]);

/** The query without stop words, or the query as typed when it has nothing but them. */
export function indexQuery(q: string): string {
  const words = q.trim().split(/\s+/).filter(Boolean);
  const kept = words.filter((w) => !STOP_WORDS.has(w.toLowerCase().replace(/ё/g, 'е')));
  return (kept.length ? kept : words).join(' ');
}
