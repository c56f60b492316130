/**
 * A table of text cells from the bytes of a CSV or XLSX file, whatever
 * produced it (survey exports, uploaded documents).
 *
 * Яндекс Формы, Google Forms and VK export CSV or XLSX; a CSV saved by Excel on
 * a Russian Windows is in Windows-1251 with «;», a Google export is UTF-8 with
 * «,». The encoding is found from the BOM, else by checking that the bytes are
 * valid UTF-8, else by `chardet` among the Cyrillic code pages; the separator
 * by counting candidates outside quotes in the header line. Row numbers are
 * those a spreadsheet shows (the header is row 1), so a report can say
 * «строка 7» and the methodologist finds it.
 */
import chardet from 'chardet';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

export interface TableRow {
  /** The row number in the spreadsheet: the header is 1, the first answer 2. */
  row: number;
  cells: string[];
}

export interface Table {
  headers: string[];
  rows: TableRow[];
  /** How the file was read, for the report: «CSV, Windows-1251, разделитель «;»». */
  format: string;
}

export class TableReadError extends Error {}

const CYRILLIC_ENCODINGS = ['windows-1251', 'KOI8-R', 'IBM866', 'ISO-8859-5', 'x-mac-cyrillic'];
export const ENCODING_NAMES: Record<string, string> = { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16', 'utf-16be': 'UTF-16' };

/** The encoding of a text file's bytes. */
export function detectEncoding(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    const candidates = chardet.analyse(bytes);
    const cyrillic = candidates.find((c) => CYRILLIC_ENCODINGS.some((e) => e.toLowerCase() === c.name.toLowerCase()));
    return cyrillic?.name ?? 'windows-1251';
  }
}

/** Decodes bytes in the given (or detected) encoding, without a BOM. */
export function decodeText(bytes: Buffer, encoding = detectEncoding(bytes)): string {
  if (!iconv.encodingExists(encoding)) throw new TableReadError(`неизвестная кодировка «${encoding}»`);
  return iconv.decode(bytes, encoding).replace(/^\uFEFF/, '');
}

/** The separator of a CSV: the most frequent of «;», «,», tab in the header line, outside quotes. */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([
    [';', 0],
    [',', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  return best && best[1] > 0 ? best[0] : ',';
}

const DELIMITER_NAMES: Record<string, string> = { ';': '«;»', ',': '«,»', '\t': 'табуляция' };

function trimTable(records: string[][], format: string, firstRow = 1): Table {
  const clean = (s: string | undefined) => (s ?? '').replace(/\r\n?/g, '\n').trim();
  const [header, ...rest] = records;
  if (!header || header.every((h) => clean(h) === '')) throw new TableReadError('в файле нет строки заголовков');
  const headers = header.map(clean);
  const rows = rest
    .map((cells, i) => ({ row: firstRow + 1 + i, cells: headers.map((_, c) => clean(cells[c])) }))
    .filter((r) => r.cells.some((c) => c !== ''));
  return { headers, rows, format };
}

/** Parses CSV text with a detected separator. */
export function parseCsv(text: string, format = 'CSV'): Table {
  const delimiter = detectDelimiter(text);
  let records: string[][];
  try {
    records = parse(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: true });
  } catch (e) {
    const where = (e as { lines?: number }).lines;
    throw new TableReadError(
      `CSV не читается${where ? ` около строки ${where}` : ''}: вероятно, незакрытая кавычка или файл не текстовый — откройте его в Excel или LibreOffice и сохраните заново как CSV или XLSX`,
    );
  }
  return trimTable(records, `${format}, разделитель ${DELIMITER_NAMES[delimiter] ?? delimiter}`);
}

/** A cell of ExcelJS as text: dates as `YYYY-MM-DD`, rich text and links as their text, formulas as their result. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const hasTime = value.getUTCHours() !== 0 || value.getUTCMinutes() !== 0;
    const iso = value.toISOString();
    return hasTime ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : iso.slice(0, 10);
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('error' in value) return '';
  }
  return String(value);
}

/** Reads the first worksheet of an XLSX workbook. */
export async function parseXlsx(bytes: Buffer): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new TableReadError(
      'файл XLSX повреждён или это не XLSX: откройте его в Excel или LibreOffice и сохраните заново как XLSX или CSV (или выгрузите анкету из сервиса ещё раз)',
    );
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new TableReadError('в книге нет ни одного листа');
  const width = sheet.columnCount;
  const records: string[][] = [];
  let firstRow = 0;
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    if (firstRow === 0) firstRow = n;
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value));
    records[n - firstRow] = cells;
  });
  for (let i = 0; i < records.length; i++) records[i] ??= [];
  return trimTable(records, `XLSX, лист «${sheet.name}»`, firstRow || 1);
}
