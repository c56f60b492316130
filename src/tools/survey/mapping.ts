/**
 * Which column of a survey export feeds which registry field, and which
 * answer text means which vocabulary id.
 *
 * Defaults cover the typical анкеты of a mentor candidate, a mentee and the
 * satisfaction questionnaire (DOMAIN.md): a header is recognised by a
 * fragment of its text («должность», «трудност…»), an answer by the labels of
 * content/settings/vocabularies.yaml and of src/schema/vocab.ts plus common
 * synonyms. A school whose form words things differently adds a mapping file
 * (YAML, `--mapping`), which is read first. Nothing is guessed beyond that:
 * an answer no dictionary knows is reported, not filed.
 */
import fs from 'node:fs';
import { parse } from 'yaml';
import type { Vocabularies } from '../../schema/settings.ts';
import { CATEGORIES, MENTORING_FORMS, RESPONDENT_ROLES, SATISFACTION_SCALES, YES_NO_ITEMS } from '../../schema/vocab.ts';
import { normaliseText } from './person-names.ts';

export type SurveyKind = 'mentee' | 'mentor' | 'monitoring';

export const KIND_LABELS: Record<SurveyKind, string> = {
  mentee: 'анкета наставляемого',
  mentor: 'анкета кандидата в наставники',
  monitoring: 'анкета удовлетворённости (мониторинг)',
};

/** Fields a column can feed. `scale:<id>`, `yesNo:<id>` belong to the monitoring questionnaire. */
export type ColumnField =
  | 'fullName'
  | 'lastName'
  | 'firstName'
  | 'middleName'
  | 'gender'
  | 'email'
  | 'position'
  | 'subjects'
  | 'category'
  | 'experience'
  | 'teachingSince'
  | 'requests'
  | 'requestsNote'
  | 'competencies'
  | 'preferredForms'
  | 'preferredPeople'
  | 'capacity'
  | 'agreement'
  | 'agreementDate'
  | 'agreementDocument'
  | 'consentGiven'
  | 'consentDate'
  | 'consentDocument'
  | 'submitted'
  | 'role'
  | 'comment'
  | 'ignore'
  | `scale:${keyof typeof SATISFACTION_SCALES}`
  | `yesNo:${keyof typeof YES_NO_ITEMS}`;

/** Fields several columns may feed at once. */
const MULTI_FIELDS: ReadonlySet<ColumnField> = new Set(['comment', 'ignore']);

/** What each field is, in the words of the анкета, for messages about columns. */
export const FIELD_LABELS: Record<ColumnField, string> = {
  fullName: 'ФИО',
  lastName: 'фамилия',
  firstName: 'имя',
  middleName: 'отчество',
  gender: 'пол',
  email: 'электронная почта',
  position: 'должность',
  subjects: 'предметы',
  category: 'квалификационная категория',
  experience: 'педагогический стаж',
  teachingSince: 'год начала педагогической работы',
  requests: 'профессиональные затруднения',
  requestsNote: 'затруднения своими словами',
  competencies: 'с чем готов помочь',
  preferredForms: 'предпочитаемые формы',
  preferredPeople: 'с кем хотел бы работать',
  capacity: 'сколько наставляемых готов взять',
  agreement: 'согласие стать наставником',
  agreementDate: 'дата письменного согласия быть наставником',
  agreementDocument: 'письменное согласие быть наставником (документ)',
  consentGiven: 'отметка о согласии на обработку ПДн',
  consentDate: 'дата согласия на обработку ПДн',
  consentDocument: 'номер согласия на обработку ПДн',
  submitted: 'время ответа',
  role: 'роль респондента',
  comment: 'открытый вопрос',
  ignore: 'не переносится',
  'scale:effectiveness': `оценка: ${SATISFACTION_SCALES.effectiveness}`,
  'scale:comfort': `оценка: ${SATISFACTION_SCALES.comfort}`,
  'scale:usefulness': `оценка: ${SATISFACTION_SCALES.usefulness}`,
  'scale:clarity': `оценка: ${SATISFACTION_SCALES.clarity}`,
  'scale:support': `оценка: ${SATISFACTION_SCALES.support}`,
  'scale:feedback': `оценка: ${SATISFACTION_SCALES.feedback}`,
  'yesNo:continue': `да/нет: ${YES_NO_ITEMS.continue}`,
  'yesNo:stay': `да/нет: ${YES_NO_ITEMS.stay}`,
};

