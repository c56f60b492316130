/**
 * `npm run import:survey` on the exports a school actually has: values typed
 * by hand, an older export imported again, names first-name-first and with
 * initials, the wrong `--kind`, the same monitoring answers saved again by
 * Excel, a consent checkbox beside the consent date, two questions about
 * continuing, a broken XLSX, the everyday wordings of forms, the written
 * mentor agreement as a column.
 */
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { reviewContent } from '../../src/privacy/gate.ts';
import { runNode } from '../helpers/run.ts';
import { copyDemoContent, type ContentCopy } from './helpers/content-copy.ts';
import { MENTORS_UTF8, MONITORING_CSV } from './helpers/surveys.ts';

let copy: ContentCopy | undefined;
afterEach(() => copy?.cleanup());

const importSurvey = (args: string[], today = '2026-11-24') =>
  runNode(['scripts/import-survey.ts', ...args], { CONTENT_DIR: copy!.dir, SITE_TODAY: today, PRIVATE_DIR: copy!.privateDir }, 60_000);

/** Writes an export next to the content copy. */
function exportFile(name: string, text: string, encoding: 'utf8' | 'windows-1251' = 'utf8'): string {
  const file = path.join(copy!.dir, '..', name);
  fs.writeFileSync(file, encoding === 'utf8' ? text : iconv.encode(text, encoding));
  return file;
}

const person = (id: string) => parseDocument(copy!.read(`registry/people/${id}.yaml`)).toJS() as Record<string, unknown>;
const errors = () => reviewContent(copy!.dir).problems.filter((p) => p.severity === 'error');

