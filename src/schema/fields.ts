/**
 * Field builders for the content model.
 *
 * Every field of every collection is built here so that it carries its Russian
 * label and hint as metadata. The metadata lives in one zod registry
 * (`fieldMeta`) that the CMS config generator, the validator's error messages
 * and the docs read; nothing else restates the model.
 */
import { z } from 'astro/zod';
import { isRealIsoDate, isRealIsoDateTime } from '../lib/dates.ts';

/** Decap widget a field is edited with; inferred from the zod type when absent. */
export type Widget =
  | 'string'
  | 'text'
  | 'markdown'
  | 'number'
  | 'boolean'
  | 'date'
  | 'datetime'
  | 'select'
  | 'list'
  | 'object'
  | 'relation'
  | 'image'
  | 'file'
  | 'hidden';

/** Collections whose entries other entries may reference by id. */
export type RefCollection = 'roadmap' | 'documents' | 'news' | 'events' | 'practices' | 'programs' | 'materials' | 'monitoring';

/** What a reference field points at. */
export type RefTarget =
  | { kind: 'collection'; collection: RefCollection }
  | { kind: 'vocabulary'; vocabulary: 'subjects' | 'difficulties' }
  | { kind: 'registry' };

export interface FieldMeta {
  /** Russian label shown in the CMS and in error messages. */
  label: string;
  /** Russian hint shown under the field in the CMS. */
  hint?: string;
  /** Overrides the widget inferred from the zod type. */
  widget?: Widget;
  /** Russian labels of enum values, in display order. */
  options?: Readonly<Record<string, string>>;
  /** The collection, vocabulary or registry this id refers to. */
  ref?: RefTarget;
  /** Russian explanation of a `pattern`, shown when the value does not match. */
  patternMessage?: string;
  /** Marks registry data: editable in the CMS, never published. */
  private?: boolean;
  /** The calendar format of a date or datetime string. */
  format?: 'date' | 'datetime' | 'year' | 'schoolYear';
  /** Only one entry of the collection may hold a value (src/lib/unique-fields.ts). */
  unique?: true;
}

/** The one registry of field metadata for the whole content model. */
export const fieldMeta = z.registry<FieldMeta>();

/** Attaches metadata to a schema and returns it (the same instance). */
export function field<T extends z.ZodType>(schema: T, meta: FieldMeta): T {
  fieldMeta.add(schema, meta);
  return schema;
}

type Meta = Omit<FieldMeta, 'widget' | 'options' | 'ref' | 'format'>;

/** A one-line string, trimmed, non-empty. */
export const line = (meta: Meta, max = 300) => field(z.string().trim().min(1).max(max), { ...meta, widget: 'string' });

/** A multi-line plain text, non-empty. */
export const paragraph = (meta: Meta, max = 4000) => field(z.string().trim().min(1).max(max), { ...meta, widget: 'text' });

/** A list of one-line strings. */
export const lines = (meta: Meta, item: Meta) => field(z.array(line(item)), { ...meta, widget: 'list' });

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** js-yaml turns unquoted `2025-03-10` into a Date at UTC midnight; take it back as written. */
function dateToIso(value: unknown): unknown {
  return value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value;
}

/** js-yaml turns full timestamps into Dates; keep the UTC wall time, minutes precision. */
function dateTimeToIso(value: unknown): unknown {
  return value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 16) : value;
}

/**
 * A calendar date as written, `YYYY-MM-DD`. Kept as a string: a date on a
 * school site is a calendar day, not an instant, so no time zone can shift it.
 */
export const isoDate = (meta: Meta) =>
  field(
    z.preprocess(dateToIso, z.string().regex(ISO_DATE, { abort: true }).refine(isRealIsoDate, { message: 'такой даты нет в календаре' })),
    { ...meta, widget: 'date', format: 'date' },
  );

/** A local date and time, `YYYY-MM-DDTHH:mm`, in the site's time zone. */
export const isoDateTime = (meta: Meta) =>
  field(
    z.preprocess(
      dateTimeToIso,
      z.string().regex(ISO_DATETIME, { abort: true }).refine(isRealIsoDateTime, { message: 'такой даты нет в календаре' }),
    ),
    { ...meta, widget: 'datetime', format: 'datetime' },
  );

