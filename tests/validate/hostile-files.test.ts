/**
 * Files that are not what the validator expects fail closed: a registry file
 * it cannot read stops publication instead of being skipped (its person's
 * name would then be unknown to the name scan), a file it skips is named,
 * a parser bomb or a file in another encoding gets a Russian message, and a
 * path in a file field cannot leave its folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { reviewContent } from '../../src/privacy/gate.ts';
import { tempContent, type TempContent } from '../helpers/fixture.ts';
import { runNode } from '../helpers/run.ts';

let content: TempContent | undefined;
afterEach(() => content?.cleanup());

const PERSON = `id: p-009
name: { last: Гарипова, first: Алсу, middle: Ринатовна }
gender: female
roles: [mentor]
position: учитель
subjects: [russian]
category: first
teachingSince: 2010
consents:
  processing: { signed: 2025-08-27, document: Согласие № 9 }
`;

function problems(change: (c: TempContent) => void) {
  content = tempContent();
  change(content);
  return reviewContent(content.dir).problems;
}

const errorsOf = (ps: ReturnType<typeof problems>) => ps.filter((p) => p.severity === 'error');

describe('registry files the validator does not read', () => {
  for (const [label, rel] of [
    ['an upper-case extension', 'registry/people/p-009.YAML'],
    ['a mixed-case extension', 'registry/people/p-009.Yml'],
    ['a subfolder of people/', 'registry/people/old/p-009.yaml'],
    ['a deeper subfolder', 'registry/people/2024/archive/p-009.yaml'],
    ['the registry root', 'registry/p-009.yaml'],
    ['another extension', 'registry/people/p-009.yaml.bak'],
    ['a hidden file', 'registry/people/.p-009.yaml'],
  ] as const) {
    it(`stops publication on ${label}`, () => {
      const found = problems((c) => c.write(rel, PERSON));
      const mine = errorsOf(found).filter((p) => p.file.endsWith(rel));
      expect(mine).toEqual([expect.objectContaining({ rule: 'registry-file', severity: 'error' })]);
      expect(mine[0]!.message).toMatch(/реестр/);
    });
  }

  it('accepts the registry as it should be: people, their photos, answers', () => {
    const found = problems((c) => {
      c.write('registry/people/media/p-001.jpg', 'not really a jpeg');
      c.write('registry/people/.gitkeep', '');
    });
    expect(errorsOf(found)).toEqual([]);
  });
});

describe('content files the validator does not read', () => {
  it('names a news item with an upper-case extension and one in a subfolder', () => {
    const found = problems((c) => {
      c.write('news/2025-10-01-upper.MD', '---\ntitle: Т\n---\n');
      c.write('news/2025/2025-10-02-nested.md', '---\ntitle: Т\n---\n');
    });
    expect(errorsOf(found).map((p) => [p.file.replace(/^.*\/news\//, 'news/'), p.rule])).toEqual([
      ['news/2025-10-01-upper.MD', 'unread-file'],
      ['news/2025/2025-10-02-nested.md', 'unread-file'],
    ]);
  });

  it('leaves media folders and stray non-content files of public collections alone', () => {
    const found = problems((c) => {
      c.write('news/media/photo.jpg', 'x');
      c.write('news/notes.txt', 'заметки');
    });
    expect(errorsOf(found)).toEqual([]);
    expect(found.filter((p) => p.rule === 'unread-file')).toEqual([
      expect.objectContaining({ severity: 'warning', file: expect.stringMatching(/news\/notes\.txt$/) }),
    ]);
  });
});

describe('parser failures', () => {
  const BOMB = [
    'a: &a ["x","x","x","x","x","x","x","x","x"]',
    'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
    'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
    'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
    'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
    'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
    'g: [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
  ].join('\n');

  it('reports a YAML alias bomb in Russian, naming the file', () => {
    const found = problems((c) => c.write('news/2025-10-03-bomb.md', `---\n${BOMB}\n---\nТекст\n`));
    expect(found).toEqual([
      expect.objectContaining({
        rule: 'yaml',
        file: expect.stringMatching(/2025-10-03-bomb\.md$/),
        message: expect.stringMatching(/ссыл/),
      }),
    ]);
  });

  it('reports a YAML bomb in a registry file and in a settings file', () => {
    const found = problems((c) => {
      c.write('registry/people/p-009.yaml', BOMB);
      c.write('monitoring/2026-2027.yaml', BOMB);
    });
    expect(
      found
        .filter((p) => p.rule === 'yaml')
        .map((p) => path.basename(p.file))
        .sort(),
    ).toEqual(['2026-2027.yaml', 'p-009.yaml']);
  });

  it('reports a file that is not UTF-8 instead of publishing garbled text', () => {
    const found = problems((c) => {
      const cp1251 = Buffer.from([
        0x2d, 0x2d, 0x2d, 0x0a, 0x74, 0x69, 0x74, 0x6c, 0x65, 0x3a, 0x20, 0xcf, 0xf0, 0xe8, 0x0a, 0x2d, 0x2d, 0x2d, 0x0a,
      ]);
      fs.writeFileSync(path.join(c.dir, 'news/2025-10-04-cp1251.md'), cp1251);
    });
    expect(found).toEqual([expect.objectContaining({ rule: 'encoding', file: expect.stringMatching(/cp1251\.md$/) })]);
  });

  it('--json prints a list for a bomb, and exits 1', async () => {
    content = tempContent();
    content.write('news/2025-10-03-bomb.md', `---\n${BOMB}\n---\n`);
    const r = await runNode(['scripts/validate.ts', '--json'], { CONTENT_DIR: content.dir });
    expect(r.code).toBe(1);
    const list = JSON.parse(r.stdout) as { rule: string }[];
    expect(list.map((p) => p.rule)).toEqual(['yaml']);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });
});

describe('file paths that leave their folder', () => {
  const documentWith = (file: string) => (c: TempContent) =>
    c.edit('documents/prikaz-o-nastavnichestve.md', (t) => t.replace(/^source: .*$/m, `file: ${file}`));

  for (const bad of [
    '/uploads/../../astro.config.mjs',
    '/uploads/documents/../../../content/registry/people/p-001.yaml',
    '/uploads/..%2f..%2fREADME.md',
    '/uploads/%2e%2e/README.md',
    '/uploads\\..\\README.md',
  ]) {
    it(`refuses a document file «${bad}»`, () => {
      const found = errorsOf(problems(documentWith(bad)));
      expect(found.map((p) => [p.field, p.rule])).toEqual([['file', 'schema']]);
    });
  }

  it('refuses an uploaded file that is a symlink out of the uploads folder', () => {
    const uploads = fs.mkdtempSync(path.join(os.tmpdir(), 'nastavnik-uploads-'));
    fs.mkdirSync(path.join(uploads, 'documents'));
    fs.symlinkSync(path.resolve('README.md'), path.join(uploads, 'documents', 'link.pdf'));
    const previous = process.env.UPLOADS_DIR;
    process.env.UPLOADS_DIR = uploads;
    try {
      const found = errorsOf(problems(documentWith('/uploads/documents/link.pdf')));
      expect(found).toContainEqual(expect.objectContaining({ field: 'file', rule: 'file-outside' }));
    } finally {
      if (previous === undefined) delete process.env.UPLOADS_DIR;
      else process.env.UPLOADS_DIR = previous;
      fs.rmSync(uploads, { recursive: true, force: true });
    }
  });

  for (const bad of ['../../registry/people/media/p-001.jpg', '../events/media/x.jpg', '/etc/x.jpg', 'media/../../registry/x.jpg']) {
    it(`refuses a cover image «${bad}» outside the entry's own folder`, () => {
      const found = errorsOf(
        problems((c) => {
          c.write('registry/people/media/p-001.jpg', 'x');
          c.write('events/media/x.jpg', 'x');
          c.edit('news/2025-09-01-start.md', (t) => t.replace('stage: 1', `stage: 1\ncover:\n  src: ${bad}\n  alt: Фото`));
        }),
      );
      expect(found.map((p) => [p.field, p.rule])).toEqual([['cover.src', 'file-outside']]);
    });
  }

  it('accepts a cover in the entry’s media folder', () => {
    const found = problems((c) => {
      c.write('news/media/x.jpg', 'x');
      c.edit('news/2025-09-01-start.md', (t) => t.replace('stage: 1', 'stage: 1\ncover:\n  src: ./media/x.jpg\n  alt: Фото'));
    });
    expect(errorsOf(found)).toEqual([]);
  });
});
