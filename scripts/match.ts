/**
 * `npm run match`: proposes a mentor for every mentee without a pair (stage 4)
 * and writes a private report; `--accept MENTEE=MENTOR` turns a proposal the
 * curator approved into a draft programme; `--reject` turns one down for the
 * school year. See docs/methodologist-guide.md and src/tools/matching/.
 */
import { parseArgs } from 'node:util';
import { todayIso } from '../src/lib/dates.ts';
import { isSchoolYear, schoolYearOf } from '../src/tools/survey/school-year.ts';
import { MatchRefused, runMatch } from '../src/tools/matching/match-command.ts';

const HELP = `Подбор наставников для наставляемых без пары (этап 4 дорожной карты).

Использование:
  npm run match [-- --year 2026-2027]
  npm run match -- --accept НАСТАВЛЯЕМЫЙ=НАСТАВНИК [--accept …]
  npm run match -- --reject НАСТАВЛЯЕМЫЙ=НАСТАВНИК [--reject …]

  --year ГГГГ-ГГГГ   учебный год (по умолчанию текущий)
  --accept A=B       принять пару: наставляемый A (например p-008) и наставник B (p-002);
                     для группы перечислите наставляемых через запятую: p-009,p-011=p-004.
                     Создаёт проект программы в content/programs/ со статусом «проект».
  --reject A=B       отклонить предложенную пару: в этом учебном году она больше не предлагается
  --help             эта справка

Наставляемые, завершившие программу в прошлые годы, повторно не предлагаются
(пару для них можно принять вручную). Отчёт (Markdown и JSON) записывается в
private/match/ новым файлом при каждом запуске — это закрытые файлы: в них ФИО
и профессиональные запросы педагогов. --accept и --reject отменяет npm run undo.
Работает с CONTENT_DIR и PRIVATE_DIR.`;

const { values } = parseArgs({
  options: {
    year: { type: 'string' },
    accept: { type: 'string', multiple: true },
    reject: { type: 'string', multiple: true },
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
const today = todayIso();
const schoolYear = values.year ?? schoolYearOf(today);
if (!isSchoolYear(schoolYear)) fail(`--year: ожидается учебный год вида 2026-2027, получено «${schoolYear}»`, 2);
if (values.accept?.length && values.reject?.length) fail('--accept и --reject — разными командами', 2);

try {
  runMatch(
    {
      schoolYear,
      today,
      accept: values.accept ?? [],
      reject: values.reject ?? [],
      command: `npm run match -- ${process.argv.slice(2).join(' ')}`.trim(),
    },
    (line) => console.log(line),
  );
} catch (e) {
  if (e instanceof MatchRefused) fail(e.message, e.code);
  throw e;
}
