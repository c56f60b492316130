/**
 * Destruction of a person's data after the processing consent is withdrawn
 * (152-ФЗ ст. 21: within 30 days, with an act).
 *
 * The registry record becomes a tombstone that keeps only the id, so every
 * reference still resolves — to the bare role, never to the person. Mentions
 * of the person in the content are replaced by the role word in the case the
 * sentence needs, without the details that would point to them
 * (./substitute.ts); the photo is deleted; every private file the tools wrote
 * about the person is deleted or rewritten without them, including the undo
 * journal (planned by the tools, src/tools/private-outputs.ts); and the exact commands to clean the
 * Git history are produced, because a file removed today is still in
 * yesterday's commits.
 *
 * The plan is made whole before anything is written, and the same checks
 * refuse a dry run and a real one: what a dry run shows is what happens.
 */
import type { NamedPerson } from './names.ts';
import fs from 'node:fs';
import path from 'node:path';
import { parseDocument, stringify } from 'yaml';
import { listCollectionFiles } from '../validate/read.ts';
import { displayPath } from '../lib/content-dir.ts';
import { writeFileAtomic } from '../io/atomic-write.ts';
import { collectionNames } from '../schema/index.ts';
import type { Person, RegistryRecord, Tombstone } from '../schema/registry.ts';
import type { Role } from './anonymise.ts';
import { isPerson, processingState } from './consent-policy.ts';
import { nameForms } from './names.ts';
import { buildNameIndex } from './pii-scan.ts';
import { isRegistryPath, LEGACY_IMPORT_STATE, personFile, readRegistryText, writeRegistryFile } from './registry-files.ts';
import { substituteMentions } from './substitute.ts';

export interface FileEdit {
  file: string;
  text: string;
  mentions: number;
}

/** What the erasure does to the private copies the tools made (planned by src/tools/private-outputs.ts). */
export interface PrivateErasure {
  /** Files to delete, with the command that makes them again (when there is one). */
  deletions: { file: string; regenerate?: string }[];
  /** Files rewritten without the person. */
  rewrites: { file: string; text: string }[];
  /** Journal entries (file names) to delete. */
  journal: string[];
  /** Export files the person's answers were imported from (for the reminder to delete them at the source). */
  sources: string[];
}

/** Plans the erasure of a person from the tools' private copies (given by the caller: the tools know what they wrote). */
export type PlanPrivateErasure = (person: NamedPerson, registryFile: string) => Promise<PrivateErasure>;

export interface PurgePlan {
  id: string;
  role: Role;
  tombstone: Tombstone;
  registryFile: string;
  /** Content files whose mentions are replaced. */
  edits: FileEdit[];
  /** Content files deleted (the photo). */
  deletions: string[];
  /** Registry service files rewritten without the person (the legacy import state). */
  registryRewrites: { file: string; text: string }[];
  /** Private files of the tools (see src/tools/private-outputs.ts). */
  private: PrivateErasure;
  /** Lines for `git filter-repo --replace-text`: every written form of the name → ***. */
  replacements: string[];
  /** What kinds of personal data the record held, for the act. */
  categories: string[];
  /** The processing consent's date and document, to identify the subject in the act. */
  consent: { signed: string; document?: string | undefined };
  /** Why: the consent was withdrawn, or the person asked for destruction (`force`). */
  reason: 'withdrawal' | 'request';
}

export class PurgeError extends Error {
  override name = 'PurgeError';
}

/** The withdrawal date that starts the 30 days: of the processing consent, else of dissemination, else today. */
function withdrawalDate(person: Person, today: string): string {
  return person.consents.processing.withdrawn ?? person.consents.dissemination?.withdrawn ?? today;
}

/** The categories of personal data a record holds, in the words of an act. */
function categoriesOf(p: Person): string[] {
  const has = (v: unknown) => v !== undefined && !(Array.isArray(v) && v.length === 0);
  return [
    'фамилия, имя, отчество',
    'пол',
    'должность',
    has(p.subjects) ? 'преподаваемые предметы' : '',
    'квалификационная категория',
    'педагогический стаж',
    has(p.email) ? 'адрес электронной почты' : '',
    has(p.requests) || has(p.requestsNote) ? 'профессиональные затруднения (запросы)' : '',
    has(p.competencies) ? 'профессиональные компетенции' : '',
    has(p.preferredForms) || has(p.preferredPeople) ? 'предпочтения по формам наставничества и участникам' : '',
    has(p.mentorAgreement) ? 'сведения о письменном согласии быть наставником' : '',
    has(p.photo) ? 'фотография' : '',
    'сведения о согласиях на обработку и распространение персональных данных',
    'ответы анкет',
  ].filter(Boolean);
}

