/**
 * `npm run export -- --what banks|pairs|monitoring`: the forms a district
 * collects from schools, as XLSX in private/exports/. See
 * docs/methodologist-guide.md and src/tools/export/.
 */
import { parseCommand, runCommand, schoolYearOption, usage } from '../src/io/cli.ts';
import { displayPath } from '../src/lib/content-dir.ts';
import { todayIso } from '../src/lib/dates.ts';
import { toolsUi } from '../src/i18n/ru.ts';
import { EXPORT_KINDS, ExportError, runExport, type ExportKind } from '../src/tools/export/export-command.ts';

const ui = toolsUi.export;
const { values } = parseCommand(ui.help, { what: { type: 'string' }, year: { type: 'string' } });
const what = values.what as ExportKind | undefined;
if (!what || !EXPORT_KINDS.includes(what)) usage(ui.badWhat);
const today = todayIso();
const year = schoolYearOption(values.year, today);
await runCommand(async () => {
  const file = await runExport(what, year, today);
  console.log(ui.written(displayPath(file)));
  console.log(ui.contents[what]);
}, [ExportError]);
