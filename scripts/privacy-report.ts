/**
 * `npm run privacy:report`: writes the private personal-data report
 * (private/privacy-report.md and .json) and prints its summary.
 */
import { fail, parseCommand, usage } from '../src/io/cli.ts';
import fs from 'node:fs';
import path from 'node:path';
import { displayPath } from '../src/lib/content-dir.ts';
import { todayIso } from '../src/lib/dates.ts';
import { privateDir } from '../src/io/private-dir.ts';
import { reviewContent } from '../src/privacy/gate.ts';
import { buildPrivacyReport, privacyReportMarkdown } from '../src/privacy/privacy-report.ts';

const HELP = `Отчёт о персональных данных (для ответственного за обработку ПДн).

Использование: npm run privacy:report [-- --out ПАПКА] [-- --date ГГГГ-ММ-ДД]

Пишет private/privacy-report.md и private/privacy-report.json: кто и где
опубликован и по какому согласию, согласия, истекающие в ближайшие 30 дней,
отозванные согласия и что они убрали с сайта, сроки уничтожения данных
(ст. 21 152-ФЗ: 30 дней). Отчёт содержит персональные данные: закрытая папка
(PRIVATE_DIR, по умолчанию private/) не попадает ни в сайт, ни в Git; при
уничтожении данных участника (privacy:purge) отчёт, где он упомянут, удаляется.

  --out DIR    куда писать (по умолчанию PRIVATE_DIR, то есть private/)
  --date DATE  считать на эту дату (по умолчанию сегодня)
  --help       эта справка`;

const { values } = parseCommand(HELP, { out: { type: 'string' }, date: { type: 'string' } });
const today = values.date ?? todayIso();
if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) usage(`--date: ожидается дата в формате ГГГГ-ММ-ДД, получено «${today}»`);

const index = reviewContent(undefined, today);
if (!index.entries.get('site')?.size) fail('нет файла настроек settings/site.yaml или он с ошибками: запустите npm run validate.');
const report = buildPrivacyReport(index, today);
const out = values.out ?? privateDir();
fs.mkdirSync(out, { recursive: true });
const md = path.join(out, 'privacy-report.md');
fs.writeFileSync(md, privacyReportMarkdown(report));
fs.writeFileSync(path.join(out, 'privacy-report.json'), `${JSON.stringify(report, null, 2)}\n`);

const overdue = report.purges.filter((p) => p.status === 'просрочено');
console.log(`Отчёт: ${displayPath(path.resolve(md))}`);
console.log(
  `Участников: ${report.people.length}; истекают в течение 30 дней: ${report.expiring.length}; отозвано: ${report.withdrawn.length}; снято с публикации: ${report.withheld.length}.`,
);
if (overdue.length) {
  console.log(`Просрочено уничтожение данных: ${overdue.map((p) => p.id).join(', ')} — выполните npm run privacy:purge -- <id>.`);
  process.exit(1);
}
