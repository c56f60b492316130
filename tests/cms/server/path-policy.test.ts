/**
 * The local API's allow-list (cms/server/path-policy.ts) and its look on disk
 * (cms/server/real-paths.ts): derived from the generated CMS config, it lets the
 * CMS read and write its collections' files and uploads, keeps each file to
 * its own collection, and refuses everything else — paths that escape, hide,
 * encode or point at the project's code, the registry through another
 * collection, renames out of a folder, other upload types, oversized files —
 * and, on disk, symlinks out of a declared folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { backendFromEnv } from '../../../cms/backend.ts';
import { cmsConfig } from '../../../cms/config.ts';
import { ApiRefusal, checkRequest, cleanPath, pathPolicy } from '../../../cms/server/path-policy.ts';
import { checkRealPaths } from '../../../cms/server/real-paths.ts';

const config = cmsConfig({ contentDir: 'site/content', backend: backendFromEnv({}) });
const policy = pathPolicy(config);

const params = (extra: Record<string, unknown>) => ({ branch: 'main', ...extra });
const persist = (collectionName: string, dataFiles: object[], assets: object[] = []) => ({
  action: 'persistEntry',
  params: params({ dataFiles, assets, options: { collectionName, commitMessage: 'm', useWorkflow: false, status: 'draft' } }),
});
const news = (p: string, extra: object = {}) => ({ slug: 'x', path: p, raw: '---\ntitle: x\n---\n', ...extra });
const asset = (p: string, bytes = 4) => ({ path: p, content: Buffer.alloc(bytes).toString('base64'), encoding: 'base64' });

/** The status a request is refused with, or 'ok'. */
function verdict(body: unknown): number | 'ok' {
  try {
    checkRequest(policy, body);
    return 'ok';
  } catch (e) {
    if (e instanceof ApiRefusal) return e.status;
    throw e;
  }
}

describe('pathPolicy', () => {
  it('takes every folder, file and upload folder from the generated config, and nothing else', () => {
    const folders = config.collections.flatMap((c) => (c.folder ? [c.folder] : []));
    expect([...policy.collections.values()].flatMap((c) => (c.folder ? [c.folder] : []))).toEqual(folders);
    expect(policy.collections.get('people')).toMatchObject({ folder: 'site/content/registry/people', extension: 'yaml' });
    expect(policy.collections.get('settings')?.files).toEqual([
      'site/content/settings/site.yaml',
      'site/content/settings/vocabularies.yaml',
    ]);
    expect(policy.collections.get('news')?.media).toEqual(expect.arrayContaining(['site/content/news/media', 'public/uploads']));
    expect(policy.collections.get('documents')?.media).toContain('public/uploads/documents');
    expect(policy.media).not.toContain('site/content');
    expect(policy.branch).toBe('main');
  });
});

describe('cleanPath', () => {
  it.each([
    '../x',
    'site/content/news/../../../astro.config.mjs',
    './site/content/news/x.md',
    '/etc/passwd',
    'C:/x',
    'site\\content\\news\\x.md',
    'site/content/news/%2e%2e/x.md',
    'site/content/news/x.md\u0000.md',
    'site/content/news/x\n.md',
    'site//content/news/x.md',
    '',
    'x'.repeat(2000),
  ])('refuses %j', (p) => {
    expect(() => cleanPath(p)).toThrow(ApiRefusal);
  });

  it('passes a plain relative path, dots in names included', () => {
    expect(cleanPath('.cache/e2e/content/news/x.md')).toBe('.cache/e2e/content/news/x.md');
  });
});

