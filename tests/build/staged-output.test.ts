/**
 * The published output is replaced whole, after every post-build step, or
 * not at all: a server reading dist/ during a build always finds a complete
 * site; an interrupted build leaves the previous output as it was; two
 * builds in one checkout take turns.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireLock, lockPath, withLock } from '../../src/build/lock.ts';
import { tempContent } from '../helpers/fixture.ts';
import { ROOT } from '../helpers/paths.ts';
import { fileHashes } from '../helpers/tree.ts';
import { runNode, type RunResult } from '../helpers/run.ts';

const content = tempContent();
const work = `${content.dir}-out`;
const dist = path.join(work, 'dist');
const env = { CONTENT_DIR: content.dir };
const build = (extra: Record<string, string> = {}) =>
  runNode(['node_modules/astro/bin/astro.mjs', 'build', '--outDir', dist], { ...env, ...extra }, 600_000);

/** Starts a build and resolves when its log matches `when`, returning the running child. */
function buildUntil(when: RegExp): Promise<{ child: ChildProcess; log: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', dist], {
      cwd: ROOT,
      env: { ...process.env, ...env, NO_COLOR: '1', ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let log = '';
    const timer = setTimeout(() => reject(new Error(`no ${when} in:\n${log.slice(-2000)}`)), 300_000);
    const onData = (d: Buffer) => {
      log += d.toString();
      if (when.test(log)) {
        clearTimeout(timer);
        resolve({ child, log: () => log });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', () => {
      clearTimeout(timer);
      if (!when.test(log)) reject(new Error(`build ended before ${when}:\n${log.slice(-2000)}`));
    });
  });
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((r) => child.once('exit', () => r()));

let first: RunResult;
beforeAll(async () => {
  first = await build();
}, 600_000);

afterAll(() => {
  content.cleanup();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('staged output', () => {
  it('builds into dist/ and leaves no staging folder behind', () => {
    expect(first.code, first.stdout.slice(-2000)).toBe(0);
    expect(fs.existsSync(path.join(dist, 'index.html'))).toBe(true);
    expect(fs.readdirSync(work)).toEqual(['dist']);
  });

  it('never shows a reader an empty or partial site while it rebuilds', async () => {
    const must = ['index.html', 'news/index.html', '_headers', 'pagefind/pagefind.js', 'sitemap-index.xml'];
    const missing = new Set<string>();
    let polls = 0;
    let running = true;
    const watcher = (async () => {
      while (running) {
        for (const f of must) if (!fs.existsSync(path.join(dist, f))) missing.add(f);
        polls++;
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    const second = await build();
    running = false;
    await watcher;
    expect(second.code, second.stdout.slice(-2000)).toBe(0);
    expect(polls).toBeGreaterThan(50);
    expect([...missing]).toEqual([]);
  });

  it('leaves the previous output untouched when the build is killed in its post-build steps, and cleans up next time', async () => {
    const before = fileHashes(dist);
    const { child, log } = await buildUntil(/nastavnik:strip-metadata|nastavnik:security-headers/);
    process.kill(-child.pid!, 'SIGKILL');
    await exited(child);
    expect(log()).not.toMatch(/publish-output/);
    expect(fileHashes(dist)).toEqual(before);
    expect(fs.readdirSync(work).some((n) => n.startsWith('dist.staging-'))).toBe(true);
    const next = await build();
    expect(next.code, (next.stdout + next.stderr).slice(-3000)).toBe(0);
    expect(next.stdout).toMatch(/удалена папка прерванной сборки/);
    expect(fs.readdirSync(work)).toEqual(['dist']);
  });

  // The test process holds the lock as another build would; its builds normally inherit it, so this one is told not to.
  const notLent = { NASTAVNIK_LOCK_HELD_BY: '' };

  it('makes a second build in the same checkout wait for the first, in Russian', async () => {
    const release = await acquireLock(lockPath(ROOT));
    const second = build(notLent);
    await new Promise((r) => setTimeout(r, 4_000));
    release();
    const result = await second;
    expect(result.code, result.stdout.slice(-2000)).toBe(0);
    expect(result.stdout + result.stderr).toMatch(new RegExp(`уже идёт сборка или работает npm start \\(процесс ${process.pid}\\) — жду`));
    expect(fs.existsSync(path.join(dist, 'pagefind/pagefind.js'))).toBe(true);
  });

  it('stops with a Russian message when the wait is over, and leaves dist/ as it was', async () => {
    const before = fileHashes(dist);
    const second = await withLock(lockPath(ROOT), () => build({ ...notLent, NASTAVNIK_LOCK_WAIT: '2' }));
    expect(second.code).not.toBe(0);
    expect(second.stdout + second.stderr).toMatch(/Сборка не начата: в этой папке проекта уже идёт сборка/);
    expect(second.stdout + second.stderr).not.toMatch(/^\s+at /m);
    expect(fileHashes(dist)).toEqual(before);
  });
});
