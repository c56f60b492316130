/**
 * A stage of the school's roadmap: one of the seven, with its activities.
 * The stage page is the public account of what the school did at that stage.
 */
import { z } from 'astro/zod';
import { draft, field, isoDate, line, multiSelect, paragraph, refs, select, stageNumber } from './fields.ts';
import { ACTIVITY_STATUSES, PROGRESS_STATUSES, RESPONSIBLE_ROLES } from './vocab.ts';

export const activitySchema = field(
  z.strictObject({
    title: line({ label: 'Мероприятие', hint: 'Как в дорожной карте, например «Проведение анкетирования наставников»' }),
    description: paragraph({ label: 'Содержание', hint: 'Что делается и зачем' }).optional(),
    due: isoDate({ label: 'Срок', hint: 'Дата, к которой мероприятие должно быть выполнено' }).optional(),
    responsible: multiSelect(RESPONSIBLE_ROLES, { label: 'Ответственные', hint: 'Роли, не фамилии' }).default([]),
    status: select(ACTIVITY_STATUSES, { label: 'Статус' }).default('planned'),
    documents: refs({ kind: 'collection', collection: 'documents' }, { label: 'Документы', hint: 'Подтверждающие документы' }).default([]),
    news: refs({ kind: 'collection', collection: 'news' }, { label: 'Новости', hint: 'Новости об этом мероприятии' }).default([]),
    events: refs({ kind: 'collection', collection: 'events' }, { label: 'События', hint: 'Связанные события' }).default([]),
  }),
  { label: 'Мероприятие', widget: 'object' },
);

export const roadmapSchema = () =>
  z.strictObject({
    draft: draft(),
    stage: stageNumber({ label: 'Номер этапа', hint: 'От 1 до 7, по дорожной карте', unique: true }),
    title: line({ label: 'Название этапа' }),
    summary: paragraph({ label: 'Кратко', hint: 'Одно-два предложения для главной страницы' }, 600),
    status: select(PROGRESS_STATUSES, { label: 'Статус этапа' }).default('planned'),
    period: field(
      z
        .strictObject({
          from: isoDate({ label: 'Начало' }),
          to: isoDate({ label: 'Окончание' }),
        })
        .refine((p) => p.from <= p.to, { message: 'окончание этапа раньше его начала', path: ['to'] }),
      { label: 'Сроки этапа', widget: 'object' },
    ).optional(),
    activities: field(z.array(activitySchema).min(1), {
      label: 'Мероприятия',
      hint: 'Содержание деятельности по дорожной карте',
      widget: 'list',
    }),
  });

export type RoadmapStage = z.output<ReturnType<typeof roadmapSchema>>;
export type Activity = z.output<typeof activitySchema>;
