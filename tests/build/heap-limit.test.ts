/**
 * The pages' process gets a heap limit that grows with the content and
 * yields to one the caller set (src/build/heap-limit.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { countEntries, pagesHeapLimit, pagesHeapLimitMb } from '../../src/build/heap-limit.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'nastavnik-heap-'));
const write = (rel: string) => {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  fs.writeFileSync(path.join(root, rel), 'x');
};

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('heap limit of the pages’ process', () => {
  it('counts Markdown and YAML entries, not images or hidden folders', () => {
    for (const f of [
      'news/a.md',
      'news/b.mdx',
      'site/settings.yaml',
      'people/p.yml',
      'news/a.jpg',
      '.git/x.md',
      '.git/refs/y.md',
      'uploads/doc.pdf',
    ])
      write(f);
    expect(countEntries(root)).toBe(4);
    expect(countEntries(path.join(root, 'missing'))).toBe(0);
  });

  it('grows with the content and never falls below the base', () => {
    expect(pagesHeapLimitMb(0)).toBe(384);
    expect(pagesHeapLimitMb(7560)).toBeGreaterThan(pagesHeapLimitMb(1000));
    expect(pagesHeapLimitMb(14_900)).toBeGreaterThan(pagesHeapLimitMb(7560));
    expect(pagesHeapLimitMb(-5)).toBe(384);
  });

  it('sets the limit unless the caller has set one', () => {
    expect(pagesHeapLimit(root, { nodeOptions: '', execArgv: [] })).toBe(pagesHeapLimitMb(4));
    expect(pagesHeapLimit(root, { nodeOptions: '--max-old-space-size=3000', execArgv: [] })).toBeUndefined();
    expect(pagesHeapLimit(root, { nodeOptions: undefined, execArgv: ['--max_old_space_size=900'] })).toBeUndefined();
  });
});
