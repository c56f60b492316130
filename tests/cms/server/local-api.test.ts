/**
 * The local API's middleware (cms/server/local-api.ts) in a plain HTTP server over a
 * throw-away Git repository with the minimal fixture: with
 * CMS_EDITORIAL_WORKFLOW=1 it hands accepted requests to decap-server's Git
 * mode — a save becomes a commit on a `cms/…` branch, publishing merges it —
 * while refused ones never reach Git. (The attacks on a real `npm start` are
 * in tests/e2e/cms-api-guard.test.ts.)
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newApiKey } from '../../../cms/server/api-key.ts';
import { localApi } from '../../../cms/server/local-api.ts';
import { FIXTURES } from '../../helpers/paths.ts';

const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'nastavnik-local-api-'));
const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim();
const cwd = process.cwd();
const saved = { ...process.env };
const logged: string[] = [];
let server: http.Server;
let base: string;
let api: string;

beforeAll(async () => {
  fs.cpSync(path.join(FIXTURES, 'minimal'), path.join(repo, 'content'), { recursive: true });
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'test@example.invalid');
  git('config', 'user.name', 'Тест');
  git('add', '.');
  git('commit', '-qm', 'start');
  process.chdir(repo);
  Object.assign(process.env, { CMS_EDITORIAL_WORKFLOW: '1', CONTENT_DIR: 'content' });
  api = `/admin/api/${newApiKey()}`;
  const middleware = localApi({ log: (line) => logged.push(line) });
  server = http.createServer((req, res) =>
    middleware(req, res, () => {
      res.statusCode = 404;
      res.end();
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://localhost:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  process.chdir(cwd);
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
  Object.assign(process.env, saved);
  fs.rmSync(repo, { recursive: true, force: true });
});

const post = async (body: unknown) => {
  const res = await fetch(`${base}${api}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
};

describe('the local API with the editorial workflow', () => {
  const raw = '---\ntitle: Черновик\ndate: 2026-01-10\nsummary: Кратко.\nstage: 7\n---\nТекст.\n';
  const file = 'content/news/2026-01-10-chernovik.md';
  const persist = (p: string) => ({
    action: 'persistEntry',
    params: {
      branch: 'main',
      dataFiles: [{ slug: '2026-01-10-chernovik', path: p, raw }],
      assets: [],
      options: { collectionName: 'news', commitMessage: 'Создано: news', useWorkflow: true, status: 'draft' },
    },
  });

  it('runs decap-server in Git mode: a save is a commit on a cms/ branch, not on main', async () => {
    expect((await post({ action: 'info' })).json).toMatchObject({ type: 'local_git', publish_modes: ['simple', 'editorial_workflow'] });
    const saved = await post(persist(file));
    expect(saved.status, JSON.stringify(saved.json)).toBe(200);
    expect(git('branch', '--list', 'cms/*')).toContain('cms/news/2026-01-10-chernovik');
    expect(git('show', 'cms/news/2026-01-10-chernovik:' + file)).toContain('Черновик');
    expect(fs.existsSync(path.join(repo, file))).toBe(false);
    expect((await post({ action: 'unpublishedEntries', params: { branch: 'main' } })).json).toEqual(['news/2026-01-10-chernovik']);
  });

  it('publishes the draft into main', async () => {
    const published = await post({
      action: 'publishUnpublishedEntry',
      params: { branch: 'main', collection: 'news', slug: '2026-01-10-chernovik' },
    });
    expect(published.status, JSON.stringify(published.json)).toBe(200);
    expect(git('show', `main:${file}`)).toContain('Черновик');
  });

  it('refuses a path outside the collections before Git sees it', async () => {
    const head = git('rev-parse', '--all');
    const refused = await post(persist('README.md'));
    expect(refused.status).toBe(403);
    expect(refused.json.error).toMatch(/^Отклонено/);
    expect(git('rev-parse', '--all')).toBe(head);
    expect(logged.at(-1)).toMatch(/^CMS: Отклонено/);
  });
});
