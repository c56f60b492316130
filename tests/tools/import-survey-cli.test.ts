/** `npm run import:survey`: dry run by default, --write applies, reruns change nothing, monitoring answers stay private. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { reviewContent } from '../../src/privacy/gate.ts';
import { runNode } from '../helpers/run.ts';
import { fileHashes } from '../helpers/tree.ts';
import { copyDemoContent, type ContentCopy } from './helpers/content-copy.ts';
import { CUSTOM_FORM, MAPPING, MENTEES_CP1251, MENTORS_UTF8, MONITORING_CSV } from './helpers/surveys.ts';

let copy: ContentCopy | undefined;
afterEach(() => copy?.cleanup());

const importSurvey = (args: string[]) =>
  runNode(
    ['scripts/import-survey.ts', ...args],
    { CONTENT_DIR: copy!.dir, SITE_TODAY: '2026-11-24', PRIVATE_DIR: copy!.privateDir },
    60_000,
  );

describe('npm run import:survey', () => {
  it('explains itself with --help and rejects a missing --kind', async () => {
    copy = copyDemoContent();
    const help = await importSurvey(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--kind mentee/);
    const bad = await importSurvey([MENTEES_CP1251]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/укажите --kind/);
  });

  it('stops with a clear message when the export has no name column', async () => {
    copy = copyDemoContent();
    const file = path.join(copy.dir, '..', 'no-names.csv');
    fs.writeFileSync(file, 'Должность;Стаж\nучитель;3\n');
    const r = await importSurvey([file, '--kind', 'mentee']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no-names\.csv: в выгрузке нет колонки с ФИО/);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('prints a readable diff in a dry run and writes nothing', async () => {
    copy = copyDemoContent();
    const before = fileHashes(copy.dir);
    const r = await importSurvey([MENTEES_CP1251, '--kind', 'mentee']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Прочитано: CSV, windows-1251, разделитель «;»');
    expect(r.stdout).toMatch(/\+ p-017 Лебедева Мария Игоревна \(строка 2\)/);
    expect(r.stdout).toMatch(
      /~ p-015 Попов Илья Евгеньевич \(строка 3\)\n {4}Профессиональные запросы \(трудности\): \+ Цифровые инструменты/,
    );
    expect(r.stdout).toMatch(/строка 5: Морозов Артём Валерьевич: нового участника нельзя внести/);
    expect(r.stdout).toMatch(/строка 6: «Иванова» — не похоже на «Фамилия Имя Отчество»/);
    expect(r.stdout).toMatch(
      /строка 4, «С какими профессиональными трудностями вы сталкиваетесь\?»: «не успеваю проверять тетради» — нет в справочнике/,
    );
    expect(r.stdout).toMatch(/пробный запуск: файлы не изменены/);
    expect(fileHashes(copy.dir)).toEqual(before);
  });

  it('applies with --write, leaves valid content, and a second run has nothing to change', async () => {
    copy = copyDemoContent();
    const r = await importSurvey([MENTEES_CP1251, '--kind', 'mentee', '--write']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Записано файлов реестра: 3\./);
    expect(copy.exists('registry/people/p-017.yaml')).toBe(true);
    expect(copy.exists('registry/people/p-018.yaml')).toBe(true);
    expect(reviewContent(copy.dir).problems.filter((p) => p.severity === 'error')).toEqual([]);
    const after = fileHashes(copy.dir);
    const again = await importSurvey([MENTEES_CP1251, '--kind', 'mentee', '--write']);
    expect(again.stdout).toMatch(/менять нечего/);
    expect(fileHashes(copy.dir)).toEqual(after);
  });

  it('imports mentor candidates from a UTF-8 Google Forms export', async () => {
    copy = copyDemoContent();
    const r = await importSurvey([MENTORS_UTF8, '--kind', 'mentor', '--write']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/строка 4: Лебедев Олег Ильич: не согласен\(на\) стать наставником/);
    expect(r.stdout).toMatch(/«Астрономия» — нет в справочнике «предметы»/);
    // Lists grow; the capacity typed into the registry by hand stays until --overwrite.
    const shevchenko = parseDocument(copy.read('registry/people/p-002.yaml')).toJS();
    expect(shevchenko).toMatchObject({ capacity: 2, competencies: ['oge-ege', 'lesson-planning', 'assessment', 'motivation', 'digital'] });
    expect(r.stdout).toMatch(/! Сколько наставляемых готов взять: введено вручную — оставлено 2 \(в анкете: 3\)/);
    const created = parseDocument(copy.read('registry/people/p-017.yaml')).toJS();
    expect(created).toMatchObject({ roles: ['mentor'], capacity: 2, category: 'highest', teachingSince: 2008 });
    expect(created.mentorAgreement).toBeUndefined();
  });

  it('reads a school’s own wording through a mapping file', async () => {
    copy = copyDemoContent();
    const without = await importSurvey([CUSTOM_FORM, '--kind', 'mentee']);
    expect(without.stdout).toMatch(/Колонки, которые не удалось сопоставить[\s\S]*«С чем вам нужна помощь»/);
    const r = await importSurvey([CUSTOM_FORM, '--kind', 'mentee', '--mapping', MAPPING, '--write']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/сопоставление — файл «.*mapping-custom\.yaml»/);
    expect(r.stdout).toMatch(
      /~ p-014 Белова Ольга Сергеевна \(строка 2\)\n {4}Профессиональные запросы \(трудности\): \+ Ведение документации/,
    );
    expect(parseDocument(copy.read('registry/people/p-014.yaml')).toJS().requests).toEqual([
      'motivation',
      'assessment',
      'time',
      'documentation',
    ]);
  });

  it('keeps monitoring answers in the private collection, once per file', async () => {
    copy = copyDemoContent();
    const dry = await importSurvey([MONITORING_CSV, '--kind', 'monitoring', '--cycle', '2026-2027']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/Анкет к импорту: 9 \(наставники — 3, наставляемые — 6\)/);
    expect(dry.stdout).toMatch(/строка 10, «Ваша роль в программе»: «Родитель»/);
    expect(dry.stdout).toMatch(/строка 6, «Полезность встреч»: «11» — ожидается оценка от 1 до 10/);
    const written = await importSurvey([MONITORING_CSV, '--kind', 'monitoring', '--cycle', '2026-2027', '--write']);
    expect(written.code, written.stderr).toBe(0);
    const files = fs.readdirSync(path.join(copy.dir, 'registry/answers')).filter((f) => f.startsWith('2026-2027-'));
    expect(files).toHaveLength(1);
    const batch = parseDocument(copy.read(`registry/answers/${files[0]}`)).toJS();
    expect(batch.responses).toHaveLength(9);
    expect(JSON.stringify(batch)).not.toContain('Петрова');
    expect(batch.responses[0]).toMatchObject({ row: 2, role: 'mentee', submitted: '2027-04-20', comments: ['Больше совместных уроков'] });
    const again = await importSurvey([MONITORING_CSV, '--kind', 'monitoring', '--cycle', '2026-2027', '--write']);
    expect(again.stdout).toMatch(/уже импортирован/);
    expect(fs.readdirSync(path.join(copy.dir, 'registry/answers')).filter((f) => f.startsWith('2026-2027-'))).toHaveLength(1);
    expect(reviewContent(copy.dir).problems.filter((p) => p.severity === 'error')).toEqual([]);
  });
});