/** A school year such as `2025-2026`; the second year follows the first. */
export const schoolYear = (meta: Meta) =>
  field(
    z
      .string()
      .regex(/^\d{4}-\d{4}$/, { abort: true })
      .refine((s) => Number(s.slice(5)) === Number(s.slice(0, 4)) + 1, {
        message: 'второй год должен следовать за первым, например 2025-2026',
      }),
    { ...meta, widget: 'string', format: 'schoolYear', patternMessage: 'учебный год в виде 2025-2026' },
  );

/** A calendar year, from `min` (2000 by default: no mentoring system is older) to 2100. */
export const year = (meta: Meta, min = 2000) => field(z.number().int().min(min).max(2100), { ...meta, widget: 'number', format: 'year' });

/** One value of a closed list; `options` maps each value to its Russian label. */
export function select<const T extends Readonly<Record<string, string>>>(options: T, meta: Meta) {
  const values = Object.keys(options) as [keyof T & string, ...(keyof T & string)[]];
  return field(z.enum(values), { ...meta, widget: 'select', options });
}

/** Several values of a closed list, without repeats. */
export function multiSelect<const T extends Readonly<Record<string, string>>>(options: T, meta: Meta) {
  const values = Object.keys(options) as [keyof T & string, ...(keyof T & string)[]];
  return field(
    z.array(z.enum(values)).refine((a) => new Set(a).size === a.length, { message: 'значения повторяются' }),
    { ...meta, widget: 'select', options },
  );
}

/** The switch that keeps an entry off the site (pages, lists, feeds, search, cards) until it is turned off. */
export const draft = () =>
  field(z.boolean(), {
    label: 'Черновик',
    hint: 'Черновик не публикуется: его нет на сайте, в лентах, в поиске и в карточках для соцсетей',
    widget: 'boolean',
  }).default(false);

/** Ids are file names: lowercase Latin letters, digits and hyphens. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The id of another entry, vocabulary item or registry person. */
export const ref = (target: RefTarget, meta: Meta) => field(z.string().regex(ID_PATTERN), { ...meta, widget: 'relation', ref: target });

/** Several ids of the same target, without repeats; at least `min` of them. */
export const refs = (target: RefTarget, meta: Meta, min = 0) =>
  field(
    z
      .array(z.string().regex(ID_PATTERN))
      .min(min)
      .refine((a) => new Set(a).size === a.length, { message: 'значения повторяются' }),
    { ...meta, widget: 'relation', ref: target },
  );

/** A path to a file under `public/` (as the CMS writes it), e.g. `/uploads/documents/prikaz.pdf`. */
export const publicFile = (meta: Meta) =>
  // Segment by segment: no `.`/`..`, no backslash, no percent-encoding — a path that cannot leave /uploads/.
  field(z.string().regex(/^\/uploads(?:\/(?!\.{1,2}(?:\/|$))[^\s\\%/]+)+$/), {
    ...meta,
    widget: 'file',
    patternMessage: 'путь к загруженному файлу, начинающийся с /uploads/',
  });

/** An absolute http(s) URL. */
export const url = (meta: Meta) =>
  field(z.url({ protocol: /^https?$/ }), { ...meta, widget: 'string', patternMessage: 'адрес, начинающийся с https://' });

/** The stage of the roadmap an entry belongs to, 1–7. */
export const stageNumber = (meta: Meta) => field(z.number().int().min(1).max(7), { ...meta, widget: 'select', options: STAGE_OPTIONS });

const STAGE_OPTIONS: Readonly<Record<string, string>> = {
  '1': '1. Подготовка условий',
  '2': '2. Банк наставляемых',
  '3': '3. Банк наставников',
  '4': '4. Отбор и обучение',
  '5': '5. Работа пар и групп',
  '6': '6. Завершение программ',
  '7': '7. Информационная поддержка',
};
