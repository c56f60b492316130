/**
 * /admin/taken.json as built for the demo site: the CMS's save check reads
 * from it which file holds each stage number, programme code and monitoring
 * cycle — every one the content has, and nothing personal.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { registryOf } from '../../src/privacy/registry.ts';
import type { TakenValues } from '../../src/lib/unique-fields.ts';
import { reviewContent } from '../../src/privacy/gate.ts';
import { DEMO_CONTENT, testDist } from '../helpers/paths.ts';

const index = reviewContent(DEMO_CONTENT);
const taken = JSON.parse(fs.readFileSync(path.join(testDist(), 'admin', 'taken.json'), 'utf8')) as TakenValues;
const holders = (collection: string, key: string) =>
  Object.fromEntries([...index.entries.get(collection as 'roadmap')!.values()].map((e) => [String(e.parsed[key]), e.file]));

describe('/admin/taken.json', () => {
  it('names the file of every stage number, programme code and monitoring cycle', () => {
    expect(taken.roadmap?.stage).toEqual(holders('roadmap', 'stage'));
    expect(Object.keys(taken.roadmap!.stage!).sort()).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(taken.programs?.code).toEqual(holders('programs', 'code'));
    expect(taken.monitoring?.cycle).toEqual(holders('monitoring', 'cycle'));
    expect(Object.keys(taken).sort()).toEqual(['monitoring', 'programs', 'roadmap']);
  });

  it('holds no name from the registry', () => {
    const text = JSON.stringify(taken);
    const surnames = [...registryOf(index).values()].flatMap((p) => ('name' in p && p.name ? [p.name.last] : []));
    expect(surnames.length).toBeGreaterThan(0);
    for (const last of surnames) expect(text).not.toContain(last);
  });
});
