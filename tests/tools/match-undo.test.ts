/**
 * The curator's decisions and second thoughts: names in the console, a new
 * report on every run, a rejected pair not proposed again, last year's
 * completed mentees not proposed again, and `npm run undo` reverting the last
 * `--accept`, `--reject`, `--write` or monitoring run — and refusing when
 * reverting would destroy a later edit.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runNode } from '../helpers/run.ts';
import { copyDemoContent, type ContentCopy } from './helpers/content-copy.ts';
import { MONITORING_CSV } from './helpers/surveys.ts';

let copy: ContentCopy | undefined;
afterEach(() => copy?.cleanup());

const run = (script: string, args: string[], today = '2026-11-24') =>
  runNode([`scripts/${script}.ts`, ...args], { CONTENT_DIR: copy!.dir, SITE_TODAY: today, PRIVATE_DIR: copy!.privateDir }, 60_000);
const reports = () => fs.readdirSync(path.join(copy!.privateDir, 'match')).filter((f) => f.endsWith('.md'));

describe('npm run match', () => {
  it('prints names, keeps every report of the day, and does not propose last year’s completed mentees', async () => {
    copy = copyDemoContent();
    const first = await run('match', []);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/Белова Ольга Сергеевна \(p-014\) → Ким Елена Викторовна \(p-005\)/);
    // Мельник (p-010) completed НП-2025-03 in 2025–2026: not proposed again, and the console says why.
    expect(first.stdout).not.toMatch(/p-010\) →/);
    expect(first.stdout).toMatch(
      /Мельник Дарья Олеговна \(p-010\): не участвует — завершил\(а\) программу НП-2025-03 в 2025–2026 учебном году/,
    );
    const firstReport = fs.readFileSync(path.join(copy.privateDir, 'match', '2026-2027_2026-11-24.md'), 'utf8');
    const second = await run('match', []);
    expect(second.code, second.stderr).toBe(0);
    expect(reports().sort()).toEqual(['2026-2027_2026-11-24-2.md', '2026-2027_2026-11-24.md']);
    expect(fs.readFileSync(path.join(copy.privateDir, 'match', '2026-2027_2026-11-24.md'), 'utf8')).toBe(firstReport);
  });

  it('does not propose a rejected pair again this school year; undo brings it back', async () => {
    copy = copyDemoContent();
    const reject = await run('match', ['--reject', 'p-014=p-005']);
    expect(reject.code, reject.stderr).toBe(0);
    expect(reject.stdout).toMatch(/Отклонено: Белова Ольга Сергеевна \(p-014\) → Ким Елена Викторовна \(p-005\)/);
    const after = await run('match', []);
    expect(after.stdout).not.toMatch(/\(p-014\) → Ким Елена Викторовна \(p-005\)/);
    const md = fs.readFileSync(path.join(copy.privateDir, 'match', '2026-2027_2026-11-24.md'), 'utf8');
    expect(md).toMatch(/### Отклонено куратором[\s\S]*Белова Ольга Сергеевна \(p-014\) → Ким Елена Викторовна \(p-005\)/);
    const nextYear = await run('match', ['--year', '2027-2028'], '2027-09-10');
    expect(nextYear.stdout).toMatch(/\(p-014\) → Ким Елена Викторовна \(p-005\)/);
    const undo = await run('undo', []);
    expect(undo.code, undo.stderr).toBe(0);
    expect(undo.stdout).toMatch(/Отменено: отклонены пары p-014=p-005/);
    expect((await run('match', [])).stdout).toMatch(/\(p-014\) → Ким Елена Викторовна \(p-005\)/);
  });
});

describe('npm run undo', () => {
  it('reverts the last --accept and says what; then the import before it; then says the journal is empty', async () => {
    copy = copyDemoContent();
    const csv = path.join(copy.dir, '..', 'm.csv');
    fs.writeFileSync(csv, 'ФИО;Формат\nБелова Ольга Сергеевна;Виртуальное\n');
    const before = copy.read('registry/people/p-014.yaml');
    expect((await run('import-survey', [csv, '--kind', 'mentee', '--write'])).code).toBe(0);
    expect(copy.read('registry/people/p-014.yaml')).not.toBe(before);
    const accept = await run('match', ['--accept', 'p-014=p-005']);
    expect(accept.code, accept.stderr).toBe(0);
    expect(accept.stdout).toMatch(
      /Принято: Белова Ольга Сергеевна \(p-014\) → Ким Елена Викторовна \(p-005\); проект программы НП-2026-01/,
    );
    expect(copy.exists('programs/np-2026-01.md')).toBe(true);

    const list = await run('undo', ['--list']);
    expect(list.stdout.indexOf('приняты пары')).toBeLessThan(list.stdout.indexOf('импорт анкет'));
    const one = await run('undo', []);
    expect(one.code, one.stderr).toBe(0);
    expect(one.stdout).toMatch(/Отменено: приняты пары: проекты программ НП-2026-01 — команда «npm run match -- --accept p-014=p-005»/);
    expect(one.stdout).toMatch(/удалён \(его создала команда\): .*programs\/np-2026-01\.md/);
    expect(copy.exists('programs/np-2026-01.md')).toBe(false);
    const two = await run('undo', []);
    expect(two.stdout).toMatch(/Отменено: импорт анкет из «m\.csv»/);
    expect(copy.read('registry/people/p-014.yaml')).toBe(before);
    expect(fs.existsSync(path.join(copy.privateDir, 'survey-imports.yaml'))).toBe(false);
    expect((await run('undo', [])).stdout).toMatch(/Журнал пуст/);
  });

  it('refuses when a file was edited after the command, and changes nothing', async () => {
    copy = copyDemoContent();
    expect((await run('match', ['--accept', 'p-014=p-005'])).code).toBe(0);
    const edited = copy.read('programs/np-2026-01.md').replace('goal: ', 'goal: Уточнено на первой встрече. ');
    copy.write('programs/np-2026-01.md', edited);
    const r = await run('undo', []);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /отменить «приняты пары: проекты программ НП-2026-01» .* нельзя — после неё изменены файлы:\n.*programs\/np-2026-01\.md/,
    );
    expect(copy.read('programs/np-2026-01.md')).toBe(edited);
  });

  it('reverts a monitoring aggregation and a monitoring import', async () => {
    copy = copyDemoContent();
    const today = '2027-06-01';
    expect((await run('import-survey', [MONITORING_CSV, '--kind', 'monitoring', '--cycle', '2026-2027', '--write'], today)).code).toBe(0);
    expect((await run('monitoring', ['--cycle', '2026-2027'], today)).code).toBe(0);
    expect(copy.exists('monitoring/2026-2027.yaml')).toBe(true);
    expect((await run('undo', [], today)).stdout).toMatch(/Отменено: сводные результаты мониторинга 2026-2027/);
    expect(copy.exists('monitoring/2026-2027.yaml')).toBe(false);
    expect((await run('undo', [], today)).stdout).toMatch(/Отменено: импорт 9\sответов мониторинга 2026–2027/);
    expect(fs.readdirSync(path.join(copy.dir, 'registry/answers')).some((f) => f.startsWith('2026-2027-'))).toBe(false);
  });
});
