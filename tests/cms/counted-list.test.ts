/** Decap's list widget counts its items with a noun that agrees with the number, not with the field's label. */
import { describe, expect, it } from 'vitest';
import { countedField } from '../../cms/counted-list.ts';

/** The slice of Decap's Immutable field the wrapper touches. */
function field(values: Record<string, string>) {
  return { values, set: (key: string, value: string) => field({ ...values, [key]: value }) };
}

const values = (f: unknown) => (f as { values: Record<string, string> }).values;

describe('countedField', () => {
  it.each([
    [0, 'элементов'],
    [1, 'элемент'],
    [3, 'элемента'],
    [5, 'элементов'],
    [11, 'элементов'],
    [21, 'элемент'],
    [22, 'элемента'],
  ])('%i items are headed «%i %s»', (count, noun) => {
    expect(values(countedField(field({ label: 'Метки', label_singular: 'метка' }), count)).label).toBe(noun);
  });

  it('adds «элемент», never the field label in the nominative («Добавить метка»)', () => {
    expect(values(countedField(field({ label: 'Метки', label_singular: 'метка' }), 2)).label_singular).toBe('элемент');
  });
});
