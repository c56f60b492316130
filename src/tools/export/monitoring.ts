/**
 * Form 4 for the district: the monitoring summary — the same aggregates the
 * site publishes (content/monitoring/), never raw answers; a group of fewer
 * than MIN_GROUP respondents is listed without figures.
 */
import ExcelJS from 'exceljs';
import { yesShare } from '../../lib/monitoring.ts';
import { schoolYearLabel } from '../../lib/school-year.ts';
import { MIN_GROUP } from '../../schema/monitoring.ts';
import { RESPONDENT_ROLES, SATISFACTION_SCALES, YES_NO_ITEMS } from '../../schema/vocab.ts';
import type { ExportContext } from './context.ts';
import { formSheet } from './sheet.ts';

export function monitoringWorkbook(ctx: ExportContext, cycles: readonly string[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const chosen = ctx.monitoring.filter((m) => !m.draft && cycles.includes(m.cycle)).sort((a, b) => a.cycle.localeCompare(b.cycle));
  const suppressed = `меньше ${MIN_GROUP} респондентов — не публикуется`;
  const title = (form: string) => [`${form}, ${cycles.map(schoolYearLabel).join(', ')}`, ctx.site.schoolName];
  formSheet(
    wb,
    'Форма 4. Оценки',
    title('Форма 4. Мониторинг: средние оценки по шкалам 1–10'),
    [
      { header: 'Цикл', width: 12 },
      { header: 'Группа', width: 14 },
      { header: 'Респондентов', width: 12 },
      { header: 'Шкала', width: 28 },
      { header: 'Среднее', width: 9 },
      { header: 'Ответили', width: 9 },
      ...Array.from({ length: 10 }, (_, i) => ({ header: `Оценка ${i + 1}`, width: 8 })),
    ],
    chosen.flatMap((m) =>
      m.groups.flatMap((g) =>
        g.suppressed
          ? [[schoolYearLabel(m.cycle), RESPONDENT_ROLES[g.role], g.respondents, suppressed]]
          : g.scales.map((s) => [
              schoolYearLabel(m.cycle),
              RESPONDENT_ROLES[g.role],
              g.respondents,
              SATISFACTION_SCALES[s.item],
              s.mean,
              s.answered,
              ...s.distribution,
            ]),
      ),
    ),
  );
  formSheet(
    wb,
    'Форма 4а. Да и нет',
    title('Форма 4а. Мониторинг: ответы «да/нет»'),
    [
      { header: 'Цикл', width: 12 },
      { header: 'Группа', width: 14 },
      { header: 'Вопрос', width: 30 },
      { header: 'Да', width: 8 },
      { header: 'Нет', width: 8 },
      { header: 'Доля «да», %', width: 12 },
    ],
    chosen.flatMap((m) =>
      m.groups.flatMap((g) =>
        g.suppressed
          ? [[schoolYearLabel(m.cycle), RESPONDENT_ROLES[g.role], suppressed]]
          : g.yesNo.map((y) => [schoolYearLabel(m.cycle), RESPONDENT_ROLES[g.role], YES_NO_ITEMS[y.item], y.yes, y.no, yesShare(y)]),
      ),
    ),
  );
  return wb;
}