interface ColumnRule {
  field: ColumnField;
  patterns: string[];
  kinds: readonly SurveyKind[];
}

const PEOPLE: readonly SurveyKind[] = ['mentee', 'mentor'];
const ALL: readonly SurveyKind[] = ['mentee', 'mentor', 'monitoring'];

/** Header fragments of the usual forms. A fragment matches at the start of a word; one of up to 3 letters only as a whole word. */
const DEFAULT_COLUMNS: readonly ColumnRule[] = [
  { field: 'submitted', patterns: ['отметка времени', 'время создания', 'дата заполнения', 'время заполнения', 'timestamp'], kinds: ALL },
  { field: 'fullName', patterns: ['фио', 'фамилия, имя, отчество', 'фамилия имя отчество', 'ваши фамилия, имя'], kinds: PEOPLE },
  { field: 'lastName', patterns: ['фамилия'], kinds: PEOPLE },
  { field: 'firstName', patterns: ['имя'], kinds: PEOPLE },
  { field: 'middleName', patterns: ['отчество'], kinds: PEOPLE },
  { field: 'gender', patterns: ['пол'], kinds: PEOPLE },
  { field: 'email', patterns: ['электронная почта', 'адрес электронной почты', 'e-mail', 'email', 'почта'], kinds: PEOPLE },
  { field: 'position', patterns: ['должность', 'занимаемая должность'], kinds: PEOPLE },
  { field: 'subjects', patterns: ['предмет', 'преподаваемые предметы', 'какой предмет'], kinds: PEOPLE },
  { field: 'category', patterns: ['категори', 'квалификационная категория'], kinds: PEOPLE },
  { field: 'experience', patterns: ['стаж', 'педагогический стаж', 'опыт работы в школе'], kinds: PEOPLE },
  { field: 'teachingSince', patterns: ['с какого года', 'год начала педагогической'], kinds: PEOPLE },
  { field: 'requests', patterns: ['трудност', 'затруднени', 'профессиональные дефициты', 'дефицит'], kinds: ['mentee'] },
  {
    field: 'requestsNote',
    patterns: ['своими словами', 'опишите трудност', 'опишите затруднени', 'другие трудности', 'опишите ваш запрос', 'ваш запрос'],
    kinds: ['mentee'],
  },
  {
    field: 'competencies',
    patterns: ['готовы поделиться', 'в чем готовы помочь', 'с чем готовы помочь', 'компетенци', 'готовы помочь'],
    kinds: ['mentor'],
  },
  {
    field: 'preferredForms',
    patterns: [
      'форма наставничества',
      'форму наставничества',
      'формы наставничества',
      'предпочитаемая форма',
      'предпочитаемые формы',
      'формат',
      'форма работы',
      'формы работы',
    ],
    kinds: PEOPLE,
  },
  {
    field: 'preferredPeople',
    patterns: [
      'хотели бы работать',
      'желаемый наставник',
      'желаемого наставника',
      'предпочитаемый наставник',
      'с кем из',
      'кого из коллег',
      'видеть своим наставником',
      'видеть своим наставляемым',
    ],
    kinds: PEOPLE,
  },
  {
    field: 'capacity',
    patterns: ['сколько наставляемых', 'количество наставляемых', 'максимальное количество', 'скольких наставляемых'],
    kinds: ['mentor'],
  },
  {
    field: 'agreement',
    patterns: [
      'согласны стать наставником',
      'согласны ли вы стать наставником',
      'готовы стать наставником',
      'готовы ли вы стать наставником',
      'согласие стать наставником',
      'согласие быть наставником',
    ],
    kinds: ['mentor'],
  },
  {
    field: 'agreementDocument',
    patterns: [
      'письменное согласие быть наставником',
      'письменного согласия быть наставником',
      'дополнительное соглашение',
      'дополнительного соглашения',
      'доп. соглашение',
      'реквизиты письменного согласия',
    ],
    kinds: ['mentor'],
  },
  {
    field: 'agreementDate',
    patterns: ['дата письменного согласия', 'дата дополнительного соглашения', 'дата доп. соглашения', 'дата соглашения о наставничестве'],
    kinds: ['mentor'],
  },
  {
    field: 'consentGiven',
    patterns: ['согласие на обработку', 'согласен на обработку', 'согласна на обработку', 'даю согласие'],
    kinds: PEOPLE,
  },
  {
    field: 'consentDate',
    patterns: ['дата согласия', 'дата согласия на обработку', 'дата подписания согласия', 'согласия на обработку'],
    kinds: PEOPLE,
  },
  { field: 'consentDocument', patterns: ['номер согласия', 'реквизиты согласия', 'номер согласия на обработку'], kinds: PEOPLE },
  { field: 'role', patterns: ['ваша роль', 'роль', 'вы являетесь', 'в качестве кого', 'участвовали как'], kinds: ['monitoring'] },
  { field: 'scale:effectiveness', patterns: ['эффективност'], kinds: ['monitoring'] },
  { field: 'scale:comfort', patterns: ['комфорт'], kinds: ['monitoring'] },
  {
    field: 'scale:usefulness',
    patterns: ['полезност', 'польза встреч', 'полезными были встречи', 'насколько полезн'],
    kinds: ['monitoring'],
  },
  { field: 'scale:clarity', patterns: ['понятност', 'понятны ли задания', 'насколько понятн'], kinds: ['monitoring'] },
  { field: 'scale:support', patterns: ['поддержк'], kinds: ['monitoring'] },
  { field: 'scale:feedback', patterns: ['обратная связь', 'обратной связ'], kinds: ['monitoring'] },
  { field: 'yesNo:continue', patterns: ['продолжить', 'продолжите'], kinds: ['monitoring'] },
  { field: 'yesNo:stay', patterns: ['остаться', 'останетесь', 'планируете остаться'], kinds: ['monitoring'] },
  {
    field: 'comment',
    patterns: [
      'предложени',
      'пожелани',
      'комментари',
      'что понравилось',
      'что бы вы изменили',
      'что изменить',
      'открытый вопрос',
      'что бы вы предложили',
      'предложили улучшить',
      'улучшить',
    ],
    kinds: ['monitoring'],
  },
  // Questions of the анкета that have no home in the registry: recognised, left out on purpose.
  {
    field: 'ignore',
    patterns: [
      'класс',
      'образование',
      'опыт наставничества',
      'мотив',
      'что вас мотивирует',
      'ожидани',
      'что вы ожидаете',
      'удобное время',
      'график',
      'расписание',
      'качества наставника',
      'какие качества',
      'телефон',
    ],
    kinds: PEOPLE,
  },
];