describe('checkRequest', () => {
  it('lets through what Decap sends for the collections: lists, reads, saves, uploads, deletes', () => {
    expect(verdict({ action: 'info' })).toBe('ok');
    expect(verdict({ action: 'entriesByFolder', params: params({ folder: 'site/content/news', extension: 'md', depth: 1 }) })).toBe('ok');
    expect(
      verdict({ action: 'entriesByFolder', params: params({ folder: 'site/content/registry/people', extension: 'yaml', depth: 1 }) }),
    ).toBe('ok');
    expect(verdict({ action: 'entriesByFiles', params: params({ files: [{ path: 'site/content/settings/site.yaml' }] }) })).toBe('ok');
    expect(verdict({ action: 'getEntry', params: params({ path: 'site/content/registry/people/p-001.yaml' }) })).toBe('ok');
    expect(verdict(persist('news', [news('site/content/news/2026-01-01-x.md')], [asset('site/content/news/media/foto-1.jpg')]))).toBe('ok');
    expect(
      verdict(persist('documents', [news('site/content/documents/prikaz.md')], [asset('public/uploads/documents/prikaz-1.pdf')])),
    ).toBe('ok');
    expect(verdict(persist('settings', [news('site/content/settings/site.yaml', { slug: 'site' })]))).toBe('ok');
    expect(verdict({ action: 'getMedia', params: params({ mediaFolder: 'public/uploads' }) })).toBe('ok');
    expect(verdict({ action: 'getMediaFile', params: params({ path: 'site/content/news/media/foto-1.jpg' }) })).toBe('ok');
    expect(
      verdict({ action: 'persistMedia', params: params({ asset: asset('public/uploads/plan.docx'), options: { commitMessage: 'm' } }) }),
    ).toBe('ok');
    expect(verdict({ action: 'deleteFiles', params: params({ paths: ['site/content/news/x.md'], options: { commitMessage: 'm' } }) })).toBe(
      'ok',
    );
    expect(verdict({ action: 'unpublishedEntry', params: params({ id: 'news/x', cmsLabelPrefix: '' }) })).toBe('ok');
    expect(verdict({ action: 'publishUnpublishedEntry', params: params({ collection: 'news', slug: 'x' }) })).toBe('ok');
  });

  it('refuses files the config does not declare: the code, the pages, Git, the README, hidden and foreign files', () => {
    for (const p of [
      'astro.config.mjs',
      'src/pages/x.astro',
      'scripts/x.ts',
      '.git/hooks/pre-commit',
      'README.md',
      'site/content/news/.x.md',
      'site/content/news/x.astro',
      'site/content/news/X Y.md',
      'site/content/news/media/x.md',
      'site/content/registry/x.yaml',
      'site/content/settings/other.yaml',
    ]) {
      expect(verdict(persist('news', [news(p)])), p).toBe(403);
      expect(verdict({ action: 'getEntry', params: params({ path: p }) }), p).toBe(403);
      expect(verdict({ action: 'deleteFile', params: params({ path: p, options: { commitMessage: 'm' } }) }), p).toBe(403);
      expect(verdict({ action: 'persistMedia', params: params({ asset: asset(p), options: { commitMessage: 'm' } }) }), p).toBe(403);
    }
  });

  it('keeps each file to its collection: no registry through news, no rename out of the folder', () => {
    expect(verdict(persist('news', [news('site/content/registry/people/p-001.yaml')]))).toBe(403);
    expect(verdict(persist('people', [news('site/content/registry/people/p-001.yaml', { newPath: 'public/uploads/p-001.yaml' })]))).toBe(
      403,
    );
    expect(verdict(persist('people', [news('site/content/registry/people/p-001.yaml', { newPath: 'site/content/news/p-001.md' })]))).toBe(
      403,
    );
    expect(verdict(persist('news', [news('site/content/news/a.md', { newPath: 'site/content/news/b.md' })]))).toBe('ok');
    expect(verdict(persist('nope', [news('site/content/news/a.md')]))).toBe(403);
    expect(verdict(persist('news', [news('site/content/news/a.md')], [asset('site/content/practices/media/x.jpg')]))).toBe(403);
    expect(verdict(persist('settings', [news('site/content/settings/site.yaml', { slug: 'site' })]))).toBe('ok');
    expect(
      verdict({ action: 'deleteFile', params: params({ path: 'site/content/settings/site.yaml', options: { commitMessage: 'm' } }) }),
    ).toBe(403);
  });

  it('refuses listings outside the collection folders, deeper than one level, or of another extension', () => {
    for (const [folder, extension, depth] of [
      ['src/pages', 'astro', 1],
      ['site/content/registry', 'yaml', 1],
      ['site/content', 'md', 1],
      ['site/content/news', 'md', 5],
      ['site/content/news', 'mjs', 1],
    ] as const) {
      expect(verdict({ action: 'entriesByFolder', params: params({ folder, extension, depth }) }), folder).toBe(403);
    }
    expect(verdict({ action: 'getMedia', params: params({ mediaFolder: 'scripts' }) })).toBe(403);
  });

  it('refuses uploads a browser would run, and files over their limit', () => {
    for (const p of ['public/uploads/x.html', 'public/uploads/x.svg', 'public/uploads/x.js', 'public/uploads/x.mjs', 'public/uploads/x']) {
      expect(verdict({ action: 'persistMedia', params: params({ asset: asset(p), options: { commitMessage: 'm' } }) }), p).toBe(403);
    }
    expect(verdict(persist('news', [news('site/content/news/a.md')], [asset('site/content/news/media/x.jpg', 10_000_001)]))).toBe(413);
    expect(verdict(persist('news', [news('site/content/news/a.md')], [asset('site/content/news/media/x.pdf', 10_000_001)]))).toBe('ok');
    expect(verdict(persist('news', [news('site/content/news/a.md', { raw: 'я'.repeat(600_000) })]))).toBe(413);
  });

  it('refuses another branch, unknown actions, draft names that are not ids, and malformed bodies', () => {
    expect(verdict({ action: 'getEntry', params: { branch: '--upload-pack=x', path: 'site/content/news/a.md' } })).toBe(403);
    expect(verdict({ action: 'info', params: { branch: 'other' } })).toBe(403);
    expect(verdict({ action: 'runShell', params: params({}) })).toBe(400);
    expect(verdict({ action: 'publishUnpublishedEntry', params: params({ collection: 'news', slug: '../x' }) })).toBe(403);
    expect(verdict({ action: 'unpublishedEntry', params: params({ id: 'news/../../x' }) })).toBe(403);
    expect(verdict({ action: 'unpublishedEntry', params: params({ id: 'news/x', collection: 'nope', slug: 'x' }) })).toBe(403);
    for (const body of [null, [], 'x', { action: 42 }, { action: 'getEntry' }, { action: 'getEntry', params: params({ path: 42 }) }]) {
      expect([400, 403]).toContain(verdict(body));
    }
  });
});

