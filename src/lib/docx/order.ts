/**
 * The draft order «О закреплении наставнических пар и групп» (stages 1 and 5)
 * as a Word document: preamble citing the Положение, «ПРИКАЗЫВАЮ:», the
 * numbered pairs and groups with full names, terms and programmes, the
 * curator's duties, payment under ТК РФ ст. 351.8, control, and the list of
 * those who must read it. A private draft: it names people; the director
 * signs the final text.
 *
 * Ready to sign: the place of issue and the director from the settings
 * (blanks where they are not set), an executor and a deadline in every
 * item, a signature line that never wraps, school years with an en dash.
 */
import type { FileChild } from 'docx';
import type { Programme } from '../../schema/programs.ts';
import type { Person } from '../../schema/registry.ts';
import type { Vocabularies } from '../../schema/settings.ts';
import { MENTORING_FORMS } from '../../schema/vocab.ts';
import { schoolYearLabel } from '../school-year.ts';
import { BLANK_DATE, BLANK_LINE } from '../programme-form.ts';
import {
  cell,
  describePerson,
  document,
  dotted,
  fullName,
  heading,
  initialsName,
  para,
  signatureLine,
  splitLine,
  table,
} from './blocks.ts';
import { REMOVED } from './programme.ts';

export interface RegulationRef {
  title: string;
  /** The order that approved it. */
  approvedBy?: { date: string; number?: string | undefined };
}

export interface OrderInput {
  school: string;
  schoolYear: string;
  programs: readonly { id: string; data: Programme }[];
  people: ReadonlyMap<string, Person | undefined>;
  vocab: Vocabularies;
  year: number;
  regulation?: RegulationRef;
  /** Where the order is issued («Санкт-Петербург»); a blank line when unknown. */
  city?: string | undefined;
  /** Who signs it; blanks when unknown. */
  director?: { position: string; name: string } | undefined;
}

export const ORDER_TITLE = (year: string) => `О закреплении наставнических пар и групп в ${schoolYearLabel(year)} учебном году`;

/** A date `days` after an ISO date, as documents write it. */
function dottedAfter(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return dotted(d.toISOString().slice(0, 10));
}

function formLabel(form: Programme['form']): string {
  return MENTORING_FORMS[form];
}

