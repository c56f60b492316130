/**
 * A draft, a news item dated tomorrow and a programme without its order do
 * not reach any built file — page, list, feed, sitemap, search index, social
 * card — while their published neighbours do.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readableText } from '../../src/privacy/leak-scan.ts';
import { builtFixture } from '../helpers/fixture-build.ts';

const news = (title: string, date: string, extra = '') =>
  `---\ntitle: ${title}\ndate: ${date}\nsummary: Анонс «${title}».\nstage: 1\n${extra}---\nТекст: ${title}.\n`;

const site = builtFixture(
  (content) => {
    content.write('news/2026-02-20-chernovik.md', news('Черновая заметка Ъ1', '2026-02-20', 'draft: true\n'));
    content.write('news/2026-03-02-zavtra.md', news('Завтрашняя заметка Ъ2', '2026-03-02'));
    content.write('news/2026-02-21-gotovo.md', news('Готовая заметка Ъ3', '2026-02-21'));
    content.edit('programs/np-2025-01.md', (t) =>
      t.replace(/^order: .*\n/m, '').replace(/^title: .*$/m, 'title: Программа без приказа Ъ4'),
    );
  },
  { SITE_TODAY: '2026-03-01' },
);

async function everything(): Promise<string> {
  const files = fs
    .readdirSync(site.dist, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && !d.parentPath.includes(`${path.sep}admin`))
    .map((d) => path.join(d.parentPath, d.name));
  const texts = await Promise.all(files.map(async (f) => (await readableText(f))?.text ?? ''));
  return texts.join('\n');
}

describe('entries that are not public yet', () => {
  it('build without a problem', () => {
    expect(site.build.code, (site.build.stdout + site.build.stderr).slice(-2000)).toBe(0);
  });

  it('are in no built file, while the published news item is', async () => {
    const all = await everything();
    expect(all).toContain('Готовая заметка Ъ3');
    for (const hidden of ['Черновая заметка Ъ1', 'Завтрашняя заметка Ъ2', 'Программа без приказа Ъ4']) expect(all).not.toContain(hidden);
    expect(fs.existsSync(path.join(site.dist, 'news/2026-03-02-zavtra/index.html'))).toBe(false);
    expect(fs.existsSync(path.join(site.dist, 'og/news/2026-02-20-chernovik.png'))).toBe(false);
    expect(fs.existsSync(path.join(site.dist, 'og/news/2026-02-21-gotovo.png'))).toBe(true);
  });

  it('are counted in the build log', () => {
    expect(site.build.stdout + site.build.stderr).toMatch(/не опубликовано пока: 3/);
  });
});
