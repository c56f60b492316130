/**
 * Turns zod issues into messages an editor can act on:
 * «content/news/x.md: поле «Дата» — ожидается дата в формате ГГГГ-ММ-ДД,
 * получено «32.13.2025»», never a ZodError dump.
 */
import type { z } from 'astro/zod';
import { describe, schemaAt } from '../schema/walk.ts';
import { plural } from './plural.ts';
import type { Problem } from './problems.ts';

type Issue = z.core.$ZodIssue;

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v = data;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

function shown(v: unknown): string {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? 'неверная дата' : v.toISOString().slice(0, 10);
  const s = typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v));
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

/** «Мероприятия → № 3 → Срок». */
export function fieldLabel(root: z.ZodType, path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const key = path[i]!;
    if (typeof key === 'number') {
      parts.push(`№\u00a0${key + 1}`);
      continue;
    }
    const s = schemaAt(root, path.slice(0, i + 1));
    parts.push(s ? (describe(s).meta?.label ?? String(key)) : String(key));
  }
  return parts.join(' → ');
}

const TYPE_NAMES: Record<string, string> = {
  string: 'текст',
  number: 'число',
  int: 'целое число',
  boolean: '«да» или «нет» (true или false)',
  array: 'список',
  object: 'группа полей',
  date: 'дата',
  literal: 'определённое значение',
};

function expectation(issue: Issue, root: z.ZodType, received: unknown): string {
  const target = schemaAt(root, issue.path);
  const meta = target ? describe(target).meta : undefined;
  if (issue.code === 'custom') return issue.message;
  if (received === undefined && issue.code !== 'unrecognized_keys') return 'обязательное поле не заполнено';
  if (meta?.format === 'date')
    return `ожидается дата в формате ГГГГ-ММ-ДД${received === undefined ? '' : `, получено «${shown(received)}»`}`;
  if (meta?.format === 'datetime') {
    return `ожидаются дата и время в формате ГГГГ-ММ-ДДTЧЧ:ММ${received === undefined ? '' : `, получено «${shown(received)}»`}`;
  }
  switch (issue.code) {
    case 'invalid_type':
      if (received === undefined) return 'обязательное поле не заполнено';
      return `ожидается ${TYPE_NAMES[issue.expected] ?? issue.expected}, получено «${shown(received)}»`;
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string')
        return min <= 1 ? 'поле не может быть пустым' : `нужно не меньше ${plural(min, ['символа', 'символов', 'символов'])}`;
      if (issue.origin === 'array') return `нужно не меньше ${plural(min, ['элемента', 'элементов', 'элементов'])}`;
      return `ожидается число не меньше ${min}, получено «${shown(received)}»`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string')
        return `не длиннее ${plural(max, ['символа', 'символов', 'символов'])}, сейчас ${String(received).length}`;
      if (issue.origin === 'array') return `не больше ${plural(max, ['элемента', 'элементов', 'элементов'])}`;
      return `ожидается число не больше ${max}, получено «${shown(received)}»`;
    }
    case 'invalid_format': {
      if (meta?.patternMessage) return `ожидается ${meta.patternMessage}, получено «${shown(received)}»`;
      if (issue.format === 'email') return `ожидается адрес электронной почты, получено «${shown(received)}»`;
      if (issue.format === 'url') return `ожидается адрес, начинающийся с https://, получено «${shown(received)}»`;
      if (meta?.ref || meta?.widget === 'relation')
        return `ожидается код записи (строчная латиница, цифры, дефисы), получено «${shown(received)}»`;
      return `значение «${shown(received)}» не подходит по формату`;
    }
    case 'invalid_value': {
      const options = meta?.options;
      const allowed = issue.values.map((v) => (options?.[String(v)] ? `«${String(v)}» (${options[String(v)]})` : `«${String(v)}»`));
      return `допустимые значения: ${allowed.join(', ')}; получено «${shown(received)}»`;
    }
    case 'unrecognized_keys':
      return `${issue.keys.length > 1 ? 'неизвестные поля' : 'неизвестное поле'} ${issue.keys.map((k) => `«${k}»`).join(', ')}: такого поля нет в модели, проверьте написание или удалите его`;
    case 'invalid_union':
      return 'значение не подходит ни под один из допустимых вариантов';
    default:
      return issue.message;
  }
}

/** One Problem per issue, naming the file, the field's Russian label and what is expected. */
export function issuesToProblems(issues: readonly Issue[], ctx: { file: string; root: z.ZodType; data: unknown }): Problem[] {
  return issues.map((issue) => {
    const received = valueAt(ctx.data, issue.path);
    const message = expectation(issue, ctx.root, received);
    const hasField = issue.path.length > 0;
    return {
      file: ctx.file,
      ...(hasField ? { field: issue.path.map(String).join('.') } : {}),
      rule: 'schema',
      message: hasField ? `поле «${fieldLabel(ctx.root, issue.path)}» — ${message}` : message,
      severity: 'error',
    };
  });
}
