/**
 * Caches that outlive a run remember the content root they were made from:
 * a dev run on another root between two builds (it rewrites the shared
 * `.astro/` modules) must not leave the next build reading the other root's
 * entries or image imports.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { forgetOtherContentRoot } from '../../src/integrations/content-gate.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nastavnik-stores-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the data stores of build and dev', () => {
  it('drop a store made from another root, and the build store after a dev run of another root', () => {
    const build = path.join(dir, 'cache', 'data-store.json');
    const dev = path.join(dir, '.astro', 'data-store.json');
    const dotAstro = path.join(dir, '.astro');
    const write = (store: string, root: string) => {
      fs.mkdirSync(path.dirname(store), { recursive: true });
      fs.writeFileSync(store, root);
    };
    // A build of root A.
    expect(forgetOtherContentRoot(build, dotAstro, '/roots/a')).toBe(true);
    write(build, '/roots/a');
    // Another build of A keeps its store.
    expect(forgetOtherContentRoot(build, dotAstro, '/roots/a')).toBe(false);
    expect(fs.existsSync(build)).toBe(true);
    // A dev run of root B rewrites .astro/ for B.
    expect(forgetOtherContentRoot(dev, dotAstro, '/roots/b')).toBe(true);
    write(dev, '/roots/b');
    // The next build of A must not trust its store: .astro/ now holds B's modules.
    expect(forgetOtherContentRoot(build, dotAstro, '/roots/a')).toBe(true);
    expect(fs.existsSync(build)).toBe(false);
    write(build, '/roots/a');
    expect(forgetOtherContentRoot(build, dotAstro, '/roots/a')).toBe(false);
  });
});
