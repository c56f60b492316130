/**
 * The CMS bundle under `npm start`: a file of the bundle is served for good
 * (its address holds the bundle's hash), and a name that is not a file of
 * the bundle — the folder itself, `..`, a hidden marker — is passed on, never
 * answered with an error that names local paths.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cacheRoot } from '../../../cms/server/bundle.ts';
import { serveBundle } from '../../../cms/server/integration.ts';

const KEY = '0123456789abcdef';
const saved = process.env.NASTAVNIK_CACHE_DIR;
process.env.NASTAVNIK_CACHE_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'nastavnik-bundle-'));
const root = process.cwd();
const dir = path.join(cacheRoot(root), KEY);
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, 'main.js'), 'console.log(1);');
fs.writeFileSync(path.join(dir, '.complete'), '');

afterAll(() => {
  fs.rmSync(process.env.NASTAVNIK_CACHE_DIR!, { recursive: true, force: true });
  if (saved === undefined) delete process.env.NASTAVNIK_CACHE_DIR;
  else process.env.NASTAVNIK_CACHE_DIR = saved;
});

function get(url: string) {
  const res = { statusCode: 0, headers: {} as Record<string, string>, body: undefined as Buffer | undefined, passed: false };
  serveBundle(root)(
    { url },
    {
      setHeader: (k, v) => (res.headers[k] = v),
      end: (b) => (res.body = b),
      set statusCode(c: number) {
        res.statusCode = c;
      },
    },
    () => (res.passed = true),
  );
  return res;
}

describe('the CMS bundle under npm start', () => {
  it('serves a file of the bundle, cached for good', () => {
    const res = get(`/admin/cms-${KEY}/main.js`);
    expect(res.statusCode).toBe(200);
    expect(res.body?.toString()).toBe('console.log(1);');
    expect(res.headers['cache-control']).toContain('immutable');
  });

  it.each(['..', '.complete', '...', 'missing.js'])('passes %s on to the next handler', (name) => {
    const res = get(`/admin/cms-${KEY}/${name}`);
    expect(res.passed).toBe(true);
    expect(res.body).toBeUndefined();
  });
});
