/**
 * What is not yet public stays off the site: a draft of any public
 * collection, a news item or material dated in the future (until that day's
 * build), a programme whose approving order is not recorded.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { publicEntries, reviewContent } from '../../src/privacy/gate.ts';
import { COLLECTIONS } from '../../src/schema/index.ts';
import { tempContent, type TempContent } from '../helpers/fixture.ts';

let content: TempContent | undefined;
afterEach(() => content?.cleanup());

const FILES: Record<string, string> = {
  roadmap: 'roadmap/stage-1.md',
  documents: 'documents/prikaz-o-nastavnichestve.md',
  programs: 'programs/np-2025-01.md',
  practices: 'practices/list-nablyudeniya.md',
  news: 'news/2025-09-01-start.md',
  events: 'events/itogovaya-konferenciya.md',
  materials: 'materials/pamyatka.md',
  monitoring: 'monitoring/2025-2026.yaml',
};

const draft = (rel: string) => (c: TempContent) =>
  c.edit(rel, (t) => (rel.endsWith('.md') ? t.replace(/^---\n/, '---\ndraft: true\n') : `draft: true\n${t}`));

function index(change: (c: TempContent) => void, today = '2026-03-01') {
  content = tempContent();
  change(content);
  return reviewContent(content.dir, today);
}

describe('drafts', () => {
  const publicFolders = Object.entries(COLLECTIONS).filter(([, d]) => d.visibility === 'public' && !('files' in d));

  it('every public collection has a draft switch', () => {
    expect(publicFolders.map(([name]) => name).sort()).toEqual(Object.keys(FILES).sort());
  });

  for (const [collection, rel] of Object.entries(FILES)) {
    it(`keeps a ${collection} draft off the site without a problem`, () => {
      const i = index(draft(rel));
      expect(i.problems.filter((p) => p.severity === 'error')).toEqual([]);
      const id = rel.split('/')[1]!.replace(/\.\w+$/, '');
      expect(publicEntries(i, collection as never).has(id)).toBe(false);
      expect(i.unpublished.get(collection as never)?.get(id)).toBe('draft');
    });
  }
});

describe('scheduled publication', () => {
  it('publishes a news item on its date, not before', () => {
    const change = (c: TempContent) => c.edit(FILES.news!, (t) => t.replace('date: 2025-09-01', 'date: 2026-03-02'));
    expect(publicEntries(index(change, '2026-03-01'), 'news').has('2025-09-01-start')).toBe(false);
    expect(index(change, '2026-03-01').unpublished.get('news')?.get('2025-09-01-start')).toBe('scheduled');
    expect(publicEntries(index(change, '2026-03-02'), 'news').has('2025-09-01-start')).toBe(true);
  });

  it('does not hide an upcoming event: its date is when it happens, not when it is published', () => {
    const i = index((c) => c.edit(FILES.events!, (t) => t.replaceAll('2026-05-20', '2027-05-20')));
    expect(publicEntries(i, 'events').has('itogovaya-konferenciya')).toBe(true);
  });
});

describe('programmes', () => {
  it('stay off the site until the order that approves them is recorded', () => {
    const i = index((c) => c.edit(FILES.programs!, (t) => t.replace(/^order: .*\n/m, '')));
    expect(publicEntries(i, 'programs').has('np-2025-01')).toBe(false);
    expect(i.unpublished.get('programs')?.get('np-2025-01')).toBe('no-order');
  });

  it('stay off the site while that order is itself a draft', () => {
    const i = index(draft(FILES.documents!));
    expect(publicEntries(i, 'programs').has('np-2025-01')).toBe(false);
    expect(i.unpublished.get('programs')?.get('np-2025-01')).toBe('no-order');
  });
});
