/**
 * Russian plurals by Intl.PluralRules: «1 практика», «2 практики», «5 практик».
 */
const rules = new Intl.PluralRules('ru-RU');

/** The three Russian forms of a word: one, few, many («практика», «практики», «практик»). */
export type Forms = readonly [one: string, few: string, many: string];

/** The right form of `forms` for `n`. */
export function pluralForm(n: number, forms: Forms): string {
  switch (rules.select(n)) {
    case 'one':
      return forms[0];
    case 'few':
      return forms[1];
    default:
      return Number.isInteger(n) ? forms[2] : forms[1];
  }
}

/** «5 практик». */
export function plural(n: number, forms: Forms): string {
  return `${n}\u00a0${pluralForm(n, forms)}`;
}
