/**
 * Rows of the satisfaction questionnaire (stage 6) → anonymous responses for
 * the private raw-answers collection. A name column, if a form had one, is
 * never read; open answers are kept privately and never published.
 *
 * Each response carries a key: a hash of what it says and when (to the
 * minute). The same answers exported again — saved once more by Excel, in
 * another encoding, or in a later export of the same form that also has new
 * answers — have the same keys, so the import counts each answer once.
 * Answers dated outside the cycle's school year are not counted in it.
 */
import crypto from 'node:crypto';
import type { RespondentRole } from '../../lib/monitoring.ts';
import type { SurveyResponse } from '../../schema/survey-answers.ts';
import { SATISFACTION_SCALES, YES_NO_ITEMS } from '../../schema/vocab.ts';
import { MappingError, planColumns, type ColumnField, type Mapping } from './mapping.ts';
import type { RowNote } from './person-rows.ts';
import type { Table } from './read-table.ts';
import { fieldCell, isAbstention, matchOne, parseDate, parseDateTime, parseScore, parseYesNo } from './values.ts';

/** The first and the last day of a school year `2026-2027`. */
function cycleDays(cycle: string): { from: string; to: string } {
  return { from: `${cycle.slice(0, 4)}-09-01`, to: `${cycle.slice(5)}-08-31` };
}

/** The key of a response: its role, time and answers, never the spreadsheet row. */
export function responseKey(response: Omit<SurveyResponse, 'row' | 'key'>, submittedAt: string | undefined): string {
  const { role, scales, yesNo, comments } = response;
  return crypto
    .createHash('sha256')
    .update(JSON.stringify([role, submittedAt ?? null, scales, yesNo, comments]))
    .digest('hex')
    .slice(0, 16);
}

export interface AnswerRowsResult {
  responses: SurveyResponse[];
  notes: RowNote[];
  unknownColumns: string[];
}

/**
 * Reads the responses of one cycle; `role` applies to every row when the
 * export has no role column (one form per group).
 */
export function readAnswerRows(table: Table, mapping: Mapping, cycle: string, role?: RespondentRole): AnswerRowsResult {
  const days = cycleDays(cycle);
  const plan = planColumns(table.headers, mapping);
  const col = (f: ColumnField) => plan.fields.get(f)?.[0];
  const scaleColumns = Object.keys(SATISFACTION_SCALES).filter((s) => col(`scale:${s}` as ColumnField) !== undefined);
  const yesNoColumns = Object.keys(YES_NO_ITEMS).filter((s) => col(`yesNo:${s}` as ColumnField) !== undefined);
  if (scaleColumns.length + yesNoColumns.length === 0) {
    throw new MappingError('в выгрузке не найдено ни одной шкалы 1–10 и ни одного вопроса «да/нет» анкеты удовлетворённости');
  }
  if (col('role') === undefined && !role) {
    throw new MappingError('в выгрузке нет колонки с ролью респондента: укажите --role mentor или --role mentee');
  }
  const responses: SurveyResponse[] = [];
  const notes: RowNote[] = [];
  for (const { row, cells } of table.rows) {
    const cell = fieldCell(col, cells);
    const header = (f: ColumnField) => table.headers[col(f)!]!;
    let rowRole = role;
    const roleText = cell('role');
    if (roleText) {
      const id = matchOne(roleText, mapping.values.roles).id;
      if (id === 'mentor' || id === 'mentee') rowRole = id;
      else {
        notes.push({
          row,
          column: header('role'),
          message: `«${roleText}» — не понятно, наставник это или наставляемый; строка не импортирована`,
          severity: 'skip',
        });
        continue;
      }
    }
    if (!rowRole) {
      notes.push({ row, message: 'роль не указана; строка не импортирована', severity: 'skip' });
      continue;
    }
    const scales: SurveyResponse['scales'] = {};
    for (const s of scaleColumns as (keyof typeof SATISFACTION_SCALES)[]) {
      const text = cell(`scale:${s}`);
      if (!text) continue;
      const score = parseScore(text);
      if (score === undefined)
        notes.push({
          row,
          column: header(`scale:${s}`),
          message: `«${text}» — ожидается оценка от 1 до 10; ответ не учтён`,
          severity: 'warning',
        });
      else scales[s] = score;
    }
    const yesNo: SurveyResponse['yesNo'] = {};
    for (const q of yesNoColumns as (keyof typeof YES_NO_ITEMS)[]) {
      const text = cell(`yesNo:${q}`);
      if (!text) continue;
      const answer = parseYesNo(text, mapping.values.yesNo);
      if (answer === undefined)
        notes.push({
          row,
          column: header(`yesNo:${q}`),
          message: `«${text}» — ожидается «да» или «нет»; ответ не учтён`,
          severity: 'warning',
        });
      else yesNo[q] = answer;
    }
    if (Object.keys(scales).length + Object.keys(yesNo).length === 0) {
      notes.push({ row, message: 'нет ни одной оценки и ни одного ответа «да/нет»; строка не импортирована', severity: 'skip' });
      continue;
    }
    const comments = (plan.fields.get('comment') ?? [])
      .map((c) => (cells[c] ?? '').trim().slice(0, 4000))
      .filter((c) => c !== '' && !isAbstention(c));
    const submittedAt = parseDateTime(cell('submitted'));
    const submitted = parseDate(cell('submitted'));
    if (submitted && (submitted < days.from || submitted > days.to)) {
      notes.push({
        row,
        column: header('submitted'),
        message: `ответ от ${submitted} — вне учебного года ${cycle.replace('-', '–')} (с ${days.from} по ${days.to}); строка не импортирована`,
        severity: 'skip',
      });
      continue;
    }
    const response = { role: rowRole, ...(submitted ? { submitted } : {}), scales, yesNo, comments };
    responses.push({ row, ...response, key: responseKey(response, submittedAt) });
  }
  return { responses, notes, unknownColumns: plan.unknown.concat(plan.ignored) };
}
