/**
 * Rows of a mentee's or a mentor candidate's анкета → what each answer says
 * about a registry field. A row that names nobody is skipped and reported; an
 * answer that no dictionary knows is reported and left out, the rest of the
 * row still counts.
 */
import { getGender } from 'lvovich';
import type { Person } from '../../schema/registry.ts';
import type { Vocabularies } from '../../schema/settings.ts';
import { findPerson, resolveName, type KnownPerson } from './name-order.ts';
import { DICTIONARY_LABELS, MappingError, planColumns, type ColumnField, type Dictionary, type Mapping } from './mapping.ts';
import { formatName, nameFromParts, nameKey, type FullName } from './person-names.ts';
import type { Table } from './read-table.ts';
import {
  fieldCell,
  matchChoices,
  matchOne,
  parseCount,
  parseDate,
  parseDateTime,
  parseEmail,
  parseTeachingSince,
  parseYesNo,
} from './values.ts';

/** The registry fields a survey answers. */
export interface PersonAnswers {
  gender?: Person['gender'];
  email?: string;
  position?: string;
  subjects?: string[];
  category?: Person['category'];
  teachingSince?: number;
  requests?: string[];
  requestsNote?: string;
  competencies?: string[];
  preferredForms?: Person['preferredForms'];
  preferredPeople?: string[];
  capacity?: number;
  mentorAgreement?: { signed: string; document: string };
}

export interface SurveyPerson {
  row: number;
  name: FullName;
  key: string;
  answers: PersonAnswers;
  /** The processing consent, when the export has a column for it. */
  consent?: { signed: string; document?: string };
  /** The mentor candidate's answer to «готовы ли вы стать наставником». */
  agreement?: boolean;
  /** The form's own timestamp of the answer: `YYYY-MM-DDTHH:mm` or `YYYY-MM-DD`. */
  submitted?: string;
  /** The words could be read as a name in two orders and the registry did not decide (see name-order.ts). */
  nameAmbiguous?: boolean;
  /** The form's consent checkbox is ticked, but no consent date was given. */
  consentTicked?: boolean;
}

export interface RowNote {
  row: number;
  /** The column the note is about. */
  column?: string;
  message: string;
  /** `skip`: the row is not imported; `warning`: a value is left out, the rest is imported. */
  severity: 'skip' | 'warning';
}

export interface PersonRowsResult {
  people: SurveyPerson[];
  notes: RowNote[];
  /** Headers whose answers are not imported. */
  unknownColumns: string[];
  ignoredColumns: string[];
  /** Whether the export has a column with the processing consent date. */
  hasConsentColumn: boolean;
}

const CHOICE_FIELDS: Partial<Record<ColumnField, Dictionary>> = {
  subjects: 'subjects',
  requests: 'difficulties',
  competencies: 'difficulties',
  preferredForms: 'forms',
};

/** A date in running text: «доп. соглашение № 12 от 01.09.2026». */
const DATE_IN_TEXT = /(\d{1,2}\.\d{1,2}\.\d{4})|(\d{4}-\d{2}-\d{2})/;

