/**
 * `npm run import:survey -- FILE --kind mentee|mentor|monitoring`: fills the
 * banks of mentees and mentors (stages 2–3) and the monitoring answers
 * (stage 6) from a form service's export. Dry run by default; `--write`
 * applies. See docs/methodologist-guide.md and src/tools/survey/import-command.ts.
 */
import { fail, parseCommand, schoolYearOption, usage } from '../src/io/cli.ts';
import path from 'node:path';
import { contentDir, displayPath } from '../src/lib/content-dir.ts';
import { todayIso } from '../src/lib/dates.ts';
import { readVocabularies } from '../src/validate/site-settings.ts';
import { MappingError, type SurveyKind } from '../src/tools/survey/mapping.ts';
import { TableReadError } from '../src/tools/survey/read-table.ts';
import { SecretKeyError } from '../src/privacy/secret-key.ts';
import { ImportRefused, runImport } from '../src/tools/survey/import-command.ts';

const HELP = `Импорт анкет из выгрузки Яндекс Форм, Google Forms, VK и других сервисов.

Использование:
  npm run import:survey -- ФАЙЛ --kind mentee|mentor|monitoring [--write]

  ФАЙЛ              выгрузка CSV (UTF-8 или Windows-1251, разделитель «;» или «,») или XLSX
  --kind mentee     анкеты наставляемых → реестр (банк наставляемых, этап 2)
  --kind mentor     анкеты кандидатов в наставники → реестр (банк наставников, этап 3)
  --kind monitoring анкеты удовлетворённости → закрытые ответы мониторинга (этап 6)
  --write           записать изменения (без него — пробный запуск: только отчёт)
  --overwrite       заменить и значения, введённые в реестр вручную (пробный запуск их покажет)
  --mapping ФАЙЛ    файл сопоставления колонок и ответов (YAML), если в форме свои формулировки
  --make-mapping ФАЙЛ  записать файл сопоставления по заголовкам этой выгрузки (ничего не импортируя)
  --encoding КОД    кодировка CSV, если определилась неверно (например windows-1251)
  --cycle ГГГГ-ГГГГ учебный год мониторинга (по умолчанию текущий)
  --role mentor|mentee  группа респондентов, если в выгрузке мониторинга нет колонки с ролью
  --help            эта справка

Вид анкеты проверяется по её вопросам: анкету наставников нельзя импортировать
как анкету наставляемых. Участники сопоставляются с реестром по ФИО в любом
порядке слов (ё и е не различаются). Обновляются только поля, на которые есть
ответ; списки дополняются; значение, введённое вручную, без --overwrite не
заменяется; более поздний ответ (по времени в выгрузке) важнее раннего. Нового
участника можно внести только с датой согласия на обработку персональных
данных. Ответы мониторинга учитываются один раз, даже из другой выгрузки той же
формы. Каждую запись с --write отменяет npm run undo. Работает с CONTENT_DIR
(по умолчанию content/) и PRIVATE_DIR (по умолчанию private/).`;

const { values, positionals } = parseCommand(HELP, {
  kind: { type: 'string' },
  write: { type: 'boolean' },
  overwrite: { type: 'boolean' },
  mapping: { type: 'string' },
  'make-mapping': { type: 'string' },
  encoding: { type: 'string' },
  cycle: { type: 'string' },
  role: { type: 'string' },
});
const file = positionals[0];
if (!file) usage('укажите файл выгрузки');
const kind = values.kind as SurveyKind | undefined;
if (!kind || !['mentee', 'mentor', 'monitoring'].includes(kind)) usage('укажите --kind mentee, --kind mentor или --kind monitoring');
if (values.role && !['mentor', 'mentee'].includes(values.role)) usage('--role: допустимо mentor или mentee');

const root = contentDir();
const today = todayIso();
const cycle = schoolYearOption(values.cycle, today, '--cycle');
const vocab = readVocabularies(root);
if (!vocab)
  fail(
    `${displayPath(path.join(root, 'settings', 'vocabularies.yaml'))}: справочники не найдены или с ошибками — запустите npm run validate`,
  );

try {
  const code = await runImport(
    {
      file,
      kind,
      write: Boolean(values.write),
      overwrite: Boolean(values.overwrite),
      mapping: values.mapping,
      encoding: values.encoding,
      cycle,
      role: values.role as 'mentor' | 'mentee' | undefined,
      makeMapping: values['make-mapping'],
      root,
      today,
      vocab,
      command: `npm run import:survey -- ${process.argv.slice(2).join(' ')}`,
    },
    (line) => console.log(line),
  );
  process.exit(code);
} catch (e) {
  if (e instanceof TableReadError || e instanceof MappingError || e instanceof ImportRefused) fail(`${file}: ${e.message}`);
  if (e instanceof SecretKeyError) fail(e.message);
  throw e;
}
