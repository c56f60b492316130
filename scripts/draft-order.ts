/**
 * `npm run draft:order`: a draft order «О закреплении наставнических пар и
 * групп» (.docx) from the school year's programmes. A private file in
 * private/drafts/: it names people. See docs/methodologist-guide.md.
 */
import { fail, parseCommand, schoolYearOption } from '../src/io/cli.ts';
import path from 'node:path';
import { contentDir, displayPath } from '../src/lib/content-dir.ts';
import { todayIso } from '../src/lib/dates.ts';
import { pack } from '../src/lib/docx/blocks.ts';
import { DraftContentError, loadDraftContent } from '../src/tools/docx/draft-content.ts';
import { orderDocument } from '../src/lib/docx/order.ts';
import { findRegulation } from '../src/lib/docx/sources.ts';
import { plural } from '../src/lib/plural.ts';
import { writeFileAtomic } from '../src/io/atomic-write.ts';
import { privateDir } from '../src/io/private-dir.ts';
import { isWorkingDay } from '../src/tools/working-days.ts';

const HELP = `Проект приказа «О закреплении наставнических пар и групп» (.docx).

Использование: npm run draft:order [-- --year 2026-2027] [--all]

  --year ГГГГ-ГГГГ  учебный год (по умолчанию текущий)
  --all             включить и программы, уже закреплённые приказом (поле «Приказ о закреплении»)
  --help            эта справка

Берёт программы учебного года, ещё не закреплённые приказом (обычно — принятые
командой npm run match -- --accept). Файл записывается в private/drafts/: в нём
ФИО участников, это закрытый черновик. Работает с CONTENT_DIR.`;

const { values } = parseCommand(HELP, { year: { type: 'string' }, all: { type: 'boolean' } });
const today = todayIso();
const schoolYear = schoolYearOption(values.year, today);

try {
  const content = loadDraftContent(contentDir());
  const programs = content.programs.filter((p) => p.data.schoolYear === schoolYear && (values.all || p.data.order === undefined));
  if (programs.length === 0) {
    fail(
      `в ${schoolYear} учебном году нет программ${values.all ? '' : ', не закреплённых приказом (добавьте --all, чтобы включить все)'}. Примите пары: npm run match -- --accept …`,
    );
  }
  const missing = programs
    .flatMap((p) => [p.data.mentor, ...p.data.mentees, ...(p.data.curator ? [p.data.curator] : [])])
    .filter((id) => !content.people.has(id));
  const regulation = findRegulation(content.documents);
  const doc = orderDocument({
    school: content.site.schoolName,
    schoolYear,
    programs,
    people: content.people,
    vocab: content.vocab,
    year: Number(today.slice(0, 4)),
    ...(regulation ? { regulation } : {}),
    city: content.site.documents.city,
    director: content.site.documents.director,
  });
  const file = privateDir('drafts', `prikaz-o-zakreplenii-par-${schoolYear}.docx`);
  writeFileAtomic(file, await pack(doc));
  console.log(
    `Проект приказа: ${plural(programs.length, ['программа', 'программы', 'программ'])} (${programs.map((p) => p.data.code).join(', ')}) → ${displayPath(file)}`,
  );
  if (!regulation) console.log('Внимание: в документах нет Положения о наставничестве школы — в преамбуле общая формулировка.');
  if (!content.site.documents.city || !content.site.documents.director)
    console.log(
      'Внимание: в настройках сайта (settings/site.yaml, «Реквизиты документов») не указаны место издания или руководитель — в приказе пустые строки.',
    );
  const offDays = programs.filter((p) => !isWorkingDay(p.data.term.from));
  if (offDays.length)
    console.log(
      `Внимание: программы начинаются в нерабочий день: ${offDays.map((p) => `${p.data.code} (${p.data.term.from})`).join(', ')} — перенесите начало в CMS.`,
    );
  if (missing.length)
    console.log(`Внимание: нет в реестре (данные удалены или ошибка в записи): ${[...new Set(missing)].join(', ')} — в приказе отмечены.`);
  console.log(
    `Это закрытый черновик с ФИО: не публикуйте его; в разделе документов сайта публикуется подписанный приказ без приложения. Папка: ${displayPath(path.dirname(file))}`,
  );
} catch (e) {
  if (e instanceof DraftContentError) {
    console.error(`Ошибка: ${e.message}`);
    process.exit(1);
  }
  throw e;
}
