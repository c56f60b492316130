/**
 * `npm run export -- --what banks|pairs|monitoring`: the forms a district
 * collects from schools, as XLSX in private/exports/. See
 * docs/methodologist-guide.md and src/tools/export/.
 */
import { parseArgs } from 'node:util';
import { displayPath } from '../src/lib/content-dir.ts';
import { todayIso } from '../src/lib/dates.ts';
import { isSchoolYear, schoolYearOf } from '../src/tools/survey/school-year.ts';
import { toolsUi } from '../src/i18n/ru.ts';
import { EXPORT_KINDS, ExportError, runExport, type ExportKind } from '../src/tools/export/export-command.ts';

const ui = toolsUi.export;
const { values } = parseArgs({ options: { what: { type: 'string' }, year: { type: 'string' }, help: { type: 'boolean' } } });
if (values.help) {
  console.log(ui.help);
  process.exit(0);
}
const what = values.what as ExportKind | undefined;
if (!what || !EXPORT_KINDS.includes(what)) {
  console.error(`Ошибка: ${ui.badWhat}`);
  process.exit(2);
}
const today = todayIso();
const year = values.year ?? schoolYearOf(today);
if (!isSchoolYear(year)) {
  console.error(`Ошибка: --year: ожидается учебный год вида 2026-2027, получено «${year}»`);
  process.exit(2);
}
try {
  const file = await runExport(what, year, today);
  console.log(ui.written(displayPath(file)));
  console.log(ui.contents[what]);
} catch (e) {
  if (!(e instanceof ExportError)) throw e;
  console.error(`Ошибка: ${e.message}`);
  process.exit(1);
}
