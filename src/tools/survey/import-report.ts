/**
 * The import's report as a methodologist reads it in the terminal: what is
 * new, what changes (before → after, in Russian labels and vocabulary
 * names), what is kept because someone edited it by hand, and every row that
 * was skipped or had an answer the dictionaries do not know.
 */
import { fieldLabel } from '../../lib/error-map.ts';
import { plural } from '../../lib/plural.ts';
import { personSchema } from '../../schema/registry.ts';
import type { Vocabularies } from '../../schema/settings.ts';
import { CATEGORIES, GENDERS, MENTORING_FORMS, PERSON_ROLES } from '../../schema/vocab.ts';
import type { FieldChange, MergePlan } from './merge.ts';
import type { RowNote } from './person-rows.ts';

const schema = personSchema();

function labelOf(vocab: Vocabularies, field: string, id: string): string {
  switch (field) {
    case 'subjects':
      return vocab.subjects.find((s) => s.id === id)?.label ?? id;
    case 'requests':
    case 'competencies':
      return vocab.difficulties.find((d) => d.id === id)?.label ?? id;
    case 'preferredForms':
      return MENTORING_FORMS[id as keyof typeof MENTORING_FORMS] ?? id;
    case 'category':
      return CATEGORIES[id as keyof typeof CATEGORIES] ?? id;
    case 'gender':
      return GENDERS[id as keyof typeof GENDERS] ?? id;
    case 'roles':
      return PERSON_ROLES[id as keyof typeof PERSON_ROLES] ?? id;
    default:
      return id;
  }
}

function shown(vocab: Vocabularies, field: string, value: unknown): string {
  if (value === undefined) return '—';
  if (field === 'mentorAgreement' && typeof value === 'object' && value !== null) {
    const a = value as { signed: string; document: string };
    return `«${a.document}», ${a.signed}`;
  }
  if (Array.isArray(value)) return value.length ? value.map((v) => labelOf(vocab, field, String(v))).join(', ') : '—';
  if (typeof value === 'string' && ['category', 'gender'].includes(field)) return labelOf(vocab, field, value);
  return typeof value === 'string' ? `«${value}»` : String(value);
}

/** «Профессиональные запросы (трудности): + Цифровые инструменты» or «Должность: «учитель» → «учитель математики»». */
export function describeChange(vocab: Vocabularies, c: FieldChange, isNew = false): string {
  const label = fieldLabel(schema, [c.field]);
  if (isNew) return `${label}: ${shown(vocab, c.field, c.after)}`;
  if (c.overwritten)
    return `${label}: ${shown(vocab, c.field, c.before)} → ${shown(vocab, c.field, c.after)} (значение, введённое вручную, заменено по --overwrite)`;
  if (Array.isArray(c.after)) {
    const before = new Set((c.before as string[] | undefined) ?? []);
    const added = (c.after as string[]).filter((v) => !before.has(v));
    if (added.length) return `${label}: + ${added.map((v) => labelOf(vocab, c.field, v)).join(', ')}`;
  }
  return `${label}: ${shown(vocab, c.field, c.before)} → ${shown(vocab, c.field, c.after)}`;
}

/** Why a field keeps its value: typed by hand (and how to replace it), or answered later. */
export function describeKept(vocab: Vocabularies, c: FieldChange): string {
  const label = fieldLabel(schema, [c.field]);
  if (c.reason === 'older') {
    return `${label}: ответ от ${c.answered!.incoming.replace('T', ' ')} старше уже внесённого ответа от ${c.answered!.applied.replace('T', ' ')} — оставлено ${shown(vocab, c.field, c.before)} (в этой анкете: ${shown(vocab, c.field, c.after)})`;
  }
  return `${label}: введено вручную — оставлено ${shown(vocab, c.field, c.before)} (в анкете: ${shown(vocab, c.field, c.after)}); чтобы заменить, повторите команду с --overwrite`;
}

