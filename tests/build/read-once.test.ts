/**
 * A build publishes the bytes it checked. An editor (or a Git pull) that
 * changes a file while the build runs must not get unchecked text onto the
 * site: the change is either in the checked snapshot or waits for the next
 * build.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { withAstroLock } from '../helpers/build-lock.ts';
import { tempContent } from '../helpers/fixture.ts';
import { ROOT } from '../helpers/paths.ts';

const content = tempContent();
const dist = `${content.dir}-dist`;
afterAll(() => {
  content.cleanup();
  fs.rmSync(dist, { recursive: true, force: true });
});

const NEWS = 'news/2025-09-01-start.md';
const PHONE = '+7 (921) 555-12-34';

/** Runs a build and, once Astro has synced the content, appends a phone number to a news body. */
function buildWhileEditing(): Promise<{ code: number | null; log: string; edited: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', dist], {
      cwd: ROOT,
      env: { ...process.env, CONTENT_DIR: content.dir, NO_COLOR: '1', ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    let edited = false;
    const onData = (d: Buffer) => {
      log += d.toString();
      if (!edited && /Synced content/i.test(log)) {
        edited = true;
        fs.appendFileSync(path.join(content.dir, NEWS), `\nЗвоните: ${PHONE}\n`);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const timer = setTimeout(() => child.kill('SIGKILL'), 240_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, log, edited });
    });
  });
}

describe('a file edited during the build', () => {
  it('is published as it was checked, not as it is on disk afterwards', async () => {
    const { code, log, edited } = await withAstroLock(buildWhileEditing);
    expect(edited, log.slice(-2000)).toBe(true);
    expect(code, log.slice(-2000)).toBe(0);
    expect(fs.readFileSync(path.join(content.dir, NEWS), 'utf8')).toContain(PHONE);
    const page = fs.readFileSync(path.join(dist, 'news/2025-09-01-start/index.html'), 'utf8');
    expect(page).toContain('кавычками');
    const published = fs
      .readdirSync(dist, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile() && /\.(html|xml|json)$/.test(d.name))
      .filter((d) => /921\D*555/.test(fs.readFileSync(path.join(d.parentPath, d.name), 'utf8')))
      .map((d) => path.relative(dist, path.join(d.parentPath, d.name)));
    expect(published).toEqual([]);
  });
});
