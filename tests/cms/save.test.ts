/**
 * The save hook: an entry the build would reject is refused with the
 * validator's Russian message; a new valid entry gets its transliterated
 * file name; an edited entry keeps its file.
 */
import { describe, expect, it } from 'vitest';
import { EntryRejected } from '../../cms/check-entry.ts';
import { FILE_NAME_KEY } from '../../cms/config.ts';
import { preSave } from '../../cms/save.ts';

/** The slice of Decap's Immutable entry the hook touches. */
function entry(collection: string, data: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const dataMap = (d: Record<string, unknown>) => ({
    toJS: () => d,
    set: (key: string, value: unknown) => dataMap({ ...d, [key]: value }),
  });
  const fields: Record<string, unknown> = { collection, data: dataMap(data), newRecord: true, ...extra };
  return { entry: { get: (key: string) => fields[key] } };
}

const document = { title: 'Приказ о наставничестве', kind: 'order', level: 'school', date: '2026-09-01' };

describe('preSave', () => {
  it('refuses a document with neither a file nor a link, saying why in Russian', () => {
    let error: unknown;
    try {
      preSave(entry('documents', document));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EntryRejected);
    expect(String(error)).toContain('Сайт с такой записью не соберётся');
    expect(String(error)).toContain('поле «Файл» — укажите файл или ссылку на официальный источник');
    expect(String(error)).not.toMatch(/^Error/);
  });

  it('refuses an event that ends before it starts', () => {
    const event = {
      title: 'Семинар',
      kind: 'seminar',
      start: '2026-11-20T15:00',
      end: '2026-11-20T13:00',
      place: 'каб. 12',
      stage: 4,
      summary: 'Кратко',
    };
    expect(() => preSave(entry('events', event))).toThrow(/поле «Окончание» — окончание раньше начала/);
  });

  it('names a new entry by its transliterated title and checks it with the cleared fields removed', () => {
    const result = preSave(entry('documents', { ...document, source: 'https://docs.example/prikaz', number: '', summary: '' }));
    expect(result?.toJS()).toMatchObject({ [FILE_NAME_KEY]: 'prikaz-o-nastavnichestve' });
  });

  it('leaves an edited entry where it is', () => {
    expect(
      preSave(entry('documents', { ...document, source: 'https://docs.example/x' }, { newRecord: false, path: 'content/documents/x.md' })),
    ).toBeUndefined();
  });

  it('checks a settings file by its own schema', () => {
    expect(() => preSave(entry('settings', { schoolName: 'Лицей' }, { slug: 'site', newRecord: false }))).toThrow(/Краткое название/);
  });
});
