/**
 * Publishing a staged output: the new site takes the old one's place at
 * once, the old one leaves the output's folder at once and is deleted in
 * the background, through the build cache's trash.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { publishStaging, stagingDirOf } from '../../src/build/staged-output.ts';

let work: string;
let cache: string;
const saved = process.env.NASTAVNIK_CACHE_DIR;

const site = (dir: string, pages: number, text: string) => {
  for (let i = 0; i < pages; i++) {
    fs.mkdirSync(path.join(dir, `p${i}`), { recursive: true });
    fs.writeFileSync(path.join(dir, `p${i}`, 'index.html'), text);
  }
};

async function until(condition: () => boolean, ms = 15_000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (condition()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return condition();
}

beforeEach(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'nastavnik-publish-'));
  cache = path.join(work, 'cache');
  process.env.NASTAVNIK_CACHE_DIR = cache;
});
afterEach(() => {
  if (saved === undefined) delete process.env.NASTAVNIK_CACHE_DIR;
  else process.env.NASTAVNIK_CACHE_DIR = saved;
  fs.rmSync(work, { recursive: true, force: true });
});

describe('publishStaging', () => {
  it('replaces the output, leaves nothing beside it, and deletes the old output in the background', async () => {
    const dist = path.join(work, 'dist');
    site(dist, 300, 'старый');
    const staging = stagingDirOf(dist);
    site(staging, 3, 'новый');
    publishStaging(staging, dist);
    expect(fs.readdirSync(work).sort()).toEqual(['cache', 'dist']);
    expect(fs.readdirSync(dist)).toHaveLength(3);
    expect(fs.readFileSync(path.join(dist, 'p0', 'index.html'), 'utf8')).toBe('новый');
    const trash = path.join(cache, 'trash');
    expect(await until(() => fs.readdirSync(trash).length === 0)).toBe(true);
  });

  it('publishes a first build without an old output to take away', () => {
    const dist = path.join(work, 'dist');
    const staging = stagingDirOf(dist);
    site(staging, 2, 'первый');
    publishStaging(staging, dist);
    expect(fs.readdirSync(dist)).toHaveLength(2);
    expect(fs.existsSync(path.join(cache, 'trash'))).toBe(false);
  });

  it('deletes what a killed deletion left in the trash with the next replaced output', async () => {
    const dist = path.join(work, 'dist');
    const left = path.join(cache, 'trash', 'dist.previous-1-1');
    site(left, 5, 'брошенный');
    site(dist, 2, 'старый');
    site(stagingDirOf(dist), 2, 'новый');
    publishStaging(stagingDirOf(dist), dist);
    expect(await until(() => fs.readdirSync(path.join(cache, 'trash')).length === 0)).toBe(true);
  });
});
