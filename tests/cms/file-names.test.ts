/** Transliterated, stable, collision-free file names for new entries and uploads. */
import { describe, expect, it } from 'vitest';
import { entryFileName, slugifyRu, uploadFileName } from '../../cms/file-names.ts';
import { ID_PATTERN } from '../../src/schema/fields.ts';

describe('slugifyRu', () => {
  it('transliterates Cyrillic the way the demo content is named', () => {
    expect(slugifyRu('Стартовало анкетирование наставляемых')).toBe('startovalo-anketirovanie-nastavlyaemyh');
    expect(slugifyRu('Взаимопосещение уроков: «Лист наблюдения»')).toBe('vzaimoposeshchenie-urokov-list-nablyudeniya');
    expect(slugifyRu('Цифровые инструменты')).toBe('cifrovye-instrumenty');
  });

  it('never keeps quotes, № or punctuation, and never deletes the Cyrillic (unlike Decap’s ascii encoding)', () => {
    const slug = slugifyRu('Лицей № 126 — «Итоги года»!');
    expect(slug).toBe('licey-no-126-itogi-goda');
    expect(slug).toMatch(ID_PATTERN);
  });

  it('cuts a long title at a word boundary', () => {
    const slug = slugifyRu('Персонализированная программа наставничества молодого учителя математики и информатики основной школы');
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug.endsWith('-')).toBe(false);
    expect('personalizirovannaya-programma-nastavnichestva-molodogo-uchitelya-matematiki'.startsWith(slug)).toBe(true);
  });

  it('is empty when nothing transliterates', () => {
    expect(slugifyRu('«—»')).toBe('');
  });
});

describe('entryFileName', () => {
  it('dates news, numbers stages and codes programmes', () => {
    expect(entryFileName('news', { title: 'Лицей провёл «Школу наставника»', date: '2026-11-20' })).toBe(
      '2026-11-20-licey-provyol-shkolu-nastavnika',
    );
    expect(entryFileName('roadmap', { title: 'Подготовка условий', stage: 1 })).toBe('stage-1');
    expect(entryFileName('programs', { code: 'НП-2026-05', title: 'Адаптация учителя химии' })).toBe(
      'np-2026-05-adaptaciya-uchitelya-himii',
    );
    expect(entryFileName('monitoring', { cycle: '2026-2027', title: 'Итоги' })).toBe('2026-2027');
    expect(entryFileName('people', { id: 'p-021' })).toBe('p-021');
    expect(entryFileName('practices', { title: 'Флеш-встречи' })).toBe('flesh-vstrechi');
  });

  it('always gives a valid id, even for a title with no letters', () => {
    expect(entryFileName('practices', { title: '«»' })).toMatch(ID_PATTERN);
  });
});

describe('uploadFileName', () => {
  it('transliterates, keeps the extension and adds a time stamp, so two uploads never share a name', () => {
    const a = uploadFileName('Фото с семинара.JPEG', new Date('2026-11-20T10:00:00Z'));
    const b = uploadFileName('Фото с семинара.JPEG', new Date('2026-11-20T10:00:01Z'));
    expect(a).toMatch(/^foto-s-seminara-[0-9a-z]+\.jpg$/);
    expect(a).not.toBe(b);
    expect(uploadFileName('Приказ № 12.pdf', new Date(0))).toBe('prikaz-no-12-0.pdf');
  });
});
