/**
 * Uploaded files are read like entry texts: a registry name without consent
 * in a document's text, metadata or hidden parts is reported by the content
 * review (so by `npm run validate`, the build and the CMS check), the file is
 * withheld and so is every entry that links it. A file nobody can read is
 * withheld too, never skipped.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Problem } from '../../src/lib/problems.ts';
import { reviewContent, type ContentIndex } from '../../src/privacy/gate.ts';
import { publishReviewedUploads } from '../../src/integrations/publish-uploads.ts';
import { extractUploads } from '../../src/privacy/upload-cache.ts';
import { extractUpload } from '../../src/privacy/upload-text.ts';
import { tempContent, type TempContent } from '../helpers/fixture.ts';
import { runNode } from '../helpers/run.ts';
import { docxFile, odfFile, pdfFile, putUpload, rtfFile, rtfHex, rtfUnicode, xlsxFile } from '../helpers/upload-files.ts';

const NAME = 'Образцов Илья Петрович';
const CLEAN = 'Положение о системе наставничества педагогических работников';

let content: TempContent;
let uploads: string;
let cache: string;
let index: ContentIndex;
const saved = { UPLOADS_DIR: process.env.UPLOADS_DIR, NASTAVNIK_CACHE_DIR: process.env.NASTAVNIK_CACHE_DIR };

/** Files whose visible text names p-002 (no dissemination consent). */
const NAMED_IN_TEXT = [
  'documents/imena.docx',
  'documents/tablica.xlsx',
  'documents/prikaz.pdf',
  'documents/spisok.odt',
  'documents/tablica.ods',
  'documents/spisok-utf8.csv',
  'documents/spisok-1251.csv',
  'documents/zametka.txt',
  'documents/pismo-hex.rtf',
  'documents/pismo-u.rtf',
];
/** Files whose text is clean but whose hidden parts name p-002. */
const NAMED_IN_HIDDEN_PARTS = ['documents/kommentarij.docx', 'documents/annotaciya.pdf'];
/** Files whose text is clean but whose metadata names a registry person. */
const NAMED_IN_METADATA = [
  'documents/avtor.pdf',
  'documents/xmp.pdf',
  'documents/svojstva.docx',
  'documents/meta.odt',
  'documents/info.rtf',
  'documents/avtor.xlsx',
];
const CLEAN_FILES = [
  'documents/chisto.pdf',
  'documents/chisto.csv',
  'documents/chisto.docx',
  'photos/foto.jpg',
  'documents/pustoj.txt',
  '.gitkeep',
];
const UNKNOWN = ['documents/arhiv.zip', 'documents/staryj.doc', 'documents/stranica.html'];

const of = (rel: string) => (p: Problem) => p.file.endsWith(`${path.basename(uploads)}/${rel}`);

