/**
 * One zod field of the content model → one Decap CMS field.
 *
 * Everything comes from the schema and its `fieldMeta`: label, hint, widget,
 * required (not optional and no default), default, select options with their
 * Russian labels, patterns with Russian messages, numeric and list bounds,
 * relations for references, date formats the schema reads back. Nothing here
 * restates a field by name: adding a field to a schema adds it to the CMS.
 */
import type { z } from 'astro/zod';
import { fieldMeta, ID_PATTERN, type FieldMeta, type RefTarget } from '../src/schema/fields.ts';
import { arrayElement, describe, findCheck, objectFields, type FieldInfo } from '../src/schema/walk.ts';
import { cmsUi } from '../src/i18n/ru.ts';
import { MAX_DOCUMENT_BYTES, MAX_IMAGE_BYTES } from './limits.ts';

/** A Decap field as the generated config carries it (plain JSON). */
export interface CmsField {
  name: string;
  label: string;
  widget: string;
  required?: boolean;
  hint?: string;
  default?: unknown;
  pattern?: [string, string];
  fields?: CmsField[];
  field?: CmsField;
  [option: string]: unknown;
}

/** Where uploads of a collection go. */
export interface MediaPlace {
  /** Collection name, for `public/uploads/<collection>/`. */
  collection: string;
}

/** What the conversion needs to know besides the schema. */
export interface FieldContext {
  media: MediaPlace;
  /** False inside an optional object: Decap validates nested fields even when the object is left empty. */
  required: boolean;
}

type Schema = z.ZodType;

const defOf = (s: Schema) => (s as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;

/** Types whose zod name maps to a Decap widget when the metadata names none. */
const INFERRED: Record<string, string> = {
  string: 'string',
  number: 'number',
  boolean: 'boolean',
  array: 'list',
  object: 'object',
  enum: 'select',
  literal: 'hidden',
};

/** Decap widget of a field. */
export function widgetOf(info: FieldInfo): string {
  return info.meta?.widget ?? INFERRED[info.type] ?? 'string';
}

/** The pattern Decap checks while the editor types, with the schema's Russian explanation. */
function patternOf(info: FieldInfo): [string, string] | undefined {
  const meta = info.meta;
  const regex = findCheck(info.schema, 'regex')?.pattern;
  if (regex instanceof RegExp && !regex.flags.replace(/[gu]/g, '')) {
    const message = meta?.patternMessage ?? (regex.source === ID_PATTERN.source ? cmsUi.idPattern : cmsUi.formatPattern);
    return [regex.source, message];
  }
  const format = defOf(info.schema).format;
  if (format === 'url') return ['^https?://[^\\s]+$', meta?.patternMessage ?? cmsUi.urlPattern];
  if (format === 'email') return ['^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$', meta?.patternMessage ?? cmsUi.emailPattern];
  const max = findCheck(info.schema, 'max_length')?.maximum;
  if (typeof max === 'number') return [`^[\\s\\S]{0,${max}}$`, cmsUi.maxLength(max)];
  return undefined;
}

function numberBounds(schema: Schema): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const min = findCheck(schema, 'greater_than');
  const max = findCheck(schema, 'less_than');
  if (typeof min?.value === 'number') out.min = min.value;
  if (typeof max?.value === 'number') out.max = max.value;
  const int = findCheck(schema, 'safeint') ?? findCheck(schema, 'int');
  out.value_type = int ? 'int' : 'float';
  out.step = int ? 1 : 0.1;
  return out;
}

function listBounds(schema: Schema): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const exact = findCheck(schema, 'length_equals')?.length;
  const min = findCheck(schema, 'min_length')?.minimum;
  const max = findCheck(schema, 'max_length')?.maximum;
  if (typeof exact === 'number') {
    out.min = exact;
    out.max = exact;
  }
  if (typeof min === 'number' && min > 0) out.min = min;
  if (typeof max === 'number') out.max = max;
  return out;
}

/** Select options in display order; numeric when the schema holds numbers (e.g. the stage 1–7). */
function selectOptions(meta: FieldMeta | undefined, info: FieldInfo): { label: string; value: string | number }[] {
  const numeric = info.type === 'number' || (info.type === 'array' && describe(arrayElement(info.schema)!).type === 'number');
  const options = meta?.options;
  if (options) return Object.entries(options).map(([value, label]) => ({ label, value: numeric ? Number(value) : value }));
  const element = info.type === 'array' ? describe(arrayElement(info.schema)!).schema : info.schema;
  const entries = defOf(element).entries as Record<string, string> | undefined;
  return Object.values(entries ?? {}).map((v) => ({ label: v, value: v }));
}

/** A relation to the entries, vocabulary items or registry people a reference may point at. */
function relationOptions(target: RefTarget): Record<string, unknown> {
  if (target.kind === 'registry') {
    return {
      collection: 'people',
      value_field: 'id',
      search_fields: ['name.last', 'name.first', 'id'],
      display_fields: ['name.last', 'name.first', 'name.middle'],
      options_length: 50,
    };
  }
  if (target.kind === 'vocabulary') {
    const list = target.vocabulary;
    return {
      collection: 'settings',
      file: 'vocabularies',
      value_field: `${list}.*.id`,
      search_fields: [`${list}.*.label`],
      display_fields: [`${list}.*.label`],
      options_length: 100,
    };
  }
  return {
    collection: target.collection,
    value_field: '{{slug}}',
    search_fields: ['title'],
    display_fields: ['title'],
    options_length: 30,
  };
}

