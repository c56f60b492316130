/**
 * What `npm run import:survey` does, apart from reading its arguments: read
 * the export, refuse a file that is another kind of анкета, then either file
 * monitoring answers (each answer once, only those of the cycle) or merge
 * people into the registry (see src/lib/survey/merge.ts), and apply the
 * result through the undo journal.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Document, parseDocument } from 'yaml';
import crypto from 'node:crypto';
import { displayPath } from '../../lib/content-dir.ts';
import { plural } from '../../lib/plural.ts';
import { readAnswerRows } from './answer-rows.ts';
import { KIND_LABELS, loadMapping, mappingFileFor, type SurveyKind } from './mapping.ts';
import { migrateState, parseState, planMerge, STATE_FILE_NAME, stateText } from './merge.ts';
import { readPersonRows } from './person-rows.ts';
import { readTable } from './read-table.ts';
import { formatImportReport, formatNote } from './import-report.ts';
import { privateDir } from '../../io/private-dir.ts';
import { toolsUi } from '../../i18n/ru.ts';
import { isPerson } from '../../privacy/consent-policy.ts';
import { ANSWERS_DIR, LEGACY_IMPORT_STATE, readAnswerFiles, readPeopleFiles, readRegistryText } from '../../privacy/registry-files.ts';
import { keyedFingerprint, secretKey } from '../../privacy/secret-key.ts';
import type { Vocabularies } from '../../schema/settings.ts';
import { surveyAnswersSchema, type SurveyAnswers } from '../../schema/survey-answers.ts';
import { applyChanges, type FileChange } from '../journal.ts';
import { mismatchedKind } from './form-kind.ts';

export interface ImportOptions {
  file: string;
  kind: SurveyKind;
  write: boolean;
  overwrite: boolean;
  mapping?: string | undefined;
  encoding?: string | undefined;
  cycle: string;
  role?: 'mentor' | 'mentee' | undefined;
  /** Write a mapping file made from the export's headers to this path instead of importing. */
  makeMapping?: string | undefined;
  root: string;
  today: string;
  vocab: Vocabularies;
  /** The command as typed, for the journal. */
  command: string;
}

const ui = toolsUi.import;

/** The import cannot go on; the message says why, in Russian. */
export class ImportRefused extends Error {}

/** Runs the import; prints with `out`, returns the exit code. */
export async function runImport(o: ImportOptions, out: (line: string) => void): Promise<number> {
  const mapping = loadMapping(o.kind, o.vocab, o.mapping);
  const table = await readTable(o.file, o.encoding);
  const source = path.basename(o.file);
  if (o.makeMapping) {
    const header = ui.mappingHeader(source, KIND_LABELS[o.kind], o.today, path.basename(o.makeMapping));
    fs.writeFileSync(o.makeMapping, mappingFileFor(table.headers, mapping, header));
    out(ui.mappingWritten(path.resolve(o.makeMapping)));
    return 0;
  }
  const other = mismatchedKind(table.headers, o.kind, o.vocab, o.mapping);
  if (other) throw new ImportRefused(ui.wrongKind(KIND_LABELS[o.kind], KIND_LABELS[other.kind], other.kind, other.questions));
  return o.kind === 'monitoring' ? importAnswers(o, table, mapping, source, out) : importPeople(o, table, mapping, source, out);
}

/** One kind of import, after the export was read and its form recognised. */
type ImportStep = (
  o: ImportOptions,
  table: Awaited<ReturnType<typeof readTable>>,
  mapping: ReturnType<typeof loadMapping>,
  source: string,
  out: (line: string) => void,
) => Promise<number>;

