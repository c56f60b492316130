/**
 * `npm run privacy:purge -- <id>`: destroys a person's data after the
 * processing consent is withdrawn (152-ФЗ ст. 21) and prints the commands
 * that clean the Git history.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { contentDir, displayPath } from '../src/lib/content-dir.ts';
import { todayIso } from '../src/lib/dates.ts';
import { reviewContent } from '../src/privacy/gate.ts';
import { applyPurge, historyCommands, planPurge, purgeAct, PurgeError } from '../src/privacy/purge.ts';
import { isPerson, processingState } from '../src/privacy/consent-policy.ts';
import { registryOf } from '../src/privacy/registry.ts';

const HELP = `Уничтожение персональных данных участника (ст. 21 152-ФЗ).

Использование: npm run privacy:purge -- <id> [--dry-run] [--out private]

Заменяет запись реестра отметкой об уничтожении (остаётся только id, ссылки
на него показываются как роль без подробностей), заменяет упоминания ФИО во
всём содержимом обезличенными, удаляет фотографию, пишет акт в private/purge/
и выводит команды для очистки истории Git. Срок — 30 дней с отзыва согласия.

  --dry-run   показать, что будет сделано, ничего не меняя
  --force     уничтожить, хотя согласие на обработку в реестре не отозвано
              (например, по письменному требованию человека)
  --out DIR   куда писать акт и список замен (по умолчанию private/)
  --help      эта справка`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'dry-run': { type: 'boolean' },
    force: { type: 'boolean' },
    out: { type: 'string', default: 'private' },
    help: { type: 'boolean' },
  },
});
if (values.help || positionals.length !== 1) {
  console.log(HELP);
  process.exit(values.help ? 0 : 2);
}

const id = positionals[0]!;
const today = todayIso();
const root = contentDir();
try {
  const registry = registryOf(reviewContent(root, today));
  const record = registry.get(id);
  if (record && isPerson(record) && processingState(record, today) !== 'withdrawn' && !values.force && !values['dry-run']) {
    throw new PurgeError(
      `согласие участника «${id}» на обработку не отозвано; если есть письменное требование об уничтожении, повторите с --force`,
    );
  }
  const plan = planPurge(root, registry, id, today);
  console.log(`Участник ${id}: отзыв согласия ${plan.tombstone.withdrawn}, уничтожение ${plan.tombstone.purged}.`);
  console.log(`- запись реестра → отметка об уничтожении: ${displayPath(plan.registryFile)}`);
  for (const e of plan.edits) console.log(`- упоминаний заменено: ${e.mentions} в ${displayPath(e.file)}`);
  for (const f of plan.deletions) console.log(`- удаляется файл: ${displayPath(f)}`);
  if (values['dry-run']) {
    console.log('Пробный запуск: ничего не изменено.');
    process.exit(0);
  }
  const dir = path.join(values.out, 'purge');
  fs.mkdirSync(dir, { recursive: true });
  const replacements = path.resolve(dir, `${id}-replace-text.txt`);
  fs.writeFileSync(replacements, `${plan.replacements.join('\n')}\n`);
  applyPurge(plan);
  const act = path.join(dir, `${id}-act-${today}.md`);
  fs.writeFileSync(act, purgeAct(plan));
  console.log(`Акт: ${displayPath(path.resolve(act))}`);
  console.log('\nДанные удалены из текущих файлов. Чтобы удалить их и из истории Git:\n');
  for (const line of historyCommands(plan, replacements)) console.log(line);
} catch (err) {
  if (err instanceof PurgeError) {
    console.error(`Ошибка: ${err.message}`);
    process.exit(1);
  }
  throw err;
}
