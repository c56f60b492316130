/**
 * A news item: information support of the roadmap (stage 7) on the school
 * site, with the stage and the level at which the event was covered.
 */
import { z } from 'astro/zod';
import { picture, type SchemaContext } from './context.ts';
import { draft, isoDate, line, lines, paragraph, select, stageNumber } from './fields.ts';
import { LEVELS } from './vocab.ts';

export const newsSchema = <I extends z.ZodType>(ctx: SchemaContext<I>) =>
  z.strictObject({
    draft: draft(),
    title: line({ label: 'Заголовок' }),
    date: isoDate({ label: 'Дата публикации' }),
    summary: paragraph({ label: 'Анонс', hint: 'Одно-два предложения для списка новостей и соцсетей' }, 400),
    stage: stageNumber({ label: 'Этап дорожной карты', hint: 'О каком этапе новость' }).optional(),
    level: select(LEVELS, { label: 'Уровень освещения', hint: 'Где ещё опубликовано: школьный, муниципальный, региональный' }).default(
      'school',
    ),
    cover: picture(ctx, 'Обложка').optional(),
    tags: lines({ label: 'Метки' }, { label: 'Метка' }).default([]),
  });

export type NewsItem = z.output<ReturnType<typeof newsSchema<z.ZodString>>>;
