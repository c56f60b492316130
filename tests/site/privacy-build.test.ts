/**
 * No path from the registry to dist/ without a valid consent: a content root
 * with violations still builds, the offending entries are withheld (no page,
 * no list item, no link), and no registry name reaches any built file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { leakScan, LeakError } from '../../src/integrations/leak-scan.ts';
import { builtFixture } from '../helpers/fixture-build.ts';
import { runNode } from '../helpers/run.ts';

const allFiles = (dir: string): string[] =>
  fs.readdirSync(dir, { recursive: true, withFileTypes: true }).flatMap((d) => (d.isFile() ? [path.join(d.parentPath, d.name)] : []));

const site = builtFixture(
  (content) => {
    content.edit('news/2025-09-01-start.md', (t) => `${t}\nОткрытый урок провёл Илья Петрович Образцов.\n`);
    content.write(
      'news/2025-09-15-vtoraya.md',
      '---\ntitle: Вторая новость\ndate: 2025-09-15\nsummary: Без персональных данных.\nstage: 1\n---\nОбычный текст.\n',
    );
    content.edit('registry/people/p-002.yaml', (t) =>
      t.replace('processing: { signed: 2025-09-01 }', 'processing: { signed: 2025-09-01, withdrawn: 2026-02-15 }'),
    );
  },
  { SITE_TODAY: '2026-03-01' },
);

describe('a build with privacy violations', () => {
  it('succeeds (fail closed for privacy, soft for the rest)', () => {
    expect(site.build.code, site.build.stdout + site.build.stderr).toBe(0);
    expect(fs.existsSync(path.join(site.dist, 'news/2025-09-15-vtoraya/index.html'))).toBe(true);
  });

  it('lists what it withheld, by rule and file, without names', () => {
    const log = site.build.stdout + site.build.stderr;
    expect(log).toMatch(/news\/2025-09-01-start\.md: .*consent|news\/2025-09-01-start\.md: .*p-002/);
    expect(log).toMatch(/programs\/np-2025-01\.md: .*p-002/);
    expect(log).not.toContain('Образцов');
  });

  it('renders no page, list item or link for withheld entries', () => {
    expect(fs.existsSync(path.join(site.dist, 'news/2025-09-01-start/index.html'))).toBe(false);
    expect(fs.existsSync(path.join(site.dist, 'programs/np-2025-01/index.html'))).toBe(false);
    const html = allFiles(site.dist)
      .filter((f) => f.endsWith('.html'))
      .map((f) => fs.readFileSync(f, 'utf8'))
      .join('\n');
    expect(html).not.toContain('/news/2025-09-01-start/');
    expect(html).not.toContain('/programs/np-2025-01/');
  });

  it('leaves no registry name in any built file', () => {
    const text = allFiles(site.dist)
      .map((f) => fs.readFileSync(f).toString('utf8'))
      .join('\n');
    for (const form of ['Образцов', 'Образцова', 'Примерова Анна']) expect(text).not.toContain(form);
  });

  it('fails the build when a leak is found after it (the leak-scan integration)', async () => {
    fs.writeFileSync(path.join(site.dist, 'news/2025-09-15-vtoraya/index.html'), '<p>Илья Петрович Образцов</p>');
    const logged: string[] = [];
    const logger = { info: () => {}, warn: () => {}, error: (m: string) => logged.push(m) };
    const previous = process.env.CONTENT_DIR;
    process.env.CONTENT_DIR = site.content.dir;
    try {
      const hook = leakScan().hooks['astro:build:done'] as (o: unknown) => Promise<void>;
      await expect(hook({ dir: new URL(`file://${site.dist}/`), logger })).rejects.toBeInstanceOf(LeakError);
    } finally {
      process.env.CONTENT_DIR = previous;
    }
    expect(logged).toEqual(['news/2025-09-15-vtoraya/index.html: персональные данные участника p-002 без согласия (html)']);
  });

  it('makes npm run validate exit 3 (publish, tell the curator) with the rule ids', async () => {
    const r = await runNode(['scripts/validate.ts', '--json'], { CONTENT_DIR: site.content.dir, SITE_TODAY: '2026-03-01' });
    expect(r.code).toBe(3);
    const rules = (JSON.parse(r.stdout) as { rule: string }[]).map((p) => p.rule).sort();
    expect(rules).toEqual(['consent-withdrawn', 'consent-withdrawn']);
  });
});
