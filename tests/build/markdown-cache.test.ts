/**
 * The rendered-body cache: an unchanged body is read from the cache, a
 * changed body is rendered again, and old renderings are pruned.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

let dir: string;
let renderBody: (body: string) => string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nastavnik-md-'));
  vi.stubEnv('NASTAVNIK_CACHE_DIR', dir);
  vi.resetModules();
  ({ renderBody } = await import('../../src/build/markdown-cache.ts'));
});

afterAll(() => {
  vi.unstubAllEnvs();
  fs.rmSync(dir, { recursive: true, force: true });
});

const cached = () =>
  fs
    .readdirSync(path.join(dir, 'markdown'), { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith('.html'))
    .map((d) => path.join(d.parentPath, d.name));

describe('renderBody cache', () => {
  it('renders once, then serves the unchanged body from the cache', () => {
    const body = 'Он сказал "да" - и всё.\n';
    const first = renderBody(body);
    expect(first).toContain('«да»\u00a0— и');
    expect(cached()).toHaveLength(1);
    fs.writeFileSync(cached()[0]!, '<p>из кэша</p>');
    expect(renderBody(body)).toBe('<p>из кэша</p>');
  });

  it('renders a changed body again', () => {
    expect(renderBody('Другой текст.\n').trim()).toBe('<p>Другой текст.</p>');
    expect(cached()).toHaveLength(2);
  });
});
