/**
 * A warm build stays correct after a build of another content root in the
 * same checkout and with the same caches (Astro shares the project's
 * .astro/ and its data store between them): the demo site, its images
 * resolved, builds again.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { astroBuild } from '../helpers/run.ts';
import { FIXTURES, TEST_RUNS } from '../helpers/paths.ts';

const run = path.join(TEST_RUNS, `warm-${process.pid}`);
afterAll(() => fs.rmSync(run, { recursive: true, force: true }));

describe('warm build after another content root', () => {
  it('builds the demo again from its warm cache, images included', { timeout: 600_000 }, async () => {
    const caches = { NASTAVNIK_CACHE_DIR: path.join(run, 'cache') };
    const first = await astroBuild(path.join(run, 'demo-1'), caches);
    expect(first.code, first.stderr.slice(-2000)).toBe(0);
    const other = await astroBuild(path.join(run, 'other'), { ...caches, CONTENT_DIR: path.join(FIXTURES, 'minimal') });
    expect(other.code, other.stderr.slice(-2000)).toBe(0);
    const again = await astroBuild(path.join(run, 'demo-2'), caches);
    expect(again.code, (again.stdout + again.stderr).slice(-2000)).toBe(0);
    const news = fs
      .readdirSync(path.join(run, 'demo-2', 'news'))
      .filter((d) => fs.existsSync(path.join(run, 'demo-2', 'news', d, 'index.html')));
    const withPicture = news.filter((d) => fs.readFileSync(path.join(run, 'demo-2', 'news', d, 'index.html'), 'utf8').includes('<picture'));
    expect(withPicture.length).toBeGreaterThan(0);
  });
});
