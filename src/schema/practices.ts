/**
 * A practice of the methodological bank («методическая копилка»): what a
 * mentor or pair did that others can reuse, with its results and evidence.
 */
import { z } from 'astro/zod';
import { picture, type SchemaContext } from './context.ts';
import { draft, field, line, multiSelect, paragraph, publicFile, ref, refs, select, year } from './fields.ts';
import { MATERIAL_TYPES, MENTORING_FORMS, PRACTICE_STATUSES, SCHOOL_LEVELS, TARGET_GROUPS } from './vocab.ts';

export const attachmentSchema = field(
  z.strictObject({
    title: line({ label: 'Название файла' }),
    file: publicFile({ label: 'Файл' }),
  }),
  { label: 'Приложение', widget: 'object' },
);

export const practiceSchema = <I extends z.ZodType>(ctx: SchemaContext<I>) =>
  z.strictObject({
    draft: draft(),
    title: line({ label: 'Название практики' }),
    summary: paragraph({ label: 'Кратко', hint: 'Какую трудность решает практика и как — 1–3 предложения' }, 800),
    authors: refs(
      { kind: 'registry' },
      { label: 'Авторы', hint: 'Из реестра; ФИО на сайте — только при согласии на распространение' },
    ).default([]),
    year: year({ label: 'Год' }),
    form: select(MENTORING_FORMS, { label: 'Форма наставничества' }),
    targetGroup: select(TARGET_GROUPS, { label: 'Целевая группа' }),
    subjects: refs(
      { kind: 'vocabulary', vocabulary: 'subjects' },
      { label: 'Предметы', hint: 'Пусто — практика для любого предмета' },
    ).default([]),
    levels: multiSelect(SCHOOL_LEVELS, { label: 'Уровень образования' }).default([]),
    difficulties: refs({ kind: 'vocabulary', vocabulary: 'difficulties' }, { label: 'Какие трудности решает' }, 1),
    materialType: select(MATERIAL_TYPES, { label: 'Тип материала' }),
    results: paragraph({ label: 'Результаты и их подтверждение', hint: 'Что изменилось и чем это подтверждено' }, 2000),
    resources: paragraph({ label: 'Необходимые ресурсы', hint: 'Время, материалы, оборудование' }, 1000).optional(),
    replicability: paragraph(
      { label: 'Возможность тиражирования', hint: 'Что нужно, чтобы повторить практику в другой школе' },
      1000,
    ).optional(),
    status: select(PRACTICE_STATUSES, { label: 'Статус' }).default('review'),
    best: field(
      z.strictObject({
        year: year({ label: 'Год признания' }),
        event: ref({ kind: 'collection', collection: 'events' }, { label: 'Итоговое мероприятие', hint: 'Где практика признана лучшей' }),
      }),
      { label: 'Лучшая практика', hint: 'Заполняется по итогам итогового мероприятия (этап 6)', widget: 'object' },
    ).optional(),
    cover: picture(ctx, 'Обложка').optional(),
    attachments: field(z.array(attachmentSchema), { label: 'Приложения', widget: 'list' }).default([]),
  });

export type Practice = z.output<ReturnType<typeof practiceSchema<z.ZodString>>>;
