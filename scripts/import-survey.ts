/**
 * `npm run import:survey -- FILE --kind mentee|mentor|monitoring`: fills the
 * banks of mentees and mentors (stages 2–3) and the monitoring answers
 * (stage 6) from a form service's export. Dry run by default; `--write`
 * applies. See docs/methodologist-guide.md.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Document, parseDocument } from 'yaml';
import { contentDir, displayPath } from '../src/lib/content-dir.ts';
import { todayIso } from '../src/lib/dates.ts';
import { plural } from '../src/lib/plural.ts';
import { readVocabularies } from '../src/validate/site-settings.ts';
import { readAnswerRows } from '../src/tools/survey/answer-rows.ts';
import { KIND_LABELS, loadMapping, MappingError, type SurveyKind } from '../src/tools/survey/mapping.ts';
import { planMerge, readRegistryFiles, STATE_FILE, stateText } from '../src/tools/survey/merge.ts';
import { readPersonRows } from '../src/tools/survey/person-rows.ts';
import { readTable, TableReadError } from '../src/tools/survey/read-table.ts';
import { formatImportReport, formatNote } from '../src/tools/survey/import-report.ts';
import { isSchoolYear, schoolYearOf } from '../src/tools/survey/school-year.ts';
import { writeFilesAtomic as writeAll } from '../src/io/atomic-write.ts';
import { isPerson } from '../src/privacy/consent-policy.ts';
import { surveyAnswersSchema } from '../src/schema/survey-answers.ts';
import { COLLECTIONS } from '../src/schema/index.ts';

const HELP = `Импорт анкет из выгрузки Яндекс Форм, Google Forms, VK и других сервисов.

Использование:
  npm run import:survey -- ФАЙЛ --kind mentee|mentor|monitoring [--write]

  ФАЙЛ              выгрузка CSV (UTF-8 или Windows-1251, разделитель «;» или «,») или XLSX
  --kind mentee     анкеты наставляемых → реестр (банк наставляемых, этап 2)
  --kind mentor     анкеты кандидатов в наставники → реестр (банк наставников, этап 3)
  --kind monitoring анкеты удовлетворённости → закрытые ответы мониторинга (этап 6)
  --write           записать изменения (без него — пробный запуск: только отчёт)
  --mapping ФАЙЛ    файл сопоставления колонок и ответов (YAML), если в форме свои формулировки
  --encoding КОД    кодировка CSV, если определилась неверно (например windows-1251)
  --cycle ГГГГ-ГГГГ учебный год мониторинга (по умолчанию текущий)
  --role mentor|mentee  группа респондентов, если в выгрузке мониторинга нет колонки с ролью
  --help            эта справка

Участники сопоставляются с реестром по ФИО (ё и е не различаются). Обновляются
только поля, на которые есть ответ; списки дополняются. Поле, изменённое в
реестре вручную после прошлого импорта, не перезаписывается. Нового участника
можно внести только с датой согласия на обработку персональных данных
(отдельная колонка выгрузки). Работает с CONTENT_DIR (по умолчанию content/).`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    kind: { type: 'string' },
    write: { type: 'boolean' },
    mapping: { type: 'string' },
    encoding: { type: 'string' },
    cycle: { type: 'string' },
    role: { type: 'string' },
    help: { type: 'boolean' },
  },
});

function fail(message: string, code = 1): never {
  console.error(`Ошибка: ${message}`);
  process.exit(code);
}

if (values.help) {
  console.log(HELP);
  process.exit(0);
}
const file = positionals[0];
if (!file) fail('укажите файл выгрузки. Справка: npm run import:survey -- --help', 2);
const kind = values.kind as SurveyKind | undefined;
if (!kind || !['mentee', 'mentor', 'monitoring'].includes(kind)) fail('укажите --kind mentee, --kind mentor или --kind monitoring', 2);
if (values.role && !['mentor', 'mentee'].includes(values.role)) fail('--role: допустимо mentor или mentee', 2);

const root = contentDir();
const today = todayIso();
const vocab = readVocabularies(root);
if (!vocab)
  fail(
    `${displayPath(path.join(root, 'settings', 'vocabularies.yaml'))}: справочники не найдены или с ошибками — запустите npm run validate`,
  );

async function main(): Promise<number> {
  const mapping = loadMapping(kind!, vocab!, values.mapping);
  const table = await readTable(file!, values.encoding);
  const source = path.basename(file!);

  if (kind === 'monitoring') {
    const cycle = values.cycle ?? schoolYearOf(today);
    if (!isSchoolYear(cycle)) fail(`--cycle: ожидается учебный год вида 2025-2026, получено «${cycle}»`, 2);
    const { responses, notes, unknownColumns } = readAnswerRows(table, mapping, values.role as 'mentor' | 'mentee' | undefined);
    const sha256 = crypto.createHash('sha256').update(fs.readFileSync(file!)).digest('hex');
    const dir = path.join(root, COLLECTIONS.answers.dir);
    const target = path.join(dir, `${cycle}-${sha256.slice(0, 8)}.yaml`);
    console.log(`Импорт: ${KIND_LABELS.monitoring}, файл «${source}», цикл ${cycle}`);
    console.log(`Прочитано: ${table.format}; ${plural(table.rows.length, ['строка', 'строки', 'строк'])} с ответами.`);
    if (unknownColumns.length) {
      console.log('\nКолонки, которые не переносятся (ФИО и другие вопросы не из анкеты удовлетворённости):');
      for (const c of unknownColumns) console.log(`  «${c}»`);
    }
    if (notes.length) {
      console.log('\nПропущенные строки и непонятые ответы:');
      for (const n of notes) console.log(formatNote(n));
    }
    const duplicate = fs.existsSync(dir)
      ? fs
          .readdirSync(dir)
          .find((n) => (parseDocument(fs.readFileSync(path.join(dir, n), 'utf8')).toJS() as { sha256?: string } | null)?.sha256 === sha256)
      : undefined;
    if (duplicate) {
      console.log(`\nЭтот файл уже импортирован: ${displayPath(path.join(dir, duplicate))}. Ответы не удваиваются — менять нечего.`);
      return 0;
    }
    if (responses.length === 0) fail('в выгрузке нет ни одной читаемой анкеты — ничего не записано');
    const batch = { kind: 'monitoring', cycle, source, sha256, imported: today, responses };
    const parsed = surveyAnswersSchema().safeParse(batch);
    if (!parsed.success)
      fail(`ответы не проходят проверку схемы: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    const byRole = (r: string) => responses.filter((x) => x.role === r).length;
    console.log(
      `\nАнкет к импорту: ${responses.length} (наставники — ${byRole('mentor')}, наставляемые — ${byRole('mentee')}) → ${displayPath(target)}`,
    );
    console.log('Ответы хранятся закрыто; на сайт попадут только сводные данные после npm run monitoring.');
    if (!values.write) {
      console.log('Это пробный запуск: файлы не изменены. Чтобы применить, повторите команду с --write.');
      return 0;
    }
    const doc = new Document(parsed.data);
    doc.commentBefore = ` Закрыто: ответы анкеты удовлетворённости (${cycle}). Не публикуются; сводные данные — npm run monitoring.`;
    writeAll([{ path: target, data: doc.toString({ lineWidth: 0, flowCollectionPadding: false }) }]);
    console.log(`Записано: ${displayPath(target)}.`);
    return 0;
  }

  const { files, state } = readRegistryFiles(root);
  const people = files
    .filter((f) => isPerson(f.record))
    .map((f) => ({ id: f.id, name: (f.record as { name: { last: string; first: string; middle?: string } }).name }));
  const rows = readPersonRows(table, mapping, { vocab: vocab!, people, currentYear: Number(today.slice(0, 4)) });
  const plan = planMerge({
    kind: kind!,
    people: rows.people,
    files,
    state,
    ids: { subjects: new Set(vocab!.subjects.map((s) => s.id)), difficulties: new Set(vocab!.difficulties.map((d) => d.id)) },
    today,
    source,
    hasConsentColumn: rows.hasConsentColumn,
    root,
  });
  plan.notes.unshift(...rows.notes);
  const write = Boolean(values.write) && plan.problems.length === 0;
  if (write) {
    const stateFile = path.join(root, STATE_FILE);
    const nextState = stateText(plan.state);
    const stateChanged = !fs.existsSync(stateFile) || fs.readFileSync(stateFile, 'utf8') !== nextState;
    writeAll([
      ...plan.changes.map((c) => ({ path: c.path, data: c.text })),
      ...(stateChanged ? [{ path: stateFile, data: nextState }] : []),
    ]);
  }
  console.log(
    formatImportReport(
      plan,
      {
        source,
        format: table.format,
        rows: table.rows.length,
        kindLabel: KIND_LABELS[kind!],
        mapping: mapping.source === 'по умолчанию' ? 'по умолчанию' : `файл «${mapping.source}»`,
        unknownColumns: rows.unknownColumns,
        ignoredColumns: rows.ignoredColumns,
      },
      vocab!,
      write,
    ),
  );
  return plan.problems.length ? 1 : 0;
}

try {
  process.exit(await main());
} catch (e) {
  if (e instanceof TableReadError || e instanceof MappingError) fail(`${file}: ${e.message}`);
  throw e;
}
