/**
 * The scan sees what the reader sees: a name, a contact or an identity
 * number typed so that it looks the same on the page but differs letter for
 * letter (Latin look-alikes, invisible characters, entities, stress marks,
 * markup inside a word) is found like the plain spelling, at the place of
 * the disguised text in the original; and folding look-alikes adds no false
 * alarm in Latin text, abbreviations, formulas, addresses and code.
 */
import { describe, expect, it } from 'vitest';
import { buildNameIndex, scanText } from '../../src/privacy/pii-scan.ts';
import type { NamedPerson } from '../../src/privacy/names.ts';

const PEOPLE: NamedPerson[] = [
  { id: 'p-garipova', gender: 'female', name: { last: 'Гарипова', first: 'Альфия', middle: 'Ринатовна' } },
  { id: 'p-moroz', gender: 'female', name: { last: 'Мороз', first: 'Вера', middle: 'Ильинична' } },
  { id: 'p-orekhova', gender: 'female', name: { last: 'Орехова', first: 'Ольга', middle: 'Петровна' } },
  { id: 'p-tor', gender: 'male', name: { last: 'Тор', first: 'Олег', middle: 'Маркович' } },
];
const INDEX = buildNameIndex(PEOPLE);

const LATIN: Record<string, string> = { а: 'a', о: 'o', р: 'p', е: 'e', с: 'c', х: 'x', у: 'y', А: 'A', Р: 'P', О: 'O', М: 'M', Т: 'T' };
const LATIN_CAPITALS: Record<string, string> = {
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  Х: 'X',
  У: 'Y',
};
const GREEK: Record<string, string> = { о: 'ο', а: 'α', р: 'ρ', А: 'Α', Р: 'Ρ', О: 'Ο', М: 'Μ' };
const swap = (map: Record<string, string>) => (s: string) => [...s].map((c) => map[c] ?? c).join('');
/** Inserts `mark` after the second letter of every word of two letters or more. */
const inside = (mark: string) => (s: string) => s.replace(/(\p{L}{2})(\p{L}+)/gu, `$1${mark}$2`);
/** Wraps the tail of every longer word in markup: «Гари<b>пова</b>». */
const wrapTail = (open: string, close: string) => (s: string) => s.replace(/(\p{L}{4})(\p{L}+)/gu, `$1${open}$2${close}`);

/** Each way of typing a name that the reader still reads as the name. */
const DISGUISES: [string, (s: string) => string][] = [
  ['Latin look-alikes', swap(LATIN)],
  ['Greek look-alikes', swap(GREEK)],
  ['fullwidth Latin look-alikes', (s) => s.replace(/о/g, '\uff4f')],
  ['mathematical bold o', (s) => s.replace(/о/g, '\u{1d428}')],
  ['a zero for о', (s) => s.replace(/(?<=\p{L})о(?=\p{L})/gu, '0')],
  ['zero-width space', inside('\u200b')],
  ['zero-width non-joiner', inside('\u200c')],
  ['zero-width joiner', inside('\u200d')],
  ['word joiner', inside('\u2060')],
  ['byte order mark', inside('\ufeff')],
  ['soft hyphen', inside('\u00ad')],
  ['stress mark', (s) => s.replace(/([аеиоуяю])/u, '$1\u0301')],
  ['decimal entity', (s) => s.replace(/и/g, '&#1080;').replace(/а/g, '&#1072;')],
  ['hex entity', (s) => s.replace(/о/g, '&#x43E;').replace(/р/g, '&#x440;')],
  ['named entities', (s) => s.replace(/и/g, '&icy;').replace(/о/g, '&ocy;')],
  ['&shy; entity', inside('&shy;')],
  ['strong emphasis inside a word', wrapTail('**', '**')],
  ['emphasis inside a word', wrapTail('*', '*')],
  ['underscores inside a word', wrapTail('_', '_')],
  ['strike-through inside a word', wrapTail('~~', '~~')],
  ['<b> inside a word', wrapTail('<b>', '</b>')],
  ['<span class> inside a word', wrapTail('<span class="x">', '</span>')],
  ['an HTML comment inside a word', inside('<!-- -->')],
  ['<wbr> inside a word', inside('<wbr>')],
  ['Latin capitals in an upper-case name', (s) => swap(LATIN_CAPITALS)(s.toUpperCase())],
];

/** The forms each disguise is tried on: full name, surname + initials both ways, surname alone. */
const FORMS: [string, string, string][] = [
  ['Наставником назначена ', 'Альфия Ринатовна Гарипова', ', учитель химии.'],
  ['Отчёт подготовила ', 'Гарипова А. Р.', ' к совету.'],
  ['Отчёт подготовила ', 'А. Р. Гарипова', ' к совету.'],
  ['Открытый урок провела ', 'Гарипова', ' в 7 классе.'],
  ['Благодарим ', 'Веру Ильиничну Мороз', ' за помощь.'],
  ['Мастер-класс провела ', 'Мороз В. И.', ' для коллег.'],
];

