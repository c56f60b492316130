/**
 * The facets of the methodological bank: which groups a practice can be
 * narrowed by, the stable ASCII slug of every value and its Russian label.
 *
 * One definition serves every place a facet appears: the static facet pages
 * (`/practices/<group>/<slug>/`), the filters written into the search index,
 * the checkboxes of the bank and the open data. Slugs are the ids of the
 * content model (vocabulary ids, enum keys, years), so a link to a facet page
 * stays valid as long as the vocabulary item exists.
 */
import { search } from '../../i18n/ru.ts';
import type { Vocabularies } from '../../schema/settings.ts';
import { MATERIAL_TYPES, MENTORING_FORMS, SCHOOL_LEVELS, TARGET_GROUPS } from '../../schema/vocab.ts';

/** Facet groups in display order. The key is also the URL parameter, the index filter and the route segment. */
export const FACET_KEYS = ['form', 'target', 'subject', 'level', 'difficulty', 'material', 'year', 'best'] as const;
export type FacetKey = (typeof FACET_KEYS)[number];

/**
 * Practices per static page of the bank and of each facet page: a school's
 * bank fits on one, a district's gets numbered pages, and a page's weight
 * does not grow with the bank.
 */
export const BANK_PAGE_SIZE = 20;

/** The subject value of a practice that names no subject: it suits any. */
export const ANY_SUBJECT = 'any';

/** What facets need to know about a practice (its front matter). */
export interface PracticeFacetSource {
  year: number;
  form: string;
  targetGroup: string;
  subjects: readonly string[];
  levels: readonly string[];
  difficulties: readonly string[];
  materialType: string;
  best?: { year: number } | undefined;
}

/** Every facet value of one practice, by group. */
export type FacetValues = Record<FacetKey, string[]>;

/** The values of a practice in each facet group. */
export function practiceFacets(p: PracticeFacetSource): FacetValues {
  return {
    form: [p.form],
    target: [p.targetGroup],
    subject: p.subjects.length ? [...p.subjects] : [ANY_SUBJECT],
    level: [...p.levels],
    difficulty: [...p.difficulties],
    material: [p.materialType],
    year: [String(p.year)],
    best: p.best ? [String(p.best.year)] : [],
  };
}

export interface FacetValue {
  slug: string;
  label: string;
  /** Practices with this value. */
  count: number;
}

export interface FacetGroup {
  key: FacetKey;
  legend: string;
  values: FacetValue[];
}

type Options = readonly { slug: string; label: string }[];

const fromRecord = (r: Readonly<Record<string, string>>): Options => Object.entries(r).map(([slug, label]) => ({ slug, label }));

const byYearDesc = (values: Iterable<string>): Options =>
  [...new Set(values)].sort((a, b) => Number(b) - Number(a)).map((slug) => ({ slug, label: slug }));

/** The possible values of each group, in display order, with Russian labels. */
function facetOptions(vocab: Vocabularies, present: (key: FacetKey) => Iterable<string>): Record<FacetKey, Options> {
  return {
    form: fromRecord(MENTORING_FORMS),
    target: fromRecord(TARGET_GROUPS),
    subject: [...vocab.subjects.map((s) => ({ slug: s.id, label: s.label })), { slug: ANY_SUBJECT, label: search.anySubject }],
    level: fromRecord(SCHOOL_LEVELS),
    difficulty: vocab.difficulties.map((d) => ({ slug: d.id, label: d.label })),
    material: fromRecord(MATERIAL_TYPES),
    year: byYearDesc(present('year')),
    best: byYearDesc(present('best')).map((o) => ({ slug: o.slug, label: search.bestYear(o.slug) })),
  };
}

/** The facet groups of a bank: only values that some practice has, each with its count. */
export function facetGroups(practices: readonly PracticeFacetSource[], vocab: Vocabularies): FacetGroup[] {
  const all = practices.map(practiceFacets);
  const counts = new Map<string, number>();
  for (const values of all) {
    for (const key of FACET_KEYS) for (const v of values[key]) counts.set(`${key}:${v}`, (counts.get(`${key}:${v}`) ?? 0) + 1);
  }
  const options = facetOptions(vocab, (key) => all.flatMap((v) => v[key]));
  return FACET_KEYS.map((key) => ({
    key,
    legend: search.legends[key],
    values: options[key].flatMap((o) => {
      const count = counts.get(`${key}:${o.slug}`) ?? 0;
      return count ? [{ ...o, count }] : [];
    }),
  })).filter((g) => g.values.length > 0);
}

/**
 * A value as a line of a checkbox or link list: with a capital letter, as the
 * school's own vocabulary writes its labels («Математика») and the built-in
 * ones do not («групповое»), so one list never mixes the two.
 */
export function optionText(label: string): string {
  return label.charAt(0).toLocaleUpperCase('ru-RU') + label.slice(1);
}

/** The label of a value, or the slug itself when the vocabulary no longer has it. */
export function facetLabel(groups: readonly FacetGroup[], key: FacetKey, slug: string): string {
  return groups.find((g) => g.key === key)?.values.find((v) => v.slug === slug)?.label ?? slug;
}

/** Site path of the static page of one facet value. Two segments, so it never meets a practice id. */
export function facetPath(key: FacetKey, slug: string): string {
  return `/practices/${key}/${slug}/`;
}

/**
 * Site path of page `n` of the bank. Later pages sit under `page/`, since a
 * practice's own id may be any slug, a number too (`/practices/2/`).
 */
export function bankPath(n = 1): string {
  return n > 1 ? `/practices/page/${n}/` : '/practices/';
}
