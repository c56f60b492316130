/**
 * Withdrawal and purge (152-ФЗ ст. 21) and the private report, run as a
 * methodologist runs them: the npm scripts' entry points on a content copy.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { reviewContent } from '../../src/privacy/gate.ts';
import { tempContent, type TempContent } from '../helpers/fixture.ts';
import { runNode } from '../helpers/run.ts';
import { docxText } from '../tools/helpers/docx-text.ts';

let content: TempContent | undefined;
afterEach(() => content?.cleanup());

function setup(): { c: TempContent; out: string } {
  content = tempContent();
  const c = content;
  c.edit('registry/people/p-002.yaml', (t) =>
    t.replace('processing: { signed: 2025-09-01 }', 'processing: { signed: 2025-09-01, withdrawn: 2026-02-15 }'),
  );
  c.edit('news/2025-09-01-start.md', (t) => `${t}\nУрок провёл Илья Петрович Образцов, а потом И. П. Образцову вручили грамоту.\n`);
  return { c, out: path.join(c.dir, 'private-out') };
}

describe('npm run privacy:purge', () => {
  it('replaces the record by a tombstone, anonymises every mention and prints the history commands', async () => {
    const { c, out } = setup();
    const r = await runNode(['scripts/privacy-purge.ts', 'p-002', '--out', out], {
      CONTENT_DIR: c.dir,
      SITE_TODAY: '2026-03-01',
      PRIVATE_DIR: out,
    });
    expect(r.code, r.stderr).toBe(0);
    const record = c.read('registry/people/p-002.yaml');
    expect(record).toContain('tombstone: true');
    expect(record).toContain('withdrawn: 2026-02-15');
    expect(record).toContain('purged: 2026-03-01');
    expect(record).not.toMatch(/Образцов|Илья|учитель/);
    const news = c.read('news/2025-09-01-start.md');
    expect(news).not.toContain('Образцов');
    expect(news).toContain('Урок провёл педагог');
    expect(r.stdout).toContain('git filter-repo --force --replace-text');
    const replacements = fs.readFileSync(path.join(out, 'purge', 'p-002-replace-text.txt'), 'utf8');
    expect(replacements).toContain('Образцову==>***');
    const act = fs.readdirSync(path.join(out, 'purge')).find((f) => f.endsWith('.docx'))!;
    expect(docxText(fs.readFileSync(path.join(out, 'purge', act)))).toContain('АКТ ОБ УНИЧТОЖЕНИИ ПЕРСОНАЛЬНЫХ ДАННЫХ');
    expect(docxText(fs.readFileSync(path.join(out, 'purge', act)))).not.toContain('Образцов');
    const after = reviewContent(c.dir, '2026-03-01');
    expect(after.problems).toEqual([]);
    expect(after.withheld.get('programs')).toBeUndefined();
  });

  it('refuses while the processing consent is in force, unless forced', async () => {
    const { c, out } = setup();
    const r = await runNode(['scripts/privacy-purge.ts', 'p-001', '--out', out], {
      CONTENT_DIR: c.dir,
      SITE_TODAY: '2026-03-01',
      PRIVATE_DIR: out,
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('не отозвано');
    expect(c.read('registry/people/p-001.yaml')).toContain('Примерова');
  });

  it('changes nothing on a dry run', async () => {
    const { c, out } = setup();
    const before = c.read('news/2025-09-01-start.md');
    const r = await runNode(['scripts/privacy-purge.ts', 'p-002', '--dry-run', '--out', out], {
      CONTENT_DIR: c.dir,
      SITE_TODAY: '2026-03-01',
      PRIVATE_DIR: out,
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('упоминаний заменено: 2');
    expect(c.read('news/2025-09-01-start.md')).toBe(before);
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe('npm run privacy:report', () => {
  it('reports consents, what a withdrawal removed, and an overdue purge', async () => {
    const { c, out } = setup();
    c.edit('registry/people/p-001.yaml', (t) =>
      t.replace('    allow: [name, position]', '    allow: [name, position]\n    validUntil: 2026-03-20'),
    );
    const r = await runNode(['scripts/privacy-report.ts', '--out', out], {
      CONTENT_DIR: c.dir,
      SITE_TODAY: '2026-03-20',
      PRIVATE_DIR: out,
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Просрочено уничтожение данных: p-002');
    const report = JSON.parse(fs.readFileSync(path.join(out, 'privacy-report.json'), 'utf8'));
    expect(report.expiring).toEqual([{ id: 'p-001', consent: 'распространение', until: '2026-03-20', days: 0 }]);
    expect(report.withdrawn).toEqual([
      {
        id: 'p-002',
        consent: 'обработка',
        date: '2026-02-15',
        withheld: ['/news/2025-09-01-start/', '/programs/np-2025-01/'].filter((p) => p.startsWith('/programs/')),
        anonymisedAt: [],
      },
    ]);
    expect(report.purges).toEqual([{ id: 'p-002', withdrawn: '2026-02-15', deadline: '2026-03-17', status: 'просрочено' }]);
    expect(report.withheld).toEqual(['/news/2025-09-01-start/', '/programs/np-2025-01/']);
    const md = fs.readFileSync(path.join(out, 'privacy-report.md'), 'utf8');
    expect(md).toContain('npm run privacy:purge -- p-002');
  });
});