export function readPersonRows(
  table: Table,
  mapping: Mapping,
  ctx: { vocab: Vocabularies; people: readonly KnownPerson[]; currentYear: number },
): PersonRowsResult {
  const plan = planColumns(table.headers, mapping);
  const col = (f: ColumnField) => plan.fields.get(f)?.[0];
  const hasName = col('fullName') !== undefined || (col('lastName') !== undefined && col('firstName') !== undefined);
  if (!hasName) {
    throw new MappingError('в выгрузке нет колонки с ФИО (или колонок «Фамилия» и «Имя»): без неё анкету не с кем сопоставить');
  }
  const people: SurveyPerson[] = [];
  const notes: RowNote[] = [];

  for (const { row, cells } of table.rows) {
    const cell = fieldCell(col, cells);
    const header = (f: ColumnField) => table.headers[col(f)!]!;
    const warn = (f: ColumnField, message: string) => notes.push({ row, column: header(f), message, severity: 'warning' });

    const fullText = cell('fullName');
    const resolved = fullText ? resolveName(fullText, ctx.people) : undefined;
    const name = fullText ? resolved?.name : nameFromParts(cell('lastName'), cell('firstName'), cell('middleName') || undefined);
    if (!name) {
      const shown = fullText || [cell('lastName'), cell('firstName'), cell('middleName')].filter(Boolean).join(' ');
      notes.push({
        row,
        message: shown
          ? `«${shown}» — не похоже на «Фамилия Имя Отчество» кириллицей; строка не импортирована`
          : 'ФИО не заполнено; строка не импортирована',
        severity: 'skip',
      });
      continue;
    }
    const answers: PersonAnswers = {};
    const person: SurveyPerson = { row, name, key: nameKey(name), answers, ...(resolved?.ambiguous ? { nameAmbiguous: true } : {}) };
    const given = cell('consentGiven');
    if (given && !parseDate(given) && parseYesNo(given, mapping.values.yesNo) === false) {
      notes.push({
        row,
        column: header('consentGiven'),
        message: `${formatName(name)}: согласие на обработку персональных данных не дано — строка не импортирована`,
        severity: 'skip',
      });
      continue;
    }

    const gender = cell('gender');
    if (gender) {
      const g = matchOne(gender, mapping.values.genders).id;
      if (g === 'female' || g === 'male') answers.gender = g;
      else warn('gender', `«${gender}» — не понятно, мужской или женский пол`);
    } else {
      const g = getGender({ last: name.last, first: name.first, middle: name.middle ?? null });
      if (g === 'female' || g === 'male') answers.gender = g;
    }

    const email = cell('email');
    if (email) {
      const e = parseEmail(email);
      if (e) answers.email = e;
      else warn('email', `«${email}» — не похоже на адрес электронной почты`);
    }
    const position = cell('position').replace(/\s+/g, ' ');
    if (position) {
      if (position.length <= 100) answers.position = position.charAt(0).toLowerCase() + position.slice(1);
      else warn('position', 'должность длиннее 100 символов — сократите её в реестре вручную');
    }
    const category = cell('category');
    if (category) {
      const c = matchOne(category, mapping.values.categories).id;
      if (c === 'none' || c === 'first' || c === 'highest') answers.category = c;
      else
        warn(
          'category',
          `«${category}» — нет в справочнике «${DICTIONARY_LABELS.categories}»; добавьте в файл сопоставления (values.categories)`,
        );
    }
    const since = cell('teachingSince') || cell('experience');
    if (since) {
      const y = parseTeachingSince(since, ctx.currentYear);
      if (y !== undefined) answers.teachingSince = y;
      else
        warn(cell('teachingSince') ? 'teachingSince' : 'experience', `«${since}» — не удалось понять стаж (ожидается число лет или год)`);
    }
    for (const [f, dict] of Object.entries(CHOICE_FIELDS) as [ColumnField, Dictionary][]) {
      const text = cell(f);
      if (!text) continue;
      const { ids, unknown } = matchChoices(text, mapping.values[dict]);
      if (ids.length) (answers as Record<string, unknown>)[f] = ids;
      for (const u of unknown) {
        warn(
          f,
          `«${u}» — нет в справочнике «${DICTIONARY_LABELS[dict]}»; значение не перенесено (добавьте его в файл сопоставления, values.${dict})`,
        );
      }
    }
    const note = cell('requestsNote');
    if (note) answers.requestsNote = note.slice(0, 4000);
    const preferred = cell('preferredPeople');
    if (preferred) {
      const ids: string[] = [];
      for (const piece of preferred
        .split(/[,;\n]+/)
        .map((p) => p.trim())
        .filter(Boolean)) {
        const id = findPerson(piece, ctx.people);
        if (id) ids.push(id);
        else warn('preferredPeople', `«${piece}» — такого человека в реестре нет или их несколько; укажите вручную`);
      }
      if (ids.length) answers.preferredPeople = [...new Set(ids)];
    }
    const capacity = cell('capacity');
    if (capacity) {
      const n = parseCount(capacity);
      if (n !== undefined && n >= 1 && n <= 5) answers.capacity = n;
      else warn('capacity', `«${capacity}» — ожидается число наставляемых от 1 до 5`);
    }
    const agreement = cell('agreement');
    if (agreement) {
      const yes = parseYesNo(agreement, mapping.values.yesNo);
      if (yes === undefined) warn('agreement', `«${agreement}» — ожидается «да» или «нет»`);
      else person.agreement = yes;
    }
    const agreementDocument = cell('agreementDocument');
    const agreementDate = cell('agreementDate');
    if (agreementDocument || agreementDate) {
      const inText = DATE_IN_TEXT.exec(agreementDocument);
      const signed = parseDate(agreementDate) ?? (inText ? parseDate(inText[0]) : undefined);
      const yes = agreementDocument ? parseYesNo(agreementDocument, mapping.values.yesNo) : undefined;
      const column: ColumnField = agreementDocument ? 'agreementDocument' : 'agreementDate';
      if (yes !== undefined || !signed) {
        warn(
          column,
          `«${agreementDocument || agreementDate}» — ожидаются реквизиты письменного согласия быть наставником с датой (например «доп. соглашение № 12 от 01.09.2026»); не перенесено`,
        );
      } else {
        const document = agreementDocument ? agreementDocument.slice(0, 300) : `письменное согласие от ${agreementDate}`;
        answers.mentorAgreement = { signed, document };
      }
    }
    // A consent checkbox column without a date column may still hold the date.
    const consent = cell('consentDate') || (col('consentDate') === undefined && parseDate(given) ? given : '');
    if (consent) {
      const signed = parseDate(consent);
      if (signed) {
        const document = cell('consentDocument');
        person.consent = document ? { signed, document: document.slice(0, 300) } : { signed };
      } else {
        warn(
          col('consentDate') === undefined ? 'consentGiven' : 'consentDate',
          `«${consent}» — ожидается дата согласия (ДД.ММ.ГГГГ); согласие на обработку — отдельный документ с датой`,
        );
      }
    }
    if (!person.consent && given) person.consentTicked = true;
    const submitted = parseDateTime(cell('submitted'));
    if (submitted) person.submitted = submitted;
    people.push(person);
  }

  // A person who filled the form twice: the later answer (by the form's time, else the later row) is what they mean now.
  const last = new Map<string, SurveyPerson>();
  const later = (a: SurveyPerson, b: SurveyPerson) =>
    a.submitted && b.submitted && a.submitted !== b.submitted ? a.submitted > b.submitted : a.row > b.row;
  for (const p of people) {
    const other = last.get(p.key);
    if (!other) {
      last.set(p.key, p);
      continue;
    }
    const [keep, drop] = later(p, other) ? [p, other] : [other, p];
    notes.push({
      row: drop.row,
      message: `${formatName(p.name)} заполнил(а) анкету ещё раз в строке ${keep.row}; учтена более поздняя`,
      severity: 'skip',
    });
    last.set(p.key, keep);
  }
  return {
    people: [...last.values()].sort((a, b) => a.row - b.row),
    notes,
    unknownColumns: plan.unknown,
    ignoredColumns: plan.ignored,
    hasConsentColumn: col('consentDate') !== undefined,
  };
}
