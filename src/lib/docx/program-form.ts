/**
 * The form of a personalised mentoring programme (DOMAIN.md): its header
 * rows, plan columns, plan directions and signature block. The blank template
 * (.docx and the printable page) and the filled-in programme draft are all
 * built from this one description, so they never drift apart.
 */
import { PLAN_DIRECTIONS } from '../../schema/vocab.ts';

export const FORM_TITLE = 'Персонализированная программа наставничества педагогических работников';

/** Rows of the programme's header table, in order. */
export const HEADER_ROWS = [
  { key: 'mentor', label: 'Наставник (ФИО, должность, категория, стаж)' },
  { key: 'mentees', label: 'Наставляемый (наставляемые): ФИО, должность, стаж' },
  { key: 'curator', label: 'Куратор' },
  { key: 'form', label: 'Форма наставничества' },
  { key: 'pairing', label: 'Ролевая модель' },
  { key: 'term', label: 'Срок реализации (от 3 до 12 месяцев)' },
] as const;

export type HeaderKey = (typeof HEADER_ROWS)[number]['key'];

/** The mentees' row of a filled-in programme: one mentee or a group. */
export const MENTEES_LABEL = { one: 'Наставляемый: ФИО, должность, стаж', many: 'Наставляемые: ФИО, должность, стаж' } as const;

export const SECTION_DIFFICULTIES = 'Выявленные профессиональные затруднения наставляемого (для внутреннего пользования, не публикуются)';
export const SECTION_DIFFICULTIES_GROUP =
  'Выявленные профессиональные затруднения наставляемых (для внутреннего пользования, не публикуются)';
export const SECTION_GOAL = 'Цель программы';
export const SECTION_TASKS = 'Задачи';
export const SECTION_PLAN = 'План мероприятий';
export const SECTION_RESULTS = 'Ожидаемые результаты';

/** Columns of the plan table. */
export const PLAN_COLUMNS = [
  '№',
  'Мероприятие',
  'Сроки',
  'Планируемый результат',
  'Фактический результат, форма отчёта',
  'Отметка о выполнении',
] as const;

/**
 * Relative widths of the plan columns, in percent: wide enough for the
 * longest word of each heading («Мероприятие», «Планируемый»,
 * «Фактический», «выполнении») at the heading size, so none breaks mid-word.
 */
export const PLAN_WIDTHS = [5, 26, 12, 20, 19, 18] as const;

/** The plan's column headings are set smaller than its text (half-points). */
export const PLAN_HEADING_SIZE = 18;

/** The directions the plan is grouped by, in order. */
export const DIRECTIONS = Object.entries(PLAN_DIRECTIONS).map(([id, label]) => ({ id, label }));

/** Who signs the programme, and how. */
export const SIGNATURES = [
  { key: 'mentor', label: 'Наставник' },
  { key: 'mentee', label: 'Наставляемый' },
  { key: 'curator', label: 'Согласовано: куратор' },
] as const;

export const APPROVAL = 'УТВЕРЖДЕНА приказом';
export const BLANK_LINE = '________________________';
export const BLANK_DATE = '«___» ____________ 20___ г.';
