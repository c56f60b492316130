/**
 * `npm run match`: proposes a mentor for every mentee without a pair (stage 4)
 * and writes a private report; `--accept MENTEE=MENTOR` turns a proposal the
 * curator approved into a draft programme; `--reject` turns one down for the
 * school year. See docs/methodologist-guide.md and src/tools/matching/.
 */
import { parseCommand, runCommand, schoolYearOption, usage } from '../src/io/cli.ts';
import { todayIso } from '../src/lib/dates.ts';
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

const { values } = parseCommand(HELP, {
  year: { type: 'string' },
  accept: { type: 'string', multiple: true },
  reject: { type: 'string', multiple: true },
});
const today = todayIso();
const schoolYear = schoolYearOption(values.year, today);
if (values.accept?.length && values.reject?.length) usage('--accept и --reject — разными командами');

await runCommand(() => {
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
}, [MatchRefused]);
