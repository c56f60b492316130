/**
 * How the CMS reads and writes content files: the same YAML library and the
 * same front matter layout as the validator and the build.
 *
 * One format per collection, because writing needs the schema: values are
 * tidied (cms/normalise-entry.ts), keys follow the schema's order, the file-name
 * helper field is dropped, and long lines are never folded. Dates stay
 * `2025-03-10` — a plain string in YAML 1.2, as the schema reads it.
 * Reading keeps the file's text in the entry's data, and writing an existing
 * entry edits its YAML (cms/keep-style.ts) and keeps an unchanged body as it
 * was, so the file keeps its own style and a diff shows only what changed.
 */
import type { ZodType } from 'astro/zod';
import { parseDocument, stringify } from 'yaml';
import { COLLECTIONS } from '../src/schema/index.ts';
import { arrayElement, describe, objectFields } from '../src/schema/walk.ts';
import { entryData } from './check-entry.ts';
import { schemaOfCms, SOURCE_KEY } from './config.ts';
import { keepStyle, sameValue } from './keep-style.ts';

/** A Decap formatter: file text ⇄ entry data (`body` holds the Markdown body). */
export interface Formatter {
  fromFile(content: string): Record<string, unknown>;
  toFile(data: Record<string, unknown>, sortedKeys?: string[]): string;
}

function parseYaml(text: string): Record<string, unknown> {
  const doc = parseDocument(text, { uniqueKeys: false });
  if (doc.errors.length > 0) throw new Error(`YAML: ${doc.errors[0]!.message}`);
  const data = doc.toJS() as unknown;
  return data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
}

/** Keys in the schema's order, then any others as they came. */
function ordered(collection: string, data: Record<string, unknown>): Record<string, unknown> {
  const schema = schemaOfCms(collection, data);
  const order = schema ? objectFields(schema).map(([k]) => k) : [];
  const out: Record<string, unknown> = {};
  for (const key of order) if (key in data) out[key] = data[key];
  for (const [key, value] of Object.entries(data)) if (!(key in out)) out[key] = value;
  return out;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * `value` without the keys the file did not have that only restate their
 * schema's default, at any depth: the widgets hand back an untouched switch
 * as `draft: false` and an untouched list as `[]`, which mean what the file
 * meant without them.
 */
function withoutAddedDefaults(schema: ZodType | undefined, value: unknown, old: unknown): unknown {
  if (!schema) return value;
  if (Array.isArray(value)) {
    const element = arrayElement(schema);
    return value.map((v, i) => withoutAddedDefaults(element, v, Array.isArray(old) ? old[i] : undefined));
  }
  if (!isPlainObject(value) || !isPlainObject(old)) return value;
  const fields = new Map(objectFields(schema));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const field = fields.get(key);
    const info = field && describe(field);
    if (!Object.hasOwn(old, key) && info?.hasDefault && sameValue(info.default, v)) continue;
    out[key] = withoutAddedDefaults(field, v, old[key]);
  }
  return out;
}

/** The YAML of an entry: its file's own text edited where the data changed, or written afresh for a new entry. */
function yamlText(collection: string, data: Record<string, unknown>, source?: unknown): string {
  if (typeof source === 'string') {
    const old = parseYaml(source);
    const next = withoutAddedDefaults(schemaOfCms(collection, data), data, old) as Record<string, unknown>;
    const kept = keepStyle(source, next);
    if (kept !== undefined) return kept;
  }
  return stringify(data, { lineWidth: 0, version: '1.2' });
}

/** The data of a YAML file, whose text travels with it (SOURCE_KEY) to the next write. */
function readYaml(text: string): Record<string, unknown> {
  return { ...parseYaml(text), [SOURCE_KEY]: text };
}

/** Splits `---\n…\n---\n body`; a file without front matter is all body. */
export function splitFile(content: string): { yaml: string; body: string } {
  const text = content.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!text.startsWith('---\n')) return { yaml: '', body: text };
  const end = text.indexOf('\n---', 3);
  if (end === -1) return { yaml: text.slice(4), body: '' };
  const nl = text.indexOf('\n', end + 4);
  return { yaml: text.slice(4, end + 1), body: nl === -1 ? '' : text.slice(nl + 1) };
}

/** Markdown with YAML front matter, for `md` collections. */
export function markdownFormat(collection: string): Formatter {
  return {
    fromFile(content) {
      const { yaml, body } = splitFile(content);
      const data = { ...parseYaml(yaml), [SOURCE_KEY]: content };
      const trimmed = body.replace(/^\n+/, '');
      return trimmed.trim() ? { ...data, body: trimmed } : data;
    },
    toFile(data) {
      const front = ordered(collection, entryData(collection, data));
      const body = typeof data.body === 'string' ? data.body.trim() : '';
      const source = typeof data[SOURCE_KEY] === 'string' ? splitFile(data[SOURCE_KEY]) : undefined;
      // An unchanged body is written as the file had it, with its own blank lines around it.
      const tail = source && source.body.trim() === body ? source.body : body ? `\n${body}\n` : '';
      return `---\n${yamlText(collection, front, source?.yaml)}---\n${tail}`;
    },
  };
}

/** One YAML document, for `yaml` collections. */
export function yamlFormat(collection: string): Formatter {
  return {
    fromFile: readYaml,
    toFile(data) {
      return yamlText(collection, ordered(collection, entryData(collection, data)), data[SOURCE_KEY]);
    },
  };
}

/** The two settings files share one CMS collection; their data tells them apart. */
export const settingsFormat: Formatter = {
  fromFile: readYaml,
  toFile(data) {
    const name = 'schoolName' in data ? 'site' : 'vocabularies';
    return yamlText(name, ordered(name, entryData(name, data)), data[SOURCE_KEY]);
  },
};

/** Every format the generated config names (`nastavnik-<collection>`), with its file extension. */
export function contentFormats(): { name: string; extension: string; formatter: Formatter }[] {
  const formats = Object.entries(COLLECTIONS)
    .filter(([, def]) => !('files' in def))
    .map(([name, def]) => ({
      name: `nastavnik-${name}`,
      extension: def.format === 'md' ? 'md' : 'yaml',
      formatter: def.format === 'md' ? markdownFormat(name) : yamlFormat(name),
    }));
  return [...formats, { name: 'nastavnik-settings', extension: 'yaml', formatter: settingsFormat }];
}
