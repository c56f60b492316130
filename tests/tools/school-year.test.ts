/**
 * A whole school year of the methodologist's tools on realistic exports,
 * through the real commands, on a copy of tests/fixtures/minimal and a
 * private folder of its own: the mentees' Яндекс Формы XLSX and the mentor
 * candidates' Google Forms CSV in September, matching and accepting in
 * October, the order and a programme, the satisfaction survey saved by Excel
 * in Windows-1251 in May and its aggregate, a withdrawal of consent with
 * erasure, and the district's exports in June. After every step the test
 * checks exactly which files appeared, changed or disappeared, and what is in
 * them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { reviewContent } from '../../src/privacy/gate.ts';
import { monitoringSchema } from '../../src/schema/monitoring.ts';
import { tempContent, type TempContent } from '../helpers/fixture.ts';
import { runNode } from '../helpers/run.ts';
import { fileHashes } from '../helpers/tree.ts';
import { docxText } from './helpers/docx-text.ts';

let content: TempContent;
let privateDir: string;
let exportsDir: string;

beforeAll(() => {
  content = tempContent();
  privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nastavnik-year-private-'));
  exportsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nastavnik-year-forms-'));
  content.edit(
    'settings/site.yaml',
    (t) => `${t}documents:\n  city: Санкт-Петербург\n  director: { position: Директор, name: О. П. Директорова }\n`,
  );
});
afterAll(() => {
  content.cleanup();
  fs.rmSync(privateDir, { recursive: true, force: true });
  fs.rmSync(exportsDir, { recursive: true, force: true });
});

const run = (script: string, args: string[], today: string) =>
  runNode([`scripts/${script}.ts`, ...args], { CONTENT_DIR: content.dir, SITE_TODAY: today, PRIVATE_DIR: privateDir }, 90_000);

/** Every file of the content copy and the private folder, with a hash of its bytes. */
function snapshot(): Map<string, string> {
  const files = new Map<string, string>();
  for (const [prefix, dir] of [
    ['content', content.dir],
    ['private', privateDir],
  ] as const) {
    for (const [rel, hash] of Object.entries(fileHashes(dir))) files.set(`${prefix}/${rel}`, hash);
  }
  return files;
}

/** What a step did to the files: journal entries appear as `private/journal/*`. */
async function step(what: () => Promise<void>): Promise<{ created: string[]; changed: string[]; deleted: string[] }> {
  const before = snapshot();
  await what();
  const after = snapshot();
  const name = (f: string) => (f.startsWith('private/journal/') ? 'private/journal/*' : f);
  return {
    created: [...after.keys()]
      .filter((f) => !before.has(f))
      .map(name)
      .sort(),
    changed: [...after.keys()].filter((f) => before.has(f) && before.get(f) !== after.get(f)).sort(),
    deleted: [...before.keys()]
      .filter((f) => !after.has(f))
      .map(name)
      .sort(),
  };
}

const person = (id: string) => parseDocument(content.read(`registry/people/${id}.yaml`)).toJS() as Record<string, unknown>;
const errors = (today: string) => reviewContent(content.dir, today).problems.filter((p) => p.severity === 'error');
const privateText = (rel: string) => fs.readFileSync(path.join(privateDir, rel), 'utf8');

