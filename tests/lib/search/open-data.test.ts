/**
 * /practices.json: the mapping of a practice to public metadata, validity
 * against the versioned schema, and the schema printed in docs/open-data.md
 * being the one the code generates.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { practicesJsonSchema, practicesOpenData, practicesOpenDataSchema, type PracticeSource } from '../../../src/lib/search/open-data.ts';
import type { SiteSettings, Vocabularies } from '../../../src/schema/settings.ts';
import { ROOT } from '../../helpers/paths.ts';

const site = {
  schoolName: 'Государственное бюджетное общеобразовательное учреждение школа № 1',
  schoolShortName: 'Школа № 1',
  officialSiteUrl: 'https://school1.example/',
} as SiteSettings;
const vocab: Vocabularies = {
  subjectAreas: [],
  subjects: [{ id: 'math', label: 'Математика', area: 'mathematics-it' }],
  difficulties: [{ id: 'parents', label: 'Работа с родителями' }],
};
const SITE = 'https://nastavnik.school1.example/';

const practice = (over: Partial<PracticeSource> = {}): PracticeSource => ({
  id: 'chek-list',
  data: {
    title: 'Чек-лист "первого" собрания',
    summary: 'Кратко.',
    year: 2026,
    form: 'group',
    targetGroup: 'young-specialists',
    subjects: ['math'],
    levels: ['basic'],
    difficulties: ['parents'],
    materialType: 'checklist',
    results: 'Итоги.',
    status: 'recommended',
    best: { year: 2026 },
    attachments: [{ title: 'Чек-лист (PDF)', file: '/uploads/practices/chek-list.pdf' }],
  },
  authors: { named: ['Анна Сергеевна Примерова'], anonymous: 1 },
  bestEvent: { id: 'itogovaya-konferenciya', title: 'Итоговая конференция' },
  ...over,
});

describe('practicesOpenData', () => {
  const data = practicesOpenData([practice(), practice({ id: 'vtoraya', bestEvent: undefined })], site, vocab, SITE);

  it('maps a practice to public metadata with ids and Russian labels, absolute addresses and typography', () => {
    const [p] = data.practices;
    expect(p).toMatchObject({
      id: 'chek-list',
      url: 'https://nastavnik.school1.example/practices/chek-list/',
      title: 'Чек-лист «первого» собрания',
      form: { id: 'group', label: 'групповое' },
      subjects: [{ id: 'math', label: 'Математика' }],
      difficulties: [{ id: 'parents', label: 'Работа с родителями' }],
      resources: null,
      best: {
        year: 2026,
        event: { title: 'Итоговая конференция', url: 'https://nastavnik.school1.example/events/itogovaya-konferenciya/' },
      },
      authors: { named: ['Анна Сергеевна Примерова'], anonymous: 1 },
      image: 'https://nastavnik.school1.example/og/practices/chek-list.png',
      attachments: [{ title: 'Чек-лист (PDF)', url: 'https://nastavnik.school1.example/uploads/practices/chek-list.pdf' }],
    });
    expect(data.practices[1]!.best).toEqual({ year: 2026, event: null });
  });

  it('is valid against its schema, versioned and self-describing', () => {
    expect(practicesOpenDataSchema.parse(data)).toEqual(data);
    expect(data).toMatchObject({ version: 1, count: 2, $schema: 'https://nastavnik.school1.example/schemas/practices-v1.json' });
  });

  it('rejects a record that leaks a field the format does not have', () => {
    const leaky = { ...data, practices: [{ ...data.practices[0], authorIds: ['p-001'] }] };
    expect(practicesOpenDataSchema.safeParse(leaky).success).toBe(false);
  });
});

describe('the JSON Schema', () => {
  it('is printed in docs/open-data.md exactly as generated', () => {
    const docs = fs.readFileSync(path.join(ROOT, 'docs/open-data.md'), 'utf8');
    const block = /<!-- practices-schema:start -->\s*```json\n([\s\S]*?)\n```\s*<!-- practices-schema:end -->/.exec(docs)?.[1];
    expect(block, 'docs/open-data.md: блок practices-schema').toBeDefined();
    expect(JSON.parse(block!)).toEqual(practicesJsonSchema());
  });

  it('is served with its address as $id', () => {
    expect(practicesJsonSchema(SITE)).toMatchObject({ $id: 'https://nastavnik.school1.example/schemas/practices-v1.json' });
  });
});
