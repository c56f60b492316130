/**
 * A personalised mentoring programme as a Word document: the filled-in
 * draft of one pair or group (private: it names people and the mentee's
 * difficulties) and the blank template the site publishes. Both follow
 * ./programme-form.ts.
 */
import type { FileChild, TableCell } from 'docx';
import type { Programme } from '../../schema/programs.ts';
import type { Person } from '../../schema/registry.ts';
import type { Vocabularies } from '../../schema/settings.ts';
import { MENTORING_FORMS, PLAN_DIRECTIONS, PROGRAMME_STATUSES, ROLE_PAIRINGS } from '../../schema/vocab.ts';
import { monthsBetween } from '../dates.ts';
import { plural } from '../plural.ts';
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
import {
  APPROVAL,
  BLANK_DATE,
  BLANK_LINE,
  DIRECTIONS,
  FORM_TITLE,
  HEADER_ROWS,
  MENTEES_LABEL,
  PLAN_COLUMNS,
  PLAN_HEADING_SIZE,
  PLAN_WIDTHS,
  SECTION_DIFFICULTIES,
  SECTION_DIFFICULTIES_GROUP,
  SECTION_GOAL,
  SECTION_PLAN,
  SECTION_RESULTS,
  SECTION_TASKS,
  SIGNATURES,
  type HeaderKey,
} from '../programme-form.ts';

/** Shown where a registry record no longer exists (purged on withdrawal of consent). */
export const REMOVED = '[сведения удалены по отзыву согласия]';

function planHeader(): TableCell[] {
  return PLAN_COLUMNS.map((c, i) => cell(c, { bold: true, width: PLAN_WIDTHS[i], align: 'center', size: PLAN_HEADING_SIZE }));
}

/** Each signature on one line that never wraps (role, blank, name), the date under it. */
function signatureBlock(lines: readonly { label: string; name: string }[]): FileChild[] {
  return lines.flatMap((l) => [para('', { before: 240 }), signatureLine(l.label, l.name), para(BLANK_DATE, { align: 'left', size: 24 })]);
}

