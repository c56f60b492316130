/**
 * docs/deploy/deploy.sh: every deploy is a new release folder and one
 * symlink switch, so a reader never meets a half-updated site; a failed
 * deploy leaves the live release as it was; old releases are pruned but the
 * live one never is.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDebianPackage } from '../helpers/debian.ts';
import { ROOT } from '../helpers/paths.ts';

const run = promisify(execFile);
const SCRIPT = path.join(ROOT, 'docs/deploy/deploy.sh');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nastavnik-deploy-'));
const target = path.join(dir, 'www');

/** A fake build output: a version marker in every page, many pages so a copy takes a while. */
function site(name: string, version: string, pages = 400): string {
  const out = path.join(dir, name);
  for (let i = 0; i < pages; i++) {
    fs.mkdirSync(path.join(out, `p${i}`), { recursive: true });
    fs.writeFileSync(path.join(out, `p${i}`, 'index.html'), `<p>${version}</p>`.padEnd(4000, ' '));
  }
  fs.writeFileSync(path.join(out, 'index.html'), `<p>${version}</p>`);
  return out;
}

const deploy = (dist: string, release: string, keep = '3') =>
  run('bash', [SCRIPT, dist, target, keep], { env: { ...process.env, RELEASE: release }, timeout: 60_000 });
const live = (rel = 'index.html') => fs.readFileSync(path.join(target, 'current', rel), 'utf8');

beforeAll(() => ensureDebianPackage('/usr/bin/rsync', 'rsync'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('deploy.sh', () => {
  it('publishes a release and points current at it', async () => {
    await deploy(site('v1', 'v1'), 'r1');
    expect(fs.readlinkSync(path.join(target, 'current'))).toBe('releases/r1');
    expect(live()).toBe('<p>v1</p>');
  });

  it('never shows a mix of two releases while switching', async () => {
    const v2 = site('v2', 'v2');
    const seen = new Set<string>();
    let running = true;
    const reader = (async () => {
      while (running) {
        // Whatever `current` points to at any instant is one whole release: every page of it is there and of one version.
        const release = path.join(target, fs.readlinkSync(path.join(target, 'current')));
        const read = (rel: string) => fs.readFileSync(path.join(release, rel), 'utf8').trim();
        const versions = new Set([read('index.html'), read('p7/index.html'), read('p399/index.html')]);
        seen.add([...versions].sort().join('+'));
        await new Promise((r) => setTimeout(r, 1));
      }
    })();
    await deploy(v2, 'r2');
    running = false;
    await reader;
    expect([...seen].sort()).toEqual(['<p>v1</p>', '<p>v2</p>']);
    expect(live()).toBe('<p>v2</p>');
  });

  it('leaves the live release untouched when a deploy fails', async () => {
    await expect(deploy(path.join(dir, 'missing'), 'r3')).rejects.toThrow(/нет index\.html/);
    // A copy that fails half-way (here: the release folder cannot be created) must not switch anything.
    fs.writeFileSync(path.join(target, 'releases', 'r3.partial'), 'not a folder');
    await expect(deploy(site('v3', 'v3'), 'r3')).rejects.toThrow();
    expect(fs.readlinkSync(path.join(target, 'current'))).toBe('releases/r2');
    expect(live('p5/index.html').trim()).toBe('<p>v2</p>');
    expect(fs.existsSync(path.join(target, 'releases', 'r3'))).toBe(false);
    fs.rmSync(path.join(target, 'releases', 'r3.partial'));
  });

  it('refuses to overwrite an existing release', async () => {
    await expect(deploy(site('v4', 'v4'), 'r1')).rejects.toThrow(/уже есть/);
  });

  it('keeps the live release and the newest others, pruning the rest', async () => {
    for (const r of ['r4', 'r5', 'r6']) await deploy(site(`s-${r}`, r, 3), r, '2');
    expect(fs.readdirSync(path.join(target, 'releases')).sort()).toEqual(['r5', 'r6']);
    expect(fs.readlinkSync(path.join(target, 'current'))).toBe('releases/r6');
  });
});
