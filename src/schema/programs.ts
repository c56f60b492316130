/**
 * A personalised mentoring programme (персонализированная программа
 * наставничества) of one pair or group.
 *
 * People are referenced by registry id only; the page shows what the privacy
 * policy resolves them to. The mentee's professional difficulties are private
 * and have no field here: an entry that carries them is rejected.
 */
import { z } from 'astro/zod';
import { monthsBetween } from '../lib/dates.ts';
import { draft, field, isoDate, line, lines, paragraph, ref, refs, schoolYear, select } from './fields.ts';
import { MENTORING_FORMS, PLAN_DIRECTIONS, PROGRAMME_STATUSES, ROLE_PAIRINGS } from './vocab.ts';

export const planRowSchema = field(
  z.strictObject({
    direction: select(PLAN_DIRECTIONS, { label: 'Направление' }),
    activity: line({ label: 'Мероприятие', hint: 'Что делают наставник и наставляемый' }, 500),
    when: line({ label: 'Сроки', hint: 'Например «сентябрь» или «1 раз в месяц»' }, 100),
    planned: line({ label: 'Планируемый результат' }, 500),
    actual: line({ label: 'Фактический результат, форма отчёта' }, 500).optional(),
    done: field(z.boolean(), { label: 'Отметка о выполнении', widget: 'boolean' }).default(false),
  }),
  { label: 'Строка плана', widget: 'object' },
);

export const PROGRAM_TERM_MONTHS = { min: 3, max: 12 } as const;

export const programmeSchema = () =>
  z
    .strictObject({
      draft: draft(),
      code: field(z.string().regex(/^[А-ЯA-Z]{1,4}-\d{4}-\d{2,3}$/), {
        label: 'Шифр программы',
        hint: 'Например «НП-2025-01»',
        widget: 'string',
        patternMessage: 'шифр вида НП-2025-01',
        unique: true,
      }),
      title: line({ label: 'Название', hint: 'Без имён: например «Адаптация молодого учителя математики»' }),
      schoolYear: schoolYear({ label: 'Учебный год' }),
      form: select(MENTORING_FORMS, { label: 'Форма наставничества' }),
      pairing: select(ROLE_PAIRINGS, { label: 'Ролевая модель' }),
      kind: select({ pair: 'пара', group: 'группа' }, { label: 'Пара или группа' }),
      mentor: ref(
        { kind: 'registry' },
        { label: 'Наставник', hint: 'Из реестра; на сайте — обобщённое описание, если нет согласия на ФИО' },
      ),
      mentees: refs({ kind: 'registry' }, { label: 'Наставляемые', hint: 'Из реестра; один для пары, несколько для группы' }, 1),
      curator: ref({ kind: 'registry' }, { label: 'Куратор' }).optional(),
      term: field(
        z.strictObject({
          from: isoDate({ label: 'Начало' }),
          to: isoDate({ label: 'Окончание' }),
        }),
        { label: 'Срок реализации', hint: 'От 3 до 12 месяцев', widget: 'object' },
      ),
      goal: paragraph({ label: 'Цель программы' }, 1000),
      tasks: lines({ label: 'Задачи' }, { label: 'Задача' }),
      plan: field(z.array(planRowSchema).min(1), { label: 'План мероприятий', widget: 'list' }),
      expectedResults: lines({ label: 'Ожидаемые результаты' }, { label: 'Результат' }),
      status: select(PROGRAMME_STATUSES, { label: 'Статус' }).default('draft'),
      outcomes: paragraph({ label: 'Итоги', hint: 'Что достигнуто — заполняется по завершении' }).optional(),
      order: ref(
        { kind: 'collection', collection: 'documents' },
        { label: 'Приказ о закреплении', hint: 'Приказ, которым утверждена пара или группа' },
      ).optional(),
    })
    .superRefine((p, ctx) => {
      const months = monthsBetween(p.term.from, p.term.to);
      if (months < PROGRAM_TERM_MONTHS.min || months > PROGRAM_TERM_MONTHS.max) {
        ctx.addIssue({
          code: 'custom',
          path: ['term', 'to'],
          message: `срок программы — от 3 до 12 месяцев, получено ${months}`,
        });
      }
      if (p.kind === 'pair' && p.mentees.length !== 1) {
        ctx.addIssue({ code: 'custom', path: ['mentees'], message: `у пары один наставляемый, указано ${p.mentees.length}` });
      }
      if (p.kind === 'group' && p.mentees.length < 2) {
        ctx.addIssue({ code: 'custom', path: ['mentees'], message: 'в группе не меньше двух наставляемых' });
      }
      if (p.mentees.includes(p.mentor)) {
        ctx.addIssue({ code: 'custom', path: ['mentees'], message: 'наставник не может быть своим наставляемым' });
      }
    });

export type Programme = z.output<ReturnType<typeof programmeSchema>>;
export type PlanRow = z.output<typeof planRowSchema>;
