/**
 * `npm run draft:program -- <programme>`: one personalised programme as a
 * .docx for signatures (mentor, mentee, curator; approval by order). A
 * private file in private/drafts/: it names people and the mentee's
 * difficulties. See docs/methodologist-guide.md.
 */
import { fail, parseCommand, runCommand, usage } from '../src/io/cli.ts';
import { contentDir, displayPath } from '../src/lib/content-dir.ts';
import { todayIso } from '../src/lib/dates.ts';
import { pack } from '../src/lib/docx/blocks.ts';
import { DraftContentError, loadDraftContent } from '../src/tools/docx/draft-content.ts';
import { programmeDocument } from '../src/lib/docx/programme.ts';
import { orderRef } from '../src/lib/docx/sources.ts';
import { writeFileAtomic } from '../src/io/atomic-write.ts';
import { privateDir } from '../src/io/private-dir.ts';

const HELP = `Персонализированная программа наставничества для подписей (.docx).

Использование: npm run draft:program -- ПРОГРАММА

  ПРОГРАММА   идентификатор файла программы (например np-2026-01) или её шифр (НП-2026-01)
  --help      эта справка

Файл записывается в private/drafts/: в нём ФИО и профессиональные затруднения
наставляемого — это закрытый документ. Работает с CONTENT_DIR.`;

const { positionals } = parseCommand(HELP, {});
const wanted = positionals[0];
if (!wanted) usage('укажите программу, например npm run draft:program -- np-2026-01');

await runCommand(async () => {
  const content = loadDraftContent(contentDir());
  const programme = content.programs.find((p) => p.id === wanted || p.data.code.toLowerCase() === wanted.toLowerCase());
  if (!programme) {
    const known = content.programs.map((p) => `${p.id} (${p.data.code})`).join(', ');
    fail(`программа «${wanted}» не найдена. Есть: ${known || 'ни одной'}.`);
  }
  const order = orderRef(content.documents, programme.data.order);
  const doc = programmeDocument({
    school: content.site.schoolName,
    programme: programme.data,
    people: content.people,
    vocab: content.vocab,
    year: Number(todayIso().slice(0, 4)),
    ...(order ? { order } : {}),
  });
  const file = privateDir('drafts', `programma-${programme.id}.docx`);
  writeFileAtomic(file, await pack(doc));
  console.log(`Программа ${programme.data.code} → ${displayPath(file)}`);
  console.log('Это закрытый документ с ФИО и затруднениями наставляемого: не публикуйте его.');
}, [DraftContentError]);