/** The legacy import state in the registry folder without the person, when it has them. */
function legacyStateRewrite(root: string, id: string): { file: string; text: string }[] {
  const file = path.join(root, LEGACY_IMPORT_STATE);
  const text = readRegistryText(file);
  if (text === undefined) return [];
  const doc = parseDocument(text);
  if (!doc.hasIn(['people', id])) return [];
  doc.deleteIn(['people', id]);
  return [{ file, text: doc.toString({ lineWidth: 0 }) }];
}

/**
 * Plans the purge of one person of a content root without writing anything.
 * Refuses while the processing consent is in force, unless `force` (a
 * written request for destruction).
 */
export async function planPurge(
  root: string,
  registry: ReadonlyMap<string, RegistryRecord>,
  id: string,
  today: string,
  planPrivate: PlanPrivateErasure,
  force = false,
): Promise<PurgePlan> {
  const record = registry.get(id);
  if (!record) throw new PurgeError(`участник «${id}» не найден в реестре`);
  if (!isPerson(record)) throw new PurgeError(`данные участника «${id}» уже уничтожены (${record.purged})`);
  const person: Person = record;
  const withdrawn = processingState(person, today) === 'withdrawn';
  if (!withdrawn && !force) {
    throw new PurgeError(
      `согласие участника «${id}» на обработку не отозвано; если есть письменное требование об уничтожении, повторите с --force`,
    );
  }
  const role: Role = person.roles.includes('mentor') ? 'mentor' : person.roles.includes('curator') ? 'curator' : 'mentee';
  const named = { id, name: person.name, gender: person.gender };
  const index = buildNameIndex([named]);
  const edits: FileEdit[] = [];
  const registryFile = personFile(root, id);
  for (const collection of collectionNames) {
    for (const file of listCollectionFiles(collection, root)) {
      if (file === registryFile) continue;
      const original = isRegistryPath(file) ? readRegistryText(file)! : fs.readFileSync(file, 'utf8');
      const { text, mentions } = substituteMentions(original, named, role, index);
      if (mentions > 0) edits.push({ file, text, mentions });
    }
  }
  const deletions = person.photo ? [path.resolve(path.dirname(registryFile), person.photo)].filter((f) => fs.existsSync(f)) : [];
  const forms = [...new Set(nameForms(named).map((f) => f.text))].sort((a, b) => b.length - a.length);
  return {
    id,
    role,
    tombstone: { id, tombstone: true, withdrawn: withdrawalDate(person, today), purged: today },
    registryFile,
    edits,
    deletions,
    registryRewrites: legacyStateRewrite(root, id),
    private: await planPrivate(named, registryFile),
    replacements: forms.map((f) => `${f}==>***`),
    categories: categoriesOf(person),
    consent: person.consents.processing,
    reason: withdrawn ? 'withdrawal' : 'request',
  };
}

/** Applies a plan: content and private files first, the registry record last (a crash leaves it to be run again). */
export function applyPurge(plan: PurgePlan, deleteJournalEntry: (name: string) => void): void {
  for (const edit of plan.edits) {
    if (isRegistryPath(edit.file)) writeRegistryFile(edit.file, edit.text);
    else writeFileAtomic(edit.file, edit.text);
  }
  for (const file of plan.deletions) fs.rmSync(file, { force: true });
  for (const r of plan.registryRewrites) writeRegistryFile(r.file, r.text);
  for (const r of plan.private.rewrites) writeFileAtomic(r.file, r.text);
  for (const d of plan.private.deletions) fs.rmSync(d.file, { force: true });
  for (const name of plan.private.journal) deleteJournalEntry(name);
  const header = '# Данные уничтожены по отзыву согласия на обработку (ст. 21 152-ФЗ); остался только идентификатор.\n';
  writeRegistryFile(plan.registryFile, header + stringify(plan.tombstone));
}

/** Every file the plan changes or deletes, for the act's extract from the log (no names in paths). */
export function purgedFiles(plan: PurgePlan): string[] {
  return [
    `${displayPath(plan.registryFile)} — запись заменена отметкой об уничтожении`,
    ...plan.edits.map((e) => `${displayPath(e.file)} — упоминания обезличены (${e.mentions})`),
    ...plan.deletions.map((f) => `${displayPath(f)} — удалён`),
    ...plan.registryRewrites.map((r) => `${displayPath(r.file)} — удалена запись участника`),
    ...plan.private.rewrites.map((r) => `${displayPath(r.file)} — удалена запись участника`),
    ...plan.private.deletions.map((d) => `${displayPath(d.file)} — удалён`),
    ...plan.private.journal.map((n) => `журнал отмены, запись ${n} — удалена`),
  ];
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
