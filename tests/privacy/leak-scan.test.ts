/**
 * The leak scan reads a built site the way readers and machines do: HTML,
 * escaped JSON and JS, Pagefind's compressed fragments, image metadata,
 * calendars. It looks for registry names, contacts and identity numbers,
 * and skips only files that are copies of a build made from source code.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import iconv from 'iconv-lite';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { placeOfFile } from '../../src/privacy/consent-policy.ts';
import { scanForLeaks } from '../../src/privacy/leak-scan.ts';
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
    expect(leaks).toEqual([{ file: 'news/x/index.html', rule: 'pii-name', personId: 'p-001', via: 'html' }]);
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
    expect(leaks).toEqual([{ file: 'pagefind/fragment/ru_abc.pf_fragment', rule: 'pii-name', personId: 'p-001', via: 'pagefind' }]);
  });

  it('reads the bank’s own index as the search index, not as the practice pages it comes from', async () => {
    const text = 'Автор практики — Ирина Анатольевна Шевченко.';
    const fragment = zlib.gzipSync(Buffer.concat([Buffer.from('pagefind_dcd'), Buffer.from(JSON.stringify({ content: text }))]));
    const root = site({
      'practices/x/index.html': `<p>${text}</p>`,
      'pagefind/bank/fragment/ru_abc.pf_fragment': fragment,
    });
    const { leaks } = await scanForLeaks({ dir: root, people, policy });
    expect(leaks).toEqual([{ file: 'pagefind/bank/fragment/ru_abc.pf_fragment', rule: 'pii-name', personId: 'p-002', via: 'pagefind' }]);
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
    expect(leaks).toEqual([{ file: '_astro/photo.jpg', rule: 'pii-name', personId: 'p-001', via: 'image-metadata' }]);
  });

  it('reuses clean verdicts of unchanged files, and never a leak', async () => {
    const root = site({ 'news/a/index.html': '<p>Чистая страница</p>', 'news/b/index.html': '<p>Павел Сергеевич Орёл</p>' });
    const cacheFile = path.join(root, '..', `${path.basename(root)}-clean.json`);
    try {
      const first = await scanForLeaks({ dir: root, people, policy, cacheFile });
      const second = await scanForLeaks({ dir: root, people, policy, cacheFile });
      expect([first.reused, second.reused]).toEqual([0, 1]);
      expect(second.leaks).toEqual([{ file: 'news/b/index.html', rule: 'pii-name', personId: 'p-001', via: 'html' }]);
      fs.writeFileSync(path.join(root, 'news/a/index.html'), '<p>Поздравляем П. С. Орла</p>');
      const third = await scanForLeaks({ dir: root, people, policy, cacheFile });
      expect(third.reused).toBe(0);
      expect(third.leaks.map((l) => l.file).sort()).toEqual(['news/a/index.html', 'news/b/index.html']);
    } finally {
      fs.rmSync(cacheFile, { force: true });
    }
  });

  it('reads nothing again whose bytes it has found clean before at the same place: pages, images, documents', async () => {
    const jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#fff' } })
      .jpeg()
      .toBuffer();
    const root = site({
      'news/a/index.html': '<p>Чистая страница</p>',
      '_astro/photo.jpg': jpeg,
      'uploads/documents/plan.pdf': await pdfFile(['План работы наставников на год']),
    });
    const cacheFile = path.join(root, '..', `${path.basename(root)}-clean.json`);
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'nastavnik-leak-bytes-cache-'));
    const previous = process.env.NASTAVNIK_CACHE_DIR;
    process.env.NASTAVNIK_CACHE_DIR = cache;
    try {
      const first = await scanForLeaks({ dir: root, people, policy, cacheFile });
      expect([first.files, first.read, first.reused]).toEqual([3, 3, 0]);
      const second = await scanForLeaks({ dir: root, people, policy, cacheFile });
      expect([second.files, second.read, second.reused]).toEqual([3, 0, 3]);
      // The same bytes at a place where other people may be named (p-002 in the bank): read again.
      fs.cpSync(path.join(root, 'news/a'), path.join(root, 'practices/a'), { recursive: true });
      const third = await scanForLeaks({ dir: root, people, policy, cacheFile });
      expect([third.files, third.read, third.reused]).toEqual([4, 1, 3]);
    } finally {
      process.env.NASTAVNIK_CACHE_DIR = previous;
      fs.rmSync(cacheFile, { force: true });
      fs.rmSync(cache, { recursive: true, force: true });
    }
  });

  it('finds a disguised name as the reader sees it', async () => {
    const root = site({ 'news/x/index.html': '<p>Поздравляем Павла Серг&#1077;евича О<b>рла</b> и Пaвлa Opлa!</p>' });
    const { leaks } = await scanForLeaks({ dir: root, people, policy });
    expect(leaks).toEqual([{ file: 'news/x/index.html', rule: 'pii-name', personId: 'p-001', via: 'html' }]);
  });

  it('finds contacts and identity numbers, but not the school’s own', async () => {
    const fragment = zlib.gzipSync(
      Buffer.concat([Buffer.from('pagefind_dcd'), Buffer.from(JSON.stringify({ content: 'Анкета: СНИЛС 112-233-445 95.' }))]),
    );
    const root = site({
      'news/a/index.html': '<p>Звоните наставнику: +7 (921) 123-45-67.</p><footer>+7 (812) 000-00-01, info@school1.example</footer>',
      'practices.json': JSON.stringify([{ title: 'Практика', contact: 'ivanova.m@mail.ru', school: 'info@school1.example' }]),
      'pagefind/fragment/ru_abc.pf_fragment': fragment,
      'index.html': '<footer>Приёмная: +7 (812) 000-00-01, <a href="mailto:info@school1.example">info@school1.example</a></footer>',
    });
    const { leaks } = await scanForLeaks({ dir: root, people, policy, allowContacts: ['+7 (812) 000-00-01', 'info@school1.example'] });
    expect(leaks.sort((a, b) => a.file.localeCompare(b.file))).toEqual([
      { file: 'news/a/index.html', rule: 'pii-contact', kind: 'phone', excerpt: '+7 (•••) •••-••-67', via: 'html' },
      { file: 'pagefind/fragment/ru_abc.pf_fragment', rule: 'pii-id-number', kind: 'snils', excerpt: '•••-•••-••• ••', via: 'pagefind' },
      { file: 'practices.json', rule: 'pii-contact', kind: 'email', excerpt: 'i…@mail.ru', via: 'json' },
    ]);
  });

  it('reads calendars unfolded, without taking event UIDs for e-mails', async () => {
    const ics = [
      'BEGIN:VCALENDAR',
      'BEGIN:VEVENT',
      'UID:regionalnyy-seminar-nastavnichestvo-pedagogov-2026@nastavnik.school.\r\n example',
      'SUMMARY:Семинар',
      'DESCRIPTION:Запись по телефону 8 921 1\r\n 23-45-67\\, до пятницы.',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const root = site({ 'events/calendar.ics': ics });
    const { leaks } = await scanForLeaks({ dir: root, people, policy });
    expect(leaks).toEqual([{ file: 'events/calendar.ics', rule: 'pii-contact', kind: 'phone', excerpt: '8 ••• •••-••-67', via: 'ics' }]);
  });

  it('scans no number patterns in Pagefind word lists, where neighbouring words are unrelated', async () => {
    const words = ['107', '108', '109', '11', '8', '921', '123', '45', '67'].join(' ');
    const root = site({ 'pagefind/index/ru_1.pf_index': zlib.gzipSync(Buffer.from(`pagefind_dcd${words}`)) });
    expect((await scanForLeaks({ dir: root, people, policy })).leaks).toEqual([]);
  });

  it('does not take a package version for an e-mail', async () => {
    const root = site({ '_astro/app.js': 'console.log(`decap-cms-app@3.16.3`, "react@19.1.0");' });
    expect((await scanForLeaks({ dir: root, people, policy })).leaks).toEqual([]);
  });

  it('skips a copy of the CMS bundle only while it is byte-identical to the bundle built from source', async () => {
    const people2 = [
      ...people,
      { ...people[0]!, id: 'p-003', name: { last: 'Чернова', first: 'Мария', middle: 'Ивановна' }, gender: 'female' },
    ] as Person[];
    const bundle = 'const bg = { draft: "Чернова", status: "Чернова" };';
    const root = site({
      'admin/cms-0123456789abcdef/main.js': bundle,
      'admin/cms-0123456789abcdef/extra.js': 'const x = "Мария Ивановна Чернова";',
      'admin/index.html': '<script type="application/json" id="cms-config">{"hint":"Автор — Мария Ивановна Чернова"}</script>',
      'admin/taken.json': JSON.stringify({ programs: { code: { 'НП-1': 'content/programs/chernova-m-i.md', author: 'Чернова М. И.' } } }),
    });
    const source = fs.mkdtempSync(path.join(os.tmpdir(), 'nastavnik-bundle-src-'));
    try {
      fs.writeFileSync(path.join(source, 'main.js'), bundle);
      fs.writeFileSync(path.join(source, 'extra.js'), 'const x = "другой текст";');
      const { leaks } = await scanForLeaks({
        dir: root,
        people: people2,
        policy,
        sourceOnly: [{ dir: 'admin/cms-0123456789abcdef', source }],
      });
      expect(leaks.map((l) => l.file).sort()).toEqual(['admin/cms-0123456789abcdef/extra.js', 'admin/index.html', 'admin/taken.json']);
    } finally {
      fs.rmSync(source, { recursive: true, force: true });
    }
  });

  it('does not reuse a clean verdict once the allowed contacts change', async () => {
    const root = site({ 'news/a/index.html': '<p>Приёмная: +7 (812) 000-00-01</p>' });
    const cacheFile = path.join(root, '..', `${path.basename(root)}-clean.json`);
    try {
      const first = await scanForLeaks({ dir: root, people, policy, cacheFile, allowContacts: ['+7 (812) 000-00-01'] });
      const second = await scanForLeaks({ dir: root, people, policy, cacheFile });
      expect(first.leaks).toEqual([]);
      expect(second.leaks.map((l) => l.rule)).toEqual(['pii-contact']);
    } finally {
      fs.rmSync(cacheFile, { force: true });
    }
  });

  it('maps files to their place on the site', () => {
    expect(placeOfFile('programs/x/index.html')).toBe('program');
    expect(placeOfFile('pagefind/fragment/a.pf_fragment')).toBe('search-index');
    expect(placeOfFile('pagefind/bank/fragment/a.pf_fragment')).toBe('search-index');
    expect(placeOfFile('pagefind/bank/pagefind.ru_1.pf_meta')).toBe('search-index');
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
