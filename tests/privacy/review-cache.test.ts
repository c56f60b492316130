/**
 * The privacy review's verdict cache: a rebuild reviews only the entries
 * that changed, and a verdict is never reused once anything it depends on
 * has changed — the registry's consents, the day, the settings, the site's
 * address, one character of the entry — or when the cache file is broken.
 * With or without the cache, the review finds exactly the same.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cacheDir, contentRootKey } from '../../src/io/cache-dir.ts';
import { reviewContent, reviewInputOf } from '../../src/privacy/gate.ts';
import { reviewPrivacy, type PrivacyReview } from '../../src/privacy/review.ts';
import { openVerdictCache } from '../../src/privacy/review-cache.ts';
import { validateContent } from '../../src/validate/validate.ts';
import { tempContent, type TempContent } from '../helpers/fixture.ts';
import { DEMO_CONTENT } from '../helpers/paths.ts';

const TODAY = '2026-03-01';
const NEWS = 'news/2025-09-01-start.md';
let content: TempContent;
let cacheFolder: string;
let cacheFile: string;

beforeEach(() => {
  content = tempContent();
  cacheFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'nastavnik-review-cache-'));
  cacheFile = path.join(cacheFolder, 'verdicts.json');
});
afterEach(() => {
  content.cleanup();
  fs.rmSync(cacheFolder, { recursive: true, force: true });
  delete process.env.SITE_URL;
});

function review(dir: string, today = TODAY, file: string | undefined = cacheFile): PrivacyReview & { reused?: number } {
  const input = reviewInputOf(validateContent(dir).entries, today);
  if (!input) throw new Error('fixture without settings');
  return reviewPrivacy({ ...input, ...(file ? { verdicts: (site: unknown) => openVerdictCache(file, site) } : {}) });
}

/** What the site publishes of a review, comparable with toEqual. */
function outcome(r: PrivacyReview) {
  const sorted = <T>(xs: T[]) => [...xs].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return {
    problems: sorted(r.problems),
    withheld: sorted([...r.withheld].flatMap(([c, ids]) => [...ids].map((id) => `${c}/${id}`))),
    redactions: sorted([...r.redactions].flatMap(([c, byId]) => [...byId].map(([id, paths]) => [`${c}/${id}`, paths]))),
  };
}

/** Reviews with the warm cache after `change`, and checks it against a review without any cache. */
function afterChange(change: () => void, today = TODAY) {
  const before = outcome(review(content.dir));
  change();
  const cached = review(content.dir, today);
  const fresh = review(content.dir, today, undefined);
  expect(outcome(cached)).toEqual(outcome(fresh));
  // The change itself must matter, or the test proves nothing.
  expect(outcome(fresh)).not.toEqual(before);
  return outcome(cached);
}

const addToNews = (text: string) => content.edit(NEWS, (t) => `${t}\n${text}\n`);
const rules = (o: ReturnType<typeof outcome>) => o.problems.map((p) => p.rule);

