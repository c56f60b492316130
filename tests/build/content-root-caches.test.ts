/**
 * Caches that outlive a run remember the content root they were made from:
 * a dev run on another root between two builds must not leave the next
 * build reading the other root's entries.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { forgetOtherContentRoot } from '../../src/integrations/content-gate.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nastavnik-stores-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the data stores of build and dev', () => {
  it('drop a store made from another root, each store on its own account', () => {
    const build = path.join(dir, 'cache', 'data-store.json');
    const dev = path.join(dir, '.astro', 'data-store.json');
    const write = (store: string, root: string) => {
      fs.mkdirSync(path.dirname(store), { recursive: true });
      fs.writeFileSync(store, root);
    };
    // build of root B, then dev of root A, then a build of root A.
    forgetOtherContentRoot(build, '/roots/b');
    write(build, '/roots/b');
    forgetOtherContentRoot(dev, '/roots/a');
    write(dev, '/roots/a');
    expect(forgetOtherContentRoot(build, '/roots/a')).toBe(true);
    expect(fs.existsSync(build)).toBe(false);
    write(build, '/roots/a');
    // the same root again keeps each store.
    expect(forgetOtherContentRoot(build, '/roots/a')).toBe(false);
    expect(forgetOtherContentRoot(dev, '/roots/a')).toBe(false);
    expect(fs.readFileSync(build, 'utf8')).toBe('/roots/a');
    expect(fs.readFileSync(dev, 'utf8')).toBe('/roots/a');
  });
});
