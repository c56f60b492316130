/**
 * Destruction of a person's data after the processing consent is withdrawn
 * (152-ФЗ ст. 21: within 30 days, with an act).
 *
 * The registry record becomes a tombstone that keeps only the id, so every
 * reference still resolves — to the bare role, never to the person. Free-text
 * mentions of the person anywhere in the content are replaced by that role
 * word, the photo is deleted, and the exact commands to clean the Git history
 * are produced, because a file removed today is still in yesterday's commits.
 */
import { writeFileAtomic } from '../io/atomic-write.ts';
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { listCollectionFiles } from '../validate/read.ts';
import { displayPath } from '../lib/content-dir.ts';
import { collectionNames } from '../schema/index.ts';
import type { Person, RegistryRecord, Tombstone } from '../schema/registry.ts';
import { ROLE_WORDS } from './anonymise.ts';
import { isPerson } from './consent-policy.ts';
import { nameForms } from './names.ts';
import { buildNameIndex, scanText } from './pii-scan.ts';

export interface FileEdit {
  file: string;
  text: string;
  mentions: number;
}

export interface PurgePlan {
  id: string;
  tombstone: Tombstone;
  registryFile: string;
  edits: FileEdit[];
  deletions: string[];
  /** Lines for `git filter-repo --replace-text`: every written form of the name → ***. */
  replacements: string[];
}

export class PurgeError extends Error {
  override name = 'PurgeError';
}

/** The withdrawal date that starts the 30 days: of the processing consent, else of dissemination, else today. */
function withdrawalDate(person: Person, today: string): string {
  return person.consents.processing.withdrawn ?? person.consents.dissemination?.withdrawn ?? today;
}

/** Plans the purge of one person of a content root without writing anything. */
export function planPurge(root: string, registry: ReadonlyMap<string, RegistryRecord>, id: string, today: string): PurgePlan {
  const record = registry.get(id);
  if (!record) throw new PurgeError(`участник «${id}» не найден в реестре`);
  if (!isPerson(record)) throw new PurgeError(`данные участника «${id}» уже уничтожены (${record.purged})`);
  const person: Person = record;
  const role = person.roles.includes('mentor') ? 'mentor' : person.roles.includes('curator') ? 'curator' : 'mentee';
  const index = buildNameIndex([{ id, name: person.name, gender: person.gender }]);
  const edits: FileEdit[] = [];
  const registryFile = path.join(root, 'registry', 'people', `${id}.yaml`);
  for (const collection of collectionNames) {
    for (const file of listCollectionFiles(collection, root)) {
      if (file === registryFile) continue;
      const original = fs.readFileSync(file, 'utf8');
      const found = scanText(original, index).filter((f) => f.rule === 'pii-name' && f.personId === id);
      if (!found.length) continue;
      let text = original;
      for (const f of [...found].sort((a, b) => b.index - a.index))
        text = text.slice(0, f.index) + ROLE_WORDS[role] + text.slice(f.index + f.length);
      edits.push({ file, text, mentions: found.length });
    }
  }
  const deletions = person.photo ? [path.resolve(path.dirname(registryFile), person.photo)].filter((f) => fs.existsSync(f)) : [];
  const forms = [...new Set(nameForms({ id, name: person.name, gender: person.gender }).map((f) => f.text))].sort(
    (a, b) => b.length - a.length,
  );
  return {
    id,
    tombstone: { id, tombstone: true, withdrawn: withdrawalDate(person, today), purged: today },
    registryFile,
    edits,
    deletions,
    replacements: forms.map((f) => `${f}==>***`),
  };
}

/** Applies a plan: every file is written whole (temp file + rename), the record last. */
export function applyPurge(plan: PurgePlan): void {
  for (const edit of plan.edits) writeFileAtomic(edit.file, edit.text);
  for (const file of plan.deletions) fs.rmSync(file, { force: true });
  const header = '# Данные уничтожены по отзыву согласия на обработку (ст. 21 152-ФЗ); остался только идентификатор.\n';
  writeFileAtomic(plan.registryFile, header + stringify(plan.tombstone));
}

/** The commands that remove the person's data from the Git history too. */
export function historyCommands(plan: PurgePlan, replacementsFile: string): string[] {
  const paths = [plan.registryFile, ...plan.deletions].map(displayPath);
  return [
    '# 1. Зафиксируйте изменения:',
    `git add -A && git commit -m "Уничтожение персональных данных участника ${plan.id}"`,
    '# 2. Удалите ФИО из всей истории (нужен git-filter-repo: apt-get install git-filter-repo):',
    `git filter-repo --force --replace-text ${displayPath(replacementsFile)}`,
    ...plan.deletions.map((f) => `git filter-repo --force --invert-paths --path ${displayPath(f)}`),
    '# 3. Перезапишите историю на сервере и попросите всех пересоздать свои копии:',
    'git push --force --all && git push --force --tags',
    `# 4. Удалите файл ${displayPath(replacementsFile)} (в нём ФИО) и кэши сборок на сервере CI.`,
    `# Файлы участника в истории: ${paths.join(', ')}`,
  ];
}

/** The act of destruction, without the name (the act is kept; the name is what was destroyed). */
export function purgeAct(plan: PurgePlan): string {
  return [
    `# Акт об уничтожении персональных данных участника ${plan.id}`,
    '',
    `Согласие на обработку отозвано: ${plan.tombstone.withdrawn}. Данные уничтожены: ${plan.tombstone.purged}.`,
    '',
    `- Запись реестра заменена отметкой об уничтожении: ${displayPath(plan.registryFile)}`,
    ...plan.edits.map((e) => `- Упоминания заменены обезличенными (${e.mentions}): ${displayPath(e.file)}`),
    ...plan.deletions.map((f) => `- Удалён файл: ${displayPath(f)}`),
    '- Очистка истории Git: команды выведены при уничтожении.',
    '',
  ].join('\n');
}
