/**
 * Under `npm start` a file the editor uploads is checked before it is
 * written: a document naming a registry person without consent (in its
 * text or in a comment), or one with a personal phone, is refused with the
 * person named; a clean document and a document whose name sits only in
 * its metadata (published without it) pass.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadProblems } from '../../../cms/server/upload-check.ts';
import { tempContent, type TempContent } from '../../helpers/fixture.ts';
import { docxFile, pdfFile } from '../../helpers/upload-files.ts';

let content: TempContent;
const saved = process.env.CONTENT_DIR;
beforeAll(() => {
  content = tempContent();
  process.env.CONTENT_DIR = content.dir;
});
afterAll(() => {
  if (saved === undefined) delete process.env.CONTENT_DIR;
  else process.env.CONTENT_DIR = saved;
  content.cleanup();
});

const media = (path: string, bytes: Buffer) => ({
  action: 'persistMedia',
  params: { branch: 'main', asset: { path, content: bytes.toString('base64'), encoding: 'base64' } },
});

describe('uploads checked by the CMS before they are written', () => {
  it('refuses a document naming a registry person without consent, by name', async () => {
    const found = uploadProblems(media('public/uploads/documents/spisok.docx', await docxFile(['Наставляемый: Образцов Илья Петрович'])));
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('Образцов Илья Петрович');
    expect(found[0]!.message).not.toContain('p-002');
  });

  it('reads every file of a save, also two of one name in different folders', async () => {
    const asset = (path: string, bytes: Buffer) => ({ path, content: bytes.toString('base64'), encoding: 'base64' });
    const body = {
      action: 'persistEntry',
      params: {
        branch: 'main',
        assets: [
          asset('public/uploads/documents/plan.docx', await docxFile(['Наставляемый: Образцов Илья Петрович'])),
          asset('public/uploads/materials/plan.docx', await docxFile(['План работы на год'])),
        ],
      },
    };
    const found = uploadProblems(body);
    expect(found).toHaveLength(1);
    expect(found[0]!.file).toContain('documents/plan.docx');
  });

  it('refuses a name hidden in a comment and a personal phone in a PDF, also in a save with several files', async () => {
    const body = {
      action: 'persistEntry',
      params: {
        assets: [
          {
            path: 'public/uploads/a.docx',
            content: (await docxFile(['Отчёт'], {}, { author: 'Образцов Илья Петрович', text: 'ок' })).toString('base64'),
            encoding: 'base64',
          },
          {
            path: 'public/uploads/b.pdf',
            content: (await pdfFile(['Звоните: +7 (921) 555-12-34'])).toString('base64'),
            encoding: 'base64',
          },
        ],
      },
    };
    expect(
      uploadProblems(body)
        .map((p) => p.rule)
        .sort(),
    ).toEqual(['pii-contact', 'pii-name']);
  });

  it('lets a clean document and a name in metadata alone through', async () => {
    expect(uploadProblems(media('public/uploads/ok.docx', await docxFile(['План работы на год'])))).toEqual([]);
    expect(uploadProblems(media('public/uploads/meta.pdf', await pdfFile(['Положение'], { author: 'Образцов Илья Петрович' })))).toEqual(
      [],
    );
  });
});
