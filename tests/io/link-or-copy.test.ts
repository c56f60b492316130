import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { linkOrCopy, linkTree } from '../../src/io/link-or-copy.ts';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nastavnik-link-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const put = (rel: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  fs.writeFileSync(path.join(dir, rel), text);
};

describe('linkOrCopy', () => {
  it('links: the output is the cached file, not a second copy of its bytes', () => {
    put('cache/a.png', 'карточка');
    linkOrCopy(path.join(dir, 'cache/a.png'), path.join(dir, 'a.png'));
    expect(fs.statSync(path.join(dir, 'a.png')).ino).toBe(fs.statSync(path.join(dir, 'cache/a.png')).ino);
  });

  it('replaces a file already at the target with the cached one', () => {
    put('cache/a.png', 'новая');
    put('out/a.png', 'старая');
    linkOrCopy(path.join(dir, 'cache/a.png'), path.join(dir, 'out/a.png'));
    expect(fs.readFileSync(path.join(dir, 'out/a.png'), 'utf8')).toBe('новая');
    expect(fs.statSync(path.join(dir, 'out/a.png')).ino).toBe(fs.statSync(path.join(dir, 'cache/a.png')).ino);
  });

  it('fails on a missing source, so the caller can make the file anew', () => {
    expect(() => linkOrCopy(path.join(dir, 'нет.png'), path.join(dir, 'a.png'))).toThrow(/ENOENT/);
  });
});

describe('linkTree', () => {
  it('places every file of a folder tree at the same paths, except the skipped names', () => {
    put('bundle/pagefind.js', 'js');
    put('bundle/fragment/ru_1.pf_fragment', 'f');
    put('bundle/.pages.json', '{}');
    linkTree(path.join(dir, 'bundle'), path.join(dir, 'site/pagefind'), (name) => name === '.pages.json');
    const files = fs.readdirSync(path.join(dir, 'site/pagefind'), { recursive: true }).map(String).sort();
    expect(files).toEqual(['fragment', path.join('fragment', 'ru_1.pf_fragment'), 'pagefind.js']);
  });
});
