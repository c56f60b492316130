/**
 * Accepting a proposed pair: a draft personalised programme in
 * content/programs/ (status «проект»), with the people by registry id and a
 * plan grouped by the directions the mentee's requests point to.
 *
 * The requests themselves are private and never written into the programme:
 * only the coarse plan directions they lead to (e.g. «оценивание»), with
 * generic activities the pair then makes their own.
 */
import { stringify } from 'yaml';
import { consentState } from '../../privacy/consent-policy.ts';
import { programmeSchema, type PlanRow, type Programme } from '../../schema/programs.ts';
import type { Person } from '../../schema/registry.ts';
import { PLAN_DIRECTIONS, type MentoringForm } from '../../schema/vocab.ts';
import { workingDayFrom } from '../working-days.ts';
import { monthsBetween } from '../../lib/dates.ts';
import { bindingProgrammes, mentorBlock } from './match-mentors.ts';
import { DEFAULT_CAPACITY } from '../survey/merge.ts';

type Direction = keyof typeof PLAN_DIRECTIONS;

/** Which plan direction works on which professional difficulty (vocabulary ids of content/settings). */
export const DIRECTION_OF_DIFFICULTY: Readonly<Record<string, Direction>> = {
  adaptation: 'adaptation',
  time: 'adaptation',
  documentation: 'normative',
  'oge-ege': 'normative',
  'lesson-planning': 'lessons',
  discipline: 'lessons',
  motivation: 'lessons',
  inclusion: 'lessons',
  'project-work': 'lessons',
  assessment: 'assessment',
  parents: 'upbringing',
  'class-teacher': 'upbringing',
  digital: 'digital',
  attestation: 'attestation',
};

interface DirectionTemplate {
  task: string;
  row: Omit<PlanRow, 'direction' | 'done'>;
  result: string;
}

/** Generic content of each direction; the pair rewrites it for themselves. */
export const DIRECTION_TEMPLATES: Readonly<Record<Direction, DirectionTemplate>> = {
  adaptation: {
    task: 'Войти в коллектив, освоить традиции, локальные акты и порядок работы школы.',
    row: {
      activity: 'Знакомство с коллективом, традициями и локальными актами школы, работой методического объединения',
      when: 'первый месяц',
      planned: 'Наставляемый знает порядок работы школы и методического объединения',
    },
    result: 'Наставляемый уверенно ориентируется в жизни школы и работе методического объединения.',
  },
  normative: {
    task: 'Освоить нормативную базу: ФОП, ФГОС, рабочую программу, требования к документации и к итоговой аттестации.',
    row: {
      activity: 'Разбор нормативной базы: ФОП, ФГОС, рабочая программа, документация, спецификации итоговой аттестации',
      when: 'первые два месяца',
      planned: 'Рабочая программа и документация оформлены без замечаний',
    },
    result: 'Документация наставляемого соответствует требованиям.',
  },
  lessons: {
    task: 'Освоить планирование и проведение урока по требованиям ФГОС.',
    row: {
      activity: 'Взаимопосещение уроков с разбором по листу наблюдения; совместное планирование уроков',
      when: '2 раза в месяц',
      planned: 'Наставляемый самостоятельно планирует и проводит уроки по требованиям ФГОС',
    },
    result: 'Уроки наставляемого соответствуют требованиям ФГОС.',
  },
  assessment: {
    task: 'Освоить критериальное оценивание и формы обратной связи.',
    row: {
      activity: 'Согласование критериев оценивания, совместная проверка работ, разбор форм обратной связи',
      when: 'ежемесячно',
      planned: 'Оценки наставляемого согласуются с критериями, обратная связь ученикам регулярна',
    },
    result: 'Наставляемый оценивает работы по критериям и даёт ученикам обратную связь.',
  },
  upbringing: {
    task: 'Выстроить воспитательную работу и взаимодействие с родителями.',
    row: {
      activity: 'Подготовка и проведение родительского собрания; разбор ситуаций воспитательной работы',
      when: 'по плану воспитательной работы',
      planned: 'Проведено родительское собрание, налажена регулярная связь с родителями',
    },
    result: 'Налажено взаимодействие с родителями.',
  },
  digital: {
    task: 'Освоить цифровые инструменты школы.',
    row: {
      activity: 'Освоение электронного журнала, конструкторов заданий и образовательных платформ школы',
      when: 'в течение программы',
      planned: 'Наставляемый использует цифровые инструменты на уроках и для контроля',
    },
    result: 'Наставляемый применяет цифровые инструменты в работе.',
  },
  attestation: {
    task: 'Подготовиться к аттестации.',
    row: {
      activity: 'Подготовка портфолио и материалов к аттестации',
      when: 'по графику аттестации',
      planned: 'Материалы к аттестации подготовлены',
    },
    result: 'Материалы к аттестации подготовлены в срок.',
  },
};

