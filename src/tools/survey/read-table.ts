/**
 * Reads a survey export file into a table of text cells (src/lib/table.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { decodeText, detectEncoding, ENCODING_NAMES, parseCsv, parseXlsx, TableReadError, type Table } from '../../lib/table.ts';

export { TableReadError, type Table, type TableRow } from '../../lib/table.ts';

/** Reads a CSV or XLSX file; `encoding` overrides detection for CSV. */
export async function readTable(file: string, encoding?: string): Promise<Table> {
  if (!fs.existsSync(file)) throw new TableReadError(`файл «${file}» не найден`);
  const bytes = fs.readFileSync(file);
  const ext = path.extname(file).toLowerCase();
  if (ext === '.xlsx' || (bytes[0] === 0x50 && bytes[1] === 0x4b)) return parseXlsx(bytes);
  if (ext === '.xls') throw new TableReadError('старый формат XLS не поддерживается: сохраните файл как XLSX или CSV');
  const used = encoding ?? detectEncoding(bytes);
  return parseCsv(decodeText(bytes, used), `CSV, ${ENCODING_NAMES[used.toLowerCase()] ?? used}`);
}