/** Fields whose answers are vocabulary ids, and the dictionary each uses. */
export type Dictionary = 'subjects' | 'difficulties' | 'categories' | 'forms' | 'roles' | 'yesNo' | 'genders';

export const DICTIONARY_LABELS: Record<Dictionary, string> = {
  subjects: 'предметы',
  difficulties: 'трудности',
  categories: 'категории',
  forms: 'формы наставничества',
  roles: 'роли',
  yesNo: 'да/нет',
  genders: 'пол',
};

const DIFFICULTY_SYNONYMS: Record<string, string[]> = {
  discipline: ['дисциплина', 'дисциплина на уроке', 'управление классом', 'удержание внимания'],
  parents: ['взаимодействие с родителями', 'общение с родителями', 'родители'],
  'lesson-planning': ['планирование урока', 'планирование уроков', 'построение урока по фгос', 'конструирование урока'],
  assessment: ['оценивание', 'оценивание результатов', 'критерии оценивания', 'обратная связь ученикам'],
  'oge-ege': ['подготовка к огэ', 'подготовка к егэ', 'огэ', 'егэ', 'огэ и егэ', 'подготовка к гиа'],
  digital: ['цифровые технологии', 'икт', 'электронный журнал', 'цифровая образовательная среда'],
  documentation: ['документация', 'работа с документацией', 'ведение документации', 'рабочие программы'],
  motivation: ['мотивация', 'мотивация учеников', 'мотивация обучающихся'],
  inclusion: ['дети с овз', 'обучающиеся с овз', 'инклюзия', 'инклюзивное образование'],
  'class-teacher': ['классное руководство', 'работа классного руководителя'],
  time: ['тайм-менеджмент', 'распределение времени', 'нагрузка', 'перегрузка'],
  attestation: ['аттестация', 'подготовка к аттестации'],
  'project-work': ['проектная деятельность', 'исследовательская деятельность', 'проекты учащихся'],
  adaptation: ['адаптация', 'вхождение в коллектив'],
};