const DIRECTION_ORDER = Object.keys(PLAN_DIRECTIONS) as Direction[];

/** Directions of the plan for these mentees' requests; adaptation always comes first. */
export function planDirections(requests: readonly string[]): Direction[] {
  const wanted = new Set<Direction>(['adaptation']);
  for (const r of requests) {
    const d = DIRECTION_OF_DIFFICULTY[r];
    if (d) wanted.add(d);
  }
  return DIRECTION_ORDER.filter((d) => wanted.has(d));
}

const pad = (n: number) => String(n).padStart(2, '0');

function lastDayOfMonth(year: number, month: number): string {
  const d = new Date(Date.UTC(year, month, 0));
  return `${year}-${pad(month)}-${pad(d.getUTCDate())}`;
}

/** From the first working day of next month to the end of May of the school year; at least 3 months. */
export function programmeTerm(today: string, schoolYear: string): { from: string; to: string } {
  let y = Number(today.slice(0, 4));
  let m = Number(today.slice(5, 7)) + 1;
  if (m > 12) {
    m = 1;
    y++;
  }
  const from = `${y}-${pad(m)}-01`;
  let to = `${schoolYear.slice(5)}-05-31`;
  if (to < from || monthsBetween(from, to) < 3) {
    const endMonth = m + 5;
    to = lastDayOfMonth(y + Math.floor((endMonth - 1) / 12), ((endMonth - 1) % 12) + 1);
  }
  if (monthsBetween(from, to) > 12) to = lastDayOfMonth(y + 1, m - 1 || 12);
  return { from: workingDayFrom(from), to };
}

export class AcceptError extends Error {}

export interface AcceptInput {
  mentor: string;
  mentees: readonly string[];
  people: ReadonlyMap<string, Person>;
  programs: readonly { id: string; data: Programme }[];
  today: string;
  schoolYear: string;
}

export interface DraftProgramme {
  id: string;
  code: string;
  data: Record<string, unknown>;
  text: string;
}

const FORMS_FOR_PAIR: readonly MentoringForm[] = ['traditional', 'situational', 'virtual', 'reverse', 'short-term'];

