/**
 * The code fingerprint of the review and parse caches: it changes with any
 * module the entry imports, however deep, and with the lock file; it is
 * undefined (no cache) when a module cannot be read.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { codeFingerprint } from '../../src/io/code-fingerprint.ts';

let dir: string;
const write = (name: string, text: string) => fs.writeFileSync(path.join(dir, name), text);
const entry = () => pathToFileURL(path.join(dir, 'a.ts'));
const lock = () => pathToFileURL(path.join(dir, 'lock.json'));
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nastavnik-fingerprint-'));
  write('a.ts', "import { b } from './b.ts';\nexport const a = b;\n");
  write('b.ts', "export { c as b } from './sub/c.ts';\nconst lazy = () => import('./d.ts');\n");
  fs.mkdirSync(path.join(dir, 'sub'));
  write('sub/c.ts', 'export const c = 1;\n');
  write('d.ts', 'export const d = 1;\n');
  write('lock.json', '{}');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

it('changes with every module reached from the entry and with the lock file', () => {
  const first = codeFingerprint(entry(), lock());
  expect(first).toMatch(/^[\w-]{43}$/);
  expect(codeFingerprint(entry(), lock())).toBe(first);
  const seen = new Set([first]);
  for (const [file, text] of [
    ['sub/c.ts', 'export const c = 2;\n'],
    ['d.ts', 'export const d = 2;\n'],
    ['lock.json', '{"yaml":"2"}'],
  ] as const) {
    write(file, text);
    const next = codeFingerprint(entry(), lock());
    expect(seen.has(next)).toBe(false);
    seen.add(next);
  }
});

it('is undefined when an imported module or the lock file cannot be read', () => {
  fs.rmSync(path.join(dir, 'sub/c.ts'));
  expect(codeFingerprint(entry(), lock())).toBeUndefined();
  write('sub/c.ts', '');
  fs.rmSync(path.join(dir, 'lock.json'));
  expect(codeFingerprint(entry(), lock())).toBeUndefined();
});

it('reads the project itself', () => {
  expect(codeFingerprint(new URL('../../src/privacy/review.ts', import.meta.url))).toBeDefined();
  expect(codeFingerprint(new URL('../../src/validate/read.ts', import.meta.url))).toBeDefined();
});
