/**
 * The YAML parse cache: a second read of a content root parses only the
 * texts that changed, gives exactly what a fresh parse gives (including the
 * values JSON cannot keep), still reports every broken file with its line,
 * and a broken cache file costs a parse, never wrong data.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { collectionNames } from '../../src/schema/index.ts';
import { openParseCache, parseCacheFile } from '../../src/validate/parse-cache.ts';
import { readCollections } from '../../src/validate/read.ts';
import { validateContent } from '../../src/validate/validate.ts';
import { tempContent, type TempContent } from '../helpers/fixture.ts';
import { DEMO_CONTENT } from '../helpers/paths.ts';

const parses = vi.hoisted(() => ({ count: 0 }));
vi.mock('yaml', async (original) => {
  const yaml = await original<typeof import('yaml')>();
  return {
    ...yaml,
    parseDocument: (...args: Parameters<typeof yaml.parseDocument>) => {
      parses.count++;
      return yaml.parseDocument(...args);
    },
  };
});

let content: TempContent;
let cacheFolder: string;
let previous: string | undefined;
beforeEach(() => {
  content = tempContent();
  cacheFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'nastavnik-parse-cache-'));
  previous = process.env.NASTAVNIK_CACHE_DIR;
  process.env.NASTAVNIK_CACHE_DIR = cacheFolder;
});
afterEach(() => {
  content.cleanup();
  fs.rmSync(cacheFolder, { recursive: true, force: true });
  if (previous === undefined) delete process.env.NASTAVNIK_CACHE_DIR;
  else process.env.NASTAVNIK_CACHE_DIR = previous;
});

/** Reads a root once through a fresh cache object (as a new process would) and keeps the cache. */
function cachedRead(dir: string) {
  const cache = openParseCache(parseCacheFile(dir));
  expect(cache).toBeDefined();
  const read = readCollections(collectionNames, dir, cache);
  cache!.save();
  return read;
}

const counted = <T>(run: () => T) => {
  parses.count = 0;
  const result = run();
  return { result, parses: parses.count };
};

describe('YAML parse cache', () => {
  it('parses only the edited file again', () => {
    const first = counted(() => validateContent(content.dir));
    expect(first.parses).toBeGreaterThan(5);
    const again = counted(() => validateContent(content.dir));
    expect(again.parses).toBe(0);
    expect(again.result).toEqual(first.result);
    content.edit('news/2025-09-01-start.md', (t) => t.replace('title: Стартовала', 'title: Стартовала новая'));
    const edited = counted(() => validateContent(content.dir));
    expect(edited.parses).toBe(1);
    expect(edited.result.entries.get('news')?.get('2025-09-01-start')?.parsed.title).toBe('Стартовала новая программа наставничества');
  });

  it('gives what a fresh parse gives, values JSON cannot keep included', () => {
    content.write('news/2025-10-01-values.md', '---\ntitle: Числа\ndate: 2025-10-01\nx: .nan\ny: -0\nz: .inf\nw: [~, 1e400]\n---\nТекст\n');
    for (const dir of [content.dir, DEMO_CONTENT]) {
      const fresh = readCollections(collectionNames, dir);
      expect(cachedRead(dir)).toEqual(fresh);
      const again = cachedRead(dir);
      expect(again).toEqual(fresh);
      const values = again.files.find((f) => f.id === '2025-10-01-values')?.data as Record<string, unknown> | undefined;
      if (dir === content.dir) expect([values?.x, Object.is(values?.y, -0), values?.z]).toEqual([NaN, true, Infinity]);
    }
  });

  it('reports a broken file with its own line on every read', () => {
    const broken = '---\ntitle: Новость\ndate: 2025-10-01\n  bad: indentation\n---\nТекст\n';
    content.write('news/2025-10-01-a.md', broken);
    content.write('news/2025-10-02-b.md', broken.replace('title: Новость\n', 'title: Новость\nsummary: x\n'));
    const first = cachedRead(content.dir).problems;
    const again = counted(() => cachedRead(content.dir));
    expect(again.parses).toBe(2);
    expect(again.result.problems).toEqual(first);
    expect(first.filter((p) => p.rule === 'yaml')).toHaveLength(2);
  });

  describe('a broken cache file is never trusted', () => {
    const breakings: [string, (bytes: Buffer) => Buffer][] = [
      ['cut short', (b) => b.subarray(0, Math.floor(b.length / 2))],
      ['empty', () => Buffer.alloc(0)],
      ['a byte changed', (b) => Buffer.from(b.map((x, i) => (i === b.length - 10 ? x ^ 0xff : x)))],
      ['a byte of the check changed', (b) => Buffer.from(b.map((x, i) => (i === 3 ? x ^ 0x01 : x)))],
      ['not a cache', () => Buffer.from('{"entries": []}')],
    ];
    for (const [what, breakIt] of breakings) {
      it(what, () => {
        const fresh = readCollections(collectionNames, content.dir);
        cachedRead(content.dir);
        const file = parseCacheFile(content.dir);
        fs.writeFileSync(file, breakIt(fs.readFileSync(file)));
        const again = counted(() => cachedRead(content.dir));
        expect(again.result).toEqual(fresh);
        expect(again.parses).toBeGreaterThan(5);
      });
    }
  });
});