/** Builds (and validates) the draft programme of an accepted pair or group. */
export function draftProgramme(input: AcceptInput): DraftProgramme {
  const { people, programs, today, schoolYear } = input;
  const mentor = people.get(input.mentor);
  if (!mentor || !mentor.roles.includes('mentor'))
    throw new AcceptError(`${input.mentor}: в реестре нет наставника с таким идентификатором`);
  const block = mentorBlock(mentor, today);
  if (block) throw new AcceptError(`${input.mentor}: ${block} — закрепить наставника нельзя`);
  const binding = bindingProgrammes(programs, schoolYear, today);
  const used = binding.filter((p) => p.data.mentor === mentor.id).reduce((n, p) => n + p.data.mentees.length, 0);
  const capacity = mentor.capacity ?? DEFAULT_CAPACITY;
  if (used + input.mentees.length > capacity) {
    throw new AcceptError(
      `${mentor.id}: свободных мест ${Math.max(0, capacity - used)} из ${capacity}, а наставляемых ${input.mentees.length}`,
    );
  }
  const mentees: Person[] = [];
  for (const id of input.mentees) {
    const p = people.get(id);
    if (!p || !p.roles.includes('mentee')) throw new AcceptError(`${id}: в реестре нет наставляемого с таким идентификатором`);
    if (consentState(p.consents.processing, today) !== 'valid')
      throw new AcceptError(`${id}: нет действующего согласия на обработку персональных данных`);
    const existing = binding.find((b) => b.data.mentees.includes(id));
    if (existing) throw new AcceptError(`${id}: уже в программе ${existing.data.code} (${existing.id}) этого учебного года`);
    if (id === mentor.id) throw new AcceptError(`${id}: наставник не может быть своим наставляемым`);
    mentees.push(p);
  }
  const startYear = schoolYear.slice(0, 4);
  const used2 = programs
    .map((p) => new RegExp(`^[А-ЯA-Z]{1,4}-${startYear}-(\\d{2,3})$`).exec(p.data.code)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number);
  const number = Math.max(0, ...used2) + 1;
  const code = `НП-${startYear}-${pad(number)}`;
  let id = `np-${startYear}-${pad(number)}`;
  for (let k = 2; programs.some((p) => p.id === id); k++) id = `np-${startYear}-${pad(number)}-${k}`;

  const group = mentees.length > 1;
  const shared = group
    ? 'group'
    : (mentees[0]!.preferredForms.find((f) => FORMS_FOR_PAIR.includes(f) && mentor.preferredForms.includes(f)) ??
      mentees[0]!.preferredForms.find((f) => FORMS_FOR_PAIR.includes(f)) ??
      'traditional');
  const directions = planDirections(mentees.flatMap((m) => m.requests));
  const curator = [...people.values()]
    .filter((p) => p.roles.includes('curator') && consentState(p.consents.processing, today) === 'valid')
    .sort((a, b) => a.id.localeCompare(b.id))[0];
  const data: Record<string, unknown> = {
    code,
    title: group ? 'Профессиональная адаптация и развитие педагогов' : 'Профессиональная адаптация и развитие педагога',
    schoolYear,
    form: shared,
    pairing: 'teacher-teacher',
    kind: group ? 'group' : 'pair',
    mentor: mentor.id,
    mentees: mentees.map((m) => m.id),
    ...(curator ? { curator: curator.id } : {}),
    term: programmeTerm(today, schoolYear),
    goal: 'Создать условия для профессиональной адаптации и развития педагога по направлениям плана; цель уточняют наставник и наставляемый на первой встрече.',
    tasks: directions.map((d) => DIRECTION_TEMPLATES[d].task),
    plan: directions.map((d) => ({ direction: d, ...DIRECTION_TEMPLATES[d].row, done: false })),
    expectedResults: directions.map((d) => DIRECTION_TEMPLATES[d].result),
    status: 'draft',
  };
  const parsed = programmeSchema().safeParse(data);
  if (!parsed.success) {
    throw new AcceptError(
      `проект программы не проходит проверку: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  const frontMatter = stringify(data, { lineWidth: 0, flowCollectionPadding: false, collectionStyle: 'block' }).replace(
    /^mentees:\n((?: {2}- .+\n)+)/m,
    (_, items: string) =>
      `mentees: [${items
        .trim()
        .split('\n')
        .map((l) => l.replace(/^\s*- /, ''))
        .join(', ')}]\n`,
  );
  const body =
    'Проект программы подготовлен по итогам подбора наставника. Наставник и наставляемый уточняют цель, задачи и план; после согласования с куратором программа утверждается приказом о закреплении наставнических пар и групп.\n';
  return { id, code, data, text: `---\n${frontMatter}---\n\n${body}` };
}