const SUBJECT_SYNONYMS: Record<string, string[]> = {
  'primary-school': ['начальная школа', 'начальные классы', 'учитель начальных классов'],
  pe: ['физкультура', 'физическая культура'],
  technology: ['технология', 'труд'],
  english: ['английский'],
  informatics: ['информатика и икт'],
  'social-studies': ['обществознание'],
};
/** Abbreviations and everyday names of subjects, by the subject's label in the school's vocabulary (whatever its code). */
const SUBJECT_LABEL_SYNONYMS: Record<string, string[]> = {
  'изобразительное искусство': ['изо', 'рисование'],
  'физическая культура': ['физкультура', 'физра'],
  'основы безопасности жизнедеятельности': ['обж'],
  'основы безопасности и защиты родины': ['обзр', 'обж'],
  'мировая художественная культура': ['мхк'],
  'английский язык': ['английский'],
  'немецкий язык': ['немецкий'],
  'французский язык': ['французский'],
  информатика: ['информатика и икт', 'икт'],
};
/** Labels of a subject area that name exactly its subjects, as forms often offer them. */
const SUBJECT_PAIRS: Record<string, string[]> = { 'русский язык и литература': ['russian', 'literature'] };

const CATEGORY_SYNONYMS: Record<keyof typeof CATEGORIES, string[]> = {
  highest: ['высшая', 'высшая категория', 'высшая квалификационная категория'],
  first: ['первая', 'первая категория', 'первая квалификационная категория'],
  none: ['нет', 'нет категории', 'без категории', 'соответствие занимаемой должности', 'сзд'],
};

const FORM_SYNONYMS: Record<keyof typeof MENTORING_FORMS, string[]> = {
  traditional: ['традиционное', 'традиционная', 'один на один', 'индивидуальное', 'индивидуальная'],
  group: ['групповое', 'групповая', 'в группе'],
  virtual: ['виртуальное', 'дистанционное', 'дистанционная', 'онлайн'],
  reverse: ['реверсивное', 'реверсивная'],
  situational: ['ситуационное', 'ситуационная', 'по запросу'],
  flash: ['скоростное', 'флеш', 'флеш-встречи', 'флеш-наставничество'],
  'short-term': ['краткосрочное', 'целеполагающее', 'краткосрочная'],
};

const ROLE_SYNONYMS: Record<keyof typeof RESPONDENT_ROLES, string[]> = {
  mentor: ['наставник', 'я наставник', 'педагог-наставник'],
  mentee: ['наставляемый', 'наставляемая', 'я наставляемый', 'я наставляемая', 'молодой специалист'],
};

const YES_NO: Record<'yes' | 'no', string[]> = {
  yes: ['да', 'yes', 'согласен', 'согласна', 'true', '1'],
  no: ['нет', 'no', 'не согласен', 'не согласна', 'false', '0'],
};

const GENDER_SYNONYMS: Record<'female' | 'male', string[]> = {
  female: ['женский', 'жен', 'ж', 'женщина'],
  male: ['мужской', 'муж', 'м', 'мужчина'],
};

/** A dictionary: normalised phrase → the ids it stands for. */
export type ValueMap = Map<string, string[]>;

export interface Mapping {
  kind: SurveyKind;
  /** Mapping-file rules first, then defaults. */
  columns: ColumnRule[];
  /** How many of `columns` come from the mapping file. */
  userRules: number;
  values: Record<Dictionary, ValueMap>;
  /** Where the mapping came from, for the report. */
  source: string;
}

