/**
 * Introspection of the zod schemas: the field tree with its metadata.
 *
 * The CMS config generator, the Russian error messages and the tests that
 * prove CMS and schema agree all read the model through this one walker.
 */
import type { z } from 'astro/zod';
import { fieldMeta, type FieldMeta } from './fields.ts';

type AnySchema = z.ZodType;

interface Def {
  type: string;
  innerType?: AnySchema;
  in?: AnySchema;
  out?: AnySchema;
  shape?: Record<string, AnySchema>;
  element?: AnySchema;
  options?: AnySchema[];
  entries?: Record<string, string>;
  values?: unknown[];
  defaultValue?: unknown;
  checks?: { _zod: { def: Record<string, unknown> } }[];
}

const defOf = (s: AnySchema) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** A field as the model sees it once wrappers are peeled off. */
export interface FieldInfo {
  /** The innermost schema (object, array, string, enum, …). */
  schema: AnySchema;
  /** zod type name of the innermost schema. */
  type: string;
  meta: FieldMeta | undefined;
  optional: boolean;
  default: unknown;
  hasDefault: boolean;
}

/** Peels optional/default/pipe wrappers, keeping the outermost metadata found on the way. */
export function describe(schema: AnySchema): FieldInfo {
  let s = schema;
  let meta = fieldMeta.get(s);
  let optional = false;
  let hasDefault = false;
  let dflt: unknown;
  for (;;) {
    const def = defOf(s);
    let next: AnySchema | undefined;
    if (def.type === 'optional' || def.type === 'nullable' || def.type === 'readonly' || def.type === 'catch') {
      if (def.type === 'optional') optional = true;
      next = def.innerType;
    } else if (def.type === 'default' || def.type === 'prefault') {
      hasDefault = true;
      dflt = typeof def.defaultValue === 'function' ? (def.defaultValue as () => unknown)() : def.defaultValue;
      next = def.innerType;
    } else if (def.type === 'pipe') {
      next = def.in && defOf(def.in).type === 'transform' ? def.out : def.in;
    }
    if (!next) break;
    s = next;
    meta ??= fieldMeta.get(s);
  }
  return { schema: s, type: defOf(s).type, meta, optional, default: dflt, hasDefault };
}

/** The named fields of an object schema, in declaration order. */
export function objectFields(schema: AnySchema): [string, AnySchema][] {
  const def = defOf(describe(schema).schema);
  return def.shape ? Object.entries(def.shape) : [];
}

/** The element schema of an array schema. */
export function arrayElement(schema: AnySchema): AnySchema | undefined {
  return defOf(describe(schema).schema).element;
}

/** Enum values of a schema (or of its array element), if it is a closed list. */
export function enumValues(schema: AnySchema): string[] | undefined {
  const info = describe(schema);
  const target = info.type === 'array' ? describe(arrayElement(schema)!).schema : info.schema;
  const def = defOf(target);
  if (def.type === 'enum' && def.entries) return Object.values(def.entries);
  return undefined;
}

/** A check of the innermost schema by its kind, e.g. `min_length` or `regex`. */
export function findCheck(schema: AnySchema, check: string): Record<string, unknown> | undefined {
  const def = defOf(describe(schema).schema);
  return def.checks?.map((c) => c._zod.def).find((c) => c.check === check || c.format === check);
}

/** The schema at a path inside an object schema, or undefined if the path leaves the model. */
export function schemaAt(root: AnySchema, path: readonly PropertyKey[]): AnySchema | undefined {
  let s: AnySchema | undefined = root;
  for (const key of path) {
    if (!s) return undefined;
    const info = describe(s);
    if (info.type === 'object') s = defOf(info.schema).shape?.[String(key)];
    else if (info.type === 'array') s = defOf(info.schema).element;
    else return undefined;
  }
  return s;
}