/** The blank template: every field a line to fill in, the plan with two empty rows per direction. */
export function programmeTemplate(school: string) {
  const children: FileChild[] = [
    para(`${APPROVAL} от ${BLANK_DATE} № ______`, { align: 'right' }),
    heading(school),
    heading(FORM_TITLE.toUpperCase(), 120),
    para('№ ______', { align: 'center', after: 240 }),
    table(
      HEADER_ROWS.map((r) => [cell(r.label, { bold: true, width: 40 }), cell('', { width: 60 })]),
      { columns: [40, 60] },
    ),
    heading(SECTION_DIFFICULTIES),
    para(BLANK_LINE.repeat(3), { align: 'left' }),
    heading(SECTION_GOAL),
    para(BLANK_LINE.repeat(3), { align: 'left' }),
    heading(SECTION_TASKS),
    ...[1, 2, 3].map((n) => para(`${n}. ${BLANK_LINE.repeat(2)}`, { align: 'left' })),
    heading(SECTION_PLAN),
    table(
      [
        planHeader(),
        ...DIRECTIONS.flatMap((d, i) => [
          [cell(`${i + 1}. ${capitalise(d.label)}`, { bold: true, span: PLAN_COLUMNS.length })],
          ...[1, 2].map((k) => [cell(`${i + 1}.${k}.`), ...PLAN_COLUMNS.slice(1).map(() => cell(''))]),
        ]),
      ],
      { header: true, columns: PLAN_WIDTHS },
    ),
    heading(SECTION_RESULTS),
    para(BLANK_LINE.repeat(3), { align: 'left' }),
    ...signatureBlock(SIGNATURES.map((s) => ({ label: s.label, name: '________________' }))),
  ];
  return document(children, { title: FORM_TITLE, description: 'Шаблон персонализированной программы наставничества' });
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export interface ProgrammeDocInput {
  school: string;
  programme: Programme;
  people: ReadonlyMap<string, Person | undefined>;
  vocab: Vocabularies;
  /** The calendar year, for experience. */
  year: number;
  /** The order that approves the programme, when there is one. */
  order?: { date: string; number?: string | undefined };
}

/** The filled-in programme of a pair or group. */
export function programmeDocument(input: ProgrammeDocInput) {
  const { programme: p, people, vocab, year } = input;
  const person = (id: string) => people.get(id);
  const described = (id: string, withExperience = true) => {
    const x = person(id);
    return x ? `${fullName(x)}, ${describePerson(x, vocab, year, withExperience)}` : REMOVED;
  };
  const months = monthsBetween(p.term.from, p.term.to);
  const header: Record<HeaderKey, string | string[]> = {
    mentor: described(p.mentor),
    mentees: p.mentees.map((id) => described(id)),
    curator: p.curator ? described(p.curator, false) : BLANK_LINE,
    form: MENTORING_FORMS[p.form],
    pairing: ROLE_PAIRINGS[p.pairing],
    term: `с ${dotted(p.term.from)} по ${dotted(p.term.to)} (${plural(months, ['месяц', 'месяца', 'месяцев'])})`,
  };
  const difficulties = p.mentees.flatMap((id) => {
    const m = person(id);
    if (!m) return [];
    const labels = m.requests.map((r) => vocab.difficulties.find((d) => d.id === r)?.label ?? r);
    const who = p.mentees.length > 1 ? `${fullName(m)}: ` : '';
    const lines = [para(`${who}${labels.length ? labels.join('; ') : 'не указаны'}.`, { indent: true })];
    if (m.requestsNote) lines.push(para(`Запрос своими словами: ${m.requestsNote}`, { indent: true, italics: true }));
    return lines;
  });
  const approval = input.order
    ? `${APPROVAL} от ${dotted(input.order.date)}${input.order.number ? ` № ${input.order.number}` : ''}`
    : `${APPROVAL} от ${BLANK_DATE} № ______`;
  let n = 0;
  const planRows: TableCell[][] = [];
  for (const d of Object.keys(PLAN_DIRECTIONS) as (keyof typeof PLAN_DIRECTIONS)[]) {
    const rows = p.plan.filter((r) => r.direction === d);
    if (rows.length === 0) continue;
    n++;
    planRows.push([cell(`${n}. ${capitalise(PLAN_DIRECTIONS[d])}`, { bold: true, span: PLAN_COLUMNS.length })]);
    rows.forEach((r, k) => {
      planRows.push([
        cell(`${n}.${k + 1}.`),
        cell(r.activity),
        cell(r.when),
        cell(r.planned),
        cell(r.actual ?? ''),
        cell(r.done ? 'выполнено' : ''),
      ]);
    });
  }
  const mentees = p.mentees.map((id) => person(id));
  const group = p.mentees.length > 1;
  const label = (key: HeaderKey, text: string) => (key === 'mentees' ? MENTEES_LABEL[group ? 'many' : 'one'] : text);
  // An accepted pair's title used to repeat the form's own title; the heading already says it.
  const ownTitle = !/^персонализированная программа/i.test(p.title);
  const children: FileChild[] = [
    splitLine(p.status === 'draft' ? 'ПРОЕКТ' : '', approval),
    para('Документ содержит персональные данные (152-ФЗ) и сведения о профессиональных затруднениях: не публикуется.', {
      align: 'left',
      italics: true,
      size: 20,
      before: 120,
    }),
    heading(input.school),
    heading(`${FORM_TITLE.toUpperCase()} ${p.code}`, 120),
    ...(ownTitle ? [para(`«${p.title}»`, { align: 'center', after: 240 })] : [para('', { after: 240 })]),
    table(
      HEADER_ROWS.map((r) => [cell(label(r.key, r.label), { bold: true, width: 40 }), cell(header[r.key], { width: 60 })]),
      { columns: [40, 60] },
    ),
    heading(group ? SECTION_DIFFICULTIES_GROUP : SECTION_DIFFICULTIES),
    ...difficulties,
    heading(SECTION_GOAL),
    para(p.goal, { indent: true }),
    heading(SECTION_TASKS),
    ...p.tasks.map((t, i) => para(`${i + 1}. ${t}`, { indent: true })),
    heading(SECTION_PLAN),
    table([planHeader(), ...planRows], { header: true, columns: PLAN_WIDTHS }),
    heading(SECTION_RESULTS),
    ...p.expectedResults.map((r, i) => para(`${i + 1}. ${r}`, { indent: true })),
    ...(p.outcomes ? [heading('Итоги'), para(p.outcomes, { indent: true })] : []),
    ...signatureBlock([
      { label: 'Наставник', name: person(p.mentor) ? initialsName(person(p.mentor)!) : REMOVED },
      ...mentees.map((m) => ({ label: 'Наставляемый', name: m ? initialsName(m) : REMOVED })),
      { label: 'Согласовано: куратор', name: p.curator && person(p.curator) ? initialsName(person(p.curator)!) : BLANK_LINE },
    ]),
    para(`Статус программы: ${PROGRAMME_STATUSES[p.status]}.`, { align: 'left', size: 20, before: 240 }),
  ];
  return document(children, { title: `${FORM_TITLE} ${p.code}` });
}