export class MappingError extends Error {}

function add(map: ValueMap, phrase: string, ids: string[]): void {
  const key = normaliseText(phrase);
  if (key) map.set(key, ids);
}

function defaultValues(vocab: Vocabularies): Record<Dictionary, ValueMap> {
  const subjects: ValueMap = new Map();
  const subjectIds = new Set(vocab.subjects.map((s) => s.id));
  for (const s of vocab.subjects) {
    add(subjects, s.label, [s.id]);
    if (s.genitive) add(subjects, s.genitive, [s.id]);
  }
  for (const [id, words] of Object.entries(SUBJECT_SYNONYMS)) if (subjectIds.has(id)) words.forEach((w) => add(subjects, w, [id]));
  for (const s of vocab.subjects) for (const w of SUBJECT_LABEL_SYNONYMS[normaliseText(s.label)] ?? []) add(subjects, w, [s.id]);
  for (const [phrase, ids] of Object.entries(SUBJECT_PAIRS)) if (ids.every((id) => subjectIds.has(id))) add(subjects, phrase, ids);

  const difficulties: ValueMap = new Map();
  const difficultyIds = new Set(vocab.difficulties.map((d) => d.id));
  for (const [id, words] of Object.entries(DIFFICULTY_SYNONYMS))
    if (difficultyIds.has(id)) words.forEach((w) => add(difficulties, w, [id]));
  for (const d of vocab.difficulties) add(difficulties, d.label, [d.id]);

  const fromRecord = <K extends string>(labels: Record<K, string>, synonyms: Record<K, string[]>): ValueMap => {
    const map: ValueMap = new Map();
    for (const [id, words] of Object.entries(synonyms) as [K, string[]][]) words.forEach((w) => add(map, w, [id]));
    for (const [id, label] of Object.entries(labels) as [K, string][]) add(map, label, [id]);
    return map;
  };
  const yesNo: ValueMap = new Map();
  YES_NO.yes.forEach((w) => add(yesNo, w, ['yes']));
  YES_NO.no.forEach((w) => add(yesNo, w, ['no']));
  const genders: ValueMap = new Map();
  GENDER_SYNONYMS.female.forEach((w) => add(genders, w, ['female']));
  GENDER_SYNONYMS.male.forEach((w) => add(genders, w, ['male']));
  return {
    subjects,
    difficulties,
    categories: fromRecord(CATEGORIES, CATEGORY_SYNONYMS),
    forms: fromRecord(MENTORING_FORMS, FORM_SYNONYMS),
    roles: fromRecord(RESPONDENT_ROLES, ROLE_SYNONYMS),
    yesNo,
    genders,
  };
}

const FIELD_NAMES = new Set<string>(DEFAULT_COLUMNS.map((r) => r.field));

/** The ids a dictionary accepts, to check a mapping file's values. */
function knownIds(dictionary: Dictionary, vocab: Vocabularies): Set<string> {
  switch (dictionary) {
    case 'subjects':
      return new Set(vocab.subjects.map((s) => s.id));
    case 'difficulties':
      return new Set(vocab.difficulties.map((d) => d.id));
    case 'categories':
      return new Set(Object.keys(CATEGORIES));
    case 'forms':
      return new Set(Object.keys(MENTORING_FORMS));
    case 'roles':
      return new Set(Object.keys(RESPONDENT_ROLES));
    case 'yesNo':
      return new Set(['yes', 'no']);
    case 'genders':
      return new Set(['female', 'male']);
  }
}

/**
 * The mapping for a kind of survey: the defaults, with a mapping file's rules
 * read first. The file looks like
 *
 *     columns:
 *       requests: ["С чем вам нужна помощь"]
 *     values:
 *       difficulties:
 *         "Не успеваю проверять тетради": time
 */