/** The mentees' form as Яндекс Формы exports it: XLSX, an «ID» column, the time as a date cell. */
async function yandexMenteesXlsx(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Ответы');
  ws.addRow([
    'ID',
    'Время создания',
    'ФИО',
    'Должность',
    'Предмет',
    'Педагогический стаж',
    'Квалификационная категория',
    'С какими трудностями вы сталкиваетесь?',
    'Кого из коллег вы хотели бы видеть своим наставником?',
    'Адрес электронной почты',
    'Согласие на обработку персональных данных',
    'Дата согласия на обработку персональных данных',
  ]);
  ws.addRow([
    1834551,
    new Date(Date.UTC(2026, 8, 7, 10, 15)),
    'Соколова Ирина Павловна',
    'учитель',
    'Математика',
    1,
    'без категории',
    'Дисциплина и управление классом, Работа с родителями',
    'Примерова А.С.',
    'sokolova@school1.example',
    'Да',
    new Date(Date.UTC(2026, 8, 7)),
  ]);
  ws.addRow([
    1834552,
    new Date(Date.UTC(2026, 8, 8, 16, 40)),
    'Дмитрий Олегович Ветров',
    'учитель',
    'Химия',
    'менее года',
    'нет',
    'Работа с родителями',
    '',
    'vetrov@school1.example',
    'Да',
    new Date(Date.UTC(2026, 8, 8)),
  ]);
  ws.addRow([
    1834553,
    new Date(Date.UTC(2026, 8, 9, 9, 5)),
    'Образцов Илья Петрович',
    'учитель',
    'Математика',
    2,
    'без категории',
    'Затрудняюсь ответить',
    '',
    'obraztsov@school1.example',
    'Да',
    '',
  ]);
  await wb.xlsx.writeFile(file);
}

/** The mentor candidates' form as Google Forms exports it: UTF-8 CSV with a BOM, «,», quoted cells. */
const GOOGLE_MENTORS =
  '\uFEFFОтметка времени,"Фамилия, имя, отчество",Должность,Преподаваемые предметы,Педагогический стаж,Квалификационная категория,"С какими профессиональными трудностями коллег вы готовы помочь?",Сколько наставляемых вы готовы взять?,Согласны ли вы стать наставником?,Письменное согласие быть наставником (реквизиты),Дата согласия на обработку персональных данных\n' +
  '10.09.2026 15:02:11,Запасов Пётр Ильич,учитель,Химия,16 лет,Первая,"Работа с родителями",2,Да,"доп. соглашение № 5 от 01.09.2026",\n' +
  '11.09.2026 10:20:45,Крылова Наталья Викторовна,учитель,Химия,15,Высшая квалификационная категория,"Работа с родителями, Дисциплина и управление классом",2,Да,"доп. соглашение № 7 от 01.09.2026",11.09.2026\n';

/** The satisfaction survey saved by Excel on a Russian Windows: Windows-1251, «;», dd.mm.yyyy. */
const EXCEL_MONITORING =
  'Отметка времени;Ваша роль в программе;Оцените эффективность программы (от 1 до 10);Насколько полезными были встречи? (1–10);Готовы ли вы продолжить участие в программе?;Что бы вы предложили улучшить?\n' +
  [
    '12.05.2027 10:01;Наставляемый;9;8;Да;Больше совместных уроков',
    '12.05.2027 11:15;Наставляемая;8;8;Да;',
    '13.05.2027 09:40;Наставляемый;8;9;Затрудняюсь ответить;',
    '13.05.2027 16:05;Наставляемая;10;9;Да;Спасибо Ветрову',
    '14.05.2027 12:30;Наставляемый;8;8;Да;',
    '14.05.2027 14:00;Наставляемая;9;10;Да;',
    '15.05.2027 10:00;Наставник;9;9;Да;Нужно больше времени',
    '15.05.2027 10:30;Наставник;8;8;Да;',
  ].join('\n') +
  '\n';

