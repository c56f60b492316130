/**
 * The dev server's half of the save check (cms/check-server.ts), over the
 * demo content and through a real HTTP server: an edited entry stands in for
 * its file, a new one joins its folder, the answer sorts problems by what
 * they mean for the editor, and requests it cannot read get a 400.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECK_PATH, checkMiddleware, CheckRequestError, reviewEntry, type EntryReview } from '../../cms/check-server.ts';
import { validateContent } from '../../src/lib/validate-content.ts';
import { DEMO_CONTENT } from '../helpers/paths.ts';

const demo = [...validateContent(DEMO_CONTENT).entries.values()].flatMap((m) => [...m.values()]);
const practice = demo.find((e) => e.collection === 'practices')!;
const person = demo.find((e) => e.collection === 'people' && (e.parsed as { id: string }).id === 'p-007')!;

describe('reviewEntry', () => {
  it('finds nothing in an entry saved as it is', () => {
    expect(
      reviewEntry(
        { collection: 'practices', file: practice.file, data: practice.data as Record<string, unknown>, body: practice.body },
        DEMO_CONTENT,
      ),
    ).toEqual({
      errors: [],
      withheld: [],
      warnings: [],
    });
  });

  it('reviews the edited text in place of the file: a phone number is withheld, the old text does not count', () => {
    const body = `${practice.body}\n\nВопросы — по телефону +7 (921) 555-12-34.`;
    const review = reviewEntry(
      { collection: 'practices', file: practice.file, data: practice.data as Record<string, unknown>, body },
      DEMO_CONTENT,
    );
    expect(review.errors).toEqual([]);
    expect(review.withheld).toEqual([expect.objectContaining({ file: practice.file, rule: 'pii-contact' })]);
    expect(JSON.stringify(review)).not.toContain('555-12-34');
  });

  it('checks a new entry in its collection folder: its authors must be in the registry', () => {
    const data = { ...(practice.data as Record<string, unknown>), authors: ['p-999'] };
    const review = reviewEntry({ collection: 'practices', id: 'novaya-praktika', data, body: practice.body }, DEMO_CONTENT);
    expect(review.errors).toEqual([
      expect.objectContaining({ file: 'content/practices/novaya-praktika.md', rule: 'reference', field: 'authors.0' }),
    ]);
  });

  it('reviews a registry record too, and never reaches outside the collection folder', () => {
    const data = { ...(person.data as Record<string, unknown>), id: 'p-007' };
    expect(reviewEntry({ collection: 'people', file: person.file, data }, DEMO_CONTENT).errors).toEqual([]);
    expect(() => reviewEntry({ collection: 'practices', file: 'content/news/x.md', data }, DEMO_CONTENT)).toThrow(CheckRequestError);
    expect(() => reviewEntry({ collection: 'practices', id: '../news/x', data }, DEMO_CONTENT)).toThrow(CheckRequestError);
    expect(() => reviewEntry({ collection: 'toString', id: 'x', data }, DEMO_CONTENT)).toThrow(/unknown collection/);
  });
});

describe(`POST ${CHECK_PATH}`, () => {
  let server: http.Server;
  let url: string;
  beforeAll(async () => {
    const middleware = checkMiddleware();
    server = http.createServer((req, res) =>
      middleware(req, res, () => {
        res.statusCode = 404;
        res.end();
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const post = (body: string) => fetch(`${url}${CHECK_PATH}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

  it('answers with the review as JSON', async () => {
    const res = await post(JSON.stringify({ collection: 'practices', file: practice.file, data: practice.data, body: practice.body }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect((await res.json()) as EntryReview).toEqual({ errors: [], withheld: [], warnings: [] });
  });

  it('answers 400 to what it cannot read, and leaves other requests to the next handler', async () => {
    expect((await post('{not json')).status).toBe(400);
    expect((await post(JSON.stringify({ collection: 'nope', id: 'x', data: {} }))).status).toBe(400);
    expect((await fetch(`${url}${CHECK_PATH}`)).status).toBe(404);
    expect((await fetch(`${url}/admin/other`, { method: 'POST', body: '{}' })).status).toBe(404);
  });
});
