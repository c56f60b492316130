/**
 * Merges survey answers into the people registry without destroying manual
 * edits, and plans the files to write; nothing is written here.
 *
 * - A survey person is found by name (ё = е, case and spaces ignored; without
 *   a patronymic, by surname and first name when that is unique).
 * - Only fields the survey answers change; lists are merged (union).
 * - A value the import did not write itself — typed into the registry by
 *   hand before the first import, or edited after the last one — is never
 *   replaced silently: the import remembers a keyed fingerprint of each value
 *   it wrote (see src/privacy/secret-key.ts), reports any other value as
 *   «введено вручную» and replaces it only with `overwrite`.
 * - Newer answers win by the form's own timestamp: an older export imported
 *   again does not replace what a later answer set.
 * - A new person needs a processing consent (152-ФЗ ст. 9; since 01.09.2025
 *   a separate document): without its date in the export the row is skipped.
 * - Someone whose processing consent is withdrawn or expired is not updated.
 * - Every planned file is validated against the registry schema first; one
 *   invalid file stops the whole import.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import { Document, isMap, isSeq, parseDocument, Scalar, YAMLMap, type Pair } from 'yaml';
import { issuesToProblems } from '../../lib/error-map.ts';
import { formatProblem } from '../../lib/problems.ts';
import { personSchema, type Person } from '../../schema/registry.ts';
import { objectFields } from '../../schema/walk.ts';
import { consentState, isPerson } from '../../privacy/consent-policy.ts';
import { personFile, type RegistryFile } from '../../privacy/registry-files.ts';
import { KIND_LABELS, type SurveyKind } from './mapping.ts';
import { formatName, nameKey } from './person-names.ts';
import type { PersonAnswers, RowNote, SurveyPerson } from './person-rows.ts';

/** Mentees a mentor takes when the анкета does not say: a school setting (DOMAIN.md: 1–3 is common). */
export const DEFAULT_CAPACITY = 2;

/** What the import wrote into one person's fields. */
export interface PersonImportState {
  /** The date of the last import that touched the person. */
  date: string;
  kind: SurveyKind;
  /** Names of the export files the person's answers came from (for the reminder to delete them after a purge). */
  sources: string[];
  /** Keyed fingerprints of the values the import wrote, by field. */
  fields: Record<string, string>;
  /** The form's timestamp of the answer each field came from, by field. */
  answered?: Record<string, string>;
}

/** The import's memory, kept in the private folder (`survey-imports.yaml`). */
export interface ImportState {
  version: 2;
  people: Record<string, PersonImportState>;
}

type FieldName = keyof PersonAnswers | 'roles' | 'capacity';

export interface FieldChange {
  field: FieldName;
  before: unknown;
  after: unknown;
  /** Why a value was not applied: typed by hand, or the answer is older than the one that set the field. */
  reason?: 'manual' | 'older';
  /** A hand-typed value that `overwrite` replaced. */
  overwritten?: boolean;
  /** For `older`: the timestamps of the incoming and of the applied answer. */
  answered?: { incoming: string; applied: string };
}

export interface PersonChange {
  id: string;
  /** Absolute path of the file to write. */
  path: string;
  isNew: boolean;
  name: string;
  row: number;
  changes: FieldChange[];
  /** Fields typed by hand or answered later: the survey's value is not applied. */
  kept: FieldChange[];
  notes: string[];
  text: string;
}

export interface MergePlan {
  changes: PersonChange[];
  /** People found whose record already says what the survey says. */
  unchanged: { id: string; name: string; row: number; kept: FieldChange[] }[];
  notes: RowNote[];
  state: ImportState;
  /** Schema problems of the planned files; non-empty means nothing may be written. */
  problems: string[];
}

export interface MergeInput {
  kind: SurveyKind;
  people: readonly SurveyPerson[];
  files: readonly RegistryFile[];
  state: ImportState;
  /** Vocabulary ids, to check the planned files' references. */
  ids: { subjects: ReadonlySet<string>; difficulties: ReadonlySet<string> };
  today: string;
  source: string;
  /** Whether the export had a processing-consent date column at all. */
  hasConsentColumn: boolean;
  /** The content root: new people are written to its registry folder. */
  root: string;
  /** The keyed fingerprint of a value (src/privacy/secret-key.ts). */
  fingerprint: (value: unknown) => string;
  /** Replace values typed by hand (the methodologist saw them in a dry run and asked for it). */
  overwrite?: boolean;
}

