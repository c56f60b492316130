/**
 * `npm run match`: proposes a mentor for every mentee without a pair (stage 4)
 * and writes a private report; `--accept MENTEE=MENTOR` turns a proposal the
 * curator approved into a draft programme. See docs/methodologist-guide.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { contentDir, displayPath } from '../src/lib/content-dir.ts';
import { todayIso } from '../src/lib/dates.ts';
import { AcceptError, draftProgramme } from '../src/tools/matching/accept.ts';
import { proposeMatches } from '../src/tools/matching/match-mentors.ts';
import { matchJson, matchMarkdown, matchSummary } from '../src/tools/matching/match-report.ts';
import { reviewContent, vocabulariesOf } from '../src/privacy/gate.ts';
import { isSchoolYear, schoolYearOf } from '../src/tools/survey/school-year.ts';
import { writeFilesAtomic as writeAll } from '../src/io/atomic-write.ts';
import { privateDir } from '../src/io/private-dir.ts';
import { peopleOf, registryOf } from '../src/privacy/registry.ts';
import { COLLECTIONS } from '../src/schema/index.ts';
import type { Program } from '../src/schema/programs.ts';

const HELP = `Подбор наставников для наставляемых без пары (этап 4 дорожной карты).

Использование:
  npm run match [-- --year 2026-2027]
  npm run match -- --accept НАСТАВЛЯЕМЫЙ=НАСТАВНИК [--accept …]

  --year ГГГГ-ГГГГ   учебный год (по умолчанию текущий)
  --accept A=B       принять пару: наставляемый A (например p-008) и наставник B (p-002);
                     для группы перечислите наставляемых через запятую: p-009,p-011=p-004.
                     Создаёт проект программы в content/programs/ со статусом «проект».
  --help             эта справка

Отчёт (Markdown и JSON) записывается в private/match/ — это закрытые файлы:
в них ФИО и профессиональные запросы педагогов. Работает с CONTENT_DIR.`;

const { values } = parseArgs({
  options: {
    year: { type: 'string' },
    accept: { type: 'string', multiple: true },
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

const root = contentDir();
const index = reviewContent(root);
const registry = registryOf(index);
const people = peopleOf(registry);
const programs = [...(index.entries.get('programs')?.values() ?? [])].map((e) => ({ id: e.id, data: e.parsed as unknown as Program }));
const vocab = vocabulariesOf(index);
if (!vocab) fail('справочники (content/settings/vocabularies.yaml) не найдены или с ошибками — запустите npm run validate');
const brokenPeople = index.problems.filter((p) => p.file.includes('/registry/people/') && p.severity === 'error');
if (brokenPeople.length)
  console.warn(`Внимание: ${brokenPeople.length} ошибок в реестре — эти записи не участвуют в подборе (npm run validate покажет их).`);

if (values.accept?.length) {
  const byId = new Map(people.map((p) => [p.id, p]));
  const result = proposeMatches({ people, programs, vocab, today, schoolYear });
  const files: { path: string; data: string }[] = [];
  const accepted = [...programs];
  for (const arg of values.accept) {
    const m = /^([a-z0-9-]+(?:,[a-z0-9-]+)*)=([a-z0-9-]+)$/.exec(arg.trim());
    if (!m) fail(`--accept ${arg}: ожидается НАСТАВЛЯЕМЫЙ=НАСТАВНИК, например p-008=p-002`, 2);
    const mentees = m[1]!.split(',');
    const mentor = m[2]!;
    try {
      const draft = draftProgramme({ mentor, mentees, people: byId, programs: accepted, today, schoolYear });
      const file = path.join(root, COLLECTIONS.programs.dir, `${draft.id}.md`);
      if (fs.existsSync(file)) fail(`${displayPath(file)} уже существует`);
      files.push({ path: file, data: draft.text });
      accepted.push({ id: draft.id, data: draft.data as unknown as Program });
      const proposed = mentees.every((e) => result.proposals.some((p) => p.mentee === e && p.mentor === mentor));
      console.log(`Принято: ${mentees.join(', ')} → ${mentor}; проект программы ${draft.code} → ${displayPath(file)}`);
      if (!proposed) console.log('  Внимание: эта пара отличается от предложенной подбором — проверьте отчёт private/match/.');
    } catch (e) {
      if (e instanceof AcceptError) fail(e.message);
      throw e;
    }
  }
  writeAll(files);
  console.log('Уточните цель, задачи и план в CMS; после согласования программа утверждается приказом (npm run draft:order).');
  process.exit(0);
}

const result = proposeMatches({ people, programs, vocab, today, schoolYear });
const byId = new Map(people.map((p) => [p.id, p]));
const dir = privateDir('match');
const base = path.join(dir, `${schoolYear}_${today}`);
writeAll([
  { path: `${base}.md`, data: matchMarkdown(result, byId) },
  { path: `${base}.json`, data: matchJson(result, byId) },
]);
console.log(matchSummary(result));
console.log(`\nОтчёт с объяснениями: ${displayPath(`${base}.md`)} (и ${path.basename(base)}.json). Это закрытые файлы — не публикуйте их.`);
