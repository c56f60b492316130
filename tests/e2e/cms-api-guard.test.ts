/**
 * The CMS's local API under a real `npm start`, attacked: from a foreign
 * host name (DNS rebinding), from a foreign page, without or with a wrong
 * key, at files outside the folders the CMS config declares (the Astro
 * config, pages, scripts, Git hooks, the README, the registry through another
 * collection), with `../`, absolute, backslash and %-encoded paths, a rename
 * of a registry file into public/uploads, symlinks out of an allowed folder,
 * oversized and malformed bodies. Every attempt is refused with a short
 * Russian JSON error; afterwards the project's files hash as before, the
 * code an attacker tried to plant never ran, and the log never shows a body.
 * Ordinary requests still work, so the refusals are not a dead endpoint.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, ROOT } from '../helpers/paths.ts';
import { startDevServer, type DevServer } from '../helpers/dev-server.ts';
import { docxFile } from '../helpers/upload-files.ts';

/** A string every hostile body carries, so the log can be searched for it. */
const TOKEN = 'HOSTILE-BODY-4f9c2e';

let server: DevServer;
let site: URL;
let api: URL;
/** Content root relative to the project, as the CMS names paths. */
let rel: string;
let marker: string;

/** Files whose bytes must not change, and paths that must not appear. */
const WATCHED = ['astro.config.mjs', 'README.md', 'package.json', 'src/pages', 'scripts', 'public/uploads', 'cms'];
const MUST_NOT_EXIST = [
  'src/pages/x.astro',
  'scripts/x.ts',
  'public/uploads/p-001.yaml',
  'public/uploads/evil.html',
  'public/evil.html',
  'scripts/evil.jpg',
  'x.md',
];
const saved = new Map<string, Buffer>();
const HOOK = path.join(ROOT, '.git/hooks/pre-commit');
let hook: Buffer | undefined;

function filesUnder(abs: string): string[] {
  if (!fs.existsSync(abs)) return [];
  const stat = fs.lstatSync(abs);
  if (!stat.isDirectory()) return [abs];
  return fs.readdirSync(abs).flatMap((name) => filesUnder(path.join(abs, name)));
}

function treeHash(roots: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of roots.flatMap((r) => filesUnder(path.join(ROOT, r))).sort()) {
    out.set(path.relative(ROOT, file), createHash('sha256').update(fs.readFileSync(file)).digest('hex'));
  }
  return out;
}

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

interface RequestOptions {
  method?: string;
  url?: URL;
  host?: string;
  /** null: no Origin header. */
  origin?: string | null;
  contentType?: string;
  headers?: Record<string, string>;
}

