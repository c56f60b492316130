/**
 * The admin bundle's cache key depends on the CMS code, the schemas and the
 * lockfile — not on content — and a cached bundle is reused without building.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_INPUTS, bundleEntry, bundleKey, ensureBundle } from '../../../cms/server/bundle.ts';

let root: string;

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'nastavnik-bundle-'));
  for (const p of [
    'cms/main.ts',
    'src/schema/news.ts',
    'src/lib/dates.ts',
    'src/i18n/ru.ts',
    'src/styles/global.css',
    'content/news/a.md',
  ]) {
    fs.mkdirSync(path.dirname(path.join(root, p)), { recursive: true });
    fs.writeFileSync(path.join(root, p), `// ${p}\n`);
  }
  fs.writeFileSync(path.join(root, 'package-lock.json'), '{}');
});

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('CMS bundle cache', () => {
  it('keeps its key when content changes and changes it when the CMS, a schema or the lockfile does', () => {
    const key = bundleKey(root);
    expect(key).toMatch(/^[0-9a-f]{16}$/);
    fs.writeFileSync(path.join(root, 'content/news/a.md'), 'edited');
    fs.writeFileSync(path.join(root, 'content/news/b.md'), 'new');
    expect(bundleKey(root)).toBe(key);
    for (const input of ['cms/main.ts', 'src/schema/news.ts', 'package-lock.json']) {
      const file = path.join(root, input);
      const before = fs.readFileSync(file);
      fs.appendFileSync(file, ' ');
      expect(bundleKey(root), input).not.toBe(key);
      fs.writeFileSync(file, before);
    }
    expect(bundleKey(root)).toBe(key);
    expect(BUNDLE_INPUTS).not.toContain('content');
  });

  it('reuses a complete cached bundle without building it again', async () => {
    const key = bundleKey(root);
    const cached = path.join(root, '.cache/nastavnik/cms-bundle', key);
    fs.mkdirSync(cached, { recursive: true });
    fs.writeFileSync(path.join(cached, 'main.js'), '// cached');
    fs.writeFileSync(path.join(cached, '.complete'), 'now');
    const result = await ensureBundle(root, key);
    expect(result).toMatchObject({ key, built: false, dir: cached });
    expect(bundleEntry(key)).toBe(`/admin/cms-${key}/main.js`);
  });
});
