/**
 * Forms 1 and 2 for the district: the bank of mentors and the bank of
 * mentees of a school year. Mentors appear by name only under the rule of
 * `exportName`; mentees never carry their difficulties row by row — the
 * district gets how many mentees named each difficulty, and only when the
 * school has at least MIN_GROUP mentees, so no count points to a person.
 */
import ExcelJS from 'exceljs';
import { schoolYearLabel } from '../../lib/school-year.ts';
import { DEFAULT_CAPACITY } from '../survey/merge.ts';
import { consentState } from '../../privacy/consent-policy.ts';
import { MIN_GROUP } from '../../schema/monitoring.ts';
import { PLAN_DIRECTIONS, PROGRAMME_STATUSES } from '../../schema/vocab.ts';
import { exportName, type ExportContext } from './context.ts';
import { formSheet } from './sheet.ts';

const areaOf = (ctx: ExportContext, subjects: readonly string[]) =>
  [...new Set(subjects.map((s) => ctx.vocab.subjects.find((x) => x.id === s)?.area).filter(Boolean))]
    .map((a) => ctx.vocab.subjectAreas.find((x) => x.id === a)?.label ?? a)
    .join(', ');

export function banksWorkbook(ctx: ExportContext, schoolYear: string): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const year = schoolYearLabel(schoolYear);
  const active = ctx.people.filter((p) => consentState(p.consents.processing, ctx.today) === 'valid');
  const programmes = ctx.programs.filter((p) => p.data.schoolYear === schoolYear);
  const mentors = active.filter((p) => p.roles.includes('mentor'));
  formSheet(
    wb,
    'Форма 1. Наставники',
    [`Форма 1. Банк наставников, ${year} учебный год`, ctx.site.schoolName],
    [
      { header: '№', width: 5 },
      { header: 'ФИО', width: 28 },
      { header: 'Описание (обобщённо)', width: 40 },
      { header: 'Предметная область', width: 26 },
      { header: 'С чем готов помочь', width: 50 },
      { header: 'Письменное согласие (ст. 351.8 ТК РФ)', width: 16 },
      { header: 'Мест', width: 7 },
      { header: 'Занято', width: 8 },
    ],
    mentors.map((m, i) => {
      const who = exportName(ctx, m, 'mentor');
      const taken = programmes
        .filter((p) => p.data.mentor === m.id && p.data.status !== 'completed')
        .reduce((n, p) => n + p.data.mentees.length, 0);
      return [
        i + 1,
        who.name,
        who.description,
        areaOf(ctx, m.subjects),
        m.competencies.map((c) => ctx.vocab.difficulties.find((d) => d.id === c)?.label ?? c).join('; '),
        m.mentorAgreement ? 'есть' : 'нет',
        m.capacity ?? DEFAULT_CAPACITY,
        taken,
      ];
    }),
  );
  const mentees = active.filter((p) => p.roles.includes('mentee'));
  formSheet(
    wb,
    'Форма 2. Наставляемые',
    [
      `Форма 2. Банк наставляемых, ${year} учебный год`,
      ctx.site.schoolName,
      'Без ФИО и без профессиональных затруднений отдельных педагогов (152-ФЗ); затруднения — сводно, на листе «Форма 2а».',
    ],
    [
      { header: '№', width: 5 },
      { header: 'Описание (обобщённо)', width: 40 },
      { header: 'Предметная область', width: 26 },
      { header: 'Программа', width: 14 },
      { header: 'Статус программы', width: 14 },
      { header: 'Направления программы', width: 60 },
    ],
    mentees.map((m, i) => {
      const programme = programmes.find((p) => p.data.mentees.includes(m.id));
      const directions = programme ? [...new Set(programme.data.plan.map((r) => PLAN_DIRECTIONS[r.direction]))].join('; ') : '';
      return [
        i + 1,
        exportName(ctx, m, 'mentee').description,
        areaOf(ctx, m.subjects),
        programme?.data.code ?? 'пара не сформирована',
        programme ? PROGRAMME_STATUSES[programme.data.status] : '',
        directions,
      ];
    }),
  );
  const counts = ctx.vocab.difficulties
    .map((d) => [d.label, mentees.filter((m) => m.requests.includes(d.id)).length] as const)
    .filter(([, n]) => n > 0);
  formSheet(
    wb,
    'Форма 2а. Затруднения',
    [`Форма 2а. Профессиональные затруднения наставляемых (сводно), ${year} учебный год`, ctx.site.schoolName],
    [
      { header: 'Затруднение', width: 50 },
      { header: 'Наставляемых', width: 14 },
    ],
    mentees.length >= MIN_GROUP
      ? counts.map(([label, n]) => [label, n])
      : [[`наставляемых меньше ${MIN_GROUP} — сводные сведения не приводятся`, null]],
  );
  return wb;
}
