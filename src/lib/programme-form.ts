/**
 * The form of a personalised mentoring programme (DOMAIN.md): its header
 * rows, sections, plan columns, plan directions and signature block. The
 * programme's page, its CMS preview, the blank template (.docx and the
 * printable page) and the filled-in draft are all built from this one
 * description; the headings of sections and plan columns are the labels of
 * the programme's fields in its schema, so the CMS says the same words.
 */
import { fieldLabel } from './error-map.ts';
import { planRowSchema, programmeSchema, type PlanRow } from '../schema/programs.ts';
import { typo } from './typography.ts';
import { PLAN_DIRECTIONS } from '../schema/vocab.ts';

const programme = programmeSchema();
/** The label of a programme field in its schema. */
export const programmeLabel = (...path: string[]) => fieldLabel(programme, path);
const planLabel = (key: string) => fieldLabel(planRowSchema, [key]);

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
export const SECTION_GOAL = programmeLabel('goal');
export const SECTION_TASKS = programmeLabel('tasks');
export const SECTION_PLAN = programmeLabel('plan');
export const SECTION_RESULTS = programmeLabel('expectedResults');
export const SECTION_OUTCOMES = programmeLabel('outcomes');

/** The fields of a plan row shown as columns, in order. */
export const PLAN_FIELDS = ['activity', 'when', 'planned', 'actual', 'done'] as const;

/** The cells of one plan row as a reader sees them, in PLAN_FIELDS order (typographed). */
export function planCells(row: Pick<PlanRow, (typeof PLAN_FIELDS)[number]>): string[] {
  return [
    typo(row.activity),
    typo(row.when),
    typo(row.planned),
    row.actual ? typo(row.actual) : '—',
    row.done ? 'выполнено' : 'не выполнено',
  ];
}

/** Columns of the plan table: a number, then each field's label. */
export const PLAN_COLUMNS = ['№', ...PLAN_FIELDS.map(planLabel)] as const;

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
