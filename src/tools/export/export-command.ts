/**
 * What `npm run export -- --what banks|pairs|monitoring` does: builds the
 * district's form as an XLSX workbook and writes it to `exports/` in the
 * private folder (a new export of the same form and year replaces the old
 * one). Which personal data each form carries is decided in its module and
 * in `exportName` (context.ts), and described in docs/methodologist-guide.md.
 */
import path from 'node:path';
import { contentDir } from '../../lib/content-dir.ts';
import { writeFileAtomic } from '../../io/atomic-write.ts';
import { privateDir } from '../../io/private-dir.ts';
import { banksWorkbook } from './banks.ts';
import { ExportError, loadExportContext } from './context.ts';
import { monitoringWorkbook } from './monitoring.ts';
import { pairsWorkbook } from './pairs.ts';

export const EXPORT_KINDS = ['banks', 'pairs', 'monitoring'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export { ExportError };

/** Writes the export and returns its path. */
export async function runExport(what: ExportKind, schoolYear: string, today: string): Promise<string> {
  const ctx = loadExportContext(contentDir(), today);
  let workbook;
  if (what === 'monitoring') {
    if (!ctx.monitoring.some((m) => m.cycle === schoolYear && !m.draft))
      throw new ExportError(`сводных результатов мониторинга за ${schoolYear} нет: сначала npm run monitoring -- --cycle ${schoolYear}`);
    workbook = monitoringWorkbook(ctx, [schoolYear]);
  } else workbook = what === 'banks' ? banksWorkbook(ctx, schoolYear) : pairsWorkbook(ctx, schoolYear);
  workbook.creator = 'Наставник';
  workbook.created = new Date(`${today}T00:00:00Z`);
  const file = path.join(privateDir('exports'), `${what}-${schoolYear}.xlsx`);
  writeFileAtomic(file, Buffer.from(await workbook.xlsx.writeBuffer()));
  return file;
}