/** The order as a Word document. */
export function orderDocument(input: OrderInput) {
  const { programs, people, vocab, year, schoolYear } = input;
  const person = (id: string) => people.get(id);
  const named = (id: string, withExperience = false) => {
    const p = person(id);
    return p ? `${fullName(p)}, ${describePerson(p, vocab, year, withExperience)}` : REMOVED;
  };
  const regulation = input.regulation
    ? `${input.regulation.title}${input.regulation.approvedBy ? `, утверждённым приказом от ${dotted(input.regulation.approvedBy.date)}${input.regulation.approvedBy.number ? ` № ${input.regulation.approvedBy.number}` : ''}` : ''}`
    : 'Положением о системе (целевой модели) наставничества педагогических работников образовательной организации';
  const preamble =
    `В соответствии со статьёй 351.8 Трудового кодекса Российской Федерации, методическими рекомендациями по разработке и внедрению системы (целевой модели) наставничества педагогических работников в образовательных организациях (письмо Минпросвещения России от 21.12.2021 № АЗ-1128/08), ` +
    `${regulation.replace(/^Положение(?=\s)/, 'Положением')}, на основании письменных согласий педагогических работников, по итогам анкетирования и подбора наставников, ` +
    'в целях профессиональной адаптации и развития педагогических работников';
  const curators = [...new Set(programs.map((p) => p.data.curator).filter((c): c is string => Boolean(c)))];
  const sorted = [...programs].sort((a, b) => a.data.code.localeCompare(b.data.code, 'ru'));
  const items: FileChild[] = sorted.map((p, i) => {
    const d = p.data;
    const mentees = d.mentees.map((id) => named(id)).join('; ');
    const who = d.kind === 'group' ? `наставляемые (группа) — ${mentees}` : `наставляемый — ${mentees}`;
    return para(
      `1.${i + 1}. Наставник — ${named(d.mentor, true)}; ${who}; наставничество ${formLabel(d.form)}; срок — с ${dotted(d.term.from)} по ${dotted(d.term.to)}; персонализированная программа наставничества ${d.code}.`,
      { indent: true },
    );
  });
  const curatorText = curators.length ? curators.map((c) => named(c)).join('; ') : `${BLANK_LINE} (назначьте куратора в программах)`;
  const curatorShort = curators.length ? curators.map((c) => (person(c) ? initialsName(person(c)!) : REMOVED)).join(', ') : BLANK_LINE;
  const starts = sorted.map((p) => p.data.term.from).sort();
  const ends = sorted.map((p) => p.data.term.to).sort();
  const firstStart = dotted(starts[0]!);
  const lastEnd = ends[ends.length - 1]!;
  const director = input.director;
  const readers = [
    ...new Set(sorted.flatMap((p) => [p.data.curator, p.data.mentor, ...p.data.mentees]).filter((x): x is string => Boolean(x))),
  ];
  const children: FileChild[] = [
    para('ПРОЕКТ', { align: 'right', bold: true }),
    heading(input.school, 0),
    heading('ПРИКАЗ'),
    splitLine(BLANK_DATE, '№ ________'),
    para(input.city ?? '_______________', { align: 'center', before: 120 }),
    heading(ORDER_TITLE(schoolYear)),
    para(`${preamble},`, { indent: true, before: 120 }),
    para('ПРИКАЗЫВАЮ:', { bold: true, align: 'left', before: 120, after: 120 }),
    para(
      `1. Закрепить с ${firstStart} наставнические пары и группы на ${schoolYearLabel(schoolYear)} учебный год и утвердить их персонализированные программы наставничества в сроки, указанные ниже. Ответственный — куратор (${curatorShort}).`,
      { indent: true },
    ),
    ...items,
    para(
      `2. Куратору реализации персонализированных программ наставничества (${curatorText}) обеспечить организационное и методическое сопровождение наставнических пар и групп, контроль выполнения планов программ и мониторинг их результатов. Срок — с ${firstStart} по ${dotted(lastEnd)}.`,
      { indent: true },
    ),
    para(
      `3. Наставникам реализовать персонализированные программы наставничества в сроки, указанные в пункте 1, и представить куратору отчёты об их выполнении. Срок представления отчётов — в течение 10 дней по завершении программы, но не позднее ${dottedAfter(lastEnd, 10)}.`,
      { indent: true },
    ),
    para(
      `4. Главному бухгалтеру (${BLANK_LINE}) установить наставникам доплату за наставническую деятельность в соответствии с положением об оплате труда работников и дополнительными соглашениями к трудовым договорам (статья 351.8 Трудового кодекса Российской Федерации). Срок — с ${firstStart} на время реализации программ.`,
      { indent: true },
    ),
    para(
      `5. Ответственному за сайт (${BLANK_LINE}) разместить сведения о закреплении наставнических пар и групп в разделе «Наставничество» без персональных данных участников, не давших согласия на их распространение. Срок — в течение 10 рабочих дней со дня подписания приказа.`,
      { indent: true },
    ),
    para('6. Контроль за исполнением настоящего приказа оставляю за собой.', { indent: true, after: 360 }),
    signatureLine(director?.position ?? 'Директор', director?.name ?? 'И.\u00a0О.\u00a0Фамилия'),
    para('С приказом ознакомлены:', { align: 'left', before: 360, after: 120 }),
    table(
      [
        [cell('ФИО', { bold: true, width: 50 }), cell('Подпись', { bold: true, width: 25 }), cell('Дата', { bold: true, width: 25 })],
        ...readers.map((id) => {
          const p = person(id);
          return [cell(p ? fullName(p) : REMOVED), cell(''), cell('')];
        }),
      ],
      { columns: [50, 25, 25] },
    ),
  ];
  return document(children, { title: ORDER_TITLE(schoolYear), description: 'Проект приказа' });
}
