/** Headers → registry fields, answers → vocabulary ids; what is not understood is reported, not guessed. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readVocabularies } from '../../src/validate/site-settings.ts';
import { headerMatches, loadMapping, MappingError, planColumns } from '../../src/tools/survey/mapping.ts';
import { formatName, nameKey, parseFullName } from '../../src/tools/survey/person-names.ts';
import { matchChoices, matchOne, parseCount, parseDate, parseScore, parseTeachingSince } from '../../src/tools/survey/values.ts';
import { SCHOOL_FIXTURE } from '../helpers/paths.ts';
import { MAPPING } from './helpers/surveys.ts';

const vocab = readVocabularies(SCHOOL_FIXTURE)!;

describe('headers', () => {
  it('match a fragment at a word start; short fragments only as whole words', () => {
    expect(headerMatches('С какими профессиональными трудностями вы сталкиваетесь?', 'трудност')).toBe(true);
    expect(headerMatches('Фамилия', 'имя')).toBe(false);
    expect(headerMatches('Имя', 'имя')).toBe(true);
    expect(headerMatches('Полезность встреч', 'пол')).toBe(false);
    expect(headerMatches('Ваш пол', 'пол')).toBe(true);
    expect(headerMatches('Информатика', 'форм')).toBe(false);
  });

  it('are planned by the most specific rule of the kind', () => {
    const mapping = loadMapping('mentee', vocab);
    const headers = [
      'Время создания',
      'ФИО',
      'Должность',
      'Какой предмет вы преподаёте?',
      'Педагогический стаж (лет)',
      'Квалификационная категория',
      'С какими профессиональными трудностями вы сталкиваетесь?',
      'Опишите трудности своими словами',
      'Какую форму наставничества вы предпочитаете?',
      'С кем из наставников вы хотели бы работать?',
      'Что вы ожидаете от наставничества?',
      'Дата согласия на обработку персональных данных',
      'Номер согласия',
      'Любимый цвет',
    ];
    const plan = planColumns(headers, mapping);
    expect(Object.fromEntries([...plan.fields].map(([f, c]) => [f, c]))).toEqual({
      submitted: [0],
      fullName: [1],
      position: [2],
      subjects: [3],
      experience: [4],
      category: [5],
      requests: [6],
      requestsNote: [7],
      preferredForms: [8],
      preferredPeople: [9],
      consentDate: [11],
      consentDocument: [12],
    });
    expect(plan.ignored).toEqual(['Что вы ожидаете от наставничества?']);
    expect(plan.unknown).toEqual(['Любимый цвет']);
  });

  it('refuse two columns for one field, naming both', () => {
    const mapping = loadMapping('mentee', vocab);
    expect(() => planColumns(['ФИО', 'Должность', 'Должность по штатному расписанию'], mapping)).toThrow(MappingError);
    expect(() => planColumns(['ФИО', 'Должность', 'Должность по штатному расписанию'], mapping)).toThrow(
      /«Должность» и «Должность по штатному расписанию»/,
    );
  });
});

describe('a mapping file', () => {
  it('adds the school’s own wording ahead of the defaults', () => {
    const mapping = loadMapping('mentee', vocab, MAPPING);
    const plan = planColumns(['ФИО', 'С чем вам нужна помощь', 'Любимая книга'], mapping);
    expect(plan.fields.get('requests')).toEqual([1]);
    expect(plan.ignored).toEqual(['Любимая книга']);
    expect(matchChoices('Не успеваю проверять тетради, Сложно с документами', mapping.values.difficulties).ids).toEqual([
      'time',
      'documentation',
    ]);
    expect(matchOne('Соответствие', mapping.values.categories).id).toBe('none');
  });

  it('is checked: unknown fields, dictionaries and ids are errors naming the file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nastavnik-mapping-'));
    try {
      const file = path.join(dir, 'm.yaml');
      fs.writeFileSync(file, 'columns:\n  hobby: ["Хобби"]\n');
      expect(() => loadMapping('mentee', vocab, file)).toThrow(/columns\.hobby — такого поля нет/);
      fs.writeFileSync(file, 'values:\n  difficulties:\n    "Тетради": notebooks\n');
      expect(() => loadMapping('mentee', vocab, file)).toThrow(/код «notebooks» не найден/);
      fs.writeFileSync(file, 'values:\n  colours: {}\n');
      expect(() => loadMapping('mentee', vocab, file)).toThrow(/values\.colours — такого справочника нет/);
      expect(() => loadMapping('mentee', vocab, path.join(dir, 'none.yaml'))).toThrow(/не найден/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('answers', () => {
  const values = loadMapping('mentee', vocab).values;

  it('find every ticked option in answer order, whatever the case, ё or quotes', () => {
    const r = matchChoices('Работа с родителями, ПОДГОТОВКА К ОГЭ И ЕГЭ; Проектная и исследовательская деятельность', values.difficulties);
    expect(r).toEqual({ ids: ['parents', 'oge-ege', 'project-work'], unknown: [] });
    expect(matchChoices('Традиционное («один на один»), Ситуационное', values.forms).ids).toEqual(['traditional', 'situational']);
    expect(matchChoices('Русский язык и литература', values.subjects).ids).toEqual(['russian', 'literature']);
  });

  it('report what they do not know, as written, without «Другое:»', () => {
    const r = matchChoices('Мотивация учащихся; Другое: не успеваю проверять тетради', values.difficulties);
    expect(r).toEqual({ ids: ['motivation'], unknown: ['не успеваю проверять тетради'] });
    expect(matchOne('почётный работник', values.categories)).toEqual({ unknown: 'почётный работник' });
  });

  it('read dates, counts, years of experience and scores as forms write them', () => {
    expect(parseDate('02.10.2026')).toBe('2026-10-02');
    expect(parseDate('2.10.26 10:15')).toBe('2026-10-02');
    expect(parseDate('2026-10-02 10:15:00')).toBe('2026-10-02');
    expect(parseDate('31.02.2026')).toBeUndefined();
    expect(parseDate('да')).toBeUndefined();
    expect(parseCount('не более 2')).toBe(2);
    expect(parseCount('1-2')).toBeUndefined();
    expect(parseTeachingSince('24 года', 2026)).toBe(2002);
    expect(parseTeachingSince('1,5 года', 2026)).toBe(2025);
    expect(parseTeachingSince('менее года', 2026)).toBe(2026);
    expect(parseTeachingSince('с 2003 года', 2026)).toBe(2003);
    expect(parseTeachingSince('много', 2026)).toBeUndefined();
    expect(parseScore('8')).toBe(8);
    expect(parseScore('10 — отлично')).toBe(10);
    expect(parseScore('11')).toBeUndefined();
    expect(parseScore('восемь')).toBeUndefined();
  });
});

describe('names', () => {
  it('are parsed, capitalised and compared with ё = е', () => {
    expect(parseFullName('попов  илья евгеньевич')).toEqual({ last: 'Попов', first: 'Илья', middle: 'Евгеньевич' });
    expect(parseFullName('Иванова')).toBeUndefined();
    expect(parseFullName('Ivanova Maria')).toBeUndefined();
    expect(parseFullName('Иванова М. П.')).toBeUndefined();
    expect(nameKey({ last: 'Фёдоров', first: 'Денис', middle: 'Алексеевич' })).toBe(nameKey(parseFullName('ФЕДОРОВ денис алексеевич')!));
    expect(formatName({ last: 'Римская-Корсакова', first: 'Анна' })).toBe('Римская-Корсакова Анна');
  });
});
