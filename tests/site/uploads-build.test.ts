/**
 * What reaches dist/uploads/: exactly the reviewed files of the uploads
 * folder. A document naming a registry person without consent is not
 * there, nor is the entry that links it; a document whose only problem is
 * its metadata is there without it; a clean file is there as it was.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractUpload } from '../../src/privacy/upload-text.ts';
import { tempContent, type TempContent } from '../helpers/fixture.ts';
import { astroBuild, type RunResult } from '../helpers/run.ts';
import { docxFile, odfFile, pdfFile, putUpload, rtfFile, rtfHex } from '../helpers/upload-files.ts';

const NAME = 'Образцов Илья Петрович';
const CLEAN = 'Положение о системе наставничества педагогических работников';

let content: TempContent;
let uploads: string;
let dist: string;
let build: RunResult;

const published = (rel: string) => path.join(dist, 'uploads', rel);

beforeAll(async () => {
  content = tempContent();
  uploads = fs.mkdtempSync(path.join(os.tmpdir(), 'nastavnik-uploads-'));
  const put = (rel: string, bytes: Buffer | string) => putUpload(uploads, rel, bytes);
  put('documents/imena.docx', await docxFile([CLEAN, `Наставляемый: ${NAME}`]));
  put('documents/prikaz.pdf', await pdfFile([`Закрепить наставляемого ${NAME}`]));
  put('documents/spisok.csv', `Фамилия;Имя;Отчество\nОбразцов;Илья;Петрович\n`);
  put('documents/avtor.pdf', await pdfFile([CLEAN], { author: NAME, title: 'Положение' }));
  put('documents/svojstva.docx', await docxFile([CLEAN], { author: NAME, lastModifiedBy: NAME, company: 'Школа № 1' }));
  put('documents/meta.odt', await odfFile('odt', [CLEAN], { author: NAME, lastModifiedBy: NAME }));
  put('documents/info.rtf', rtfFile(rtfHex(CLEAN), { author: NAME, operator: NAME }));
  put('documents/chisto.csv', 'Показатель;Значение\nпары;12\n');
  put('documents/arhiv.zip', Buffer.from('PK\u0005\u0006' + '\0'.repeat(18), 'latin1'));
  content.write(
    'documents/spisok-par.md',
    '---\ntitle: Список пар\nkind: order\nlevel: school\nnumber: 01-05/131\ndate: 2025-09-01\nfile: /uploads/documents/imena.docx\nstage: 3\n---\n',
  );
  content.write(
    'documents/polozhenie.md',
    '---\ntitle: Положение о наставничестве\nkind: regulation\nlevel: school\nnumber: 01-05/101\ndate: 2025-09-01\nfile: /uploads/documents/avtor.pdf\nstage: 1\n---\n',
  );
  dist = path.join(content.dir, '..', `${path.basename(content.dir)}-dist`);
  build = await astroBuild(dist, {
    CONTENT_DIR: content.dir,
    UPLOADS_DIR: uploads,
  });
}, 400_000);

afterAll(() => {
  content.cleanup();
  for (const dir of [uploads, dist]) fs.rmSync(dir, { recursive: true, force: true });
});

describe('a build with uploaded files', () => {
  it('succeeds and says what it did with them, without names', () => {
    expect(build.code, build.stdout + build.stderr).toBe(0);
    const log = build.stdout + build.stderr;
    expect(log).toMatch(/documents\/prikaz\.pdf/);
    expect(log).not.toContain('Образцов');
  });

  it('does not publish a file whose text names a registry person, nor an unreadable type', () => {
    for (const rel of ['documents/imena.docx', 'documents/prikaz.pdf', 'documents/spisok.csv', 'documents/arhiv.zip'])
      expect(fs.existsSync(published(rel)), rel).toBe(false);
  });

  it('withholds the entry that links a withheld file', () => {
    expect(fs.existsSync(path.join(dist, 'documents/spisok-par/index.html'))).toBe(false);
    expect(fs.existsSync(path.join(dist, 'documents/polozhenie/index.html'))).toBe(true);
  });

  it('publishes only the uploads folder it was given', () => {
    expect(fs.existsSync(published('documents/polozhenie-o-sisteme-nastavnichestva.pdf'))).toBe(false);
  });

  it('publishes a clean file unchanged', () => {
    expect(fs.readFileSync(published('documents/chisto.csv'))).toEqual(fs.readFileSync(path.join(uploads, 'documents/chisto.csv')));
  });

  it('publishes a PDF without its Info metadata, with the same text', async () => {
    const bytes = fs.readFileSync(published('documents/avtor.pdf'));
    const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(pdf.getAuthor()).toBeUndefined();
    expect(pdf.getTitle()).toBeUndefined();
    expect(bytes.toString('latin1')).not.toMatch(/\/Author/);
    const before = await extractUpload(fs.readFileSync(path.join(uploads, 'documents/avtor.pdf')), 'pdf');
    const after = await extractUpload(bytes, 'pdf');
    expect(after.sections.filter((s) => s.kind === 'text')).toEqual(before.sections.filter((s) => s.kind === 'text'));
    expect(after.sections.filter((s) => s.kind === 'metadata')).toEqual([]);
  });

  it('publishes DOCX and ODT without their properties, still readable', async () => {
    const docx = await JSZip.loadAsync(fs.readFileSync(published('documents/svojstva.docx')));
    const core = await docx.file('docProps/core.xml')!.async('string');
    const app = await docx.file('docProps/app.xml')!.async('string');
    expect(core).not.toMatch(/Образцов|creator>|lastModifiedBy>/);
    expect(app).not.toMatch(/Company|Manager/);
    const odt = await JSZip.loadAsync(fs.readFileSync(published('documents/meta.odt')));
    expect(await odt.file('meta.xml')!.async('string')).not.toMatch(/Образцов|initial-creator/);
    expect(Object.keys(odt.files)[0]).toBe('mimetype');
    for (const [rel, kind] of [
      ['documents/svojstva.docx', 'docx'],
      ['documents/meta.odt', 'odt'],
    ] as const) {
      const read = await extractUpload(fs.readFileSync(published(rel)), kind);
      expect(read.sections.find((s) => s.kind === 'text')?.text).toContain(CLEAN);
    }
  });

  it('publishes RTF without its \\info group', () => {
    const rtf = fs.readFileSync(published('documents/info.rtf'), 'latin1');
    expect(rtf).not.toContain('\\info');
    expect(rtf).toContain(rtfHex(CLEAN));
  });

  it('leaves no registry name in any published upload', async () => {
    for (const rel of fs.readdirSync(path.join(dist, 'uploads'), { recursive: true }) as string[]) {
      const abs = published(rel);
      if (!fs.statSync(abs).isFile()) continue;
      const read = await extractUpload(fs.readFileSync(abs), path.extname(rel).slice(1));
      expect(read.sections.map((s) => s.text).join('\n'), rel).not.toContain('Образцов');
    }
  });
});