describe('scanText: disguised registry names', () => {
  const cases = DISGUISES.flatMap(([disguise, apply]) => FORMS.map(([before, name, after]) => ({ disguise, before, name, after, apply })));

  it.each(cases)('$disguise: «$name»', ({ before, name, after, apply }) => {
    const disguised = apply(name);
    const text = before + disguised + after;
    const person = name.includes('Мороз') ? 'p-moroz' : 'p-garipova';
    const found = scanText(text, INDEX).filter((f) => f.rule === 'pii-name' && f.severity === 'error' && f.personId === person);
    expect(found, text).toHaveLength(1);
    // The position is that of the disguised text in the original (purge rewrites exactly that span).
    // The span is the disguised text whole, markup at its edges included: purge.ts rewrites exactly this span.
    const { index, length } = found[0]!;
    expect(text.slice(index, index + length)).toBe(disguised);
    expect(found[0]!.excerpt).not.toMatch(/\p{L}{2}/u);
  });

  it('gives spans that, rewritten as purge.ts does, leave no trace of the name', () => {
    for (const [disguise, apply] of DISGUISES) {
      let text = `Урок провела ${apply('Альфия Ринатовна Гарипова')}, отчёт сдала ${apply('Гарипова А. Р.')}.`;
      for (const f of scanText(text, INDEX).sort((a, b) => b.index - a.index)) {
        text = text.slice(0, f.index) + 'педагог' + text.slice(f.index + f.length);
      }
      expect(scanText(text, INDEX), `${disguise}: ${text}`).toEqual([]);
      expect(text, disguise).toBe('Урок провела педагог, отчёт сдала педагог.');
    }
  });

  it('reads a name written wholly in Latin capitals inside Russian text', () => {
    const text = 'На семинаре выступила OPEXOBA O. П., учитель биологии.';
    expect(scanText(text, INDEX)).toMatchObject([
      { rule: 'pii-name', severity: 'error', personId: 'p-orekhova', index: text.indexOf('OPEXOBA') },
    ]);
  });

  it('reads Latin initials next to a Cyrillic surname', () => {
    expect(scanText('Отчёт подготовила Гарипова A. P. к совету.', INDEX)).toMatchObject([
      { severity: 'error', personId: 'p-garipova', kind: 'initials' },
    ]);
  });

  it('reads a decomposed й and ё as the composed letters', () => {
    const people: NamedPerson[] = [{ id: 'p-1', gender: 'male', name: { last: 'Соловьёв', first: 'Андрей', middle: 'Ильич' } }];
    const text = 'Выступил Андрей Ильич Соловье\u0308в.'.replace('й', 'и\u0306');
    expect(scanText(text, buildNameIndex(people))).toMatchObject([{ severity: 'error', personId: 'p-1', kind: 'full-name', index: 9 }]);
  });

  it('sees a name split by inline tags between its words', () => {
    const text = '<p>Поздравляем <b>Веру</b> <i>Ильиничну</i> <span class="name">Мороз</span>!</p>';
    const found = scanText(text, INDEX);
    expect(found).toMatchObject([{ severity: 'error', personId: 'p-moroz', kind: 'full-name' }]);
    expect(text.slice(found[0]!.index, found[0]!.index + found[0]!.length)).toBe(
      '<b>Веру</b> <i>Ильиничну</i> <span class="name">Мороз</span>',
    );
  });

  it('still reads what a removed tag carries in its attributes', () => {
    const text = 'Фото <a href="/x/" title="Альфия Ринатовна Гарипова">урока</a>.';
    const found = scanText(text, INDEX);
    expect(found).toMatchObject([{ severity: 'error', personId: 'p-garipova' }]);
    expect(text.slice(found[0]!.index, found[0]!.index + found[0]!.length)).toBe('Альфия Ринатовна Гарипова');
  });

  it('keeps positions right after characters whose case mapping changes length', () => {
    const text = 'İstanbul, ß, ﬁ: выступила Гарипова.';
    expect(scanText(text, INDEX)).toMatchObject([{ personId: 'p-garipova', index: text.indexOf('Гарипова'), length: 8 }]);
  });
});

