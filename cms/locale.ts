/**
 * The CMS interface in Russian: Decap's own Russian phrases, completed with
 * the ones it lacks (newer features) and reworded where school staff would
 * stumble (src/i18n/ru.ts `decapRu`).
 */
import { decapRu } from '../src/i18n/ru.ts';

type Phrases = { [key: string]: string | Phrases };

/** `base` with every phrase of `patch` added or replaced, recursively; neither is changed. */
export function mergePhrases(base: Phrases, patch: Phrases): Phrases {
  const out: Phrases = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    const current = out[key];
    out[key] = typeof value === 'object' && typeof current === 'object' ? mergePhrases(current, value) : value;
  }
  return out;
}

/** Decap's Russian locale with the project's additions. */
export function russianPhrases(decapRussian: Phrases): Phrases {
  return mergePhrases(decapRussian, decapRu as unknown as Phrases);
}

/** Dotted keys of every phrase, to compare locales. */
export function phraseKeys(phrases: Phrases, prefix = ''): string[] {
  return Object.entries(phrases).flatMap(([key, value]) =>
    typeof value === 'object' ? phraseKeys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}
