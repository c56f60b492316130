/**
 * The leak scan reads a built site the way readers and machines do: HTML,
 * escaped JSON and JS, Pagefind's compressed fragments, image metadata.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import iconv from 'iconv-lite';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { placeOfFile, scanForLeaks } from '../../src/privacy/leak-scan.ts';
import type { Person } from '../../src/schema/registry.ts';
import { docxFile, pdfFile, xlsxFile } from '../helpers/upload-files.ts';

const SITE = 'https://nastavnik.school.example/';
const policy = { today: '2026-03-01', siteUrl: SITE };

const base = {
  demo: true,
  roles: ['mentor'],
  position: 'учитель',
  subjects: [],
  category: 'highest',
  teachingSince: 2001,
  requests: [],
  competencies: [],
  capacity: 2,
  preferredForms: [],
  preferredPeople: [],
} as const;

const people = [
  {
    ...base,
    id: 'p-001',
    name: { last: 'Орёл', first: 'Павел', middle: 'Сергеевич' },
    gender: 'male',
    consents: { processing: { signed: '2025-09-01' } },
  },
  {
    ...base,
    id: 'p-002',
    name: { last: 'Шевченко', first: 'Ирина', middle: 'Анатольевна' },
    gender: 'female',
    consents: {
      processing: { signed: '2025-09-01' },
      dissemination: { signed: '2025-09-01', resources: [`${SITE}practices/`], allow: ['name'] },
    },
  },
] as unknown as Person[];

let dir: string;
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function site(files: Record<string, string | Buffer>): string {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nastavnik-leak-'));
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), content);
  }
  return dir;
}

describe('scanForLeaks', () => {
  it('finds a name in HTML, even behind entities and in another case', async () => {
    const root = site({
      'news/x/index.html': '<p>Поздравляем&nbsp;Павла&nbsp;Сергеевича&nbsp;Орла!</p>',
      'index.html': '<p>Чистая страница</p>',
    });
    const { leaks } = await scanForLeaks({ dir: root, people, policy });
    expect(leaks).toEqual([{ file: 'news/x/index.html', personId: 'p-001', via: 'html' }]);
  });

  it('permits a name only where the consent allows it', async () => {
    const root = site({
      'practices/a/index.html': '<p>Автор: Ирина Анатольевна Шевченко</p>',
      'programs/b/index.html': '<p>Наставник — Ирина Анатольевна Шевченко</p>',
    });
    const { leaks } = await scanForLeaks({ dir: root, people, policy });
    expect(leaks.map((l) => l.file)).toEqual(['programs/b/index.html']);
  });

  it('reads escaped JSON and JavaScript', async () => {
    const escaped = JSON.stringify({ author: 'Павел Орёл' }).replace(
      /[^\x00-\x7f]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
    const root = site({ 'practices.json': escaped, '_astro/app.js': `const a = "${escaped.slice(11, -2)}";` });
    const { leaks } = await scanForLeaks({ dir: root, people, policy });
    expect(leaks.map((l) => `${l.file}:${l.via}`).sort()).toEqual(['_astro/app.js:js', 'practices.json:json']);
  });

  it("unpacks Pagefind's compressed fragments", async () => {
    const fragment = zlib.gzipSync(
      Buffer.concat([Buffer.from('pagefind_dcd'), Buffer.from(JSON.stringify({ content: 'Открытый урок провёл П. С. Орёл.' }))]),
    );
    const root = site({ 'pagefind/fragment/ru_abc.pf_fragment': fragment });
    const { leaks } = await scanForLeaks({ dir: root, people, policy });
    expect(leaks).toEqual([{ file: 'pagefind/fragment/ru_abc.pf_fragment', personId: 'p-001', via: 'pagefind' }]);
  });

  it('reads image metadata (XMP written by a photo editor)', async () => {
    const xmp = `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator><rdf:Seq><rdf:li>Павел Сергеевич Орёл</rdf:li></rdf:Seq></dc:creator></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;
    const jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#fff' } })
      .jpeg()
      .withXmp(xmp)
      .toBuffer();
    const root = site({
      '_astro/photo.jpg': jpeg,
      '_astro/clean.jpg': await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } })
        .jpeg()
        .toBuffer(),
    });
    const { leaks } = await scanForLeaks({ dir: root, people, policy });
    expect(leaks).toEqual([{ file: '_astro/photo.jpg', personId: 'p-001', via: 'image-metadata' }]);
  });

  it('reuses clean verdicts of unchanged files, and never a leak', async () => {
    const root = site({ 'news/a/index.html': '<p>Чистая страница</p>', 'news/b/index.html': '<p>Павел Сергеевич Орёл</p>' });
    const cacheFile = path.join(root, '..', `${path.basename(root)}-clean.json`);
    try {
      const first = await scanForLeaks({ dir: root, people, policy, cacheFile });
      const second = await scanForLeaks({ dir: root, people, policy, cacheFile });
      expect([first.reused, second.reused]).toEqual([0, 1]);
      expect(second.leaks).toEqual([{ file: 'news/b/index.html', personId: 'p-001', via: 'html' }]);
      fs.writeFileSync(path.join(root, 'news/a/index.html'), '<p>Поздравляем П. С. Орла</p>');
      const third = await scanForLeaks({ dir: root, people, policy, cacheFile });
      expect(third.reused).toBe(0);
      expect(third.leaks.map((l) => l.file).sort()).toEqual(['news/a/index.html', 'news/b/index.html']);
    } finally {
      fs.rmSync(cacheFile, { force: true });
    }
  });

  it('maps files to their place on the site', () => {
    expect(placeOfFile('programs/x/index.html')).toBe('programme');
    expect(placeOfFile('pagefind/fragment/a.pf_fragment')).toBe('search-index');
    expect(placeOfFile('news/feed.xml')).toBe('feed');
    expect(placeOfFile('og/news/x.png')).toBe('og-image');
    expect(placeOfFile('index.html')).toBe('home');
    expect(placeOfFile('uploads/documents/prikaz.pdf')).toBe('upload');
  });

  it('reads uploaded documents: their text, metadata and hidden parts, CSV in Windows-1251', async () => {
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'nastavnik-leak-uploads-cache-'));
    const previous = process.env.NASTAVNIK_CACHE_DIR;
    process.env.NASTAVNIK_CACHE_DIR = cache;
    try {
      const root = site({
        'uploads/a.docx': await docxFile(['Открытый урок провёл Павел Сергеевич Орёл.']),
        'uploads/b.pdf': await pdfFile(['Положение'], { author: 'Орёл Павел Сергеевич' }),
        'uploads/c.csv': iconv.encode('Фамилия;Имя\nОрёл;Павел\n', 'windows-1251'),
        'uploads/d.xlsx': await xlsxFile([['Показатель', 'Значение']]),
      });
      const result = await scanForLeaks({ dir: root, people, policy });
      expect(result.leaks.map((l) => [l.file, l.via]).sort()).toEqual([
        ['uploads/a.docx', 'document'],
        ['uploads/b.pdf', 'document'],
        ['uploads/c.csv', 'document'],
      ]);
    } finally {
      if (previous === undefined) delete process.env.NASTAVNIK_CACHE_DIR;
      else process.env.NASTAVNIK_CACHE_DIR = previous;
      fs.rmSync(cache, { recursive: true, force: true });
    }
  });
});
