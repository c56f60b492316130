/**
 * `npm run validate` and `npm run build` on broken content: one clear
 * Russian message per problem, naming file and field, never a stack trace;
 * `--json` prints the machine-readable list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempContent, type TempContent } from '../helpers/fixture.ts';
import { astroBuild, runNode, type RunResult } from '../helpers/run.ts';

let content: TempContent;
let validate: RunResult;
let json: RunResult;
let build: RunResult;

beforeAll(async () => {
  content = tempContent();
  content.edit('news/2025-09-01-start.md', (t) => t.replace('date: 2025-09-01', 'date: 32.13.2025'));
  content.write('events/pustoe.md', '');
  content.write('materials/bez-konca.md', '---\ntitle: Без конца\n');
  content.edit('roadmap/stage-1.md', (t) => t.replace('documents: [prikaz-o-nastavnichestve]', 'documents: [net-takogo]'));
  const env = { CONTENT_DIR: content.dir };
  [validate, json, build] = await Promise.all([
    runNode(['scripts/validate.ts'], env),
    runNode(['scripts/validate.ts', '--json'], env),
    astroBuild(`${content.dir}-dist`, env),
  ]);
});

afterAll(() => content.cleanup());

const EXPECTED = [
  /news\/2025-09-01-start\.md: поле «Дата публикации» — ожидается дата в формате ГГГГ-ММ-ДД, получено «32\.13\.2025»/,
  /events\/pustoe\.md: пустой файл/,
  /materials\/bez-konca\.md: блок параметров не закрыт/,
  /roadmap\/stage-1\.md: поле «Мероприятия → №\s1 → Документы» — запись «net-takogo» не найдена/,
];

describe('validate', () => {
  it('exits 1 and prints one message per problem', () => {
    expect(validate.code).toBe(1);
    for (const re of EXPECTED) expect(validate.stdout).toMatch(re);
    expect(validate.stdout).toContain('Найдено ошибок: 4');
    expect(validate.stdout + validate.stderr).not.toMatch(/^\s+at /m);
  });

  it('prints the problems as JSON with --json', () => {
    expect(json.code).toBe(1);
    const problems = JSON.parse(json.stdout) as { file: string; field?: string; rule: string; message: string }[];
    expect(problems.map((p) => p.rule).sort()).toEqual(['empty-file', 'front-matter', 'reference', 'schema']);
    expect(problems.find((p) => p.rule === 'schema')).toMatchObject({ field: 'date' });
  });

  it('prints an empty array for clean content', async () => {
    const clean = tempContent();
    try {
      const r = await runNode(['scripts/validate.ts', '--json'], { CONTENT_DIR: clean.dir });
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual([]);
    } finally {
      clean.cleanup();
    }
  });
});

describe('build', () => {
  it('fails with the same messages and no stack trace', () => {
    expect(build.code).not.toBe(0);
    const out = build.stdout + build.stderr;
    for (const re of EXPECTED) expect(out).toMatch(re);
    expect(out).toContain('Сборка остановлена: ошибок в содержимом — 4');
    expect(out).not.toMatch(/^\s+at .*\.(ts|js|mjs):\d+/m);
  });
});
