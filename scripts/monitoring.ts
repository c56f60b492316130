/**
 * `npm run monitoring -- --cycle 2025-2026`: aggregates the private
 * satisfaction answers of a cycle (stage 6) into the public
 * content/monitoring/<cycle>.yaml. Groups of fewer than 5 respondents are
 * suppressed; open answers are never published. See docs/methodologist-guide.md.
 */
import { fail, parseCommand, schoolYearOption } from '../src/io/cli.ts';
import fs from 'node:fs';
import path from 'node:path';
import { Document, isScalar, parseDocument, visit } from 'yaml';
import { contentDir, displayPath } from '../src/lib/content-dir.ts';
import { todayIso } from '../src/lib/dates.ts';
import { aggregateGroups, cycleSummary, groupSummary, type GroupResult } from '../src/lib/monitoring.ts';
import { plural } from '../src/lib/plural.ts';
import { errorsIn, reviewContent } from '../src/privacy/gate.ts';
import { toolsUi } from '../src/i18n/ru.ts';
import { applyChanges } from '../src/tools/journal.ts';
import { COLLECTIONS } from '../src/schema/index.ts';
import { MIN_GROUP, monitoringSchema } from '../src/schema/monitoring.ts';
import type { SurveyAnswers } from '../src/schema/survey-answers.ts';
import { RESPONDENT_ROLES, SATISFACTION_SCALES, YES_NO_ITEMS } from '../src/schema/vocab.ts';

const HELP = `Сводные результаты мониторинга (этап 6) для сайта.

Использование: npm run monitoring -- --cycle 2025-2026 [--dry-run]

  --cycle ГГГГ-ГГГГ  учебный год (по умолчанию текущий)
  --dry-run          только показать итоги, ничего не записывать
  --help             эта справка

Собирает закрытые ответы анкет удовлетворённости этого цикла
(content/registry/answers/, их вносит npm run import:survey -- … --kind monitoring)
в content/monitoring/<цикл>.yaml: по группам (наставники, наставляемые) — средние
и распределения оценок 1–10 и ответы «да/нет». Группа меньше ${MIN_GROUP} человек
публикуется без цифр; ответы на открытые вопросы не публикуются никогда. Заголовок
и выводы уже существующего файла сохраняются. Запись отменяет npm run undo.
Работает с CONTENT_DIR и PRIVATE_DIR.`;

const { values } = parseCommand(HELP, { cycle: { type: 'string' }, 'dry-run': { type: 'boolean' } });
const today = todayIso();
const cycle = schoolYearOption(values.cycle, today, '--cycle');

const root = contentDir();
const index = reviewContent(root);
const broken = errorsIn(index, 'answers', root);
if (broken.length) fail(`файлы ответов с ошибками — исправьте их сначала:\n${broken.map((p) => `  ${p.file}: ${p.message}`).join('\n')}`);
const batches = [...(index.entries.get('answers')?.values() ?? [])]
  .map((e) => ({ file: e.file, data: e.parsed as unknown as SurveyAnswers }))
  .filter((b) => b.data.cycle === cycle);
const responses = batches.flatMap((b) => b.data.responses);
if (responses.length === 0) {
  fail(
    `ответов анкет за ${cycle} нет в ${displayPath(path.join(root, COLLECTIONS.answers.dir))}: импортируйте их — npm run import:survey -- ФАЙЛ --kind monitoring --cycle ${cycle}`,
  );
}
const { groups, notes } = aggregateGroups(responses);

/** Group objects without empty defaults, as an editor would write them. */
function tidy(g: GroupResult): Record<string, unknown> {
  return {
    role: g.role,
    respondents: g.respondents,
    ...(g.suppressed ? { suppressed: true } : {}),
    ...(g.scales.length
      ? { scales: g.scales.map((s) => ({ item: s.item, mean: s.mean, answered: s.answered, distribution: s.distribution })) }
      : {}),
    ...(g.yesNo.length ? { yesNo: g.yesNo } : {}),
  };
}

const file = path.join(root, COLLECTIONS.monitoring.dir, `${cycle}.yaml`);
const dates = batches.flatMap((b) => b.data.responses.map((r) => r.submitted ?? b.data.imported)).sort();
const collected = { from: dates[0]!, to: dates[dates.length - 1]! };
let doc: Document;
if (fs.existsSync(file)) {
  doc = parseDocument(fs.readFileSync(file, 'utf8'));
  if (doc.errors.length) fail(`${displayPath(file)}: ошибка синтаксиса YAML — исправьте файл или удалите его`);
  doc.set('collected', doc.createNode(collected, { flow: false }));
  doc.set('groups', doc.createNode(groups.map(tidy)));
} else {
  doc = new Document({
    cycle,
    title: `Мониторинг качества реализации персонализированных программ наставничества, ${cycle} учебный год`,
    collected,
    stage: 'process',
    summary: cycleSummary(groups),
    groups: groups.map(tidy),
  });
  doc.commentBefore = ' Сводные результаты анкетирования (npm run monitoring). Сырые ответы — только в закрытом реестре.';
}
// Distributions read best on one line: [0, 0, 0, 0, 0, 0, 1, 2, 4, 1].
visit(doc, {
  Seq(_, seq) {
    if (seq.items.length > 0 && seq.items.every((i) => isScalar(i) && typeof i.value === 'number')) seq.flow = true;
  },
});
const text = doc.toString({ lineWidth: 100, minContentWidth: 40, flowCollectionPadding: false });
const parsed = monitoringSchema().safeParse(parseDocument(text).toJS());
if (!parsed.success)
  fail(`результат не проходит проверку схемы: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);

console.log(
  `Мониторинг ${cycle}: ${plural(responses.length, ['анкета', 'анкеты', 'анкет'])} из ${plural(batches.length, ['выгрузки', 'выгрузок', 'выгрузок'])}.`,
);
for (const g of groups) console.log(`  ${groupSummary(g)}`);
const roleOf = (s: string) => RESPONDENT_ROLES[s.split('/')[0] as keyof typeof RESPONDENT_ROLES];
const itemOf = (s: string) => {
  const item = s.split('/')[1]!;
  return SATISFACTION_SCALES[item as keyof typeof SATISFACTION_SCALES] ?? YES_NO_ITEMS[item as keyof typeof YES_NO_ITEMS] ?? item;
};
for (const h of notes.hiddenItems) console.log(`  Скрыто: «${itemOf(h)}» (${roleOf(h)}) — ответили меньше ${MIN_GROUP} человек.`);
console.log('Ответы на открытые вопросы не публикуются: прочитайте их в закрытых файлах ответов.');
if (values['dry-run']) {
  console.log(`Пробный запуск: ${displayPath(file)} не изменён.`);
  process.exit(0);
}
const entry = applyChanges([{ path: file, data: text }], {
  command: `npm run monitoring -- ${process.argv.slice(2).join(' ')}`.trim(),
  summary: `сводные результаты мониторинга ${cycle}`,
});
console.log(
  `Записано: ${displayPath(file)}. Проверьте заголовок и выводы (summary) — их пишет редактор.${entry ? ` ${toolsUi.undoHint}` : ''}`,
);
