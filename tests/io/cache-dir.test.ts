/**
 * The caches' shared pruning: files not written for the given days go, newer
 * ones and kept names stay, and a second call the same day does nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pruneStale } from '../../src/io/cache-dir.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nastavnik-prune-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const put = (name: string, daysOld: number) => {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, name);
  const t = new Date(Date.now() - daysOld * 86_400_000);
  fs.utimesSync(file, t, t);
};

describe('pruneStale', () => {
  it('removes what was not written for the given days, keeps the rest, once a day', () => {
    put('ab/old.html', 61);
    put('ab/new.html', 1);
    put('keep.json', 100);
    pruneStale(dir, 60, (name) => name === 'keep.json');
    expect(fs.existsSync(path.join(dir, 'ab/old.html'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'ab/new.html'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'keep.json'))).toBe(true);
    put('ab/older.html', 90);
    pruneStale(dir, 60);
    expect(fs.existsSync(path.join(dir, 'ab/older.html'))).toBe(true);
  });
});