/** A raw HTTP request, so Host and Origin can be anything an attacker sends. */
function send(body: string | Buffer, options: RequestOptions = {}): Promise<Reply> {
  const url = options.url ?? api;
  const headers: Record<string, string> = {
    host: options.host ?? url.host,
    'content-type': options.contentType ?? 'application/json; charset=utf-8',
    ...options.headers,
  };
  const origin = options.origin === undefined ? site.origin : options.origin;
  if (origin !== null) headers.origin = origin;
  return new Promise((resolve, reject) => {
    const req = http.request(
      { hostname: url.hostname, port: url.port, path: url.pathname, method: options.method ?? 'POST', headers, timeout: 30_000 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (e: NodeJS.ErrnoException) =>
      // A server may answer a too-large body and close before reading it all.
      e.code === 'EPIPE' || e.code === 'ECONNRESET'
        ? resolve({ status: 413, headers: {}, text: '{"error":"соединение закрыто"}' })
        : reject(e),
    );
    req.end(body);
  });
}

const json = (value: unknown) => JSON.stringify(value);

/** The reply is a refusal: the status, and a short Russian JSON error without a stack trace or a local path. */
function expectRefused(reply: Reply, status: number | number[]): void {
  expect([status].flat(), reply.text.slice(0, 300)).toContain(reply.status);
  expect(reply.headers['content-type'] ?? 'application/json').toContain('application/json');
  const body = JSON.parse(reply.text) as { error?: string };
  expect(body.error).toMatch(/[а-яё]/i);
  expect(body.error!.length).toBeLessThan(300);
  expect(reply.text).not.toContain(ROOT);
  expect(reply.text).not.toMatch(/\bat .+:\d+:\d+/);
  expect(reply.text).not.toContain(TOKEN);
}

const persist = (collectionName: string, dataFiles: object[], assets: object[] = []) =>
  json({
    action: 'persistEntry',
    params: {
      branch: 'main',
      dataFiles,
      assets,
      options: { collectionName, commitMessage: TOKEN, useWorkflow: false, status: 'draft', hasSubfolders: true },
    },
  });

const injected = () => `import fs from 'node:fs';\nfs.writeFileSync(${JSON.stringify(marker)}, '${TOKEN}');\nexport default {};\n`;

beforeAll(async () => {
  for (const file of WATCHED.flatMap((r) => filesUnder(path.join(ROOT, r)))) saved.set(file, fs.readFileSync(file));
  hook = fs.existsSync(HOOK) ? fs.readFileSync(HOOK) : undefined;
  server = await startDevServer({ content: path.join(FIXTURES, 'minimal') });
  site = new URL(server.siteUrl);
  api = new URL(server.apiUrl);
  rel = path.relative(ROOT, server.content).split(path.sep).join('/');
  marker = path.join(server.dir, 'injected-code-ran');
}, 240_000);

afterAll(async () => {
  await server?.stop();
  // Put back whatever a failed guard let through, so a red test never leaves the project damaged.
  for (const [file, bytes] of saved) if (!fs.existsSync(file) || !fs.readFileSync(file).equals(bytes)) fs.writeFileSync(file, bytes);
  for (const file of WATCHED.flatMap((r) => filesUnder(path.join(ROOT, r)))) if (!saved.has(file)) fs.rmSync(file, { force: true });
  for (const p of MUST_NOT_EXIST) fs.rmSync(path.join(ROOT, p), { force: true });
  if (hook) fs.writeFileSync(HOOK, hook);
  else if (fs.existsSync(path.dirname(HOOK))) fs.rmSync(HOOK, { force: true });
});

describe('the CMS API of npm start', () => {
  let before: Map<string, string>;
  let registryBefore: Map<string, string>;

  it('answers the admin page: info, a folder listing, a save and a delete in the content folder', async () => {
    before = treeHash(WATCHED);
    registryBefore = treeHash([`${rel}/registry`]);
    const info = await send(json({ action: 'info' }));
    expect(info.status, info.text).toBe(200);
    expect(JSON.parse(info.text)).toMatchObject({ type: 'local_fs' });

    const list = await send(
      json({ action: 'entriesByFolder', params: { branch: 'main', folder: `${rel}/news`, extension: 'md', depth: 1 } }),
    );
    expect(list.status, list.text).toBe(200);
    expect((JSON.parse(list.text) as { file: { path: string } }[]).map((e) => e.file.path)).toEqual([`${rel}/news/2025-09-01-start.md`]);

    const file = `${rel}/news/2026-01-10-proverka.md`;
    const saved = await send(persist('news', [{ slug: '2026-01-10-proverka', path: file, raw: '---\ntitle: Проверка\n---\n' }]));
    expect(saved.status, saved.text).toBe(200);
    expect(fs.readFileSync(path.join(ROOT, file), 'utf8')).toContain('Проверка');
    const deleted = await send(json({ action: 'deleteFiles', params: { branch: 'main', paths: [file], options: { commitMessage: 'x' } } }));
    expect(deleted.status, deleted.text).toBe(200);
    expect(fs.existsSync(path.join(ROOT, file))).toBe(false);
  });

  it('refuses a foreign host name (DNS rebinding), on the API and on the admin page that carries the key', async () => {
    const body = json({ action: 'info' });
    expectRefused(await send(body, { host: `evil.example:${site.port}` }), 403);
    expectRefused(await send(body, { host: `evil.example:${site.port}`, origin: `http://evil.example:${site.port}` }), 403);
    expectRefused(await send(body, { host: `localhost:${Number(site.port) + 1}` }), 403);
    expectRefused(await send(body, { host: `127.0.0.1.evil.example:${site.port}` }), 403);
    const page = await send('', { method: 'GET', url: new URL('/admin/', site), host: `evil.example:${site.port}`, origin: null });
    expect(page.status).toBe(403);
    expect(page.text).not.toContain(api.pathname);
  });

  it('refuses a foreign page: another origin, a cross-site fetch, a write without Origin, and the admin page read from elsewhere', async () => {
    const body = json({ action: 'info' });
    expectRefused(await send(body, { origin: 'http://evil.example' }), 403);
    expectRefused(await send(body, { origin: `http://localhost:${Number(site.port) + 1}` }), 403);
    expectRefused(await send(body, { origin: 'null' }), 403);
    expectRefused(await send(body, { headers: { 'sec-fetch-site': 'cross-site' } }), 403);
    const file = `${rel}/news/2026-01-11-bez-origin.md`;
    expectRefused(await send(persist('news', [{ slug: 'x', path: file, raw: TOKEN }]), { origin: null }), 403);
    expect(fs.existsSync(path.join(ROOT, file))).toBe(false);
    const page = await send('', { method: 'GET', url: new URL('/admin/', site), origin: 'http://localhost:3000' });
    expect(page.status).toBe(403);
    expect(page.text).not.toContain(api.pathname);
  });

  it('refuses requests without the key, with a wrong one, of another type or method, and never approves a preflight', async () => {
    const body = persist('news', [{ slug: 'x', path: `${rel}/news/x.md`, raw: TOKEN }]);
    const key = api.pathname.split('/').pop()!;
    for (const pathname of ['/admin/api', '/admin/api/', `/admin/api/${key.slice(0, -1)}`, `/admin/api/${key}x`, `/admin/api/${key}/x`]) {
      expectRefused(await send(body, { url: new URL(pathname, site) }), 403);
    }
    // No second API port and no decap-server path on the site.
    expect((await send(body, { url: new URL('/api/v1', site) })).status).not.toBe(200);
    expectRefused(await send(body, { contentType: 'text/plain' }), 403);
    expectRefused(await send(body, { contentType: 'application/x-www-form-urlencoded' }), 403);
    expectRefused(await send('', { method: 'GET' }), 403);
    const preflight = await send('', { method: 'OPTIONS', headers: { 'access-control-request-method': 'POST' } });
    expect(preflight.status).toBe(403);
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    // The old review endpoint without the key answers nothing of the review.
    const oldCheck = await send(json({ collection: 'news', id: 'x', data: {} }), { url: new URL('/admin/check.json', site) });
    expect(oldCheck.status).not.toBe(200);
    expectRefused(await send(json({ collection: 'news', id: 'x', data: {} }), { url: new URL('/admin/api/check.json', site) }), 403);
    expect(fs.existsSync(path.join(server.content, 'news/x.md'))).toBe(false);
  });

  it('refuses to write, read or delete outside the folders of the CMS config', async () => {
    const outside = [
      'astro.config.mjs',
      'src/pages/x.astro',
      'scripts/x.ts',
      '.git/hooks/pre-commit',
      'README.md',
      'package.json',
      'x.md',
      `${rel}/news/../../../../astro.config.mjs`,
      `${rel}/news/../news/../../../../README.md`,
      path.join(ROOT, 'astro.config.mjs'),
      `/${rel}/news/x.md`,
      `${rel}\\news\\..\\..\\..\\..\\astro.config.mjs`,
      `${rel}/news/..\\..\\..\\..\\astro.config.mjs`,
      `${rel}/news/%2e%2e/%2e%2e/%2e%2e/%2e%2e/astro.config.mjs`,
      `${rel}/news/%2E%2E%2F%2E%2E%2F%2E%2E%2F%2E%2E%2Fastro.config.mjs`,
      `${rel}/news/x.md\u0000.md`,
      `${rel}/news/.x.md`,
      `${rel}/news/media/x.md`,
      `${rel}/news/x.astro`,
      `${rel}/registry/privatnoe.yaml`,
      `${rel}/registry/people/media/p-001.yaml`,
      `${rel}/settings/x.yaml`,
    ];
    for (const p of outside) {
      expectRefused(await send(persist('news', [{ slug: 'x', path: p, raw: injected() }])), [400, 403]);
      expectRefused(await send(json({ action: 'getEntry', params: { branch: 'main', path: p } })), [400, 403]);
      expectRefused(
        await send(json({ action: 'deleteFile', params: { branch: 'main', path: p, options: { commitMessage: TOKEN } } })),
        [400, 403],
      );
      expectRefused(
        await send(
          json({
            action: 'deleteFiles',
            params: { branch: 'main', paths: [`${rel}/news/2025-09-01-start.md`, p], options: { commitMessage: TOKEN } },
          }),
        ),
        [400, 403],
      );
      expectRefused(
        await send(
          json({
            action: 'persistMedia',
            params: { branch: 'main', asset: { path: p, content: 'eA==', encoding: 'base64' }, options: { commitMessage: TOKEN } },
          }),
        ),
        [400, 403],
      );
      expectRefused(await send(json({ action: 'getMediaFile', params: { branch: 'main', path: p } })), [400, 403]);
    }
    expect(fs.existsSync(path.join(server.content, 'news/2025-09-01-start.md'))).toBe(true);
    for (const folder of ['src/pages', 'scripts', '.git', `${rel}/registry`, `${rel}/settings`, `${rel}`, '.', `${rel}/news/..`]) {
      expectRefused(
        await send(json({ action: 'entriesByFolder', params: { branch: 'main', folder, extension: 'md', depth: 1 } })),
        [400, 403],
      );
      expectRefused(await send(json({ action: 'getMedia', params: { branch: 'main', mediaFolder: folder } })), [400, 403]);
    }
    // A registry collection listed deeper than its own folder, or with another extension.
    expectRefused(
      await send(
        json({ action: 'entriesByFolder', params: { branch: 'main', folder: `${rel}/registry/people`, extension: 'yaml', depth: 3 } }),
      ),
      [400, 403],
    );
    expectRefused(
      await send(json({ action: 'entriesByFolder', params: { branch: 'main', folder: `${rel}/news`, extension: 'mjs', depth: 1 } })),
      [400, 403],
    );
  });

  it('refuses the registry through another collection, a rename into public/uploads, and uploads of other types', async () => {
    const person = `${rel}/registry/people/p-001.yaml`;
    expectRefused(await send(persist('news', [{ slug: 'p-001', path: person, raw: TOKEN }])), 403);
    expectRefused(
      await send(
        persist('people', [
          { slug: 'p-001', path: person, raw: fs.readFileSync(path.join(ROOT, person), 'utf8'), newPath: 'public/uploads/p-001.yaml' },
        ]),
      ),
      403,
    );
    expectRefused(
      await send(
        persist('people', [
          { slug: 'p-001', path: person, raw: fs.readFileSync(path.join(ROOT, person), 'utf8'), newPath: `${rel}/news/p-001.md` },
        ]),
      ),
      403,
    );
    expectRefused(
      await send(persist('news', [{ slug: 'a', path: `${rel}/news/2025-09-01-start.md`, raw: 'x', newPath: `${rel}/practices/a.md` }])),
      403,
    );
    expectRefused(
      await send(
        json({
          action: 'entriesByFiles',
          params: { branch: 'main', files: [{ path: `${rel}/news/2025-09-01-start.md` }, { path: `${rel}/registry/privatnoe.yaml` }] },
        }),
      ),
      403,
    );
    const news = { slug: 'c', path: `${rel}/news/2026-01-12-c.md`, raw: '---\ntitle: c\n---\n' };
    for (const asset of [
      'public/evil.html',
      'public/uploads/evil.html',
      `${rel}/news/media/evil.svg`,
      'src/pages/x.astro',
      `${rel}/news/media/../../../../astro.config.mjs`,
    ]) {
      expectRefused(
        await send(persist('news', [news], [{ path: asset, content: Buffer.from(TOKEN).toString('base64'), encoding: 'base64' }])),
        [400, 403],
      );
    }
    expect(fs.existsSync(path.join(ROOT, news.path))).toBe(false);
    // The Git workflow's branch names come from these fields.
    expectRefused(
      await send(json({ action: 'publishUnpublishedEntry', params: { branch: 'main', collection: 'news', slug: '../../x' } })),
      [400, 403],
    );
    expectRefused(await send(json({ action: 'info', params: { branch: '--upload-pack=x' } })), [400, 403]);
    expectRefused(await send(json({ action: 'getEntry', params: { branch: '--upload-pack=x', path: news.path } })), [400, 403]);
  });

  it('refuses symlinks in an allowed folder that lead out of it', async () => {
    const link = path.join(server.content, 'news', '2026-01-13-ssylka.md');
    fs.symlinkSync(path.join(ROOT, 'README.md'), link);
    const media = path.join(server.content, 'practices', 'media');
    fs.symlinkSync(path.join(ROOT, 'scripts'), media);
    try {
      const linkRel = `${rel}/news/2026-01-13-ssylka.md`;
      expectRefused(await send(persist('news', [{ slug: '2026-01-13-ssylka', path: linkRel, raw: TOKEN }])), 403);
      expectRefused(await send(json({ action: 'getEntry', params: { branch: 'main', path: linkRel } })), 403);
      expectRefused(
        await send(json({ action: 'deleteFile', params: { branch: 'main', path: linkRel, options: { commitMessage: 'x' } } })),
        403,
      );
      expectRefused(
        await send(json({ action: 'entriesByFolder', params: { branch: 'main', folder: `${rel}/news`, extension: 'md', depth: 1 } })),
        403,
      );
      const practice = {
        slug: 'list-nablyudeniya',
        path: `${rel}/practices/list-nablyudeniya.md`,
        raw: fs.readFileSync(path.join(server.content, 'practices/list-nablyudeniya.md'), 'utf8'),
      };
      expectRefused(
        await send(persist('practices', [practice], [{ path: `${rel}/practices/media/evil.jpg`, content: 'eA==', encoding: 'base64' }])),
        403,
      );
      expectRefused(await send(json({ action: 'getMedia', params: { branch: 'main', mediaFolder: `${rel}/practices/media` } })), 403);
      expect(fs.existsSync(path.join(ROOT, 'scripts/evil.jpg'))).toBe(false);
      expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    } finally {
      for (const l of [link, media]) if (fs.lstatSync(l, { throwIfNoEntry: false })?.isSymbolicLink()) fs.unlinkSync(l);
    }
  });

  it('refuses oversized requests and files, and malformed bodies, in short Russian without echoing them', async () => {
    expectRefused(await send(Buffer.alloc(70 * 1_000_000, 'a')), 413);
    const news = { slug: 'd', path: `${rel}/news/2026-01-14-d.md`, raw: '---\ntitle: d\n---\n' };
    const bigImage = Buffer.alloc(10 * 1_000_000 + 1, 1).toString('base64');
    expectRefused(await send(persist('news', [news], [{ path: `${rel}/news/media/big.jpg`, content: bigImage, encoding: 'base64' }])), 413);
    expectRefused(await send(persist('news', [{ ...news, raw: `---\ntitle: d\n---\n${'я'.repeat(1_100_000)}` }])), 413);
    expect(fs.existsSync(path.join(ROOT, news.path))).toBe(false);
    expect(fs.existsSync(path.join(server.content, 'news/media/big.jpg'))).toBe(false);

    for (const body of [
      `{"action": "persistEntry", "${TOKEN}`,
      TOKEN,
      '[]',
      'null',
      '{"action": 42}',
      json({ action: 'runShell', params: { branch: 'main', cmd: TOKEN } }),
    ]) {
      expectRefused(await send(body), 400);
    }
    // A request the guard lets through but that fails inside (no such file): the reply and the log stay short.
    const failing = await send(
      json({ action: 'getMediaFile', params: { branch: 'main', path: `${rel}/news/media/net-takogo.jpg`, note: TOKEN } }),
    );
    expect(failing.status).toBeGreaterThanOrEqual(400);
    expectRefused(failing, [404, 500]);
  });

  it('refuses an upload the site would not publish, naming the person, and writes nothing', async () => {
    const upload = (name: string, bytes: Buffer) =>
      send(
        json({
          action: 'persistMedia',
          params: {
            branch: 'main',
            asset: { path: `public/uploads/${name}`, content: bytes.toString('base64'), encoding: 'base64' },
            options: { commitMessage: 'x' },
          },
        }),
      );
    const named = await upload('spisok-nastavnikov.docx', await docxFile(['Наставляемый: Образцов Илья Петрович.']));
    expect(named.status, named.text).toBe(422);
    expect((JSON.parse(named.text) as { error: string }).error).toContain('Образцов Илья Петрович');
    expect(fs.existsSync(path.join(ROOT, 'public/uploads/spisok-nastavnikov.docx'))).toBe(false);
    expect(server.output()).not.toContain('Образцов');
  });

  it('leaves the project as it was: no file changed, nothing planted ran, no body in the log', async () => {
    await new Promise((r) => setTimeout(r, 2_000)); // a rewritten astro.config.mjs would restart the server by now
    expect(fs.existsSync(marker)).toBe(false);
    expect(treeHash(WATCHED)).toEqual(before);
    expect(treeHash([`${rel}/registry`])).toEqual(registryBefore);
    for (const p of MUST_NOT_EXIST) expect(fs.existsSync(path.join(ROOT, p)), p).toBe(false);
    if (fs.existsSync(path.dirname(HOOK))) expect(fs.existsSync(HOOK) ? fs.readFileSync(HOOK) : undefined).toEqual(hook);
    expect(server.output()).not.toContain(TOKEN);
    expect(server.output()).not.toMatch(/Error handling/);
  });
});
