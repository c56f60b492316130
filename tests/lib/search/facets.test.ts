/**
 * The bank's facets: each practice's values, the groups a bank shows (only
 * values some practice has, in vocabulary order, with counts), and the
 * two-segment paths of the static facet pages.
 */
import { describe, expect, it } from 'vitest';
import {
  ANY_SUBJECT,
  bankPath,
  facetGroups,
  facetLabel,
  facetPath,
  optionText,
  practiceFacets,
  type PracticeFacetSource,
} from '../../../src/lib/search/facets.ts';
import type { Vocabularies } from '../../../src/schema/settings.ts';
import { ID_PATTERN } from '../../../src/schema/fields.ts';

const vocab: Vocabularies = {
  subjectAreas: [{ id: 'mathematics-it', label: 'Математика и информатика' }],
  subjects: [
    { id: 'math', label: 'Математика', area: 'mathematics-it' },
    { id: 'informatics', label: 'Информатика', area: 'mathematics-it' },
  ],
  difficulties: [
    { id: 'discipline', label: 'Дисциплина и управление классом' },
    { id: 'parents', label: 'Работа с родителями' },
  ],
};

const practice = (over: Partial<PracticeFacetSource> = {}): PracticeFacetSource => ({
  year: 2026,
  form: 'traditional',
  targetGroup: 'young-specialists',
  subjects: ['math'],
  levels: ['basic'],
  difficulties: ['discipline'],
  materialType: 'case',
  ...over,
});

describe('practiceFacets', () => {
  it('gives every group its values; no subject means any subject; best is the year of recognition', () => {
    expect(practiceFacets(practice({ subjects: [], best: { year: 2027 } }))).toEqual({
      form: ['traditional'],
      target: ['young-specialists'],
      subject: [ANY_SUBJECT],
      level: ['basic'],
      difficulty: ['discipline'],
      material: ['case'],
      year: ['2026'],
      best: ['2027'],
    });
    expect(practiceFacets(practice()).best).toEqual([]);
  });
});

describe('facetGroups', () => {
  const groups = facetGroups(
    [
      practice({ best: { year: 2026 } }),
      practice({ year: 2025, form: 'group', subjects: [], difficulties: ['parents', 'discipline'] }),
      practice({ year: 2027, best: { year: 2027 } }),
    ],
    vocab,
  );
  const group = (key: string) => groups.find((g) => g.key === key)!;

  it('lists only values some practice has, each with its count, in vocabulary order', () => {
    expect(group('form').values).toEqual([
      { slug: 'traditional', label: 'традиционное («один на один»)', count: 2 },
      { slug: 'group', label: 'групповое', count: 1 },
    ]);
    expect(group('subject').values.map((v) => [v.slug, v.count])).toEqual([
      ['math', 2],
      [ANY_SUBJECT, 1],
    ]);
    expect(group('difficulty').values.map((v) => [v.slug, v.count])).toEqual([
      ['discipline', 3],
      ['parents', 1],
    ]);
  });

  it('orders years and best-practice years newest first and labels the latter in Russian', () => {
    expect(group('year').values.map((v) => v.slug)).toEqual(['2027', '2026', '2025']);
    expect(group('best').values).toEqual([
      { slug: '2027', label: '2027 года', count: 1 },
      { slug: '2026', label: '2026 года', count: 1 },
    ]);
    expect(group('best').legend).toBe('Лучшие практики');
  });

  it('drops a group no practice has, and gives every value an ASCII slug', () => {
    const noBest = facetGroups([practice()], vocab);
    expect(noBest.map((g) => g.key)).not.toContain('best');
    for (const g of groups) for (const v of g.values) expect(v.slug).toMatch(ID_PATTERN);
  });

  it('labels a value and falls back to the slug for an unknown one', () => {
    expect(facetLabel(groups, 'subject', ANY_SUBJECT)).toBe('любой предмет');
    expect(facetLabel(groups, 'subject', 'chemistry')).toBe('chemistry');
  });
});

describe('facetPath', () => {
  it('has two segments under /practices/, so it never meets a practice page', () => {
    expect(facetPath('form', 'group')).toBe('/practices/form/group/');
    expect(facetPath('best', '2026')).toBe('/practices/best/2026/');
    expect(facetPath('subject', 'math').split('/').filter(Boolean)).toHaveLength(3);
  });
});

describe('optionText', () => {
  it('writes every value of a list with a capital letter, whichever vocabulary it comes from', () => {
    expect(optionText('групповое')).toBe('Групповое');
    expect(optionText('Математика')).toBe('Математика');
    expect(optionText('ёлочка')).toBe('Ёлочка');
    expect(optionText('2026 года')).toBe('2026 года');
    expect(optionText('')).toBe('');
  });
});

describe('bankPath', () => {
  it('is /practices/ for the first page and keeps later pages off the practices’ own addresses', () => {
    expect(bankPath()).toBe('/practices/');
    expect(bankPath(1)).toBe('/practices/');
    expect(bankPath(2)).toBe('/practices/page/2/');
    expect(bankPath(12).split('/').filter(Boolean)).toHaveLength(3);
  });
});
