/**
 * `npm run validate [-- --json]`: checks the content root (schemas,
 * references, files, consents). The exit code tells a CI job what to do:
 * stop (the site cannot be built correctly) or publish and tell the curator
 * (entries or fields withheld for privacy — publishing is what takes the
 * withheld data off the live site).
 */
import { parseCommand } from '../src/io/cli.ts';
import { displayPath, contentDir } from '../src/lib/content-dir.ts';
import { formatProblem, isError, sortProblems, type Problem } from '../src/lib/problems.ts';
import { plural } from '../src/lib/plural.ts';
import { reviewContent } from '../src/privacy/gate.ts';
import { isWithholding, PRIVACY_RULES } from '../src/privacy/review.ts';

/** Exit codes, documented in the help and the README (the usage error, 2, is the shared one of src/io/cli.ts). */
const EXIT = { ok: 0, broken: 1, withheld: 3 } as const;

const HELP = `Проверка содержимого сайта.

Использование: npm run validate [-- --json]

Проверяет все файлы в CONTENT_DIR (по умолчанию content/): схемы, ссылки
между записями, файлы, согласия на обработку и распространение персональных
данных.

  --json    вывести список проблем в JSON: [{file, field?, rule, message, severity}]
  --help    эта справка

Код выхода:
  0  всё в порядке (предупреждения возможны)
  1  сайт нельзя собрать правильно: исправьте ошибки — сборка остановится
  2  неверные параметры команды
  3  сайт собирается, но часть записей или полей снята с публикации
     (персональные данные без действующего согласия): публикуйте — так
     снятое уйдёт с сайта, — и сообщите куратору`;

const { values } = parseCommand(HELP, { json: { type: 'boolean' } });

let problems: Problem[];
let total = 0;
try {
  const index = reviewContent();
  problems = sortProblems(index.problems);
  total = [...index.entries.values()].reduce((n, m) => n + m.size, 0);
} catch (e) {
  // Whatever failed, a tool reading --json still gets a list, and the exit code says "stop".
  problems = [
    {
      file: displayPath(contentDir()) || '.',
      rule: 'internal',
      message: `проверка не завершилась: ${e instanceof Error ? e.message : String(e)}`,
      severity: 'error',
    },
  ];
}

const broken = problems.filter((p) => isError(p) && !PRIVACY_RULES.has(p.rule));
const withheld = problems.filter(isWithholding);
const code = broken.length ? EXIT.broken : withheld.length ? EXIT.withheld : EXIT.ok;

if (values.json) {
  console.log(
    JSON.stringify(
      problems.map(({ file, field, rule, message, severity }) => ({ file, ...(field ? { field } : {}), rule, message, severity })),
      null,
      2,
    ),
  );
} else {
  for (const p of problems) console.log(formatProblem(p));
  if (broken.length) console.log(`Найдено ошибок: ${broken.length}. Исправьте их и запустите проверку снова.`);
  else if (withheld.length)
    console.log(
      `Снято с публикации из-за персональных данных: ${withheld.length}. Сайт собирается без них; сообщите куратору (npm run privacy:report).`,
    );
  else console.log(`Проверено: ${plural(total, ['запись', 'записи', 'записей'])} в ${displayPath(contentDir()) || '.'}; ошибок нет.`);
}
process.exit(code);
