/**
 * `npm run validate` reports a registry name that a news body disguises
 * (Latin look-alikes, an entity, emphasis inside the word) before any
 * build, as it reports the plain spelling.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempContent, type TempContent } from '../helpers/fixture.ts';
import { runNode, type RunResult } from '../helpers/run.ts';

interface Problem {
  file: string;
  rule: string;
  message: string;
}

let content: TempContent;
let result: RunResult;

const NEWS = (name: string, body: string) =>
  `---\ntitle: Новость ${name}\ndate: 2025-09-20\nsummary: Без персональных данных.\nstage: 1\n---\n${body}\n`;

beforeAll(async () => {
  content = tempContent();
  // p-003 (Запасов Пётр Ильич) has no dissemination consent.
  content.write('news/2025-09-20-latin.md', NEWS('латиница', 'Урок провёл Пётр Ильич Зaпacoв.'));
  content.write('news/2025-09-21-entity.md', NEWS('сущность', 'Отчёт подготовил Зап&#1072;сов П. И.'));
  content.write('news/2025-09-22-emphasis.md', NEWS('выделение', 'Слово предоставили Петру Ильичу За**пасову**.'));
  content.write('news/2025-09-23-zero-width.md', NEWS('невидимые', 'Выступил Пётр Ильич Зап\u200bасов.'));
  result = await runNode(['scripts/validate.ts', '--json'], { CONTENT_DIR: content.dir, SITE_TODAY: '2026-03-01' });
});

afterAll(() => content.cleanup());

describe('validate on disguised names', () => {
  it('exits 3 (withheld) and reports pii-name for every disguised mention', () => {
    expect(result.code, result.stderr).toBe(3);
    const problems = JSON.parse(result.stdout) as Problem[];
    const named = problems.filter((p) => p.rule === 'pii-name').map((p) => p.file.replace(/^.*\/news\//, 'news/'));
    expect(named.sort()).toEqual([
      'news/2025-09-20-latin.md',
      'news/2025-09-21-entity.md',
      'news/2025-09-22-emphasis.md',
      'news/2025-09-23-zero-width.md',
    ]);
    expect(result.stdout).not.toMatch(/Запасов|Зaпacoв/);
  });
});