describe('values people typed are theirs', () => {
  it('the first import keeps an official position and a curated note typed by hand, and says so; --overwrite replaces them', async () => {
    copy = copyDemoContent();
    copy.write(
      'registry/people/p-014.yaml',
      copy
        .read('registry/people/p-014.yaml')
        .replace('position: учитель', 'position: учитель английского языка\nrequestsNote: со слов куратора — трудно с 9 «Б»'),
    );
    const file = exportFile(
      'mentees.csv',
      'ФИО;Должность;Опишите трудности своими словами;Формат\nБелова Ольга Сергеевна;учитель;нет;Виртуальное\n',
    );
    const dry = await importSurvey([file, '--kind', 'mentee']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(
      /! Должность: введено вручную — оставлено «учитель английского языка» \(в анкете: «учитель»\); чтобы заменить, повторите команду с --overwrite/,
    );
    expect(dry.stdout).toMatch(/! Запрос своими словами: введено вручную/);
    const written = await importSurvey([file, '--kind', 'mentee', '--write']);
    expect(written.code, written.stderr).toBe(0);
    expect(person('p-014')).toMatchObject({
      position: 'учитель английского языка',
      requestsNote: 'со слов куратора — трудно с 9 «Б»',
      preferredForms: ['situational', 'flash', 'virtual'],
    });
    const forced = await importSurvey([file, '--kind', 'mentee', '--write', '--overwrite']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stdout).toMatch(
      /Должность: «учитель английского языка» → «учитель» \(значение, введённое вручную, заменено по --overwrite\)/,
    );
    expect(person('p-014').position).toBe('учитель');
    expect(errors()).toEqual([]);
  });

  it('an older export imported again does not replace a newer answer', async () => {
    copy = copyDemoContent();
    const header = 'Отметка времени;ФИО;Должность\n';
    const newer = exportFile('newer.csv', `${header}05.10.2026 12:00;Белова Ольга Сергеевна;учитель иностранного языка\n`);
    const older = exportFile('older.csv', `${header}01.10.2026 09:30;Белова Ольга Сергеевна;учитель английского языка\n`);
    expect((await importSurvey([newer, '--kind', 'mentee', '--write', '--overwrite'])).code).toBe(0);
    const r = await importSurvey([older, '--kind', 'mentee', '--write', '--overwrite']);
    expect(r.stdout).toMatch(/Должность: ответ от 2026-10-01 09:30 старше уже внесённого ответа от 2026-10-05 12:00/);
    expect(person('p-014').position).toBe('учитель иностранного языка');
  });

  it('keeps its fingerprints keyed and out of the registry folder, so validation stays clean', async () => {
    copy = copyDemoContent();
    const file = exportFile('mentee.csv', 'ФИО;Электронная почта\nБелова Ольга Сергеевна;belova@licey126.example\n');
    const r = await importSurvey([file, '--kind', 'mentee', '--write']);
    expect(r.code, r.stderr).toBe(0);
    expect(copy.exists('registry/survey-imports.yaml')).toBe(false);
    const state = fs.readFileSync(path.join(copy.privateDir, 'survey-imports.yaml'), 'utf8');
    const plain = (await import('node:crypto')).createHash('sha256').update(JSON.stringify('belova@licey126.example')).digest('hex');
    expect(state).not.toContain(plain.slice(0, 16));
    expect(state).not.toContain('belova');
    expect(fs.statSync(path.join(copy.privateDir, 'secret.key')).mode & 0o777).toBe(0o600);
    expect(errors()).toEqual([]);
  });
});

describe('names as people write them', () => {
  it('files «Екатерина Сергеевна Андреева» and «Мария Лебедева» under their surnames, and finds «Орёл П.С.»', async () => {
    copy = copyDemoContent();
    const file = exportFile(
      'mentees.csv',
      'ФИО;Должность;Стаж;Кого из коллег вы хотели бы видеть своим наставником?;Дата согласия на обработку персональных данных\n' +
        'Екатерина Сергеевна Андреева;учитель;1;Орёл П.С.;02.10.2026\n' +
        'Мария Лебедева;учитель;2;П. С. Орёл;03.10.2026\n' +
        'Ольга Сергеевна Белова;учитель;1;Шевченко И. А.;\n',
    );
    const r = await importSurvey([file, '--kind', 'mentee', '--write']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/\+ p-017 Андреева Екатерина Сергеевна/);
    expect(r.stdout).toMatch(/\+ p-018 Лебедева Мария/);
    expect(r.stdout).toMatch(/p-014 Белова Ольга Сергеевна/);
    expect(r.stdout).not.toMatch(/Екатерина Сергеевна Андреева — |Лебедева.*не похоже|такого человека в реестре нет/);
    expect(person('p-017')).toMatchObject({
      name: { last: 'Андреева', first: 'Екатерина', middle: 'Сергеевна' },
      preferredPeople: ['p-003'],
    });
    expect(person('p-018')).toMatchObject({ name: { last: 'Лебедева', first: 'Мария' }, preferredPeople: ['p-003'] });
    expect(person('p-014').preferredPeople).toEqual(['p-002']);
  });
});

describe('the kind of анкета', () => {
  it('refuses the mentor candidates’ file imported as mentees, naming the questions, and changes nothing', async () => {
    copy = copyDemoContent();
    const before = fs.readdirSync(path.join(copy.dir, 'registry/people'));
    const r = await importSurvey([MENTORS_UTF8, '--kind', 'mentee', '--write']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/по вопросам это анкета кандидата в наставники, а указано: анкета наставляемого/);
    expect(r.stderr).toMatch(/«Согласны ли вы стать наставником\?»/);
    expect(r.stderr).toMatch(/--kind mentor/);
    expect(fs.readdirSync(path.join(copy.dir, 'registry/people'))).toEqual(before);
    expect(person('p-002').requests).toBeUndefined();
  });

  it('refuses monitoring answers imported as a mentee survey', async () => {
    copy = copyDemoContent();
    const r = await importSurvey([MONITORING_CSV, '--kind', 'mentee']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/по вопросам это анкета удовлетворённости/);
  });
});

describe('monitoring answers', () => {
  const header =
    'Отметка времени,Ваша роль в программе,Оцените эффективность программы (от 1 до 10),Насколько полезными были встречи? (1–10),Готовы ли вы продолжить участие в программе?,Что бы вы предложили улучшить?\n';
  const rows = [
    '2027-04-20 10:01:00,Наставляемый,9,8,Да,Больше совместных уроков',
    '2027-04-21 11:15:00,Наставляемая,8,Затрудняюсь ответить,Да,',
    '2027-04-22 09:40:00,Наставник,7,8,Затрудняюсь ответить,',
  ];
  /** The same rows as Excel on a Russian Windows saves them: Windows-1251, «;», dd.mm.yyyy hh:mm. */
  const asExcel = (lines: readonly string[]) =>
    `${header.replaceAll(',', ';')}${lines
      .map((l) =>
        l
          .split(',')
          .map((c, i) => (i === 0 ? c.replace(/^(\d{4})-(\d{2})-(\d{2}) (\d{2}:\d{2}):\d{2}$/, '$3.$2.$1 $4') : c))
          .join(';'),
      )
      .join('\n')}\n`;

  it('reads ordinary wordings without a mapping file; «Затрудняюсь ответить» is no answer, not an error', async () => {
    copy = copyDemoContent();
    const file = exportFile('monitoring.csv', `${header}${rows.join('\n')}\n`);
    const r = await importSurvey([file, '--kind', 'monitoring', '--cycle', '2026-2027', '--write'], '2027-05-01');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/Затрудняюсь|не переносятся/);
    const name = fs.readdirSync(path.join(copy.dir, 'registry/answers')).find((f) => f.startsWith('2026-2027-'))!;
    const batch = parseDocument(copy.read(`registry/answers/${name}`)).toJS();
    expect(batch.responses.map((x: { scales: object; yesNo: object; comments: string[] }) => [x.scales, x.yesNo, x.comments])).toEqual([
      [{ effectiveness: 9, usefulness: 8 }, { continue: true }, ['Больше совместных уроков']],
      [{ effectiveness: 8 }, { continue: true }, []],
      [{ effectiveness: 7, usefulness: 8 }, {}, []],
    ]);
  });

  it('counts the same answers once when Excel saved them again, and takes only the new ones of a later export', async () => {
    copy = copyDemoContent();
    const first = exportFile('monitoring.csv', `${header}${rows.join('\n')}\n`);
    expect((await importSurvey([first, '--kind', 'monitoring', '--cycle', '2026-2027', '--write'], '2027-05-01')).code).toBe(0);
    const resaved = exportFile('monitoring-excel.csv', asExcel(rows), 'windows-1251');
    const again = await importSurvey([resaved, '--kind', 'monitoring', '--cycle', '2026-2027', '--write'], '2027-05-01');
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/Все ответы этой выгрузки уже импортированы/);
    expect(fs.readdirSync(path.join(copy.dir, 'registry/answers')).filter((f) => f.startsWith('2026-2027-'))).toHaveLength(1);
    const later = exportFile('monitoring-later.csv', asExcel([...rows, '2027-04-25 10:30:00,Наставник,10,10,Да,']), 'windows-1251');
    const more = await importSurvey([later, '--kind', 'monitoring', '--cycle', '2026-2027', '--write'], '2027-05-01');
    expect(more.code, more.stderr).toBe(0);
    expect(more.stdout).toMatch(/Уже импортированы и не учитываются повторно: 3\sанкеты/);
    expect(more.stdout).toMatch(/Анкет к импорту: 1 /);
  });

  it('does not count answers dated outside the cycle', async () => {
    copy = copyDemoContent();
    const file = exportFile(
      'monitoring.csv',
      `${header}${rows.join('\n')}\n2027-09-03 10:00:00,Наставник,5,5,Нет,\n2026-08-30 10:00:00,Наставник,5,5,Нет,\n`,
    );
    const r = await importSurvey([file, '--kind', 'monitoring', '--cycle', '2026-2027'], '2027-09-10');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/строка 5, «Отметка времени»: ответ от 2027-09-03 — вне учебного года 2026–2027/);
    expect(r.stdout).toMatch(/строка 6, .*ответ от 2026-08-30 — вне учебного года/);
    expect(r.stdout).toMatch(/Анкет к импорту: 3 /);
  });

  it('explains two questions about continuing in Russian, with a mapping that works', async () => {
    copy = copyDemoContent();
    const file = exportFile(
      'two.csv',
      'Ваша роль,Готовы ли вы продолжить участие в программе?,Хотели бы вы продолжить работу с этим наставником?,Комфорт общения\n' +
        'Наставляемый,Да,Нет,9\n',
    );
    const r = await importSurvey([file, '--kind', 'monitoring', '--cycle', '2026-2027'], '2027-05-01');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/подходят к одному полю «да\/нет: готовы продолжить участие»/);
    expect(r.stderr).not.toMatch(/«yesNo:continue»|поле «[a-zA-Z]/);
    const yaml = r.stderr.slice(r.stderr.indexOf('columns:'), r.stderr.indexOf('Такой файл'));
    const mapping = exportFile('fix.yaml', yaml);
    const fixed = await importSurvey([file, '--kind', 'monitoring', '--cycle', '2026-2027', '--mapping', mapping], '2027-05-01');
    expect(fixed.code, fixed.stderr).toBe(0);
    expect(fixed.stdout).toMatch(/Анкет к импорту: 1 /);
  });

  it('writes a mapping file from the export’s own headers that loads as it is', async () => {
    copy = copyDemoContent();
    const file = exportFile(
      'custom.csv',
      'Ваша роль,Готовы продолжить?,Продолжите ли вы в следующем году?,Любимый предмет\nНаставник,Да,Да,ИЗО\n',
    );
    const target = path.join(copy.dir, '..', 'mapping.yaml');
    const made = await importSurvey([file, '--kind', 'monitoring', '--make-mapping', target], '2027-05-01');
    expect(made.code, made.stderr).toBe(0);
    const text = fs.readFileSync(target, 'utf8');
    expect(text).toContain('"yesNo:continue": ["Готовы продолжить?"]');
    expect(text).toMatch(/ignore: \["Продолжите ли вы в следующем году\?", "Любимый предмет"\]/);
    const r = await importSurvey([file, '--kind', 'monitoring', '--cycle', '2026-2027', '--mapping', target], '2027-05-01');
    expect(r.code, r.stderr).toBe(0);
  });
});