describe('scanText: folding adds no false alarms', () => {
  it.each([
    'The word Mopoз was a typo in the English draft; Mopo is a brand.',
    'We watched the TOP 10 films of the year.',
    'Рейтинг TOP-100 школ района опубликован.',
    'Вошли в ТОП-10 и в TOP-10 рейтинга.',
    'На уроке химии: H2O, CO2, KOH, HCOOH, CaCO3, Ca(OH)2, H2SO4, CH3COOH.',
    'Сайт: https://moroz.example/Mopoз/OPEXOBA?ref=TOP_list и www.orekhova.example/Opexoba.',
    'Выполните команду `Mopoз --OPEXOBA` в терминале.',
    'Пример кода:\n```\nconst OPEXOBA = "Mopoз";\n```\nконец примера.',
    'Переменная snake_case_name и метод __init__ в Python.',
    'Пишите на moroz_vera@licey126.example по вопросам сайта.',
    'Витамин C. Приложение A. Класс 5 «A».',
    'Анкета заполнена на 2024–2025 учебный год, ответы — в разделе 3.',
  ])('stays quiet on «%s»', (text) => {
    expect(scanText(text, INDEX, { allowContacts: ['moroz_vera@licey126.example'] })).toEqual([]);
  });
});

const PHONE = '8 (921) 123-45-67';
describe('scanText: disguised contacts and identity numbers', () => {
  it.each([
    ['zero-width spaces', PHONE.replace(/(\d)/g, '$1\u200b')],
    ['fullwidth digits', PHONE.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))],
    ['bold tags', '8 (921) <b>123</b>-45-67'],
    ['dots', '8.921.123.45.67'],
    ['en dashes', '+7 921 123–45–67'],
    ['soft hyphens', '+7 921 123\u00ad45\u00ad67'],
  ])('reports a phone written with %s', (_, phone) => {
    const text = `Личный телефон: ${phone}, после 18:00.`;
    const found = scanText(text, INDEX);
    expect(found).toMatchObject([{ rule: 'pii-contact', kind: 'phone', index: text.indexOf(phone.charAt(0)) }]);
    expect(found[0]!.excerpt).not.toContain('12345');
  });

  it.each([
    'ivanova&#64;mail.ru',
    'ivanova&commat;mail.ru',
    'ivanova＠mail.ru',
    'iva\u200bnova@mail.ru',
    'ivanova (at) mail.ru',
    'ivanova [at] mail [dot] ru',
    'ivanova(at)mail(dot)ru',
    'ivanova собака mail.ru',
    'ivanova (собака) mail.ru',
    'ivanova @ mail.ru',
    'ivanova at mail dot ru',
  ])('reports the e-mail «%s»', (email) => {
    const text = `Пишите на ${email} в любое время.`;
    expect(scanText(text, INDEX)).toMatchObject([
      { rule: 'pii-contact', kind: 'email', excerpt: 'i…@mail.ru', index: text.indexOf('ivanova'.charAt(0), 9) },
    ]);
  });

  it('does not report the school’s own contacts behind the same disguises', () => {
    const allowContacts = ['+7 (812) 246-12-34', 'info@licey126.example'];
    const text = 'Приёмная: +7 (812) 246&#8209;12&#8209;34, info&#64;licey126.example, info (at) licey126.example.';
    expect(scanText(text, INDEX, { allowContacts })).toEqual([]);
  });

  it('stays quiet on prose around «собака» and «at»', () => {
    for (const text of [
      'У нас живёт собака Бобик. Потом пришёл кот.',
      'We met at school. Then at home.',
      'Meet us at licey126.example, the school site.',
    ]) {
      expect(scanText(text, INDEX), text).toEqual([]);
    }
  });

  it.each([
    ['СНИЛС 112.233.445 95', '112.233.445 95'],
    ['СНИЛС 112/233/445/95', '112/233/445/95'],
    ['СНИЛС 112–233–445 95', '112–233–445 95'],
    ['СНИЛС 112 - 233 - 445 95', '112 - 233 - 445 95'],
    ['СНИЛС 112_233_445_95', '112_233_445_95'],
    ['СНИЛС: 1\u200b12-233-445 95', '1\u200b12-233-445 95'],
    ['СНИЛС １１２-２３３-４４５ ９５', '１１２-２３３-４４５ ９５'],
    ['Номер 112.233.445.95 в анкете', '112.233.445.95'],
  ])('reports the СНИЛС in «%s»', (text, number) => {
    expect(scanText(text, INDEX)).toMatchObject([
      { rule: 'pii-id-number', kind: 'snils', severity: 'error', index: text.indexOf(number), length: number.length },
    ]);
  });

  it.each([
    ['ИНН 5001 0073 2259', 'inn'],
    ['ИНН: 5001-0073-2259', 'inn'],
    ['паспорт 40\u200b12 345678', 'passport'],
    ['паспорт 40&nbsp;12&nbsp;345678', 'passport'],
  ])('reports the number in «%s»', (text, kind) => {
    expect(scanText(text, INDEX)).toMatchObject([{ rule: 'pii-id-number', kind, severity: 'error' }]);
  });
});
