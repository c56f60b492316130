/**
 * Aggregated results of the monitoring questionnaire for one cycle (stage 6).
 *
 * Only aggregates live here, never raw answers; a group of fewer than
 * MIN_GROUP respondents carries no figures at all (it is "suppressed").
 */
import { z } from 'astro/zod';
import { isRoundingOf, meanOf } from '../lib/rounding.ts';
import { draft, field, isoDate, line, paragraph, schoolYear, select } from './fields.ts';
import { RESPONDENT_ROLES, SATISFACTION_SCALES, YES_NO_ITEMS } from './vocab.ts';

const formatNumber = (n: number) => String(n).replace('.', ',');

/** The smallest group whose aggregates may be published. */
export const MIN_GROUP = 5;

const count = (label: string) => field(z.number().int().min(0), { label, widget: 'number' });

export const scaleResultSchema = field(
  z.strictObject({
    item: select(SATISFACTION_SCALES, { label: 'Шкала' }),
    mean: field(z.number().min(1).max(10), { label: 'Среднее', hint: 'От 1 до 10', widget: 'number' }),
    answered: count('Ответили'),
    distribution: field(z.array(z.number().int().min(0)).length(10), {
      label: 'Распределение',
      hint: 'Сколько ответов 1, 2, …, 10',
      widget: 'list',
    }),
  }),
  { label: 'Шкала', widget: 'object' },
);

export const yesNoResultSchema = field(
  z.strictObject({
    item: select(YES_NO_ITEMS, { label: 'Вопрос' }),
    yes: count('Да'),
    no: count('Нет'),
  }),
  { label: 'Вопрос «да/нет»', widget: 'object' },
);

export const groupResultSchema = field(
  z
    .strictObject({
      role: select(RESPONDENT_ROLES, { label: 'Группа' }),
      respondents: count('Респондентов'),
      suppressed: field(z.boolean(), {
        label: 'Скрыто',
        hint: `Меньше ${MIN_GROUP} респондентов — цифры не публикуются`,
        widget: 'boolean',
      }).default(false),
      scales: field(z.array(scaleResultSchema), { label: 'Шкалы', widget: 'list' }).default([]),
      yesNo: field(z.array(yesNoResultSchema), { label: 'Вопросы «да/нет»', widget: 'list' }).default([]),
    })
    .superRefine((g, ctx) => {
      if (g.respondents < MIN_GROUP && (!g.suppressed || g.scales.length > 0 || g.yesNo.length > 0)) {
        ctx.addIssue({
          code: 'custom',
          path: ['suppressed'],
          message: `группа меньше ${MIN_GROUP} человек: результаты не публикуются (suppressed: true, без шкал)`,
        });
      }
      for (const [i, s] of g.scales.entries()) {
        if (s.answered > g.respondents) {
          ctx.addIssue({ code: 'custom', path: ['scales', i, 'answered'], message: 'ответивших больше, чем респондентов' });
        }
        if (s.distribution.reduce((a, b) => a + b, 0) !== s.answered) {
          ctx.addIssue({ code: 'custom', path: ['scales', i, 'distribution'], message: 'сумма распределения не равна числу ответивших' });
        } else if (s.answered > 0) {
          const sum = s.distribution.reduce((total, n, score) => total + n * (score + 1), 0);
          if (!isRoundingOf(sum, s.answered, s.mean)) {
            const exact = formatNumber(meanOf(sum, s.answered, 3));
            ctx.addIssue({
              code: 'custom',
              path: ['scales', i, 'mean'],
              message: `среднее по распределению — ${exact} (округлённо ${formatNumber(meanOf(sum, s.answered, 1))}), указано ${formatNumber(s.mean)}`,
            });
          }
        }
      }
    }),
  { label: 'Группа респондентов', widget: 'object' },
);

export const monitoringSchema = () =>
  z.strictObject({
    draft: draft(),
    cycle: schoolYear({ label: 'Цикл (учебный год)', unique: true }),
    title: line({ label: 'Заголовок' }),
    collected: field(z.strictObject({ from: isoDate({ label: 'С' }), to: isoDate({ label: 'По' }) }), {
      label: 'Период анкетирования',
      widget: 'object',
    }),
    stage: field(z.enum(['process', 'effect']), {
      label: 'Этап мониторинга',
      widget: 'select',
      options: { process: 'реализация программ', effect: 'влияние на участников' },
    }).default('process'),
    summary: paragraph({ label: 'Выводы', hint: 'Текстовое резюме для читателей' }, 2000),
    groups: field(z.array(groupResultSchema).min(1), { label: 'Группы', widget: 'list' }),
  });

export type MonitoringCycle = z.output<ReturnType<typeof monitoringSchema>>;
