/**
 * The privacy review on small content roots: each violation gets its rule id,
 * the entry is withheld, the rest stays published.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { publicEntries, reviewContent } from '../../src/privacy/gate.ts';
import { tempContent, type TempContent } from '../helpers/fixture.ts';

const TODAY = '2026-03-01';
let content: TempContent | undefined;
afterEach(() => content?.cleanup());

function review(change: (c: TempContent) => void) {
  content = tempContent();
  change(content);
  const index = reviewContent(content.dir, TODAY);
  return { problems: index.problems, withheld: index.withheld };
}

const addToNews = (c: TempContent, text: string) => c.edit('news/2025-09-01-start.md', (t) => `${t}\n${text}\n`);

describe('privacy review', () => {
  it('passes the clean fixture', () => {
    const r = review(() => {});
    expect(r.problems).toEqual([]);
    expect([...r.withheld.values()].flatMap((s) => [...s])).toEqual([]);
  });

  it('withholds a news item naming a person without a dissemination consent (pii-name)', () => {
    const r = review((c) => addToNews(c, 'Илья Петрович Образцов провёл открытый урок.'));
    expect(r.problems).toEqual([expect.objectContaining({ rule: 'pii-name', severity: 'error' })]);
    expect(r.problems[0]!.message).toContain('p-002');
    expect(r.problems[0]!.message).not.toContain('Образцов');
    expect(r.withheld.get('news')).toEqual(new Set(['2025-09-01-start']));
  });

  it('finds the name in another case and in the initials form', () => {
    for (const text of ['Поздравляем Образцова Илью Петровича!', 'Урок провёл И. П. Образцов.']) {
      expect(review((c) => addToNews(c, text)).problems.map((p) => p.rule)).toEqual(['pii-name']);
      content!.cleanup();
    }
  });

  it('lets a name through where the consent allows it (practice author page)', () => {
    const r = review((c) => c.edit('practices/list-nablyudeniya.md', (t) => `${t}\nПрактику описала Анна Сергеевна Примерова.\n`));
    expect(r.problems).toEqual([]);
  });

  it('names the withdrawn consent (consent-withdrawn)', () => {
    const r = review((c) => {
      c.edit('registry/people/p-001.yaml', (t) =>
        t.replace('    allow: [name, position]', '    allow: [name, position]\n    withdrawn: 2026-02-01'),
      );
      c.edit('practices/list-nablyudeniya.md', (t) => `${t}\nПрактику описала Анна Сергеевна Примерова.\n`);
    });
    expect(r.problems.map((p) => p.rule)).toEqual(['consent-withdrawn']);
    expect(r.withheld.get('practices')?.has('list-nablyudeniya')).toBe(true);
  });

  it('names the expired consent (consent-expired)', () => {
    const r = review((c) => {
      c.edit('registry/people/p-001.yaml', (t) =>
        t.replace('    allow: [name, position]', '    allow: [name, position]\n    validUntil: 2026-01-31'),
      );
      c.edit('practices/list-nablyudeniya.md', (t) => `${t}\nАвтор — А. С. Примерова.\n`);
    });
    expect(r.problems.map((p) => p.rule)).toEqual(['consent-expired']);
  });

  it('refuses a consent that names another site (dissemination-not-allowed)', () => {
    const r = review((c) => {
      c.edit('registry/people/p-001.yaml', (t) =>
        t.replace('resources: [https://nastavnik.school1.example/]', 'resources: [https://school1.example/]'),
      );
      c.edit('practices/list-nablyudeniya.md', (t) => `${t}\nПрактику описала Анна Примерова.\n`);
    });
    expect(r.problems.map((p) => p.rule)).toEqual(['dissemination-not-allowed']);
  });

  it('withholds a programme whose participant has no processing consent (consent-withdrawn)', () => {
    const r = review((c) =>
      c.edit('registry/people/p-002.yaml', (t) =>
        t.replace('processing: { signed: 2025-09-01 }', 'processing: { signed: 2025-09-01, withdrawn: 2026-02-15 }'),
      ),
    );
    expect(r.problems).toEqual([expect.objectContaining({ rule: 'consent-withdrawn', field: 'mentees.0' })]);
    expect(r.withheld.get('programs')).toEqual(new Set(['np-2025-01']));
  });

  it('reports a participant whom even the bare role singles out (k-anonymity)', () => {
    const r = review((c) => c.edit('settings/site.yaml', (t) => `${t}kAnonymity: 4\n`));
    expect(r.problems.map((p) => p.rule)).toEqual(expect.arrayContaining(['k-anonymity']));
    expect(r.withheld.get('programs')?.has('np-2025-01')).toBe(true);
  });

  it('refuses personal contacts and identity numbers, but not the school contacts', () => {
    const r = review((c) =>
      addToNews(
        c,
        'Пишите: ivanova.m@mail.example, +7 (921) 555-12-34. СНИЛС 112-233-445 95. Приёмная: +7 (812) 000-00-01, info@school1.example.',
      ),
    );
    expect(r.problems.map((p) => p.rule).sort()).toEqual(['pii-contact', 'pii-contact', 'pii-id-number']);
  });

  it('keeps free-text warnings for name-like strings of people outside the registry, without withholding', () => {
    const r = review((c) => addToNews(c, 'Методист Иванова М. П. провела семинар.'));
    expect(r.problems).toEqual([expect.objectContaining({ rule: 'pii-name', severity: 'warning' })]);
    expect(r.withheld.get('news')).toBeUndefined();
  });

  it('does not flag common words that are also names', () => {
    const r = review((c) =>
      addToNews(c, 'Вера в себя и надежда на успех — главное. Любовь к предмету помогает. Лев Толстой писал о школе.'),
    );
    expect(r.problems).toEqual([]);
  });

  describe('optional person fields: withheld alone, the entry stays published', () => {
    const withdraw = (c: TempContent, id: string) =>
      c.edit(`registry/people/${id}.yaml`, (t) =>
        t.replace(/processing: \{ signed: ([\d-]+) \}/, 'processing: { signed: $1, withdrawn: 2026-02-15 }'),
      );

    it('drops a curator whose consent was withdrawn and publishes the programme', () => {
      content = tempContent();
      content.edit('programs/np-2025-01.md', (t) => t.replace('mentees: [p-002]', 'mentees: [p-002]\ncurator: p-003'));
      withdraw(content, 'p-003');
      const index = reviewContent(content.dir, TODAY);
      expect(index.withheld.get('programs')).toBeUndefined();
      expect(index.problems).toEqual([expect.objectContaining({ rule: 'field-withheld', field: 'curator', severity: 'warning' })]);
      expect(index.problems[0]!.message).toMatch(/Куратор.*p-003.*без него/);
      expect(publicEntries(index, 'programs').get('np-2025-01')?.parsed).not.toHaveProperty('curator');
      expect(publicEntries(index, 'programs').get('np-2025-01')?.parsed).toHaveProperty('mentor', 'p-001');
    });

    it('drops one practice author and keeps the others', () => {
      content = tempContent();
      content.edit('practices/list-nablyudeniya.md', (t) => t.replace('year: 2026', 'authors: [p-001, p-003, p-002]\nyear: 2026'));
      withdraw(content, 'p-003');
      const index = reviewContent(content.dir, TODAY);
      expect(index.withheld.get('practices')).toBeUndefined();
      expect(index.problems.map((p) => [p.rule, p.field])).toEqual([['field-withheld', 'authors.1']]);
      expect(publicEntries(index, 'practices').get('list-nablyudeniya')?.parsed.authors).toEqual(['p-001', 'p-002']);
    });

    it('still withholds the whole programme when a required participant cannot be published', () => {
      content = tempContent();
      content.edit('programs/np-2025-01.md', (t) => t.replace('mentees: [p-002]', 'mentees: [p-002]\ncurator: p-003'));
      withdraw(content, 'p-002');
      const index = reviewContent(content.dir, TODAY);
      expect(index.withheld.get('programs')).toEqual(new Set(['np-2025-01']));
      expect(publicEntries(index, 'programs').has('np-2025-01')).toBe(false);
    });

    it('drops a curator whom even the bare role would single out (k-anonymity)', () => {
      content = tempContent();
      content.edit('programs/np-2025-01.md', (t) => t.replace('mentees: [p-002]', 'mentees: [p-002]\ncurator: p-003'));
      content.edit('registry/people/p-003.yaml', (t) => t.replace('roles: [mentor]', 'roles: [mentor, curator]'));
      content.edit('settings/site.yaml', (t) => `${t}kAnonymity: 4\n`);
      const index = reviewContent(content.dir, TODAY);
      const curator = index.problems.filter((p) => p.field === 'curator');
      expect(curator).toEqual([expect.objectContaining({ rule: 'field-withheld', severity: 'warning' })]);
      expect(publicEntries(index, 'programs').get('np-2025-01')?.parsed ?? {}).not.toHaveProperty('curator');
    });
  });

  describe('settings: on every page, so never withheld — the build stops instead', () => {
    it('stops on a personal phone in the site description', () => {
      const r = review((c) =>
        c.edit('settings/site.yaml', (t) => t.replace(/^description: (.*)$/m, 'description: "$1 Куратор — +7 (921) 555-12-34."')),
      );
      expect(r.problems).toEqual([expect.objectContaining({ rule: 'settings-pii', field: 'description', severity: 'error' })]);
      expect([...r.withheld.keys()]).toEqual([]);
    });

    it('stops on a registry name without consent in a vocabulary label', () => {
      const r = review((c) =>
        c.edit('settings/vocabularies.yaml', (t) => t.replace(/label: ([^\n]+)/, 'label: $1 (ведёт Илья Петрович Образцов)')),
      );
      expect(r.problems.map((p) => [p.rule, p.severity])).toEqual([['settings-pii', 'error']]);
      expect(r.problems[0]!.message).toContain('p-002');
    });

    it('lets the school’s own phone through', () => {
      const r = review((c) =>
        c.edit('settings/site.yaml', (t) => t.replace(/^description: (.*)$/m, 'description: "$1 Телефон — +7 (812) 000-00-01."')),
      );
      expect(r.problems).toEqual([]);
    });
  });
});
