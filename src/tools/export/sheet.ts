/**
 * The look of a district form in Excel: the form's name and the school on
 * top, a bold header row that stays in view, columns wide enough to read,
 * a filter on the header. Every export sheet is made by `formSheet`, so the
 * district gets one school's forms in one layout.
 */
import type ExcelJS from 'exceljs';

export interface Column {
  header: string;
  /** Width in characters. */
  width: number;
}

/** Adds a sheet: title lines, then the header row (frozen, filtered), then the rows. */
export function formSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  title: readonly string[],
  columns: readonly Column[],
  rows: readonly (readonly (string | number | null)[])[],
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name);
  for (const line of title) sheet.addRow([line]).font = { bold: sheet.rowCount === 0 };
  sheet.getRow(1).font = { bold: true, size: 12 };
  sheet.addRow([]);
  const header = sheet.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'top' };
  columns.forEach((c, i) => (sheet.getColumn(i + 1).width = c.width));
  for (const r of rows) sheet.addRow([...r]).alignment = { wrapText: true, vertical: 'top' };
  sheet.views = [{ state: 'frozen', ySplit: header.number }];
  if (rows.length) sheet.autoFilter = { from: { row: header.number, column: 1 }, to: { row: header.number, column: columns.length } };
  return sheet;
}
