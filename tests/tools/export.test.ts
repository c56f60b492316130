/**
 * `npm run export`: the district's forms as XLSX, read back cell by cell —
 * what each form holds, and that no person appears beyond what the
 * recipient may see.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { mayName } from '../../src/privacy/consent-policy.ts';
import { loadRegistry } from '../../src/privacy/gate.ts';
import { peopleOf } from '../../src/privacy/registry.ts';
import { runNode } from '../helpers/run.ts';
import { copyDemoContent, type ContentCopy } from './helpers/content-copy.ts';

let copy: ContentCopy | undefined;
afterEach(() => copy?.cleanup());

const TODAY = '2026-03-01';
const exportForm = (args: string[]) =>
  runNode(['scripts/export.ts', ...args], { CONTENT_DIR: copy!.dir, SITE_TODAY: TODAY, PRIVATE_DIR: copy!.privateDir }, 60_000);

/** Every sheet as rows of cell texts. */
async function readBack(file: string): Promise<Map<string, string[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheets = new Map<string, string[][]>();
  for (const ws of wb.worksheets) {
    const rows: string[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
    sheets.set(ws.name, rows);
  }
  return sheets;
}

/** Data rows of a sheet: those after the header row that starts with `first`. */
const dataRows = (rows: string[][], first: string) => rows.slice(rows.findIndex((r) => r[0] === first) + 1);

describe('npm run export', () => {
  it('explains itself and refuses an unknown form', async () => {
    copy = copyDemoContent();
    expect((await exportForm(['--help'])).stdout).toMatch(/--what banks\s+формы 1, 2 и 2а/);
    const bad = await exportForm(['--what', 'people']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/укажите --what banks, --what pairs или --what monitoring/);
  });

  it('banks: mentors by name only with a dissemination consent, mentees never by name, difficulties only as counts', async () => {
    copy = copyDemoContent();
    // Черных lets the site name her as a mentor; Шевченко lets it name her, but not in a role.
    copy.write(
      'registry/people/p-004.yaml',
      copy.read('registry/people/p-004.yaml').replace('allow: [name, position]', 'allow: [name, position, role]'),
    );
    const r = await exportForm(['--what', 'banks', '--year', '2025-2026']);
    expect(r.code, r.stderr).toBe(0);
    const file = path.join(copy.privateDir, 'exports', 'banks-2025-2026.xlsx');
    const sheets = await readBack(file);
    expect([...sheets.keys()]).toEqual(['Форма 1. Наставники', 'Форма 2. Наставляемые', 'Форма 2а. Затруднения']);
    const people = peopleOf(loadRegistry(copy.dir));
    const policy = { today: TODAY, siteUrl: 'https://nastavnik.licey126.example/' };
    const mentors = dataRows(sheets.get('Форма 1. Наставники')!, '№');
    expect(mentors).toHaveLength(people.filter((p) => p.roles.includes('mentor')).length);
    for (const p of people.filter((x) => x.roles.includes('mentor'))) {
      const named = mentors.some((row) => row[1] === [p.name.last, p.name.first, p.name.middle].filter(Boolean).join(' '));
      expect(named, p.id).toBe(mayName(p, 'program', policy).allowed);
    }
    expect(mentors.map((row) => row[1])).toContain('Черных Любовь Николаевна');
    expect(mentors.map((row) => row[1])).not.toContain('Шевченко Ирина Анатольевна');
    const mentees = dataRows(sheets.get('Форма 2. Наставляемые')!, '№');
    expect(mentees).toHaveLength(people.filter((p) => p.roles.includes('mentee')).length);
    const all = JSON.stringify([...sheets.values()]);
    for (const p of people.filter((x) => !x.roles.includes('mentor') || !mayName(x, 'program', policy).allowed))
      expect(all, p.id).not.toContain(p.name.last);
    expect(all).not.toMatch(/@|\+7|p-\d{3}/);
    const rowsOf2 = JSON.stringify(mentees);
    expect(rowsOf2).not.toMatch(/Работа с родителями|Дисциплина и управление классом/);
    const counts = Object.fromEntries(dataRows(sheets.get('Форма 2а. Затруднения')!, 'Затруднение').map((row) => [row[0], Number(row[1])]));
    expect(counts['Работа с родителями']).toBe(people.filter((p) => p.roles.includes('mentee') && p.requests.includes('parents')).length);
  });

  it('pairs: each programme of the year with its term, status and order', async () => {
    copy = copyDemoContent();
    expect((await exportForm(['--what', 'pairs', '--year', '2025-2026'])).code).toBe(0);
    const rows = dataRows(
      (await readBack(path.join(copy.privateDir, 'exports', 'pairs-2025-2026.xlsx'))).get('Форма 3. Пары и группы')!,
      '№',
    );
    expect(rows.map((r) => r[1])).toEqual(['НП-2025-01', 'НП-2025-02', 'НП-2025-03', 'НП-2025-04']);
    expect(rows[1]).toEqual(expect.arrayContaining(['группа', 'групповое', '3', '01.11.2025', '31.05.2026', 'завершена']));
    expect(rows[0]![12]).toMatch(/^от \d{2}\.\d{2}\.\d{4} № /);
    expect(JSON.stringify(rows)).not.toMatch(/Смирнов|Кузнецова|Мельник|Фёдоров/);
  });

  it('monitoring: the published aggregates of the cycle, figure for figure', async () => {
    copy = copyDemoContent();
    const r = await exportForm(['--what', 'monitoring', '--year', '2025-2026']);
    expect(r.code, r.stderr).toBe(0);
    const sheets = await readBack(path.join(copy.privateDir, 'exports', 'monitoring-2025-2026.xlsx'));
    const published = parseDocument(copy.read('monitoring/2025-2026.yaml')).toJS() as {
      groups: { role: string; suppressed?: boolean; scales?: { mean: number; distribution: number[] }[] }[];
    };
    const scales = dataRows(sheets.get('Форма 4. Оценки')!, 'Цикл');
    const expected = published.groups.flatMap((g) =>
      g.suppressed ? [['suppressed']] : (g.scales ?? []).map((s) => [String(s.mean), ...s.distribution.map(String)]),
    );
    expect(scales.map((row) => (row[3]!.startsWith('меньше') ? ['suppressed'] : [row[4]!, ...row.slice(6, 16)]))).toEqual(expected);
    const none = await exportForm(['--what', 'monitoring', '--year', '2030-2031']);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/сводных результатов мониторинга за 2030-2031 нет/);
    expect(fs.existsSync(path.join(copy.privateDir, 'exports', 'monitoring-2030-2031.xlsx'))).toBe(false);
  });
});
