/**
 * A draft, a news item dated tomorrow and a programme without its order do
 * not reach any built file — page, list, feed, sitemap, search index, social
 * card — while their published neighbours do.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readableText } from '../../src/privacy/leak-scan.ts';
import { tempContent, type TempContent } from '../helpers/fixture.ts';
import { astroBuild, type RunResult } from '../helpers/run.ts';

let content: TempContent;
let dist: string;
let build: RunResult;

const news = (title: string, date: string, extra = '') =>
  `---\ntitle: ${title}\ndate: ${date}\nsummary: Анонс «${title}».\nstage: 1\n${extra}---\nТекст: ${title}.\n`;

beforeAll(async () => {
  content = tempContent();
  content.write('news/2026-02-20-chernovik.md', news('Черновая заметка Ъ1', '2026-02-20', 'draft: true\n'));
  content.write('news/2026-03-02-zavtra.md', news('Завтрашняя заметка Ъ2', '2026-03-02'));
  content.write('news/2026-02-21-gotovo.md', news('Готовая заметка Ъ3', '2026-02-21'));
  content.edit('programs/np-2025-01.md', (t) => t.replace(/^order: .*\n/m, '').replace(/^title: .*$/m, 'title: Программа без приказа Ъ4'));
  dist = `${content.dir}-dist`;
  build = await astroBuild(dist, { CONTENT_DIR: content.dir, SITE_TODAY: '2026-03-01' });
});

afterAll(() => {
  content.cleanup();
  fs.rmSync(dist, { recursive: true, force: true });
});

async function everything(): Promise<string> {
  const files = fs
    .readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && !d.parentPath.includes(`${path.sep}admin`))
    .map((d) => path.join(d.parentPath, d.name));
  const texts = await Promise.all(files.map(async (f) => (await readableText(f))?.text ?? ''));
  return texts.join('\n');
}

describe('entries that are not public yet', () => {
  it('build without a problem', () => {
    expect(build.code, (build.stdout + build.stderr).slice(-2000)).toBe(0);
  });

  it('are in no built file, while the published news item is', async () => {
    const all = await everything();
    expect(all).toContain('Готовая заметка Ъ3');
    for (const hidden of ['Черновая заметка Ъ1', 'Завтрашняя заметка Ъ2', 'Программа без приказа Ъ4']) expect(all).not.toContain(hidden);
    expect(fs.existsSync(path.join(dist, 'news/2026-03-02-zavtra/index.html'))).toBe(false);
    expect(fs.existsSync(path.join(dist, 'og/news/2026-02-20-chernovik.png'))).toBe(false);
    expect(fs.existsSync(path.join(dist, 'og/news/2026-02-21-gotovo.png'))).toBe(true);
  });

  it('are counted in the build log', () => {
    expect(build.stdout + build.stderr).toMatch(/не опубликовано пока: 3/);
  });
});