describe('a school year with the methodologist’s tools', () => {
  const proposals: { mentee: string; mentor: string }[] = [];

  it('September: imports the mentees from Яндекс Формы (XLSX)', async () => {
    const file = path.join(exportsDir, 'Анкета наставляемого.xlsx');
    await yandexMenteesXlsx(file);
    let out = '';
    const files = await step(async () => {
      const r = await run('import-survey', [file, '--kind', 'mentee', '--write'], '2026-09-15');
      expect(r.code, r.stdout + r.stderr).toBe(0);
      out = r.stdout;
    });
    expect(files).toEqual({
      created: [
        'content/registry/people/p-004.yaml',
        'content/registry/people/p-005.yaml',
        'private/journal/*',
        'private/secret.key',
        'private/survey-imports.yaml',
      ],
      changed: ['content/registry/people/p-002.yaml'],
      deleted: [],
    });
    expect(out).toMatch(/Прочитано: XLSX, лист «Ответы»; 3\sстроки с ответами/);
    expect(out).toMatch(/«ID»/);
    expect(person('p-004')).toMatchObject({
      name: { last: 'Соколова', first: 'Ирина', middle: 'Павловна' },
      subjects: ['math'],
      teachingSince: 2025,
      requests: ['discipline', 'parents'],
      preferredPeople: ['p-001'],
      consents: { processing: { signed: '2026-09-07' } },
    });
    expect(person('p-005')).toMatchObject({ name: { last: 'Ветров', first: 'Дмитрий', middle: 'Олегович' }, teachingSince: 2026 });
    expect(person('p-002').email).toBe('obraztsov@school1.example');
    expect(privateText('survey-imports.yaml')).not.toMatch(/sokolova|Соколова/);
    expect(errors('2026-09-15')).toEqual([]);
  });

  it('September: imports the mentor candidates from Google Forms (CSV), with their written agreements', async () => {
    const file = path.join(exportsDir, 'Кандидаты в наставники.csv');
    fs.writeFileSync(file, GOOGLE_MENTORS);
    let out = '';
    const files = await step(async () => {
      const r = await run('import-survey', [file, '--kind', 'mentor', '--write'], '2026-09-15');
      expect(r.code, r.stdout + r.stderr).toBe(0);
      out = r.stdout;
    });
    expect(files).toEqual({
      created: ['content/registry/people/p-006.yaml', 'private/journal/*'],
      changed: ['content/registry/people/p-003.yaml', 'private/survey-imports.yaml'],
      deleted: [],
    });
    expect(out).toMatch(/! Сколько наставляемых готов взять: введено вручную — оставлено 1 \(в анкете: 2\)/);
    expect(person('p-003').mentorAgreement).toEqual({ signed: '2026-09-01', document: 'доп. соглашение № 5 от 01.09.2026' });
    expect(person('p-006')).toMatchObject({
      roles: ['mentor'],
      category: 'highest',
      capacity: 2,
      mentorAgreement: { signed: '2026-09-01' },
    });
    expect(errors('2026-09-15')).toEqual([]);
  });

  it('October: proposes pairs in a private report, with names in the console', async () => {
    let out = '';
    const files = await step(async () => {
      const r = await run('match', [], '2026-10-01');
      expect(r.code, r.stderr).toBe(0);
      out = r.stdout;
    });
    expect(files).toEqual({
      created: ['private/match/2026-2027_2026-10-01.json', 'private/match/2026-2027_2026-10-01.md'],
      changed: [],
      deleted: [],
    });
    expect(out).toMatch(/Соколова Ирина Павловна \(p-004\) → Примерова Анна Сергеевна \(p-001\)/);
    expect(out).toMatch(/Образцов Илья Петрович \(p-002\): не участвует — завершил\(а\) программу НП-2025-01/);
    const report = JSON.parse(privateText('match/2026-2027_2026-10-01.json'));
    proposals.push(...report.proposals.map((p: { mentee: string; mentor: string }) => ({ mentee: p.mentee, mentor: p.mentor })));
    expect(proposals.map((p) => p.mentee).sort()).toEqual(['p-004', 'p-005']);
  });

  it('October: accepts the proposed pairs as draft programmes that wait for their order', async () => {
    const files = await step(async () => {
      const r = await run(
        'match',
        proposals.flatMap((p) => ['--accept', `${p.mentee}=${p.mentor}`]),
        '2026-10-01',
      );
      expect(r.code, r.stderr).toBe(0);
    });
    expect(files).toEqual({
      created: ['content/programs/np-2026-01.md', 'content/programs/np-2026-02.md', 'private/journal/*'],
      changed: [],
      deleted: [],
    });
    const programme = parseDocument(content.read('programs/np-2026-01.md').split('---')[1]!).toJS();
    expect(programme).toMatchObject({
      code: 'НП-2026-01',
      status: 'draft',
      schoolYear: '2026-2027',
      term: { from: '2026-11-02', to: '2027-05-31' },
    });
    expect(content.read('programs/np-2026-01.md')).not.toMatch(/discipline|Дисциплина|sokolova/);
    expect(errors('2026-10-01')).toEqual([]);
  });

  it('October: drafts the order and a programme, ready to sign', async () => {
    const files = await step(async () => {
      expect((await run('draft-order', [], '2026-10-05')).code).toBe(0);
      expect((await run('draft-program', ['np-2026-01'], '2026-10-05')).code).toBe(0);
    });
    expect(files).toEqual({
      created: ['private/drafts/prikaz-o-zakreplenii-par-2026-2027.docx', 'private/drafts/programma-np-2026-01.docx'],
      changed: [],
      deleted: [],
    });
    const order = docxText(fs.readFileSync(path.join(privateDir, 'drafts/prikaz-o-zakreplenii-par-2026-2027.docx')));
    expect(order).toContain('О закреплении наставнических пар и групп в 2026–2027 учебном году');
    expect(order).toContain('Санкт-Петербург');
    expect(order).toMatch(/Директор\n_+\nО\. П\. Директорова/);
    expect(order).toMatch(
      /Наставник — Примерова Анна Сергеевна.*наставляемый — Соколова Ирина Павловна.*срок — с 02\.11\.2026 по 31\.05\.2027/,
    );
    expect(order).toContain('Ветров Дмитрий Олегович');
    const programme = docxText(fs.readFileSync(path.join(privateDir, 'drafts/programma-np-2026-01.docx')));
    expect(programme).toContain('Дисциплина и управление классом; Работа с родителями.');
    expect(programme).toContain('педагогический стаж 1 год');
  });

  it('May: imports the satisfaction survey saved by Excel in Windows-1251, and aggregates it for the site', async () => {
    const file = path.join(exportsDir, 'Удовлетворённость.csv');
    fs.writeFileSync(file, iconv.encode(EXCEL_MONITORING, 'windows-1251'));
    let imported = '';
    const first = await step(async () => {
      const r = await run('import-survey', [file, '--kind', 'monitoring', '--cycle', '2026-2027', '--write'], '2027-05-20');
      expect(r.code, r.stdout + r.stderr).toBe(0);
      imported = r.stdout;
    });
    expect(imported).toContain('Прочитано: CSV, windows-1251, разделитель «;»');
    expect(first.created).toHaveLength(2);
    expect(first.created[0]).toMatch(/^content\/registry\/answers\/2026-2027-[0-9a-f]{8}\.yaml$/);
    expect(first.created[1]).toBe('private/journal/*');
    const second = await step(async () => {
      const r = await run('monitoring', ['--cycle', '2026-2027'], '2027-05-20');
      expect(r.code, r.stderr).toBe(0);
    });
    expect(second).toEqual({ created: ['content/monitoring/2026-2027.yaml', 'private/journal/*'], changed: [], deleted: [] });
    const text = content.read('monitoring/2026-2027.yaml');
    const cycle = monitoringSchema().parse(parseDocument(text).toJS());
    expect(cycle.groups.map((g) => [g.role, g.respondents, g.suppressed])).toEqual([
      ['mentor', 2, true],
      ['mentee', 6, false],
    ]);
    expect(cycle.groups[1]!.scales.find((s) => s.item === 'effectiveness')).toMatchObject({ mean: 8.7, answered: 6 });
    expect(cycle.groups[1]!.yesNo).toEqual([{ item: 'continue', yes: 5, no: 0 }]);
    expect(text).not.toMatch(/Ветров|Спасибо|совместных/);
  });

  it('May: a mentee withdraws consent; the purge erases him everywhere and writes the act', async () => {
    content.edit(
      'news/2025-09-01-start.md',
      (t) => `${t}\nОткрытый урок дал молодой учитель химии Дмитрий Олегович Ветров. Коллеги поблагодарили Дмитрия Олеговича.\n`,
    );
    content.edit('registry/people/p-005.yaml', (t) => {
      const doc = parseDocument(t);
      doc.setIn(['consents', 'processing', 'withdrawn'], '2027-05-21');
      return doc.toString();
    });
    let out = '';
    const files = await step(async () => {
      const r = await run('privacy-purge', ['p-005'], '2027-05-25');
      expect(r.code, r.stderr).toBe(0);
      out = r.stdout;
    });
    expect(files.created).toEqual(['private/purge/p-005-akt-2027-05-25.docx', 'private/purge/p-005-replace-text.txt']);
    expect(files.changed).toEqual([
      'content/news/2025-09-01-start.md',
      'content/registry/answers/' + fs.readdirSync(path.join(content.dir, 'registry/answers')).find((f) => f.startsWith('2026-2027-'))!,
      'content/registry/people/p-005.yaml',
      'private/survey-imports.yaml',
    ]);
    expect(files.deleted).toEqual([
      'private/drafts/prikaz-o-zakreplenii-par-2026-2027.docx',
      'private/journal/*',
      'private/match/2026-2027_2026-10-01.json',
      'private/match/2026-2027_2026-10-01.md',
    ]);
    expect(content.read('news/2025-09-01-start.md')).toContain('Открытый урок дал педагог. Коллеги поблагодарили педагога.');
    expect(content.read('registry/people/p-005.yaml')).toMatch(/tombstone: true/);
    expect(out).toMatch(/Яндекс Формах или Google Forms.*«Анкета наставляемого\.xlsx»/s);
    const act = docxText(fs.readFileSync(path.join(privateDir, 'purge/p-005-akt-2027-05-25.docx')));
    expect(act).toContain('идентификатор p-005');
    expect(act).toContain('адрес электронной почты');
    expect(act).not.toContain('Ветров');
    for (const [file] of snapshot()) {
      if (file.endsWith('-replace-text.txt')) continue;
      const abs = file.startsWith('content/') ? path.join(content.dir, file.slice(8)) : path.join(privateDir, file.slice(8));
      const text = abs.endsWith('.docx') ? docxText(fs.readFileSync(abs)) : fs.readFileSync(abs, 'latin1') + fs.readFileSync(abs, 'utf8');
      expect(text, file).not.toMatch(/Ветров|vetrov/);
    }
    expect(errors('2027-05-25')).toEqual([]);
  });

  it('June: exports the district’s forms, with nobody beyond what the district may see', async () => {
    const files = await step(async () => {
      for (const what of ['banks', 'pairs', 'monitoring']) {
        const r = await run('export', ['--what', what, '--year', '2026-2027'], '2027-06-01');
        expect(r.code, r.stderr).toBe(0);
      }
    });
    expect(files).toEqual({
      created: [
        'private/exports/banks-2026-2027.xlsx',
        'private/exports/monitoring-2026-2027.xlsx',
        'private/exports/pairs-2026-2027.xlsx',
      ],
      changed: [],
      deleted: [],
    });
    for (const what of ['banks', 'pairs', 'monitoring']) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path.join(privateDir, `exports/${what}-2026-2027.xlsx`));
      const cells = wb.worksheets
        .flatMap((ws) => ws.getSheetValues().flat())
        .map(String)
        .join('\n');
      expect(cells, what).not.toMatch(/Ветров|Соколова|Образцов|@|p-\d{3}/);
      if (what === 'pairs') expect(cells).toMatch(/НП-2026-01[\s\S]*НП-2026-02/);
      if (what === 'monitoring') expect(cells).toContain('меньше 5 респондентов — не публикуется');
      if (what === 'banks') expect(cells).toContain('Форма 2а. Профессиональные затруднения наставляемых (сводно)');
    }
  });
});
