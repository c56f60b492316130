/**
 * `npm run undo`: reverts the last change a methodologist's tool made
 * (`import:survey --write`, `match --accept`, `match --reject`,
 * `monitoring`) and says what it reverted. See src/tools/journal.ts.
 */
import { parseCommand } from '../src/io/cli.ts';
import { displayPath } from '../src/lib/content-dir.ts';
import { toolsUi } from '../src/i18n/ru.ts';
import { journalDir, readJournal, undoLast, UndoError } from '../src/tools/journal.ts';

const ui = toolsUi.undo;
const { values } = parseCommand(ui.help, { list: { type: 'boolean' } });
if (values.list) {
  const entries = readJournal();
  if (entries.length === 0) console.log(ui.empty);
  for (const e of entries.reverse()) console.log(ui.listItem(e.at, e.summary, e.command, e.files.length));
  process.exit(0);
}
try {
  const { entry, restored, deleted } = undoLast();
  console.log(ui.done(entry.summary, entry.command, entry.at));
  for (const f of restored) console.log(ui.restored(displayPath(f)));
  for (const f of deleted) console.log(ui.deleted(displayPath(f)));
  const left = readJournal().length;
  console.log(left ? ui.more(left) : ui.last);
} catch (e) {
  if (!(e instanceof UndoError)) throw e;
  if (!e.entry) {
    console.log(ui.empty);
    process.exit(0);
  }
  console.error(ui.conflict(e.entry.summary, e.entry.command, e.changed.map(displayPath), displayPath(`${journalDir()}/${e.entry.name}`)));
  process.exit(1);
}