describe('review verdict cache', () => {
  it('reuses the verdict of every unchanged entry and reviews the edited one again', () => {
    const first = review(content.dir);
    expect(first.reused).toBe(0);
    const again = review(content.dir);
    const reviewed = again.reused!;
    expect(reviewed).toBeGreaterThan(5);
    expect(outcome(again)).toEqual(outcome(first));
    addToNews('Ещё одна строка.');
    expect(review(content.dir).reused).toBe(reviewed - 1);
  });

  it('reads the verdicts of an earlier process from the cache file', () => {
    review(content.dir);
    expect(fs.existsSync(cacheFile)).toBe(true);
    const copy = path.join(cacheFolder, 'copy.json');
    fs.copyFileSync(cacheFile, copy);
    expect(review(content.dir, TODAY, copy).reused).toBeGreaterThan(5);
  });

  it('(a) does not reuse a verdict when the consent of a person the entry names changes', () => {
    addToNews('Открытый урок провела Анна Сергеевна Примерова.');
    const o = afterChange(() =>
      content.edit('registry/people/p-001.yaml', (t) =>
        t.replace('    allow: [name, position]', '    allow: [name, position]\n    withdrawn: 2026-02-01'),
      ),
    );
    expect(rules(o)).toContain('consent-withdrawn');
    expect(o.withheld).toContain('news/2025-09-01-start');
  });

  it('(a) does not reuse a verdict when the consent of a person the entry refers to changes', () => {
    content.edit('programs/np-2025-01.md', (t) => t.replace('mentor: p-001', 'mentor: p-001\ncurator: p-003'));
    const withdraw = (id: string) =>
      content.edit(`registry/people/${id}.yaml`, (t) =>
        t.replace('  processing: { signed: 2025-09-01 }', '  processing: { signed: 2025-09-01, withdrawn: 2026-02-01 }'),
      );
    const curator = afterChange(() => withdraw('p-003'));
    expect(curator.redactions.map(([entry]) => entry)).toEqual(['programs/np-2025-01']);
    const mentee = afterChange(() => withdraw('p-002'));
    expect(mentee.withheld).toContain('programs/np-2025-01');
  });

  it('(a) does not reuse a verdict when a person enters the registry under a name the entry mentions', () => {
    addToNews('Открытый урок провёл Семён Аркадьевич Новиков.');
    const o = afterChange(() =>
      content.write(
        'registry/people/p-009.yaml',
        content
          .read('registry/people/p-003.yaml')
          .replace('p-003', 'p-009')
          .replace('{ last: Запасов, first: Пётр, middle: Ильич }', '{ last: Новиков, first: Семён, middle: Аркадьевич }'),
      ),
    );
    expect(rules(o)).toContain('pii-name');
  });

  it('(b) does not reuse a verdict once the review day passes a consent’s expiry', () => {
    addToNews('Открытый урок провела Анна Сергеевна Примерова.');
    content.edit('registry/people/p-001.yaml', (t) =>
      t.replace('    allow: [name, position]', '    allow: [name, position]\n    validUntil: 2026-03-10'),
    );
    const o = afterChange(() => {}, '2026-03-11');
    expect(rules(o)).toContain('consent-expired');
  });

  it('(c) does not reuse a verdict when k-anonymity changes', () => {
    const o = afterChange(() => content.edit('settings/site.yaml', (t) => `${t.trimEnd()}\nkAnonymity: 10\n`));
    expect(rules(o)).toContain('k-anonymity');
  });

  it('(c) does not reuse a verdict when the site address changes, in the settings or in SITE_URL', () => {
    addToNews('Открытый урок провела Анна Сергеевна Примерова.');
    const settings = afterChange(() =>
      content.edit('settings/site.yaml', (t) => t.replace('https://nastavnik.school1.example/', 'https://other.example/')),
    );
    expect(rules(settings)).toContain('dissemination-not-allowed');
    content.edit('settings/site.yaml', (t) => t.replace('https://other.example/', 'https://nastavnik.school1.example/'));
    const env = afterChange(() => (process.env.SITE_URL = 'https://mirror.example/'));
    expect(rules(env)).toContain('dissemination-not-allowed');
  });

  it('(c) does not reuse a verdict when the school’s own contacts change', () => {
    addToNews('Звоните: +7 (812) 000-00-01.');
    const o = afterChange(() => content.edit('settings/site.yaml', (t) => t.replace('+7 (812) 000-00-01', '+7 (812) 000-00-02')));
    expect(rules(o)).toContain('pii-contact');
  });

  it('(d) does not reuse a verdict when the body changes by one character', () => {
    addToNews('Открытый урок провёл Илья Петрович Образцох.');
    const o = afterChange(() => content.edit(NEWS, (t) => t.replace('Образцох', 'Образцов')));
    expect(rules(o)).toContain('pii-name');
  });

  it('(d) does not reuse a verdict when one field of the front matter changes', () => {
    const o = afterChange(() => content.edit(NEWS, (t) => t.replace('title: Стартовала', 'title: Илья Петрович Образцов открыл')));
    expect(rules(o)).toContain('pii-name');
  });

  describe('(e) a broken cache file is never trusted', () => {
    const breakings: [string, (text: string) => string][] = [
      ['cut short', (t) => t.slice(0, Math.floor(t.length / 2))],
      ['not JSON', () => '\u0000\u0001garbage'],
      ['of another shape', () => JSON.stringify({ entries: [1, 2, 3] })],
      ['an empty object', () => '{}'],
      // A verdict that says less than it did, its check left as it was: a flipped or lost byte.
      [
        'clean verdicts written over',
        (t) => t.replace(/\{\\"problems\\":\[\{[^\]]*\],\\"blocked\\":true/g, '{\\"problems\\":[],\\"blocked\\":false'),
      ],
      ['checks removed', (t) => t.replace(/\["[A-Za-z0-9_-]{43}",/g, '["",')],
    ];
    for (const [what, breakIt] of breakings) {
      it(`${what}: the entry naming a person without consent is still withheld`, () => {
        addToNews('Открытый урок провёл Илья Петрович Образцов.');
        const first = review(content.dir);
        expect(first.withheld.get('news')?.has('2025-09-01-start')).toBe(true);
        const original = fs.readFileSync(cacheFile, 'utf8');
        const broken = breakIt(original);
        expect(broken).not.toBe(original);
        fs.writeFileSync(cacheFile, broken);
        const again = review(content.dir);
        expect(outcome(again)).toEqual(outcome(first));
      });
    }
  });
});

/** Every consent state the policy knows, each person named in a news item, a practice and a programme. */
function everyConsentState(c: TempContent): void {
  const base = c.read('registry/people/p-003.yaml');
  const states: Record<string, string> = {
    'p-010': 'processing: { signed: 2025-09-01 }',
    'p-011': 'processing: { signed: 2026-05-01 }',
    'p-012': 'processing: { signed: 2025-09-01, withdrawn: 2026-01-01 }',
    'p-013': 'processing: { signed: 2025-09-01, validUntil: 2026-01-01 }',
    'p-014':
      'processing: { signed: 2025-09-01 }\n  dissemination: { signed: 2025-09-01, resources: [https://nastavnik.school1.example/], allow: [name, role] }',
    'p-015':
      'processing: { signed: 2025-09-01 }\n  dissemination: { signed: 2025-09-01, resources: [https://nastavnik.school1.example/practices/], allow: [name] }',
    'p-016':
      'processing: { signed: 2025-09-01 }\n  dissemination: { signed: 2025-09-01, resources: [https://other.example/], allow: [name] }',
    'p-017':
      'processing: { signed: 2025-09-01 }\n  dissemination: { signed: 2025-09-01, withdrawn: 2026-01-01, resources: [https://nastavnik.school1.example/], allow: [name] }',
    'p-018':
      'processing: { signed: 2025-09-01 }\n  dissemination: { signed: 2025-09-01, validUntil: 2026-01-01, resources: [https://nastavnik.school1.example/], allow: [name] }',
    'p-019':
      'processing: { signed: 2025-09-01 }\n  dissemination: { signed: 2025-09-01, resources: [https://nastavnik.school1.example/], allow: [position] }',
  };
  const surnames = ['Аверин', 'Белов', 'Воронов', 'Гусев', 'Дроздов', 'Ершов', 'Жуков', 'Зуев', 'Ильин', 'Котов'];
  const ids = Object.keys(states);
  ids.forEach((id, i) => {
    c.write(
      `registry/people/${id}.yaml`,
      base
        .replace('p-003', id)
        .replace('Запасов', surnames[i]!)
        .replace('roles: [mentor]', i % 2 ? 'roles: [mentee]' : 'roles: [mentor]')
        .replace('  processing: { signed: 2025-09-01 }', `  ${states[id]}`),
    );
    c.write(
      `news/2025-10-${String(i + 10)}-news.md`,
      `---\ntitle: Новость ${i}\ndate: 2025-10-${i + 10}\nsummary: Итоги встречи.\n---\nВыступил Пётр Ильич ${surnames[i]}.\n`,
    );
  });
  c.edit('practices/list-nablyudeniya.md', (t) => `${t}\n${surnames.map((s) => `Пётр Ильич ${s}`).join(', ')}.\n`);
  c.edit('programs/np-2025-01.md', (t) => t.replace('mentor: p-001', 'mentor: p-014\ncurator: p-012'));
}

describe('the same review with and without the cache', () => {
  const roots: [string, () => string][] = [
    ['the demo content', () => DEMO_CONTENT],
    [
      'a fixture with every consent state',
      () => {
        everyConsentState(content);
        return content.dir;
      },
    ],
  ];
  for (const [name, root] of roots) {
    it(name, () => {
      const dir = root();
      for (const today of ['2025-12-01', TODAY, '2027-01-01']) {
        const fresh = outcome(review(dir, today, undefined));
        const cold = review(dir, today);
        const warm = review(dir, today);
        const copy = path.join(cacheFolder, `${today}.json`);
        fs.copyFileSync(cacheFile, copy);
        const fromDisk = review(dir, today, copy);
        expect(warm.reused).toBeGreaterThan(0);
        expect(fromDisk.reused).toBe(warm.reused);
        for (const r of [cold, warm, fromDisk]) expect(outcome(r)).toEqual(fresh);
      }
    });
  }

  it('finds every kind of problem in the fixture with every consent state', () => {
    everyConsentState(content);
    const found = new Set(rules(outcome(review(content.dir))));
    for (const rule of [
      'consent-missing',
      'consent-withdrawn',
      'consent-expired',
      'dissemination-not-allowed',
      'pii-name',
      'field-withheld',
    ])
      expect(found).toContain(rule);
  });
});

describe('the review cache of a content root', () => {
  let previous: string | undefined;
  beforeEach(() => {
    previous = process.env.NASTAVNIK_CACHE_DIR;
    process.env.NASTAVNIK_CACHE_DIR = cacheFolder;
  });
  afterEach(() => {
    if (previous === undefined) delete process.env.NASTAVNIK_CACHE_DIR;
    else process.env.NASTAVNIK_CACHE_DIR = previous;
  });
  const rootCache = () => path.join(cacheDir('review'), `${contentRootKey(content.dir)}.json`);

  it('is kept by every review of the root', () => {
    reviewContent(content.dir, TODAY);
    expect(fs.existsSync(rootCache())).toBe(true);
  });

  for (const [what, breakIt] of [
    ['a registry file is broken', () => content.write('registry/people/p-003.yaml', 'name: [unclosed')],
    ['a registry file is left unread', () => content.write('registry/people/P-004.YAML', 'id: P-004\n')],
    ['the site settings are broken', () => content.edit('settings/site.yaml', (t) => `${t}\nkAnonymity: 1\n`)],
  ] as const) {
    it(`is neither written nor read when ${what}`, () => {
      breakIt();
      reviewContent(content.dir, TODAY);
      expect(fs.existsSync(rootCache())).toBe(false);
    });
  }
});

describe('verdict keys', () => {
  const verdict = { problems: [], blocked: false, redactions: [] };
  const entry = (data: unknown) => ({ collection: 'news', id: 'x', path: '/x.md', file: 'x.md', data, body: '', parsed: {} }) as const;
  /** One review of entries with these data: how many were reviewed rather than found. */
  const reviews = (data: unknown[]) => {
    const cache = openVerdictCache(cacheFile, { site: 1 })!;
    let reviewed = 0;
    for (const d of data) cache.verdict('news', entry(d), () => (reviewed++, verdict));
    cache.save();
    return reviewed;
  };

  it('tell apart the values JSON would merge', () => {
    const plain = [{ x: 0 }, { x: null }, [null], { x: '-0' }];
    expect(reviews(plain)).toBe(4);
    expect(reviews(plain)).toBe(0);
    const lookAlikes = [{ x: -0 }, { x: NaN }, { x: Infinity }, { x: -Infinity }];
    expect(reviews(lookAlikes)).toBe(4);
    expect(reviews(lookAlikes)).toBe(0);
  });

  it('review data that is not plain every time', () => {
    const odd = [{ x: new Date(0) }, [undefined], { x: 1n }, { x: new Map() }, { x: '\0NaN' }, { '\0NaN': 1 }];
    expect(reviews(odd)).toBe(6);
    expect(reviews(odd)).toBe(6);
  });
});
