/**
 * How many were found, in Russian with the verb and noun agreeing with the
 * number: «Найдена 21 практика», «Найдено 3 практики», «Найден 1 результат».
 * Pagefind's stock Russian strings have one plural form for all of these.
 */
import { forms, search } from '../../i18n/ru.ts';
import { plural, pluralForm, type Forms } from '../plural.ts';

function found(n: number, verb: Forms, noun: Forms): string {
  const text = `${pluralForm(n, verb)} ${plural(n, noun)}`;
  return text[0]!.toUpperCase() + text.slice(1);
}

/** «Найдено 5 практик». */
export const foundPractices = (n: number) => found(n, search.foundPractices, forms.practice);

/** «Найдено 12 результатов». */
export const foundResults = (n: number) => found(n, search.foundResults, search.result);
