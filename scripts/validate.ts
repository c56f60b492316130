/**
 * `npm run validate [-- --json]`: checks the content root (schemas,
 * references, files, consents) and exits non-zero on any error.
 */
import { parseArgs } from 'node:util';
import { displayPath, contentDir } from '../src/lib/content-dir.ts';
import { formatProblem, isError, sortProblems } from '../src/lib/problems.ts';
import { plural } from '../src/lib/plural.ts';
import { validateContent } from '../src/lib/validate-content.ts';

const HELP = `Проверка содержимого сайта.

Использование: npm run validate [-- --json]

Проверяет все файлы в CONTENT_DIR (по умолчанию content/): схемы, ссылки
между записями, файлы, согласия на обработку и распространение персональных
данных. Код выхода 1 — есть ошибки.

  --json    вывести список проблем в JSON: [{file, field?, rule, message}]
  --help    эта справка`;

const { values } = parseArgs({ options: { json: { type: 'boolean' }, help: { type: 'boolean' } } });
if (values.help) {
  console.log(HELP);
  process.exit(0);
}

const { problems, entries } = validateContent();
const sorted = sortProblems(problems);
const errors = sorted.filter(isError);

if (values.json) {
  console.log(
    JSON.stringify(
      sorted.map(({ file, field, rule, message, severity }) => ({ file, ...(field ? { field } : {}), rule, message, severity })),
      null,
      2,
    ),
  );
} else {
  const total = [...entries.values()].reduce((n, m) => n + m.size, 0);
  for (const p of sorted) console.log(formatProblem(p));
  const summary = errors.length
    ? `Найдено ошибок: ${errors.length}. Исправьте их и запустите проверку снова.`
    : `Проверено: ${plural(total, ['запись', 'записи', 'записей'])} в ${displayPath(contentDir()) || '.'}; ошибок нет.`;
  console.log(summary);
}
process.exit(errors.length ? 1 : 0);
