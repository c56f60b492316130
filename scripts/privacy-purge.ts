/**
 * `npm run privacy:purge -- <id>`: destroys a person's data after the
 * processing consent is withdrawn (152-ФЗ ст. 21), everywhere the tools
 * wrote it, writes the act and prints the commands that clean the Git
 * history. See src/tools/purge-command.ts.
 */
import { parseCommand, runCommand, usage } from '../src/io/cli.ts';
import { todayIso } from '../src/lib/dates.ts';
import { PurgeError, runPurge } from '../src/tools/purge-command.ts';

const HELP = `Уничтожение персональных данных участника (ст. 21 152-ФЗ).

Использование: npm run privacy:purge -- <id> [--dry-run] [--force] [--out ПАПКА]

Заменяет запись реестра отметкой об уничтожении (остаётся только id, ссылки
на него показываются как роль без подробностей), заменяет упоминания ФИО во
всём содержимом обезличенными в нужном падеже и убирает рядом стоящие
подробности (должность, категорию), удаляет фотографию и всё, что о человеке
записали инструменты методиста в закрытой папке (отчёты подбора и о ПДн,
черновики, выгрузки, журнал отмены, отпечатки импорта), пишет акт об
уничтожении (.docx, требования Приказа Роскомнадзора № 179) и выводит команды
для очистки истории Git. Срок — 30 дней с отзыва согласия. Уничтожение не
отменяется (npm run undo его не касается).

  --dry-run   показать, что будет сделано, ничего не меняя (с теми же проверками)
  --force     уничтожить, хотя согласие на обработку в реестре не отозвано
              (например, по письменному требованию человека)
  --out DIR   куда писать акт и список замен (по умолчанию PRIVATE_DIR, то есть private/)
  --help      эта справка`;

const { values, positionals } = parseCommand(HELP, { 'dry-run': { type: 'boolean' }, force: { type: 'boolean' }, out: { type: 'string' } });
if (positionals.length !== 1) usage('укажите одного участника: npm run privacy:purge -- p-007');

await runCommand(async () => {
  await runPurge(
    { id: positionals[0]!, today: todayIso(), dryRun: Boolean(values['dry-run']), force: Boolean(values.force), out: values.out },
    (line) => console.log(line),
  );
}, [PurgeError]);