export function loadMapping(kind: SurveyKind, vocab: Vocabularies, file?: string): Mapping {
  const values = defaultValues(vocab);
  const columns: ColumnRule[] = [];
  if (file) {
    if (!fs.existsSync(file)) throw new MappingError(`файл сопоставления «${file}» не найден`);
    let data: unknown;
    try {
      data = parse(fs.readFileSync(file, 'utf8'));
    } catch (e) {
      throw new MappingError(`${file}: ошибка синтаксиса YAML — ${(e as Error).message}`);
    }
    const root = (data ?? {}) as { columns?: unknown; values?: unknown };
    if (typeof root !== 'object' || Array.isArray(root)) throw new MappingError(`${file}: ожидаются разделы «columns» и «values»`);
    for (const [fieldName, patterns] of Object.entries((root.columns ?? {}) as Record<string, unknown>)) {
      if (!FIELD_NAMES.has(fieldName)) {
        throw new MappingError(`${file}: columns.${fieldName} — такого поля нет; допустимые: ${[...FIELD_NAMES].join(', ')}`);
      }
      const list = Array.isArray(patterns) ? patterns : [patterns];
      if (!list.every((p) => typeof p === 'string' && p.trim())) {
        throw new MappingError(`${file}: columns.${fieldName} — ожидается список фрагментов заголовков`);
      }
      columns.push({ field: fieldName as ColumnField, patterns: list as string[], kinds: ALL });
    }
    for (const [dict, entries] of Object.entries((root.values ?? {}) as Record<string, unknown>)) {
      if (!(dict in values))
        throw new MappingError(`${file}: values.${dict} — такого справочника нет; допустимые: ${Object.keys(values).join(', ')}`);
      const known = knownIds(dict as Dictionary, vocab);
      for (const [answer, target] of Object.entries((entries ?? {}) as Record<string, unknown>)) {
        const ids = (Array.isArray(target) ? target : [target]).map((t) => (typeof t === 'boolean' ? (t ? 'yes' : 'no') : String(t)));
        const unknown = ids.filter((id) => !known.has(id));
        if (unknown.length) {
          throw new MappingError(
            `${file}: values.${dict}.«${answer}» — код «${unknown.join(', ')}» не найден; допустимые: ${[...known].join(', ')}`,
          );
        }
        // The school's own wording goes first: a file entry replaces a default with the same text.
        values[dict as Dictionary].delete(normaliseText(answer));
        values[dict as Dictionary] = new Map([[normaliseText(answer), ids], ...values[dict as Dictionary]]);
      }
    }
  }
  return {
    kind,
    columns: [...columns, ...DEFAULT_COLUMNS.filter((r) => r.kinds.includes(kind))],
    userRules: columns.length,
    values,
    source: file ?? 'по умолчанию',
  };
}

const LETTER = /[\p{L}\p{N}]/u;

/** Does a normalised header contain the fragment at the start of a word (and, for short fragments, as a whole word)? */
export function headerMatches(header: string, fragment: string): boolean {
  const h = normaliseText(header);
  const p = normaliseText(fragment);
  if (!p) return false;
  for (let at = h.indexOf(p); at !== -1; at = h.indexOf(p, at + 1)) {
    const before = at === 0 ? '' : h[at - 1]!;
    const after = h[at + p.length] ?? '';
    if (LETTER.test(before)) continue;
    if (p.length <= 3 && LETTER.test(after)) continue;
    return true;
  }
  return false;
}

export interface ColumnPlan {
  /** Column indexes of each field. */
  fields: Map<ColumnField, number[]>;
  /** Headers no rule recognised: their answers are not imported. */
  unknown: string[];
  /** Headers recognised as questions without a registry field. */
  ignored: string[];
}

/**
 * Assigns each header to a field without judging the result: the mapping
 * file's rules win, and a field the file names is fed only by the columns
 * the file gives it; among the rest, the longest matching fragment (the most
 * specific rule).
 */
