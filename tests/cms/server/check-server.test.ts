/**
 * The dev server's half of the save check (cms/server/check-server.ts), over the
 * demo content and a fixture: an edited entry stands in for its file, a new
 * one joins its folder, the answer sorts problems by what they mean for the
 * editor and names registry people by name, and requests it cannot read are
 * refused. (Its HTTP side, behind the local API's guard, is tested in
 * tests/e2e/cms-api-guard.test.ts.)
 */
import { afterAll, describe, expect, it } from 'vitest';
import { CheckRequestError, reviewEntry } from '../../../cms/server/check-server.ts';
import { reviewContent } from '../../../src/privacy/gate.ts';
import { tempContent } from '../../helpers/fixture.ts';
import { SCHOOL_FIXTURE } from '../../helpers/paths.ts';

const demo = [...reviewContent(SCHOOL_FIXTURE).entries.values()].flatMap((m) => [...m.values()]);
const practice = demo.find((e) => e.collection === 'practices')!;
const person = demo.find((e) => e.collection === 'people' && (e.parsed as { id: string }).id === 'p-007')!;

describe('reviewEntry', () => {
  it('finds nothing in an entry saved as it is', () => {
    expect(
      reviewEntry(
        { collection: 'practices', file: practice.file, data: practice.data as Record<string, unknown>, body: practice.body },
        SCHOOL_FIXTURE,
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
      SCHOOL_FIXTURE,
    );
    expect(review.errors).toEqual([]);
    expect(review.withheld).toEqual([expect.objectContaining({ file: practice.file, rule: 'pii-contact' })]);
    expect(JSON.stringify(review)).not.toContain('555-12-34');
  });

  it('checks a new entry in its collection folder: its authors must be in the registry', () => {
    const data = { ...(practice.data as Record<string, unknown>), authors: ['p-999'] };
    const review = reviewEntry({ collection: 'practices', id: 'novaya-praktika', data, body: practice.body }, SCHOOL_FIXTURE);
    expect(review.errors).toEqual([
      expect.objectContaining({ file: 'tests/fixtures/school/practices/novaya-praktika.md', rule: 'reference', field: 'authors.0' }),
    ]);
  });

  it('reviews a registry record too, and never reaches outside the collection folder', () => {
    const data = { ...(person.data as Record<string, unknown>), id: 'p-007' };
    expect(reviewEntry({ collection: 'people', file: person.file, data }, SCHOOL_FIXTURE).errors).toEqual([]);
    expect(() => reviewEntry({ collection: 'practices', file: 'content/news/x.md', data }, SCHOOL_FIXTURE)).toThrow(CheckRequestError);
    expect(() => reviewEntry({ collection: 'practices', id: '../news/x', data }, SCHOOL_FIXTURE)).toThrow(CheckRequestError);
    expect(() => reviewEntry({ collection: 'toString', id: 'x', data }, SCHOOL_FIXTURE)).toThrow(/unknown collection/);
    for (const bad of [null, { collection: 42 }, { collection: 'news', id: 7, data }, { collection: 'news', id: 'x', data, body: {} }]) {
      expect(() => reviewEntry(bad as never, SCHOOL_FIXTURE)).toThrow(CheckRequestError);
    }
  });
});

describe('reviewEntry names people', () => {
  const fixture = tempContent('minimal');
  afterAll(() => fixture.cleanup());
  const news = { title: 'Открытый урок', date: '2026-01-10', summary: 'Кратко.', stage: 7 };

  it('by «Фамилия Имя Отчество» in a withheld name or reference, never by registry id', () => {
    const review = reviewEntry(
      { collection: 'news', id: '2026-01-10-urok', data: news, body: 'Урок провёл Илья Петрович Образцов.' },
      fixture.dir,
    );
    expect(review.errors).toEqual([]);
    expect(review.withheld).toEqual([expect.objectContaining({ rule: 'pii-name' })]);
    expect(review.withheld[0]!.message).toContain('Образцов Илья Петрович');
    expect(JSON.stringify(review)).not.toMatch(/p-00\d/);
  });
});
