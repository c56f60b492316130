/**
 * Form 3 for the district: the mentoring pairs and groups of a school year
 * with their programmes — code, form, term, status, the order that approved
 * them and the plan's directions. People appear under the rule of
 * `exportName`; the programme's goals and the mentees' difficulties stay at
 * school.
 */
import ExcelJS from 'exceljs';
import { dotted } from '../../lib/docx/blocks.ts';
import { schoolYearLabel } from '../../lib/school-year.ts';
import { MENTORING_FORMS, PLAN_DIRECTIONS, PROGRAMME_STATUSES, ROLE_PAIRINGS } from '../../schema/vocab.ts';
import { exportName, type ExportContext } from './context.ts';
import { formSheet } from './sheet.ts';

export function pairsWorkbook(ctx: ExportContext, schoolYear: string): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const byId = new Map(ctx.people.map((p) => [p.id, p]));
  const programmes = ctx.programs
    .filter((p) => p.data.schoolYear === schoolYear)
    .sort((a, b) => a.data.code.localeCompare(b.data.code, 'ru'));
  formSheet(
    wb,
    'Форма 3. Пары и группы',
    [`Форма 3. Наставнические пары и группы, ${schoolYearLabel(schoolYear)} учебный год`, ctx.site.schoolName],
    [
      { header: '№', width: 5 },
      { header: 'Шифр программы', width: 14 },
      { header: 'Пара или группа', width: 10 },
      { header: 'Форма наставничества', width: 24 },
      { header: 'Ролевая модель', width: 20 },
      { header: 'Наставник', width: 28 },
      { header: 'Наставник (обобщённо)', width: 36 },
      { header: 'Наставляемых', width: 12 },
      { header: 'Наставляемые (обобщённо)', width: 40 },
      { header: 'Начало', width: 12 },
      { header: 'Окончание', width: 12 },
      { header: 'Статус', width: 12 },
      { header: 'Приказ', width: 26 },
      { header: 'Направления плана', width: 60 },
    ],
    programmes.map((p, i) => {
      const d = p.data;
      const mentor = exportName(ctx, byId.get(d.mentor), 'mentor');
      const order = d.order ? ctx.documents.get(d.order) : undefined;
      return [
        i + 1,
        d.code,
        d.kind === 'group' ? 'группа' : 'пара',
        MENTORING_FORMS[d.form],
        ROLE_PAIRINGS[d.pairing],
        mentor.name,
        mentor.description,
        d.mentees.length,
        d.mentees
          .map((id) => {
            const m = exportName(ctx, byId.get(id), 'mentee');
            return m.name === 'не раскрывается' ? m.description : `${m.name} (${m.description})`;
          })
          .join('; '),
        dotted(d.term.from),
        dotted(d.term.to),
        PROGRAMME_STATUSES[d.status],
        order ? `от ${dotted(order.date)}${order.number ? ` № ${order.number}` : ''}` : 'не издан',
        [...new Set(d.plan.map((r) => PLAN_DIRECTIONS[r.direction]))].join('; '),
      ];
    }),
  );
  return wb;
}
