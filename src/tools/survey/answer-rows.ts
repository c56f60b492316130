/**
 * Rows of the satisfaction questionnaire (stage 6) → anonymous responses for
 * the private raw-answers collection. A name column, if a form had one, is
 * never read; open answers are kept privately and never published.
 */
import type { RespondentRole } from '../../lib/monitoring.ts';
import type { SurveyResponse } from '../../schema/survey-answers.ts';
import { SATISFACTION_SCALES, YES_NO_ITEMS } from '../../schema/vocab.ts';
import { MappingError, planColumns, type ColumnField, type Mapping } from './mapping.ts';
import type { RowNote } from './person-rows.ts';
import type { Table } from './read-table.ts';
import { matchOne, parseDate, parseScore, parseYesNo } from './values.ts';

export interface AnswerRowsResult {
  responses: SurveyResponse[];
  notes: RowNote[];
  unknownColumns: string[];
}

/** Reads the responses; `role` applies to every row when the export has no role column (one form per group). */
export function readAnswerRows(table: Table, mapping: Mapping, role?: RespondentRole): AnswerRowsResult {
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
    const cell = (f: ColumnField) => {
      const c = col(f);
      return c === undefined ? '' : (cells[c] ?? '');
    };
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
    const comments = (plan.fields.get('comment') ?? []).map((c) => (cells[c] ?? '').trim().slice(0, 4000)).filter(Boolean);
    const submitted = parseDate(cell('submitted'));
    responses.push({ row, role: rowRole, ...(submitted ? { submitted } : {}), scales, yesNo, comments });
  }
  return { responses, notes, unknownColumns: plan.unknown.concat(plan.ignored) };
}
