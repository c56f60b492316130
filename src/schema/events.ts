/**
 * An event of the mentoring system: установочные сессии of mentors,
 * consultations, seminars, flash meetings and the final event of a cycle.
 */
import { z } from 'astro/zod';
import { picture, type SchemaContext } from './context.ts';
import { draft, isoDateTime, line, paragraph, select, stageNumber, url } from './fields.ts';
import { EVENT_KINDS, LEVELS } from './vocab.ts';

export const eventSchema = <I extends z.ZodType>(ctx: SchemaContext<I>) =>
  z
    .strictObject({
      draft: draft(),
      title: line({ label: 'Название' }),
      kind: select(EVENT_KINDS, { label: 'Вид события' }),
      start: isoDateTime({ label: 'Начало', hint: 'Местное время' }),
      end: isoDateTime({ label: 'Окончание', hint: 'Местное время' }).optional(),
      place: line({ label: 'Место', hint: 'Адрес, кабинет или «онлайн»' }),
      level: select(LEVELS, { label: 'Уровень' }).default('school'),
      stage: stageNumber({ label: 'Этап дорожной карты' }),
      summary: paragraph({ label: 'Кратко' }, 600),
      registration: url({ label: 'Ссылка на регистрацию' }).optional(),
      cover: picture(ctx, 'Обложка').optional(),
    })
    .refine((e) => e.end === undefined || e.end >= e.start, { message: 'окончание раньше начала', path: ['end'] });

export type EventEntry = z.output<ReturnType<typeof eventSchema<z.ZodString>>>;