/** Upload places and size limits of image and file fields. */
function mediaOptions(widget: 'image' | 'file', ctx: FieldContext): Record<string, unknown> {
  if (widget === 'image') {
    return {
      choose_url: false,
      media_library: { config: { max_file_size: MAX_IMAGE_BYTES, multiple: false } },
    };
  }
  return {
    choose_url: false,
    media_folder: `/public/uploads/${ctx.media.collection}`,
    public_folder: `/uploads/${ctx.media.collection}`,
    media_library: { config: { max_file_size: MAX_DOCUMENT_BYTES, multiple: false } },
  };
}

/** The first plain-text subfield, to name list items in the collapsed list («Мероприятие: …»). */
function summaryOf(fields: CmsField[]): string | undefined {
  const first = fields.find((f) => f.widget === 'string' || f.widget === 'select' || f.widget === 'relation');
  return first ? `{{fields.${first.name}}}` : undefined;
}

/** Converts one named schema field to a Decap field. */
export function cmsField(name: string, schema: Schema, ctx: FieldContext): CmsField {
  const info = describe(schema);
  const meta = info.meta ?? fieldMeta.get(info.schema);
  const widget = widgetOf(info);
  const required = ctx.required && !info.optional && !info.hasDefault;
  const field: CmsField = { name, label: meta?.label ?? name, widget: widget === 'date' ? 'datetime' : widget, required };
  if (meta?.hint) field.hint = meta.hint;
  if (info.hasDefault && info.default !== undefined) field.default = info.default;

  switch (widget) {
    case 'string':
    case 'text': {
      const pattern = patternOf(info);
      if (pattern) field.pattern = pattern;
      break;
    }
    case 'number':
      Object.assign(field, numberBounds(info.schema));
      break;
    case 'boolean':
      if (!('default' in field)) field.default = false;
      break;
    case 'date':
      Object.assign(field, { format: 'YYYY-MM-DD', date_format: 'YYYY-MM-DD', time_format: false, picker_utc: false });
      break;
    case 'datetime':
      Object.assign(field, { format: 'YYYY-MM-DDTHH:mm', date_format: 'YYYY-MM-DD', time_format: 'HH:mm', picker_utc: false });
      break;
    case 'select':
      field.options = selectOptions(meta, info);
      if (info.type === 'array') Object.assign(field, { multiple: true }, listBounds(info.schema));
      break;
    case 'relation': {
      if (!meta?.ref) throw new Error(`cms: relation field «${name}» has no ref target`);
      Object.assign(field, relationOptions(meta.ref));
      if (info.type === 'array') Object.assign(field, { multiple: true }, listBounds(info.schema));
      break;
    }
    case 'image':
    case 'file':
      Object.assign(field, mediaOptions(widget, ctx));
      break;
    case 'hidden':
      if (info.type === 'literal') field.default = (defOf(info.schema).values as unknown[])[0];
      break;
    case 'object': {
      // Decap validates the subfields of an optional object even when it is left empty,
      // so they are optional there; the save check (check-entry.ts) asks for them once
      // any of them is filled, with the schema's own message.
      const inner: FieldContext = { ...ctx, required: required };
      field.fields = objectFields(info.schema).map(([key, child]) => cmsField(key, child, inner));
      field.collapsed = false;
      if (!required && ctx.required) {
        const needed = objectFields(info.schema)
          .filter(([, child]) => cmsField('x', child, ctx).required)
          .map(([key, child]) => describe(child).meta?.label ?? key);
        if (needed.length > 0) field.hint = [meta?.hint, cmsUi.optionalGroup(needed)].filter(Boolean).join('. ');
      }
      break;
    }
    case 'list': {
      const element = arrayElement(info.schema);
      if (!element) throw new Error(`cms: list field «${name}» has no element schema`);
      const el = describe(element);
      const itemCtx: FieldContext = { ...ctx, required: true };
      if (el.type === 'object') {
        field.fields = objectFields(element).map(([key, child]) => cmsField(key, child, itemCtx));
        const summary = summaryOf(field.fields);
        if (summary) field.summary = summary;
        if (el.meta?.label) field.label_singular = el.meta.label;
        field.collapsed = true;
      } else {
        field.field = cmsField('item', element, itemCtx);
        if (el.meta?.label) field.label_singular = el.meta.label;
      }
      Object.assign(field, listBounds(info.schema));
      break;
    }
    default:
      break;
  }
  return field;
}

/** The Decap fields of an entry schema (an object), in declaration order. */
export function cmsFields(schema: Schema, media: MediaPlace): CmsField[] {
  return objectFields(schema).map(([name, child]) => cmsField(name, child, { media, required: true }));
}
