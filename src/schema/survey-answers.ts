/**
 * Raw answers of the monitoring questionnaire (stage 6): PRIVATE.
 *
 * One YAML file per imported export in `content/registry/answers/`. Answers
 * are anonymous (a role, scores, yes/no, open text) but still private: open
 * answers may name people, and a small group's scores could identify someone.
 * Only `npm run monitoring` reads them, and it publishes aggregates alone,
 * suppressing groups of fewer than MIN_GROUP respondents.
 */
import { z } from 'astro/zod';
import { field, isoDate, line, paragraph, schoolYear, select } from './fields.ts';
import { RESPONDENT_ROLES, SATISFACTION_SCALES, YES_NO_ITEMS } from './vocab.ts';

const PRIVATE = { private: true } as const;

const score = (label: string) => field(z.number().int().min(1).max(10), { label, hint: 'От 1 до 10', widget: 'number', ...PRIVATE });
const yesNo = (label: string) => field(z.boolean(), { label, widget: 'boolean', ...PRIVATE });

const scaleShape = Object.fromEntries(Object.entries(SATISFACTION_SCALES).map(([id, label]) => [id, score(label).optional()])) as Record<
  keyof typeof SATISFACTION_SCALES,
  z.ZodOptional<z.ZodNumber>
>;
const yesNoShape = Object.fromEntries(Object.entries(YES_NO_ITEMS).map(([id, label]) => [id, yesNo(label).optional()])) as Record<
  keyof typeof YES_NO_ITEMS,
  z.ZodOptional<z.ZodBoolean>
>;

export const surveyResponseSchema = field(
  z.strictObject({
    row: field(z.number().int().min(2), { label: 'Строка в выгрузке', widget: 'number', ...PRIVATE }),
    role: select(RESPONDENT_ROLES, { label: 'Группа', ...PRIVATE }),
    submitted: isoDate({ label: 'Дата ответа', ...PRIVATE }).optional(),
    scales: field(z.strictObject(scaleShape), { label: 'Оценки', widget: 'object', ...PRIVATE }).default({}),
    yesNo: field(z.strictObject(yesNoShape), { label: 'Ответы «да/нет»', widget: 'object', ...PRIVATE }).default({}),
    comments: field(z.array(paragraph({ label: 'Ответ', ...PRIVATE })), {
      label: 'Ответы на открытые вопросы',
      hint: 'Никогда не публикуются',
      widget: 'list',
      ...PRIVATE,
    }).default([]),
    key: field(z.string().regex(/^[0-9a-f]{16}$/), {
      label: 'Отпечаток ответа',
      hint: 'Тот же ответ в другой выгрузке не считается дважды',
      widget: 'hidden',
      ...PRIVATE,
    }).optional(),
  }),
  { label: 'Анкета', widget: 'object', ...PRIVATE },
);

export const surveyAnswersSchema = () =>
  z.strictObject({
    kind: field(z.literal('monitoring'), { label: 'Вид анкеты', widget: 'hidden', ...PRIVATE }),
    cycle: schoolYear({ label: 'Цикл (учебный год)', ...PRIVATE }),
    source: line({ label: 'Файл выгрузки', hint: 'Имя файла, из которого импортированы ответы', ...PRIVATE }),
    sha256: field(z.string().regex(/^[0-9a-f]{64}$/), {
      label: 'Отпечаток файла',
      hint: 'Повторный импорт того же файла не удваивает ответы',
      widget: 'hidden',
      ...PRIVATE,
    }),
    imported: isoDate({ label: 'Дата импорта', ...PRIVATE }),
    demo: field(z.boolean(), { label: 'Демонстрационные ответы', widget: 'boolean', ...PRIVATE }).default(false),
    responses: field(z.array(surveyResponseSchema).min(1), { label: 'Ответы', widget: 'list', ...PRIVATE }),
  });

export type SurveyAnswers = z.output<ReturnType<typeof surveyAnswersSchema>>;
export type SurveyResponse = z.output<typeof surveyResponseSchema>;
export type ScaleId = keyof typeof SATISFACTION_SCALES;
export type YesNoId = keyof typeof YES_NO_ITEMS;
