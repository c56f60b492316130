/** Reading form exports: encodings, separators, quoted cells, XLSX cells, spreadsheet row numbers. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { detectDelimiter, detectEncoding, parseCsv, TableReadError } from '../../src/lib/table.ts';
import { readTable } from '../../src/tools/survey/read-table.ts';
import { MENTEES_CP1251, MENTORS_UTF8, writeMenteesXlsx } from './helpers/surveys.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nastavnik-read-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('readTable', () => {
  it('reads a Windows-1251 CSV with «;» (Excel on a Russian Windows, Яндекс Формы)', async () => {
    const bytes = fs.readFileSync(MENTEES_CP1251);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(detectEncoding(bytes)).toBe('windows-1251');
    const table = await readTable(MENTEES_CP1251);
    expect(table.format).toBe('CSV, windows-1251, разделитель «;»');
    expect(table.headers.slice(0, 3)).toEqual(['Время создания', 'ФИО', 'Должность']);
    expect(table.rows.map((r) => r.row)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(table.rows[0]!.cells[7]).toBe('Не получается выстроить проектную работу в 8-х классах; «сложные» родители.');
    expect(table.rows[5]!.cells[1]).toBe('Ёлкина Софья Андреевна');
  });

  it('reads a UTF-8 CSV with a BOM and «,», keeping commas inside quoted cells', async () => {
    const table = await readTable(MENTORS_UTF8);
    expect(table.format).toBe('CSV, UTF-8, разделитель «,»');
    expect(table.headers[0]).toBe('Отметка времени');
    expect(table.headers[1]).toBe('Фамилия, имя, отчество');
    expect(table.rows[0]!.cells[4]).toBe('5, 7, 9');
  });

  it('reads the same text in KOI8-R when the bytes say so', () => {
    const text = 'ФИО;Должность\nИванова Мария Петровна;учитель начальных классов\nПетров Пётр Петрович;учитель физики\n';
    const bytes = iconv.encode(text, 'koi8-r');
    const encoding = detectEncoding(bytes);
    expect(['KOI8-R', 'windows-1251']).toContain(encoding);
    expect(iconv.decode(bytes, 'koi8-r')).toBe(text);
  });

  it('reads an XLSX: dates as ISO, numbers as text, rows numbered as in the sheet', async () => {
    const file = path.join(tmp, 'mentees.xlsx');
    await writeMenteesXlsx(file);
    const table = await readTable(file);
    expect(table.format).toBe('XLSX, лист «Ответы на форму (1)»');
    expect(table.rows.map((r) => r.row)).toEqual([2, 3]);
    const [first] = table.rows;
    expect(first!.cells[0]).toBe('2026-10-12 09:30');
    expect(first!.cells[6]).toBe('2');
    expect(first!.cells[11]).toBe('2026-10-12');
  });

  it('skips empty rows but keeps the numbering of the sheet', () => {
    const table = parseCsv('ФИО,Должность\nА Б,учитель\n,\nВ Г,учитель\n');
    expect(table.rows.map((r) => r.row)).toEqual([2, 4]);
  });

  it('finds the separator outside quotes', () => {
    expect(detectDelimiter('"a;b","c;d",e\n')).toBe(',');
    expect(detectDelimiter('a;b;c,d\n')).toBe(';');
    expect(detectDelimiter('a\tb\tc\n')).toBe('\t');
  });

  it('explains files it cannot read', async () => {
    await expect(readTable(path.join(tmp, 'missing.csv'))).rejects.toThrow(TableReadError);
    const xls = path.join(tmp, 'old.xls');
    fs.writeFileSync(xls, 'binary');
    await expect(readTable(xls)).rejects.toThrow(/XLS не поддерживается/);
    const broken = path.join(tmp, 'broken.xlsx');
    fs.writeFileSync(broken, 'PK not really a zip');
    await expect(readTable(broken)).rejects.toThrow(/XLSX повреждён/);
    expect(() => parseCsv('\n\n')).toThrow(/нет строки заголовков/);
  });
});