export function formatNote(n: RowNote): string {
  return `  строка ${n.row}${n.column ? `, «${n.column}»` : ''}: ${n.message}`;
}

export interface ReportHeader {
  source: string;
  format: string;
  rows: number;
  kindLabel: string;
  mapping: string;
  unknownColumns: string[];
  ignoredColumns: string[];
}

/** The whole report of a person survey import. */
export function formatImportReport(plan: MergePlan, header: ReportHeader, vocab: Vocabularies, write: boolean): string {
  const out: string[] = [];
  out.push(`Импорт: ${header.kindLabel}, файл «${header.source}»`);
  out.push(
    `Прочитано: ${header.format}; ${plural(header.rows, ['строка', 'строки', 'строк'])} с ответами; сопоставление — ${header.mapping}.`,
  );
  if (header.unknownColumns.length) {
    out.push('', 'Колонки, которые не удалось сопоставить с полями реестра (их ответы не перенесены):');
    for (const c of header.unknownColumns) out.push(`  «${c}»`);
  }
  if (header.ignoredColumns.length) {
    out.push('', 'Вопросы анкеты без поля в реестре (не переносятся):');
    for (const c of header.ignoredColumns) out.push(`  «${c}»`);
  }
  const added = plan.changes.filter((c) => c.isNew);
  const updated = plan.changes.filter((c) => !c.isNew);
  if (added.length) {
    out.push('', `Новые участники (${added.length}):`);
    for (const c of added) {
      out.push(`+ ${c.id} ${c.name} (строка ${c.row})`);
      for (const f of c.changes) out.push(`    ${describeChange(vocab, f, true)}`);
      for (const n of c.notes) out.push(`    · ${n}`);
    }
  }
  if (updated.length) {
    out.push('', `Изменения (${updated.length}):`);
    for (const c of updated) {
      out.push(`~ ${c.id} ${c.name} (строка ${c.row})`);
      for (const f of c.changes) out.push(`    ${describeChange(vocab, f)}`);
      for (const f of c.kept) out.push(`    ! ${describeKept(vocab, f)}`);
      for (const n of c.notes) out.push(`    · ${n}`);
    }
  }
  if (plan.unchanged.length) {
    out.push('', `Без изменений (${plan.unchanged.length}):`);
    for (const u of plan.unchanged) {
      out.push(`= ${u.id} ${u.name} (строка ${u.row})`);
      for (const f of u.kept) out.push(`    ! ${describeKept(vocab, f)}`);
    }
  }
  const skipped = plan.notes.filter((n) => n.severity === 'skip').sort((a, b) => a.row - b.row);
  const warnings = plan.notes.filter((n) => n.severity === 'warning').sort((a, b) => a.row - b.row);
  if (skipped.length) {
    out.push('', `Пропущенные строки (${skipped.length}):`);
    for (const n of skipped) out.push(formatNote(n));
  }
  if (warnings.length) {
    out.push('', `Непонятые ответы — не перенесены (${warnings.length}):`);
    for (const n of warnings) out.push(formatNote(n));
  }
  if (plan.problems.length) {
    out.push('', 'Импорт остановлен: результат не проходит проверку схемы реестра, ничего не записано.');
    for (const p of plan.problems) out.push(`  ${p}`);
    return out.join('\n');
  }
  out.push('');
  if (plan.changes.length === 0 && plan.unchanged.length === 0 && skipped.length > 0) {
    const which =
      skipped.length === 1 ? 'единственная строка пропущена' : `все ${plural(skipped.length, ['строка', 'строки', 'строк'])} пропущены`;
    out.push(`Ни одна анкета не импортирована: ${which} (причины — выше).`);
  } else if (plan.changes.length === 0) out.push('Реестр уже содержит всё, что есть в анкетах: менять нечего.');
  else if (write) out.push(`Записано файлов реестра: ${plan.changes.length}.`);
  else out.push('Это пробный запуск: файлы не изменены. Чтобы применить изменения, повторите команду с --write.');
  return out.join('\n');
}
