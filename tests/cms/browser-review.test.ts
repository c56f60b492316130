/**
 * The save check of a CMS on a Git host (cms/browser-review.ts, through
 * cms/save.ts): the registry and the settings come as Decap loads them
 * through its backend — entries with a slug and the data its formats parse
 * (cms/formats.ts) — and the build's own privacy review runs in the browser.
 * A registry name without consent and a phone number are refused with the
 * person named; a name the consent allows is saved; the answer matches the
 * dev server's review of the same content; without the registry there is no
 * save.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ReviewUnavailable, reviewInBrowser, type LoadedEntry } from '../../cms/browser-review.ts';
import { EntryRejected } from '../../cms/check-entry.ts';
import { reviewEntry } from '../../cms/server/check-server.ts';
import { settingsFormat, yamlFormat } from '../../cms/formats.ts';
import { backendReview, makePreSave, type LoadEntries } from '../../cms/save.ts';
import { tempContent } from '../helpers/fixture.ts';

const fixture = tempContent('minimal');
afterAll(() => fixture.cleanup());

/** A folder as Decap's backend returns it: one entry per file, data parsed by the collection's format. */
function decapEntries(dir: string, parse: (raw: string) => Record<string, unknown>): LoadedEntry[] {
  return fs.readdirSync(path.join(fixture.dir, dir)).map((name) => ({
    slug: name.replace(/\.[^.]+$/, ''),
    path: `content/${dir}/${name}`,
    data: parse(fs.readFileSync(path.join(fixture.dir, dir, name), 'utf8')),
  }));
}

const people = decapEntries('registry/people', (raw) => yamlFormat('people').fromFile(raw));
const settings = decapEntries('settings', (raw) => settingsFormat.fromFile(raw));
const loads: string[] = [];
const load: LoadEntries = (collection) => {
  loads.push(collection);
  return Promise.resolve(collection === 'people' ? people : collection === 'settings' ? settings : []);
};

const TODAY = '2026-01-10';
const news = { title: 'Открытый урок', date: '2026-01-10', summary: 'Кратко.', stage: 7 };
const request = (body: string) => ({ collection: 'news', id: '2026-01-10-urok', data: news, body });

/** The slice of Decap's Immutable entry the save hook touches. */
function entry(data: Record<string, unknown>) {
  const dataMap = (d: Record<string, unknown>) => ({ toJS: () => d, set: (k: string, v: unknown) => dataMap({ ...d, [k]: v }) });
  const fields: Record<string, unknown> = { collection: 'news', data: dataMap(data), newRecord: true };
  return { entry: { get: (key: string) => fields[key] } };
}

const preSave = makePreSave({
  loadTaken: () => Promise.resolve({}),
  review: (r) => backendReview(r, load, TODAY),
  confirm: () => true,
});

describe('the privacy review in the browser, with the registry read through the CMS backend', () => {
  it('refuses a registry name without a dissemination consent, naming the person, and reads the registry to do so', async () => {
    loads.length = 0;
    const error: unknown = await preSave(entry({ ...news, body: 'Урок провёл Илья Петрович Образцов.' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EntryRejected);
    expect(String(error)).toContain('Сайт не опубликует такую запись');
    expect(String(error)).toContain('Образцов Илья Петрович');
    expect(String(error)).not.toContain('p-002');
    expect(loads.sort()).toEqual(['people', 'settings']);
  });

  it('refuses a phone number, and saves a name the consent allows on this site', async () => {
    await expect(preSave(entry({ ...news, body: 'Звоните: +7 (921) 555-12-34.' }))).rejects.toThrow(/телефон или e-mail/);
    await expect(preSave(entry({ ...news, body: 'Урок провела Анна Сергеевна Примерова.' }))).resolves.toBeDefined();
  });

  it('answers as the dev server does for the same content', () => {
    for (const body of ['Урок провёл Илья Петрович Образцов.', 'Звоните: +7 (921) 555-12-34.', 'Урок провела Анна Сергеевна Примерова.']) {
      const browser = reviewInBrowser(request(body), { people, settings }, TODAY);
      const server = reviewEntry(request(body), fixture.dir, TODAY);
      expect(browser.withheld.map((p) => p.message)).toEqual(server.withheld.map((p) => p.message));
    }
  });

  it('does not read the registry for a collection the site never publishes', async () => {
    loads.length = 0;
    await expect(backendReview({ collection: 'people', id: 'p-009', data: {} }, load, TODAY)).resolves.toEqual({
      errors: [],
      withheld: [],
      warnings: [],
    });
    expect(loads).toEqual([]);
  });

  it('refuses to save when the registry or the settings cannot be read', async () => {
    const broken = makePreSave({
      loadTaken: () => Promise.resolve({}),
      review: (r) => backendReview(r, () => Promise.reject(new Error('401')), TODAY),
      confirm: () => true,
    });
    await expect(broken(entry({ ...news, body: 'Текст.' }))).rejects.toThrow(/реестр участников не прочитан из хранилища/);
    expect(() => reviewInBrowser(request('Текст.'), { people, settings: [] }, TODAY)).toThrow(ReviewUnavailable);
  });
});