const importAnswers: ImportStep = async (o, table, mapping, source, out) => {
  const { responses, notes, unknownColumns } = readAnswerRows(table, mapping, o.cycle, o.role);
  const sha256 = crypto.createHash('sha256').update(fs.readFileSync(o.file)).digest('hex');
  const target = path.join(o.root, ANSWERS_DIR, `${o.cycle}-${sha256.slice(0, 8)}.yaml`);
  out(`Импорт: ${KIND_LABELS.monitoring}, файл «${source}», цикл ${o.cycle}`);
  out(`Прочитано: ${table.format}; ${plural(table.rows.length, ['строка', 'строки', 'строк'])} с ответами.`);
  if (unknownColumns.length) {
    out('\nКолонки, которые не переносятся (ФИО и другие вопросы не из анкеты удовлетворённости):');
    for (const c of unknownColumns) out(`  «${c}»`);
  }
  if (notes.length) {
    out('\nПропущенные строки и непонятые ответы:');
    for (const n of notes) out(formatNote(n));
  }
  const batches = readAnswerFiles(o.root).map((f) => ({
    path: f.path,
    data: parseDocument(f.text).toJS() as Partial<SurveyAnswers> | null,
  }));
  const sameFile = batches.find((b) => b.data?.sha256 === sha256);
  if (sameFile) {
    out(`\nЭтот файл уже импортирован: ${displayPath(sameFile.path)}. Ответы не удваиваются — менять нечего.`);
    return 0;
  }
  // Answers already filed under any cycle, as a multiset: two people may answer alike, and then both count.
  const seen = new Map<string, { count: number; file: string }>();
  for (const b of batches)
    for (const r of b.data?.responses ?? []) if (r.key) seen.set(r.key, { count: (seen.get(r.key)?.count ?? 0) + 1, file: b.path });
  const fresh = responses.filter((r) => {
    const hit = seen.get(r.key!);
    if (!hit || hit.count === 0) return true;
    hit.count--;
    return false;
  });
  const repeated = responses.length - fresh.length;
  if (repeated > 0) {
    const files = [...new Set([...seen.values()].map((v) => displayPath(v.file)))];
    out(`\n${ui.repeatedAnswers(repeated, files)}`);
  }
  if (responses.length > 0 && fresh.length === 0) {
    out(ui.allRepeated);
    return 0;
  }
  if (fresh.length === 0) throw new ImportRefused(ui.noAnswers);
  const batch = { kind: 'monitoring', cycle: o.cycle, source, sha256, imported: o.today, responses: fresh };
  const parsed = surveyAnswersSchema().safeParse(batch);
  if (!parsed.success)
    throw new ImportRefused(
      `ответы не проходят проверку схемы: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  const byRole = (r: string) => fresh.filter((x) => x.role === r).length;
  out(`\nАнкет к импорту: ${fresh.length} (наставники — ${byRole('mentor')}, наставляемые — ${byRole('mentee')}) → ${displayPath(target)}`);
  out('Ответы хранятся закрыто; на сайт попадут только сводные данные после npm run monitoring.');
  if (!o.write) {
    out('Это пробный запуск: файлы не изменены. Чтобы применить, повторите команду с --write.');
    return 0;
  }
  const doc = new Document(parsed.data);
  doc.commentBefore = ` Закрыто: ответы анкеты удовлетворённости (${o.cycle}). Не публикуются; сводные данные — npm run monitoring.`;
  applyChanges([{ path: target, data: doc.toString({ lineWidth: 0, flowCollectionPadding: false }) }], {
    command: o.command,
    summary: ui.answersSummary(fresh.length, source, o.cycle),
  });
  out(`Записано: ${displayPath(target)}. ${toolsUi.undoHint}`);
  return 0;
};

const importPeople: ImportStep = async (o, table, mapping, source, out) => {
  const files = readPeopleFiles(o.root);
  const key = secretKey();
  const fingerprint = (v: unknown) => keyedFingerprint(key, v);
  const stateFile = privateDir(STATE_FILE_NAME);
  const legacyFile = path.join(o.root, LEGACY_IMPORT_STATE);
  const legacy = readRegistryText(legacyFile);
  const stored = fs.existsSync(stateFile) ? fs.readFileSync(stateFile, 'utf8') : legacy;
  const state = migrateState(parseState(stored), files, fingerprint);
  const people = files
    .filter((f) => isPerson(f.record))
    .map((f) => ({ id: f.id, name: (f.record as { name: { last: string; first: string; middle?: string } }).name }));
  const rows = readPersonRows(table, mapping, { vocab: o.vocab, people, currentYear: Number(o.today.slice(0, 4)) });
  const plan = planMerge({
    kind: o.kind,
    people: rows.people,
    files,
    state,
    ids: { subjects: new Set(o.vocab.subjects.map((s) => s.id)), difficulties: new Set(o.vocab.difficulties.map((d) => d.id)) },
    today: o.today,
    source,
    hasConsentColumn: rows.hasConsentColumn,
    root: o.root,
    fingerprint,
    overwrite: o.overwrite,
  });
  plan.notes.unshift(...rows.notes);
  const write = o.write && plan.problems.length === 0;
  if (write && plan.changes.length > 0) {
    const changes: FileChange[] = [
      ...plan.changes.map((c) => ({ path: c.path, data: c.text })),
      { path: stateFile, data: stateText(plan.state) },
      ...(legacy === undefined ? [] : [{ path: legacyFile, data: null }]),
    ];
    applyChanges(changes, { command: o.command, summary: ui.peopleSummary(plan.changes.length, source) });
  }
  out(
    formatImportReport(
      plan,
      {
        source,
        format: table.format,
        rows: table.rows.length,
        kindLabel: KIND_LABELS[o.kind],
        mapping: mapping.source === 'по умолчанию' ? 'по умолчанию' : `файл «${mapping.source}»`,
        unknownColumns: rows.unknownColumns,
        ignoredColumns: rows.ignoredColumns,
      },
      o.vocab,
      write,
    ),
  );
  if (write && plan.changes.length) out(toolsUi.undoHint);
  const nothing = plan.changes.length === 0 && plan.unchanged.length === 0 && table.rows.length > 0;
  return plan.problems.length || nothing ? 1 : 0;
};
