/**
 * Every collection of the model, valid and invalid: the fixture entry of each
 * collection parses, and dropping any one of its required fields yields
 * exactly one problem that names that field by its Russian label.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContentFile, listCollectionFiles } from '../../src/validate/read.ts';
import { plainContext } from '../../src/schema/context.ts';
import { COLLECTIONS, collectionNames } from '../../src/schema/index.ts';
import { describe as describeField, objectFields } from '../../src/schema/walk.ts';
import { issuesToProblems } from '../../src/lib/error-map.ts';
import { FIXTURES } from '../helpers/paths.ts';

const ROOT = path.join(FIXTURES, 'minimal');

describe.each(collectionNames)('collection %s', (collection) => {
  const files = listCollectionFiles(collection, ROOT);
  const first = files.find((f) => !f.includes('tombstone'));

  it('has a valid fixture entry', () => {
    expect(first, `tests/fixtures/minimal has no ${collection} entry`).toBeDefined();
    const { file, problem } = readContentFile(collection, first!);
    expect(problem).toBeUndefined();
    const result = COLLECTIONS[collection].schema(plainContext, file!.data).safeParse(file!.data);
    expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
  });

  it('names each missing required field by its label', () => {
    const { file } = readContentFile(collection, first!);
    const data = file!.data as Record<string, unknown>;
    const schema = COLLECTIONS[collection].schema(plainContext, data);
    const required = objectFields(schema).filter(([, s]) => {
      const info = describeField(s);
      return !info.optional && !info.hasDefault;
    });
    expect(required.length).toBeGreaterThan(0);
    for (const [key, s] of required) {
      const broken = { ...data };
      delete broken[key];
      const result = schema.safeParse(broken);
      expect(result.success, `${collection}.${key}`).toBe(false);
      const problems = issuesToProblems(result.error!.issues, { file: 'x', root: schema, data: broken });
      const label = describeField(s).meta?.label;
      expect(label, `${collection}.${key} has no label`).toBeTruthy();
      expect(problems.map((p) => p.message)).toContain(`поле «${label}» — обязательное поле не заполнено`);
    }
  });

  it('rejects an unknown field', () => {
    const { file } = readContentFile(collection, first!);
    const data = { ...(file!.data as Record<string, unknown>), opechatka: 1 };
    const result = COLLECTIONS[collection].schema(plainContext, data).safeParse(data);
    expect(result.success).toBe(false);
  });
});

describe('field metadata', () => {
  it('gives every field of every collection a Russian label', () => {
    const missing: string[] = [];
    const visit = (schema: Parameters<typeof describeField>[0], at: string) => {
      const info = describeField(schema);
      if (!info.meta?.label || !/[а-яё]/i.test(info.meta.label)) missing.push(at);
      if (info.type === 'object') for (const [k, s] of objectFields(schema)) visit(s, `${at}.${k}`);
    };
    for (const collection of collectionNames) {
      const schema = COLLECTIONS[collection].schema(plainContext, {});
      for (const [k, s] of objectFields(schema)) visit(s, `${collection}.${k}`);
    }
    expect(missing).toEqual([]);
  });
});