/** The file name of the import state in the private folder. */
export const STATE_FILE_NAME = 'survey-imports.yaml';

/** Reads an import state file's text (any version); legacy states are converted by `migrateState`. */
export function parseState(text: string | undefined): { version: number; people: Record<string, Record<string, unknown>> } {
  const data = text ? (parseDocument(text).toJS() as { version?: number; people?: Record<string, Record<string, unknown>> } | null) : null;
  return { version: data?.version ?? 1, people: data?.people ?? {} };
}

/** The unkeyed fingerprint the first versions of the import wrote. */
function legacyFingerprint(value: unknown): string {
  return crypto
    .createHash('sha256')
    .update(JSON.stringify(value ?? null))
    .digest('hex')
    .slice(0, 16);
}

/**
 * The import state in the current version. A legacy state (unkeyed hashes,
 * kept in the registry folder) is converted: a field whose value is still
 * the one the import wrote gets a keyed fingerprint; any other is forgotten,
 * so it counts as typed by hand — which is what it is.
 */
export function migrateState(
  raw: ReturnType<typeof parseState>,
  files: readonly RegistryFile[],
  fingerprint: (v: unknown) => string,
): ImportState {
  if (raw.version === 2) return { version: 2, people: raw.people as unknown as ImportState['people'] };
  const people: ImportState['people'] = {};
  for (const [id, entry] of Object.entries(raw.people)) {
    const record = files.find((f) => f.id === id)?.record;
    if (!record || !isPerson(record)) continue;
    const fields: Record<string, string> = {};
    for (const [field, stored] of Object.entries((entry.fields ?? {}) as Record<string, string>)) {
      const current = (record as Record<string, unknown>)[field];
      if (legacyFingerprint(current) === stored) fields[field] = fingerprint(current);
    }
    const source = typeof entry.source === 'string' ? [entry.source] : [];
    people[id] = { date: String(entry.date ?? ''), kind: (entry.kind as SurveyKind) ?? 'mentee', sources: source, fields };
  }
  return { version: 2, people };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The next free `p-NNN` id after every existing file (tombstones and broken files included). */
export function nextPersonId(taken: Iterable<string>): string {
  let max = 0;
  for (const id of taken) {
    const m = /^p-(\d+)$/.exec(id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `p-${String(max + 1).padStart(3, '0')}`;
}

const FIELD_ORDER = objectFields(personSchema()).map(([k]) => k);

/** Sets a top-level field, keeping comments and placing a new key where the schema puts it. */
function setField(doc: Document, key: string, value: unknown): void {
  const map = doc.contents;
  if (!isMap(map)) throw new Error('registry file is not a mapping');
  const node = doc.createNode(value, { flow: Array.isArray(value) && value.every((v) => typeof v !== 'object') });
  if (map.has(key)) {
    map.set(key, node);
    return;
  }
  const order = FIELD_ORDER.indexOf(key);
  const items = map.items as Pair[];
  const at = items.findIndex((p) => {
    const k = p.key instanceof Scalar ? String(p.key.value) : String(p.key);
    return FIELD_ORDER.indexOf(k) > order;
  });
  const pair = doc.createPair(key, node);
  if (at === -1) items.push(pair);
  else items.splice(at, 0, pair);
}

function stringify(doc: Document): string {
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

function newPersonDocument(
  id: string,
  person: SurveyPerson,
  answers: Required<Pick<PersonAnswers, 'gender' | 'position' | 'teachingSince'>> & PersonAnswers,
  roles: string[],
  header: string,
): Document {
  const data: Record<string, unknown> = {
    id,
    name: person.name,
    gender: answers.gender,
    roles,
    position: answers.position,
  };
  for (const k of FIELD_ORDER) {
    if (k in data || k === 'consents') continue;
    const v = (answers as unknown as Record<string, unknown>)[k];
    if (v !== undefined) data[k] = v;
  }
  data.consents = { processing: person.consent };
  const ordered = Object.fromEntries(FIELD_ORDER.filter((k) => k in data).map((k) => [k, data[k]]));
  const doc = new Document(ordered);
  doc.commentBefore = header;
  const map = doc.contents as YAMLMap;
  for (const pair of map.items as Pair[]) if (isSeq(pair.value) && pair.value.items.every((i) => !isMap(i))) pair.value.flow = true;
  const name = map.get('name', true);
  if (isMap(name)) name.flow = false;
  return doc;
}

function union(a: readonly string[] | undefined, b: readonly string[]): string[] {
  return [...new Set([...(a ?? []), ...b])];
}

function validate(text: string, id: string, file: string, ids: MergeInput['ids'], known: ReadonlySet<string>): string[] {
  const data: unknown = parseDocument(text).toJS();
  const schema = personSchema();
  const parsed = schema.safeParse(data);
  const problems = parsed.success ? [] : issuesToProblems(parsed.error.issues, { file, root: schema, data }).map(formatProblem);
  if (parsed.success) {
    const p = parsed.data as Person;
    if (p.id !== id) problems.push(`${file}: идентификатор «${p.id}» не совпадает с именем файла`);
    for (const s of p.subjects) if (!ids.subjects.has(s)) problems.push(`${file}: предмет «${s}» не найден в справочнике`);
    for (const d of [...p.requests, ...p.competencies])
      if (!ids.difficulties.has(d)) problems.push(`${file}: трудность «${d}» не найдена в справочнике`);
    for (const r of p.preferredPeople) if (!known.has(r)) problems.push(`${file}: участник «${r}» не найден в реестре`);
  }
  return problems;
}

const ANSWER_FIELDS: readonly (keyof PersonAnswers)[] = [
  'gender',
  'email',
  'position',
  'subjects',
  'category',
  'teachingSince',
  'requests',
  'requestsNote',
  'competencies',
  'preferredForms',
  'preferredPeople',
  'capacity',
  'mentorAgreement',
];
const LIST_FIELDS: ReadonlySet<string> = new Set(['subjects', 'requests', 'competencies', 'preferredForms', 'preferredPeople', 'roles']);

export function planMerge(input: MergeInput): MergePlan {
  const { kind, files, today, source, fingerprint } = input;
  const sourceName = path.basename(source);
  const role = kind === 'mentor' ? 'mentor' : 'mentee';
  const notes: RowNote[] = [];
  const changes: PersonChange[] = [];
  const unchanged: MergePlan['unchanged'] = [];
  const state: ImportState = { version: 2, people: structuredClone(input.state.people) };
  const persons = files.filter((f) => isPerson(f.record)) as (RegistryFile & { record: Person })[];
  const taken = new Set(files.map((f) => f.id));
  const byFull = new Map<string, string[]>();
  const byShort = new Map<string, string[]>();
  for (const f of persons) {
    const full = nameKey(f.record.name);
    const short = nameKey({ last: f.record.name.last, first: f.record.name.first });
    byFull.set(full, [...(byFull.get(full) ?? []), f.id]);
    byShort.set(short, [...(byShort.get(short) ?? []), f.id]);
  }
  const header = `Добавлен импортом анкет (${KIND_LABELS[kind]}) ${today} из «${sourceName}»`;
  const remember = (id: string, fields: Record<string, string>, answered: Record<string, string>) => {
    const before = state.people[id];
    state.people[id] = {
      date: today,
      kind,
      sources: [...new Set([...(before?.sources ?? []), sourceName])],
      fields,
      ...(Object.keys(answered).length ? { answered } : {}),
    };
  };

  for (const person of input.people) {
    const fullMatches = byFull.get(person.key) ?? [];
    const shortKey = nameKey({ last: person.name.last, first: person.name.first });
    const shortMatches = (byShort.get(shortKey) ?? []).filter((id) => {
      const p = persons.find((f) => f.id === id)!.record;
      return p.name.middle === undefined || person.name.middle === undefined;
    });
    const matches = fullMatches.length ? fullMatches : shortMatches;
    const shown = formatName(person.name);
    if (person.agreement === false && kind === 'mentor') {
      notes.push({ row: person.row, message: `${shown}: не согласен(на) стать наставником — анкета не импортирована`, severity: 'skip' });
      continue;
    }
    if (matches.length > 1) {
      notes.push({
        row: person.row,
        message: `${shown}: в реестре несколько подходящих людей (${matches.join(', ')}) — сопоставьте вручную`,
        severity: 'skip',
      });
      continue;
    }

    if (matches.length === 1) {
      const file = persons.find((f) => f.id === matches[0])!;
      const record = file.record;
      const shownFound = formatName(record.name);
      const processing = consentState(record.consents.processing, today);
      if (processing !== 'valid') {
        const why = processing === 'withdrawn' ? 'отозвано' : processing === 'expired' ? 'истекло' : 'ещё не действует';
        notes.push({
          row: person.row,
          message: `${shownFound} (${file.id}): согласие на обработку ПДн ${why} — данные не обновляются`,
          severity: 'skip',
        });
        continue;
      }
      const doc = parseDocument(file.text);
      const previous = state.people[file.id];
      const written: Record<string, string> = { ...(previous?.fields ?? {}) };
      const answered: Record<string, string> = { ...(previous?.answered ?? {}) };
      const change: PersonChange = {
        id: file.id,
        path: file.path,
        isNew: false,
        name: shownFound,
        row: person.row,
        changes: [],
        kept: [],
        notes: [],
        text: file.text,
      };
      const proposals: [FieldName, unknown][] = ANSWER_FIELDS.filter((f) => person.answers[f] !== undefined).map((f) => [
        f,
        person.answers[f],
      ]);
      proposals.push(['roles', [role]]);
      if (role === 'mentor' && person.answers.capacity === undefined && record.capacity === undefined) {
        proposals.push(['capacity', DEFAULT_CAPACITY]);
        change.notes.push(`сколько наставляемых готов взять — не указано, принято ${DEFAULT_CAPACITY} (настройка школы)`);
      }
      for (const [field, value] of proposals) {
        const current = (record as Record<string, unknown>)[field];
        const isList = LIST_FIELDS.has(field);
        const next = isList ? union(current as string[] | undefined, value as string[]) : value;
        const applied = answered[field];
        if (person.submitted && applied && person.submitted < applied) {
          if (!same(current, next))
            change.kept.push({ field, before: current, after: next, reason: 'older', answered: { incoming: person.submitted, applied } });
          continue;
        }
        if (same(current, next)) {
          written[field] = fingerprint(current);
          if (person.submitted) answered[field] = person.submitted;
          continue;
        }
        // A value in the file that the import did not write is someone's own: lists only grow, anything else waits for `overwrite`.
        const byHand = doc.has(field) && written[field] !== fingerprint(current);
        if (byHand && !isList && !input.overwrite) {
          change.kept.push({ field, before: current, after: next, reason: 'manual' });
          continue;
        }
        setField(doc, field, next);
        change.changes.push({ field, before: current, after: next, ...(byHand && !isList ? { overwritten: true } : {}) });
        written[field] = fingerprint(next);
        if (person.submitted) answered[field] = person.submitted;
      }
      remember(file.id, written, answered);
      if (change.changes.length === 0) {
        unchanged.push({ id: file.id, name: shownFound, row: person.row, kept: change.kept });
        continue;
      }
      if (role === 'mentor' && !record.mentorAgreement && !person.answers.mentorAgreement) {
        change.notes.push('письменное согласие быть наставником (ст. 351.8 ТК РФ) не внесено: без него наставник не участвует в подборе');
      }
      change.text = stringify(doc);
      changes.push(change);
      continue;
    }

    // A new person.
    if (!person.consent) {
      const why = person.consentTicked
        ? 'в выгрузке есть только отметка о согласии, а нужна дата согласия — отдельного документа; внесите её в колонку «Дата согласия на обработку персональных данных»'
        : input.hasConsentColumn
          ? 'в колонке согласия на обработку ПДн нет даты'
          : 'в выгрузке нет колонки с датой согласия на обработку ПДн';
      notes.push({
        row: person.row,
        message: `${shown}: нового участника нельзя внести в реестр без согласия на обработку персональных данных (ст. 9 152-ФЗ, с 01.09.2025 — отдельный документ): ${why}; строка пропущена`,
        severity: 'skip',
      });
      continue;
    }
    if (person.consent.signed > today) {
      notes.push({
        row: person.row,
        message: `${shown}: дата согласия ${person.consent.signed} ещё не наступила; строка пропущена`,
        severity: 'skip',
      });
      continue;
    }
    const missing = [
      person.answers.gender === undefined ? 'пол (не определяется по ФИО — добавьте колонку «Пол»)' : '',
      person.answers.position === undefined ? 'должность' : '',
      person.answers.teachingSince === undefined ? 'педагогический стаж' : '',
    ].filter(Boolean);
    if (missing.length) {
      notes.push({
        row: person.row,
        message: `${shown}: для нового участника не хватает: ${missing.join(', ')}; строка пропущена`,
        severity: 'skip',
      });
      continue;
    }
    const id = nextPersonId(taken);
    taken.add(id);
    const answers = { ...person.answers } as Required<Pick<PersonAnswers, 'gender' | 'position' | 'teachingSince'>> & PersonAnswers;
    const change: PersonChange = {
      id,
      path: personFile(input.root, id),
      isNew: true,
      name: shown,
      row: person.row,
      changes: [],
      kept: [],
      notes: [],
      text: '',
    };
    if (person.nameAmbiguous) {
      change.notes.push(
        `порядок слов в ФИО «${shown}» неоднозначен: принято «Фамилия Имя Отчество» — проверьте запись (поле «ФИО») после импорта`,
      );
    }
    if (role === 'mentor' && answers.capacity === undefined) {
      answers.capacity = DEFAULT_CAPACITY;
      change.notes.push(`сколько наставляемых готов взять — не указано, принято ${DEFAULT_CAPACITY} (настройка школы)`);
    }
    if (role === 'mentor' && !answers.mentorAgreement) {
      change.notes.push(
        'письменное согласие быть наставником (ст. 351.8 ТК РФ) внесите в реестр после оформления: без него наставник не участвует в подборе',
      );
    }
    const doc = newPersonDocument(id, person, answers, [role], ` ${header}, строка ${person.row}.`);
    change.text = stringify(doc);
    const written: Record<string, string> = { roles: fingerprint([role]) };
    const answered: Record<string, string> = {};
    for (const f of ANSWER_FIELDS) {
      const v = (answers as unknown as Record<string, unknown>)[f];
      if (v !== undefined) {
        written[f] = fingerprint(v);
        if (person.submitted) answered[f] = person.submitted;
        change.changes.push({ field: f, before: undefined, after: v });
      }
    }
    remember(id, written, answered);
    changes.push(change);
  }

  for (const id of Object.keys(state.people)) {
    const f = files.find((x) => x.id === id);
    if (!changes.some((c) => c.id === id) && (!f || (f.record && !isPerson(f.record)))) delete state.people[id];
  }
  const known = new Set(files.filter((f) => isPerson(f.record)).map((f) => f.id));
  for (const c of changes) known.add(c.id);
  const problems = changes.flatMap((c) => validate(c.text, c.id, displayFile(c.path), input.ids, known));
  return { changes, unchanged, notes, state, problems };
}

function displayFile(abs: string): string {
  return path.relative(process.cwd(), abs).split(path.sep).join('/');
}

/** The import state as YAML, with a comment saying what the file is for. */
export function stateText(state: ImportState): string {
  const doc = new Document({
    version: 2,
    people: Object.fromEntries(Object.entries(state.people).sort(([a], [b]) => a.localeCompare(b))),
  });
  doc.commentBefore =
    ' Служебный файл импорта анкет (npm run import:survey): отпечатки значений, которые импорт\n' +
    ' записал в реестр (с секретным ключом, см. NASTAVNIK_SECRET_FILE), и время ответов, из которых\n' +
    ' они взяты. Значение, которого импорт не записывал, он без --overwrite не заменит.\n' +
    ' Не редактируйте этот файл и не публикуйте его.';
  return doc.toString({ lineWidth: 0 });
}
