/**
 * Page keys of lists and other pages without an entry of their own: one per
 * path, stable while nothing the route reads changes, new when it does — an
 * entry of a collection the route reads, an uploaded file whose size a page
 * prints, the review's day.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageKeys } from '../../src/build/page-keys.ts';
import { reviewContent } from '../../src/privacy/gate.ts';
import { tempContent } from '../helpers/fixture.ts';

const content = tempContent();
const uploads = fs.mkdtempSync(path.join(os.tmpdir(), 'nastavnik-page-keys-uploads-'));
const saved = { UPLOADS_DIR: process.env.UPLOADS_DIR, NASTAVNIK_CACHE_DIR: process.env.NASTAVNIK_CACHE_DIR };

beforeAll(() => {
  process.env.UPLOADS_DIR = uploads;
  process.env.NASTAVNIK_CACHE_DIR = path.join(uploads, '..', `${path.basename(uploads)}-cache`);
  fs.mkdirSync(path.join(uploads, 'documents'), { recursive: true });
  fs.writeFileSync(path.join(uploads, 'documents', 'plan.txt'), 'План на год.\n');
});

afterAll(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  content.cleanup();
  fs.rmSync(uploads, { recursive: true, force: true });
  fs.rmSync(`${uploads}-cache`, { recursive: true, force: true });
});

const keysOf = (today = '2026-03-01') => pageKeys(reviewContent(content.dir, today), content.dir, today);
const newsList = { route: 'src/pages/news/[...page].astro', pathname: '/news' };
const bankList = { route: 'src/pages/practices/index.astro', pathname: '/practices' };

describe('keys of pages without an entry', () => {
  it('differ by path and stay the same while nothing read changes', () => {
    const a = keysOf();
    const b = keysOf();
    expect(b.keyOf(newsList, ['news'])).toBe(a.keyOf(newsList, ['news']));
    expect(a.keyOf({ ...newsList, pathname: '/news/2' }, ['news'])).not.toBe(a.keyOf(newsList, ['news']));
    expect(a.keyOf(newsList, ['news', 'news'])).toBe(a.keyOf(newsList, ['news']));
    expect(a.keyOf(newsList, ['news', 'events'])).not.toBe(a.keyOf(newsList, ['news']));
  });

  it('change with an entry of a collection the route reads, and only then', () => {
    const before = keysOf();
    content.edit('news/2025-09-01-start.md', (t) => t.replace('title: Стартовала', 'title: Началась'));
    const after = keysOf();
    expect(after.keyOf(newsList, ['news'])).not.toBe(before.keyOf(newsList, ['news']));
    expect(after.keyOf(bankList, ['practices', 'events'])).toBe(before.keyOf(bankList, ['practices', 'events']));
  });

  it('change with the bytes of an uploaded file and with the review day', () => {
    const before = keysOf();
    fs.writeFileSync(path.join(uploads, 'documents', 'plan.txt'), 'План на год, исправленный.\n');
    const after = keysOf();
    expect(after.keyOf(bankList, ['practices'])).not.toBe(before.keyOf(bankList, ['practices']));
    expect(keysOf('2026-03-02').keyOf(bankList, ['practices'])).not.toBe(after.keyOf(bankList, ['practices']));
  });
});
