/**
 * What the CMS writes, tidied to what the schema reads.
 *
 * Decap keeps a cleared field as `''`, an untouched optional object as `{}`
 * with empty subfields, a number field as `''` or `'5'`, and joins image
 * paths without the `./` Astro needs to resolve them next to the entry.
 * Written as is, each of these is an error in `npm run validate`. This walk
 * drops empty values (so a default or "not set" applies), turns numeric
 * strings of number fields into numbers and makes relative image paths
 * explicit. It runs on save (before the check) and when the file is written.
 */
import type { z } from 'astro/zod';
import { arrayElement, describe, objectFields } from '../src/schema/walk.ts';

type Schema = z.ZodType;

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

/** `media/x.jpg` → `./media/x.jpg`; absolute, remote and explicit paths stay. */
export function explicitRelative(path: string): string {
  return /^(\.{1,2}\/|\/|[a-z]+:)/i.test(path) ? path : `./${path}`;
}

/** The tidied value, or undefined when nothing should be written. */
export function normaliseValue(schema: Schema | undefined, value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  const info = schema ? describe(schema) : undefined;
  if (typeof value === 'string') {
    if (value.trim() === '') return undefined;
    if (info?.type === 'number' && /^\s*-?\d+([.,]\d+)?\s*$/.test(value)) return Number(value.replace(',', '.'));
    if (info?.meta?.widget === 'image') return explicitRelative(value.trim());
    return value;
  }
  if (Array.isArray(value)) {
    const element = info?.type === 'array' ? arrayElement(info.schema) : undefined;
    return value.map((v) => normaliseValue(element, v)).filter((v) => v !== undefined);
  }
  if (isPlainObject(value)) {
    const known = info?.type === 'object' ? new Map(objectFields(info.schema)) : new Map<string, Schema>();
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      const tidy = normaliseValue(known.get(key), v);
      if (tidy !== undefined) out[key] = tidy;
    }
    // An optional group holding nothing but empty lists was left untouched (Decap keeps `[]` once a list was opened).
    const untouched = Object.values(out).every((v) => Array.isArray(v) && v.length === 0);
    if (untouched && (Object.keys(out).length === 0 || info?.optional || info?.hasDefault)) return undefined;
    return out;
  }
  return value;
}

/** The tidied data of an entry; keys the schema does not know are kept, so the check still names them. */
export function normaliseEntry(schema: Schema, data: Record<string, unknown>): Record<string, unknown> {
  const known = new Map(objectFields(schema));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(data)) {
    const tidy = known.has(key) ? normaliseValue(known.get(key), v) : v === '' || v === null ? undefined : v;
    if (tidy !== undefined) out[key] = tidy;
  }
  return out;
}