beforeAll(async () => {
  content = tempContent();
  uploads = fs.mkdtempSync(path.join(os.tmpdir(), 'nastavnik-uploads-'));
  cache = fs.mkdtempSync(path.join(os.tmpdir(), 'nastavnik-uploads-cache-'));
  process.env.UPLOADS_DIR = uploads;
  process.env.NASTAVNIK_CACHE_DIR = cache;
  const put = (rel: string, bytes: Buffer | string) => putUpload(uploads, rel, bytes);

  put('documents/imena.docx', await docxFile([CLEAN, `Наставляемый: ${NAME}`]));
  put(
    'documents/tablica.xlsx',
    await xlsxFile([
      ['Роль', 'ФИО'],
      ['наставляемый', NAME],
    ]),
  );
  put('documents/prikaz.pdf', await pdfFile(['Приказ № 12', `Закрепить наставляемого ${NAME}`]));
  put('documents/spisok.odt', await odfFile('odt', [CLEAN, NAME]));
  put('documents/tablica.ods', await odfFile('ods', ['наставляемый', NAME]));
  put('documents/spisok-utf8.csv', `Роль;Фамилия;Имя;Отчество\nнаставляемый;Образцов;Илья;Петрович\n`);
  put('documents/spisok-1251.csv', iconv.encode(`Роль;ФИО\r\nнаставляемый;"${NAME}"\r\n`, 'windows-1251'));
  put('documents/zametka.txt', `Заметка. Наставляемый ${NAME} — открытый урок.\n`);
  put('documents/pismo-hex.rtf', rtfFile(rtfHex(`Наставляемый ${NAME}`)));
  put('documents/pismo-u.rtf', rtfFile(rtfUnicode(`Наставляемый ${NAME}`)));

  put('documents/kommentarij.docx', await docxFile([CLEAN], {}, { author: NAME, text: 'Проверить' }));
  put('documents/annotaciya.pdf', await pdfFile([CLEAN], {}, NAME));

  put('documents/avtor.pdf', await pdfFile([CLEAN], { author: NAME, title: 'Положение' }));
  put('documents/xmp.pdf', await pdfFile([CLEAN], { xmpCreator: NAME }));
  put(
    'documents/svojstva.docx',
    await docxFile([CLEAN], { author: 'Запасов Пётр Ильич', lastModifiedBy: 'Запасов П. И.', company: 'Школа № 1' }),
  );
  put('documents/meta.odt', await odfFile('odt', [CLEAN], { author: NAME }));
  put('documents/info.rtf', rtfFile(rtfHex(CLEAN), { author: NAME, company: 'Школа № 1' }));
  put(
    'documents/avtor.xlsx',
    await xlsxFile(
      [
        ['Показатель', 'Значение'],
        ['пары', '12'],
      ],
      { author: NAME },
    ),
  );

  put('documents/chisto.pdf', await pdfFile([CLEAN, 'Телефон школы +7 (812) 000-00-01']));
  put('documents/chisto.csv', 'Показатель;Значение\nпары;12\n');
  put('documents/chisto.docx', await docxFile([CLEAN]));
  put(
    'photos/foto.jpg',
    await sharp({ create: { width: 2, height: 2, channels: 3, background: '#fff' } })
      .jpeg()
      .toBuffer(),
  );
  put('documents/pustoj.txt', '');
  put('.gitkeep', '');

  put('documents/arhiv.zip', Buffer.from('PK\u0005\u0006' + '\0'.repeat(18), 'latin1'));
  put('documents/staryj.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
  put('documents/stranica.html', `<p>${NAME}</p>`);

  content.write(
    'documents/spisok-par.md',
    '---\ntitle: Список пар\nkind: order\nlevel: school\nnumber: 01-05/131\ndate: 2025-09-01\nfile: /uploads/documents/imena.docx\nstage: 3\n---\n',
  );
  content.write(
    'materials/pamyatka-2.md',
    '---\ntitle: Памятка 2\nsummary: Файл по ссылке.\ndate: 2025-10-01\ntype: checklist\nlink: https://school1.example/p2\n---\nСкачайте [таблицу](/uploads/documents/tablica.xlsx).\n',
  );
  content.write(
    'materials/pamyatka-3.md',
    '---\ntitle: Памятка 3\nsummary: Файл без персональных данных в тексте.\ndate: 2025-10-02\ntype: checklist\nlink: https://school1.example/p3\n---\nСкачайте [положение](/uploads/documents/avtor.pdf).\n',
  );
  index = reviewContent(content.dir);
}, 180_000);

afterAll(() => {
  content.cleanup();
  fs.rmSync(uploads, { recursive: true, force: true });
  fs.rmSync(cache, { recursive: true, force: true });
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

/** The problems found in uploads, printed when an expected one is missing. */
const uploadProblems = () =>
  JSON.stringify(
    index.problems.filter((p) => p.file.includes('uploads')),
    null,
    1,
  );

describe('the uploads review', () => {
  it.each(NAMED_IN_TEXT)('reports %s, which names a registry person in its text, and withholds it', (rel) => {
    const found = index.problems.filter(of(rel));
    expect(found.length, uploadProblems()).toBeGreaterThan(0);
    expect(found[0]).toMatchObject({ rule: 'pii-name', severity: 'error' });
    expect(found[0]!.message).toContain('p-002');
    expect(found[0]!.message).toContain(path.basename(rel));
    expect(found[0]!.message).not.toContain('Образцов');
    expect(index.uploads.get(`/uploads/${rel}`)?.action).toBe('withhold');
  });

  it.each(NAMED_IN_HIDDEN_PARTS)('reports %s, which names a registry person in a comment or annotation, and withholds it', (rel) => {
    const found = index.problems.filter(of(rel));
    expect(found.map((p) => p.rule)).toContain('pii-name');
    expect(index.uploads.get(`/uploads/${rel}`)?.action).toBe('withhold');
  });

  it.each(NAMED_IN_METADATA)('reports the metadata field of %s and publishes it stripped', (rel) => {
    const found = index.problems.filter(of(rel));
    expect(found.length, uploadProblems()).toBeGreaterThan(0);
    for (const p of found) {
      expect(p.severity).toBe('error');
      expect(p.field).toMatch(/^metadata\./);
      expect(p.message).toMatch(/метаданные (PDF|DOCX|ODT|RTF|XLSX)( \(XMP\))? — поле «[^»]+»/);
    }
    expect(index.uploads.get(`/uploads/${rel}`)?.action).toBe('strip');
  });

  it('names the PDF Author field', () => {
    expect(index.problems.find(of('documents/avtor.pdf'))?.message).toContain('метаданные PDF — поле «Автор»');
  });

  it('names DOCX creator and Company fields', () => {
    const messages = index.problems.filter(of('documents/svojstva.docx')).map((p) => p.message);
    expect(messages.join('\n')).toContain('p-003');
    expect(messages.some((m) => m.includes('«Автор»'))).toBe(true);
  });

  it.each(CLEAN_FILES)('publishes %s, which is clean, without a problem', (rel) => {
    expect(index.problems.filter(of(rel))).toEqual([]);
    expect(index.uploads.get(`/uploads/${rel}`)?.action).toMatch(/^(publish|strip)$/);
  });

  it.each(UNKNOWN)('reports %s, a type it cannot read, and withholds it', (rel) => {
    const found = index.problems.filter(of(rel));
    expect(found.map((p) => p.rule)).toEqual(['upload-unknown-type']);
    expect(index.uploads.get(`/uploads/${rel}`)?.action).toBe('withhold');
  });

  it('withholds every entry that links a withheld file, by a file field or a link in the text', () => {
    expect(index.withheld.get('documents')?.has('spisok-par')).toBe(true);
    expect(index.withheld.get('materials')?.has('pamyatka-2')).toBe(true);
    const entry = index.problems.find((p) => p.file.endsWith('documents/spisok-par.md'));
    expect(entry).toMatchObject({ rule: 'pii-name', field: 'file' });
    expect(entry!.message).toContain('/uploads/documents/imena.docx');
  });

  it('keeps entries that link a file published without its metadata', () => {
    expect(index.withheld.get('materials')?.has('pamyatka-3') ?? false).toBe(false);
  });

  it('reuses extracted text from the cache for unchanged files', async () => {
    const files = [path.join(uploads, 'documents/prikaz.pdf'), path.join(uploads, 'documents/imena.docx')];
    const again = extractUploads(files);
    expect(again.extracted).toBe(0);
    const pdf = again.results.get(files[0]!);
    expect(pdf && 'sections' in pdf && pdf.sections.some((s) => s.kind === 'text' && s.text.includes('Образцов'))).toBe(true);
  });
});

describe('publishing the reviewed uploads', () => {
  it('removes what the review did not let through and what changed since', async () => {
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'nastavnik-uploads-dist-'));
    try {
      fs.cpSync(uploads, path.join(dist, 'uploads'), { recursive: true });
      putUpload(path.join(dist, 'uploads'), 'documents/nikto-ne-videl.pdf', 'x');
      const verdicts = new Map(index.uploads);
      const csv = verdicts.get('/uploads/documents/chisto.csv')!;
      verdicts.set('/uploads/documents/chisto.csv', { ...csv, hash: 'a'.repeat(64) });
      const report = await publishReviewedUploads(dist, verdicts);
      const published = (rel: string) => fs.existsSync(path.join(dist, 'uploads', rel));
      expect(report.failed).toEqual(['/uploads/documents/chisto.csv']);
      expect(published('documents/chisto.csv')).toBe(false);
      expect(published('documents/nikto-ne-videl.pdf')).toBe(false);
      for (const rel of [...NAMED_IN_TEXT, ...NAMED_IN_HIDDEN_PARTS, ...UNKNOWN]) expect(published(rel), rel).toBe(false);
      for (const rel of NAMED_IN_METADATA) {
        const copy = await extractUpload(fs.readFileSync(path.join(dist, 'uploads', rel)), path.extname(rel).slice(1));
        expect(
          copy.sections.filter((s) => s.kind === 'metadata'),
          rel,
        ).toEqual([]);
        expect(copy.sections.map((s) => s.text).join('\n'), rel).not.toMatch(/Образцов|Запасов/);
      }
      expect(report.stripped.sort()).toEqual(expect.arrayContaining(NAMED_IN_METADATA.map((r) => `/uploads/${r}`).sort()));
    } finally {
      fs.rmSync(dist, { recursive: true, force: true });
    }
  });
});

describe('npm run validate', () => {
  it('exits 3 (published without it, tell the curator) and lists the uploaded file', async () => {
    const r = await runNode(['scripts/validate.ts', '--json'], {
      CONTENT_DIR: content.dir,
      UPLOADS_DIR: uploads,
      NASTAVNIK_CACHE_DIR: cache,
    });
    expect(r.code).toBe(3);
    const problems = JSON.parse(r.stdout) as Problem[];
    expect(problems.some((p) => p.file.endsWith('documents/prikaz.pdf') && p.rule === 'pii-name')).toBe(true);
    expect(problems.some((p) => p.file.endsWith('documents/avtor.pdf') && p.field === 'metadata.Author')).toBe(true);
  });
});