describe('forms that stopped the import', () => {
  it('a consent checkbox beside the consent date: the date is used, no internal names', async () => {
    copy = copyDemoContent();
    const file = exportFile(
      'mentees.csv',
      'ФИО;Должность;Стаж;Согласие на обработку персональных данных;Дата согласия на обработку персональных данных\n' +
        'Андреева Екатерина Сергеевна;учитель;1;Да;02.10.2026\n' +
        'Гусев Пётр Ильич;учитель;1;Нет;02.10.2026\n' +
        'Зуева Анна Павловна;учитель;1;Да;\n',
    );
    const r = await importSurvey([file, '--kind', 'mentee']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/\+ p-017 Андреева Екатерина Сергеевна/);
    expect(r.stdout).toMatch(/строка 3, .*Гусев Пётр Ильич: согласие на обработку персональных данных не дано/);
    expect(r.stdout).toMatch(/строка 4: Зуева Анна Павловна: нового участника нельзя внести .*отметка о согласии/);
    expect(r.stdout + r.stderr).not.toMatch(/consentDate|consentGiven/);
  });

  it('a broken XLSX is explained in Russian only', async () => {
    copy = copyDemoContent();
    const file = exportFile('broken.xlsx', 'PK\u0003\u0004 это не книга Excel');
    const r = await importSurvey([file, '--kind', 'mentee']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/файл XLSX повреждён или это не XLSX: откройте его/);
    const message = r.stderr.slice(r.stderr.indexOf('broken.xlsx: ') + 'broken.xlsx: '.length);
    expect(message.replace(/XLSX|CSV|Excel|LibreOffice/g, '')).not.toMatch(/[A-Za-z]{3,}/);
  });

  it('says nothing was imported when every row was skipped', async () => {
    copy = copyDemoContent();
    const file = exportFile('mentees.csv', 'ФИО;Должность;Стаж\nНовикова Анна Петровна;учитель;1\nИванова;учитель;2\n');
    const r = await importSurvey([file, '--kind', 'mentee', '--write']);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(/Реестр уже содержит всё/);
    expect(r.stdout).toMatch(/Ни одна анкета не импортирована: все 2\sстроки пропущены/);
  });

  it('reads the subject «ИЗО» when the school’s vocabulary has «Изобразительное искусство»', async () => {
    copy = copyDemoContent();
    copy.write(
      'settings/vocabularies.yaml',
      copy
        .read('settings/vocabularies.yaml')
        .replace('  - id: music\n', '  - id: fine-art\n    label: Изобразительное искусство\n    area: arts-pe\n  - id: music\n'),
    );
    const file = exportFile('m.csv', 'ФИО;Предмет;Формат\nБелова Ольга Сергеевна;ИЗО, английский;Виртуальное\n');
    const r = await importSurvey([file, '--kind', 'mentee', '--write']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/нет в справочнике/);
    expect(person('p-014').subjects).toEqual(['english', 'fine-art']);
  });
});

describe('the written mentor agreement (ТК РФ ст. 351.8)', () => {
  it('is imported from a column, so the mentor takes part in matching without typing it in', async () => {
    copy = copyDemoContent();
    const file = exportFile(
      'mentors.csv',
      'ФИО;Должность;Предмет;Стаж;Категория;С чем готовы помочь коллегам;Согласны ли вы стать наставником?;Письменное согласие быть наставником (реквизиты);Дата согласия на обработку персональных данных\n' +
        'Андреева Галина Петровна;учитель;Физика;18;Высшая;Работа с родителями;Да;доп. соглашение № 12 от 01.09.2026;01.09.2026\n',
    );
    const r = await importSurvey([file, '--kind', 'mentor', '--write']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/внесите в реестр после оформления/);
    expect(person('p-017').mentorAgreement).toEqual({ signed: '2026-09-01', document: 'доп. соглашение № 12 от 01.09.2026' });
    expect(errors()).toEqual([]);
  });
});