describe('checkRealPaths', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'nastavnik-real-paths-'));
  fs.mkdirSync(path.join(root, 'site/content/news'), { recursive: true });
  fs.mkdirSync(path.join(root, 'site/content/practices'), { recursive: true });
  fs.mkdirSync(path.join(root, 'scripts'));
  fs.writeFileSync(path.join(root, 'astro.config.mjs'), 'export default {}');
  fs.writeFileSync(path.join(root, 'site/content/news/a.md'), 'a');
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  const onDisk = async (body: unknown) => {
    try {
      await checkRealPaths(root, checkRequest(policy, body));
      return 'ok';
    } catch (e) {
      if (e instanceof ApiRefusal) return e.status;
      throw e;
    }
  };

  it('passes real files and files yet to be written', async () => {
    expect(
      await onDisk(
        persist('news', [news('site/content/news/a.md'), news('site/content/news/b.md')], [asset('site/content/news/media/x.jpg')]),
      ),
    ).toBe('ok');
    expect(await onDisk({ action: 'entriesByFolder', params: params({ folder: 'site/content/news', extension: 'md', depth: 1 }) })).toBe(
      'ok',
    );
  });

  it('refuses symlinks that lead out of their folder, dangling ones included, for writes, reads, deletes and listings', async () => {
    fs.symlinkSync(path.join(root, 'astro.config.mjs'), path.join(root, 'site/content/news/out.md'));
    fs.symlinkSync(path.join(root, 'src/pages/new.astro'), path.join(root, 'site/content/news/dangling.md'));
    fs.symlinkSync(path.join(root, 'scripts'), path.join(root, 'site/content/practices/media'));
    fs.symlinkSync(path.join(root, 'site/content/news/a.md'), path.join(root, 'site/content/news/inside.md'));
    expect(await onDisk(persist('news', [news('site/content/news/out.md')]))).toBe(403);
    expect(await onDisk(persist('news', [news('site/content/news/dangling.md')]))).toBe(403);
    expect(await onDisk({ action: 'getEntry', params: params({ path: 'site/content/news/out.md' }) })).toBe(403);
    expect(
      await onDisk({ action: 'deleteFile', params: params({ path: 'site/content/news/out.md', options: { commitMessage: 'm' } }) }),
    ).toBe(403);
    expect(await onDisk({ action: 'entriesByFolder', params: params({ folder: 'site/content/news', extension: 'md', depth: 1 }) })).toBe(
      403,
    );
    expect(await onDisk(persist('practices', [news('site/content/practices/p.md')], [asset('site/content/practices/media/x.jpg')]))).toBe(
      403,
    );
    expect(await onDisk({ action: 'getMedia', params: params({ mediaFolder: 'site/content/practices/media' }) })).toBe(403);
    expect(await onDisk({ action: 'getEntry', params: params({ path: 'site/content/news/inside.md' }) })).toBe('ok');
  });
});