export function assignColumns(headers: readonly string[], mapping: Mapping): ColumnPlan {
  const fields = new Map<ColumnField, number[]>();
  const unknown: string[] = [];
  const ignored: string[] = [];
  const { userRules } = mapping;
  const claimed = new Set(mapping.columns.slice(0, userRules).map((r) => r.field));
  headers.forEach((header, index) => {
    if (!header) return;
    let best: { field: ColumnField; score: number } | undefined;
    mapping.columns.forEach((rule, ruleIndex) => {
      const isUser = ruleIndex < userRules;
      if (!isUser && claimed.has(rule.field) && rule.field !== 'ignore') return;
      for (const p of rule.patterns) {
        if (!headerMatches(header, p)) continue;
        const score = (isUser ? 10_000 : 0) + normaliseText(p).length;
        if (!best || score > best.score) best = { field: rule.field, score };
      }
    });
    if (!best) unknown.push(header);
    else if (best.field === 'ignore') ignored.push(header);
    else fields.set(best.field, [...(fields.get(best.field) ?? []), index]);
  });
  return { fields, unknown, ignored };
}

/** A YAML key as a mapping file must write it: `scale:…` and `yesNo:…` in quotes. */
const yamlKey = (f: string) => (f.includes(':') ? `"${f}"` : f);
const yamlList = (items: readonly string[]) => `[${items.map((i) => JSON.stringify(i)).join(', ')}]`;

/**
 * Assigns each header to a field (see `assignColumns`). Two columns for one
 * field is an error the mapping file must settle; the message gives the
 * lines of a mapping file that settle it.
 */
export function planColumns(headers: readonly string[], mapping: Mapping): ColumnPlan {
  const plan = assignColumns(headers, mapping);
  for (const [f, columns] of plan.fields) {
    if (columns.length > 1 && !MULTI_FIELDS.has(f)) {
      const names = columns.map((c) => `«${headers[c]}»`).join(' и ');
      const [keep, ...rest] = columns.map((c) => headers[c]!);
      throw new MappingError(
        `колонки ${names} подходят к одному полю «${FIELD_LABELS[f]}»: оставьте одну. ` +
          `Файл сопоставления (--mapping), который оставляет первую, а остальные не переносит:\n` +
          `columns:\n  ${yamlKey(f)}: ${yamlList([keep!])}\n  ignore: ${yamlList(rest)}\n` +
          'Такой файл со всеми колонками выгрузки можно получить командой с --make-mapping ФАЙЛ.',
      );
    }
  }
  return plan;
}

/**
 * A mapping file written from an export's own headers: each header under the
 * field it was recognised as, unrecognised ones under `ignore` with a note,
 * and a second column of one field under `ignore` too — a file that loads as
 * it is and that the methodologist corrects where the guess is wrong.
 */
export function mappingFileFor(headers: readonly string[], mapping: Mapping, header: string): string {
  const plan = assignColumns(headers, mapping);
  const lines = header.split('\n').map((l) => `# ${l}`);
  lines.push('columns:');
  const ignore: string[] = [...plan.ignored];
  const extra: string[] = [];
  for (const [f, columns] of [...plan.fields].sort((a, b) => a[1][0]! - b[1][0]!)) {
    const names = columns.map((c) => headers[c]!);
    const keep = MULTI_FIELDS.has(f) ? names : names.slice(0, 1);
    lines.push(`  ${yamlKey(f)}: ${yamlList(keep)} # ${FIELD_LABELS[f]}`);
    extra.push(...names.slice(keep.length));
  }
  if (plan.unknown.length || extra.length)
    lines.push('  # Не распознаны или повторяют поле выше — впишите их к нужному полю или оставьте здесь:');
  ignore.push(...extra, ...plan.unknown);
  if (ignore.length) lines.push(`  ignore: ${yamlList(ignore)}`);
  lines.push(
    'values: # ответ из выгрузки → код справочника, например:',
    '  # difficulties:',
    '  #   "Не успеваю проверять тетради": time',
    '',
  );
  return lines.join('\n');
}

/** The rules of every kind of анкета at once, to tell which kind a file is. */
export function allKindsMapping(kind: SurveyKind, vocab: Vocabularies, file?: string): Mapping {
  const own = loadMapping(kind, vocab, file);
  return { ...own, columns: [...own.columns.slice(0, own.userRules), ...DEFAULT_COLUMNS] };
}

/** The kinds of анкета each field belongs to by default. */
export function kindsOf(field: ColumnField): readonly SurveyKind[] {
  return DEFAULT_COLUMNS.find((r) => r.field === field)?.kinds ?? ALL;
}
