/**
 * The leak scan stops a build only on what content can put on the site: a
 * registry person named «Чернова» (Bulgarian for «draft», once in the CMS
 * bundle) and the school's own contacts on every page do not stop it; a
 * phone that reaches a page does.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leakScan, LeakError } from '../../src/integrations/leak-scan.ts';
import { tempContent, type TempContent } from '../helpers/fixture.ts';
import { astroBuild, type RunResult } from '../helpers/run.ts';

let content: TempContent;
let dist: string;
let build: RunResult;

beforeAll(async () => {
  content = tempContent();
  content.write(
    'registry/people/p-004.yaml',
    [
      'id: p-004',
      'demo: true',
      'name: { last: Чернова, first: Мария, middle: Ивановна }',
      'gender: female',
      'roles: [mentor]',
      'position: учитель',
      'subjects: [math]',
      'category: first',
      'teachingSince: 2012',
      'competencies: [parents]',
      'capacity: 1',
      'consents:',
      '  processing: { signed: 2025-09-01 }',
      '',
    ].join('\n'),
  );
  dist = path.join(content.dir, '..', `${path.basename(content.dir)}-dist`);
  build = await astroBuild(dist, {
    CONTENT_DIR: content.dir,
    ASTRO_CACHE_DIR: `${dist}-cache`,
    LEAK_SCAN_CACHE: `${dist}-leak/clean.json`,
    SITE_TODAY: '2026-03-01',
  });
});

afterAll(() => {
  content.cleanup();
  for (const dir of [dist, `${dist}-cache`, `${dist}-leak`]) fs.rmSync(dir, { recursive: true, force: true });
});

async function runLeakScan(): Promise<{ error: unknown; logged: string[] }> {
  const logged: string[] = [];
  const logger = { info: () => {}, warn: () => {}, error: (m: string) => logged.push(m) };
  const previous = process.env.CONTENT_DIR;
  process.env.CONTENT_DIR = content.dir;
  try {
    const hooks = leakScan().hooks;
    (hooks['astro:config:done'] as (o: unknown) => void)({ config: { root: new URL(`file://${process.cwd()}/`) } });
    await (hooks['astro:build:done'] as (o: unknown) => Promise<void>)({ dir: new URL(`file://${dist}/`), logger });
    return { error: undefined, logged };
  } catch (error) {
    return { error, logged };
  } finally {
    process.env.CONTENT_DIR = previous;
  }
}

describe('the leak scan of a real build', () => {
  it('passes with a registry person named «Чернова» and the school’s contacts on every page', () => {
    expect(build.code, build.stdout + build.stderr).toBe(0);
    expect(build.stdout).toMatch(/утечек: 0/);
    expect(build.stdout).toMatch(/копий сборки редактора пропущено: [1-9]/);
  });

  it('scans the admin page and stops on a phone that reaches a page', async () => {
    const admin = path.join(dist, 'admin/index.html');
    fs.appendFileSync(admin, '<!-- Мария Ивановна Чернова -->');
    fs.appendFileSync(path.join(dist, 'index.html'), '<p>Звоните: 8 (921) 123-45-67</p>');
    const { error, logged } = await runLeakScan();
    expect(error).toBeInstanceOf(LeakError);
    expect(logged.sort()).toEqual([
      'admin/index.html: персональные данные участника p-004 без согласия (html)',
      'index.html: телефон «8 (•••) •••-••-67» — персональные данные, публиковать нельзя (html)',
    ]);
  });
});
