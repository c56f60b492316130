/**
 * The privacy review of a content root: which entries would publish personal
 * data without a valid consent, and why.
 *
 * For every public entry it checks the people it references (processing
 * consent; a description that does not single anyone out) and scans every
 * text field and the body for registry names, contacts and identity numbers.
 * An entry with an error is withheld from the site — no page, no list item,
 * no feed item, no index record — and reported; the rest of the site builds.
 */
import type { z } from 'astro/zod';
import { fieldLabel } from '../lib/error-map.ts';
import type { Problem } from '../lib/problems.ts';
import type { ValidEntry } from '../validate/validate.ts';
import {
  COLLECTIONS,
  indexedCollections,
  pagedCollections,
  plainSchemaFor,
  type CollectionDef,
  type CollectionName,
} from '../schema/index.ts';
import type { Person, RegistryRecord } from '../schema/registry.ts';
import type { SiteSettings, Vocabularies } from '../schema/settings.ts';
import { arrayElement, describe, objectFields } from '../schema/walk.ts';
import { anonymousDescriptor, type Role } from './anonymise.ts';
import {
  disseminationState,
  isPerson,
  mayName,
  PLACE_PATHS,
  processingState,
  type Place,
  type PolicyContext,
  type Rule,
} from './consent-policy.ts';
import { buildNameIndex, scanText } from './pii-scan.ts';
import { siteAddress } from '../lib/site-address.ts';

/** Where each public collection publishes, for the consent's resource check (the collection table's `place`; settings everywhere). */
export const COLLECTION_PLACES: Partial<Record<CollectionName, Place>> = {
  ...Object.fromEntries(pagedCollections.map((c) => [c, (COLLECTIONS[c] as CollectionDef).place!])),
  site: 'home',
  vocabularies: 'home',
};

/**
 * Settings appear on every page (header, footer, labels) and cannot be
 * withheld: a name must be allowed everywhere, and a finding stops the build
 * (rule SETTINGS_PII) instead of withholding the file.
 */
const SITE_WIDE: ReadonlySet<CollectionName> = new Set(['site', 'vocabularies']);
const ALL_PLACES = Object.keys(PLACE_PATHS) as Place[];
export const SETTINGS_PII = 'settings-pii';

/** Rules of the privacy review: they withhold an entry, they never stop the build. */
export const PRIVACY_RULES: ReadonlySet<string> = new Set([
  'consent-missing',
  'consent-withdrawn',
  'consent-expired',
  'dissemination-not-allowed',
  'pii-name',
  'pii-contact',
  'pii-id-number',
  'k-anonymity',
  'upload-unknown-type',
  'upload-unreadable',
]);

/** Collections whose pages the search index reads (the collection table's `indexed`). */
const INDEXED: ReadonlySet<CollectionName> = new Set(indexedCollections);

/** Where a field of an entry sits: `['curator']`, `['authors', 1]`. */
export type FieldPath = (string | number)[];

export interface PrivacyReview {
  problems: Problem[];
  /** Entries whose verdict came from the cache instead of being reviewed again. */
  reused?: number;
  /** Entry ids withheld from publication, by collection. */
  withheld: Map<CollectionName, Set<string>>;
  /** Optional person fields withheld from entries that are published without them: collection → id → paths. */
  redactions: Map<CollectionName, Map<string, FieldPath[]>>;
}

/** The rule of a person field withheld on its own; the entry is published without it. */
export const FIELD_WITHHELD = 'field-withheld';

/** True for a problem that keeps something off the site: a withheld entry or a withheld field. */
export const isWithholding = (p: Problem) => (p.severity === 'error' && PRIVACY_RULES.has(p.rule)) || p.rule === FIELD_WITHHELD;

export interface ReviewInput {
  index: ReadonlyMap<CollectionName, ReadonlyMap<string, ValidEntry>>;
  registry: ReadonlyMap<string, RegistryRecord>;
  settings: SiteSettings;
  vocab: Vocabularies;
  today: string;
  /**
   * Opens the verdicts remembered between reviews for these site-wide inputs
   * (review-cache.ts, on the server; this module also runs in the editor's
   * browser and reads no files); none: every entry is reviewed.
   */
  verdicts?: (site: unknown) => VerdictCache | undefined;
}

/**
 * What the privacy review (review.ts) found in one entry. It depends only on
 * the entry's own data and body, its collection and the site-wide inputs.
 */
export interface EntryVerdict {
  /** The entry's problems, without the file (the caller adds it). */
  problems: Omit<Problem, 'file'>[];
  /** An error: the entry is withheld (settings stop the build instead). */
  blocked: boolean;
  /** Where the person fields published without them sit: `['curator']`, `['authors', 1]`. */
  redactions: (string | number)[][];
}

export interface VerdictCache {
  /** The entry's verdict: remembered for exactly this key, or reviewed now. */
  verdict(collection: CollectionName, entry: ValidEntry, review: () => EntryVerdict): EntryVerdict;
  /** Entries whose verdict came from the cache. */
  readonly reused: number;
  /** Keeps this review's verdicts (and only them) for the next one. */
  save(): void;
}

interface Reference {
  personId: string;
  path: FieldPath;
  role: Role | undefined;
  /** The field may be left out (optional, or a list that may be shorter): a person who cannot be shown is dropped, not the entry. */
  droppable: boolean;
}

/** Role of a registry reference by the field it sits in. */
const FIELD_ROLES: Record<string, Role> = { mentor: 'mentor', mentees: 'mentee', curator: 'curator' };

function collectFields(
  schema: z.ZodType,
  value: unknown,
  path: (string | number)[],
  refs: Reference[],
  texts: { path: (string | number)[]; text: string }[],
): void {
  if (value === undefined || value === null) return;
  const info = describe(schema);
  if (info.meta?.ref?.kind === 'registry') {
    const ids = Array.isArray(value) ? (value as string[]) : [value as string];
    const role = FIELD_ROLES[String(path[path.length - 1])];
    const droppable = info.optional || info.hasDefault;
    ids.forEach((id, i) => refs.push({ personId: id, path: Array.isArray(value) ? [...path, i] : path, role, droppable }));
    return;
  }
  // Private fields (the registry's, the signatories' names in the settings) are never published: nothing to scan.
  if (info.meta?.ref || info.meta?.private || info.meta?.widget === 'file' || info.meta?.widget === 'image') return;
  if (typeof value === 'string' && (info.type === 'string' || info.type === 'enum')) {
    if (info.type === 'string' && !info.meta?.format) texts.push({ path, text: value });
    return;
  }
  if (info.type === 'object' && typeof value === 'object') {
    for (const [key, child] of objectFields(schema))
      collectFields(child, (value as Record<string, unknown>)[key], [...path, key], refs, texts);
  } else if (info.type === 'array' && Array.isArray(value)) {
    const el = arrayElement(schema);
    if (el) value.forEach((v, i) => collectFields(el, v, [...path, i], refs, texts));
  }
}

export function nameRule(record: RegistryRecord | undefined, today: string): Rule | 'pii-name' {
  const processing = processingState(record, today);
  if (processing !== 'valid')
    return processing === 'withdrawn' ? 'consent-withdrawn' : processing === 'expired' ? 'consent-expired' : 'consent-missing';
  const state = disseminationState(record, today);
  if (state === 'withdrawn') return 'consent-withdrawn';
  if (state === 'expired') return 'consent-expired';
  if (state === 'valid') return 'dissemination-not-allowed';
  return 'pii-name';
}

export const RULE_TEXT: Record<Rule | 'pii-name', string> = {
  'consent-missing': 'нет действующего согласия на обработку персональных данных',
  'consent-withdrawn': 'согласие отозвано',
  'consent-expired': 'срок согласия истёк',
  'dissemination-not-allowed': 'согласие на распространение не разрешает публиковать ФИО здесь',
  'pii-name': 'нет согласия на распространение ФИО',
};

export const FINDING_TEXT: Record<string, string> = {
  'pii-contact': 'контактные данные человека (телефон или e-mail) — публиковать нельзя',
  'pii-id-number': 'номер документа, удостоверяющего личность, СНИЛС или ИНН — публиковать нельзя',
  'pii-name': 'похоже на ФИО человека не из реестра — проверьте, есть ли согласие',
};

/**
 * The site-wide facts every entry's review asks for, worked out once per
 * review: whom a set of places may name, and how each person would be
 * described instead, depend on the registry and the settings, not on the entry.
 */
interface SiteFacts {
  input: ReviewInput;
  policy: PolicyContext;
  people: Person[];
  nameIndex: ReturnType<typeof buildNameIndex>;
  mayNameAt: (person: Person, place: Place) => boolean;
  allowedAt: (places: readonly Place[]) => Set<string>;
  descriptor: (person: Person, role: Role) => ReturnType<typeof anonymousDescriptor>;
}

function memoised<K, V>(compute: (key: K) => V): (key: K) => V {
  const known = new Map<K, V>();
  return (key) => {
    if (!known.has(key)) known.set(key, compute(key));
    return known.get(key)!;
  };
}

function siteFacts(input: ReviewInput): SiteFacts {
  const { registry, settings, vocab, today } = input;
  const policy: PolicyContext = { today, siteUrl: siteAddress(settings) };
  const people = [...registry.values()].filter(isPerson);
  const nameIndex = buildNameIndex(people.map((p) => ({ id: p.id, name: p.name, gender: p.gender })));
  const year = Number(today.slice(0, 4));
  const byPlace = memoised((place: Place) => new Set(people.filter((p) => mayName(p, place, policy).allowed).map((p) => p.id)));
  // Every person of the registry is among `people`: one decision per person and place.
  const mayNameAt = (person: Person, place: Place) => byPlace(place).has(person.id);
  const allowed = memoised((key: string) => {
    const places = key.split(',') as Place[];
    return new Set(people.filter((p) => places.every((pl) => byPlace(pl).has(p.id))).map((p) => p.id));
  });
  const descriptors = memoised((key: string) => {
    const [id, role] = key.split('\0') as [string, Role];
    return anonymousDescriptor(registry.get(id) as Person, role, people, settings.kAnonymity, { vocab, year });
  });
  return {
    input,
    policy,
    people,
    nameIndex,
    mayNameAt,
    allowedAt: (places) => allowed(places.join(',')),
    descriptor: (person, role) => descriptors(`${person.id}\0${role}`),
  };
}

/** Reviews one public entry of a collection published at `place`. */
function reviewEntry(facts: SiteFacts, collection: CollectionName, place: Place, entry: ValidEntry): EntryVerdict {
  const { registry, settings, today } = facts.input;
  const schema = plainSchemaFor(collection, entry.data);
  const refs: Reference[] = [];
  const texts: { path: (string | number)[]; text: string }[] = [];
  collectFields(schema, entry.parsed, [], refs, texts);
  if (entry.body.trim()) texts.push({ path: [], text: entry.body });
  const verdict: EntryVerdict = { problems: [], blocked: false, redactions: [] };
  const report = (rule: string, message: string, path: (string | number)[], severity: 'error' | 'warning' = 'error') => {
    const where = path.length ? `поле «${fieldLabel(schema, path)}» — ` : 'текст — ';
    const siteWide = SITE_WIDE.has(collection) && severity === 'error';
    verdict.problems.push({
      ...(path.length ? { field: path.join('.') } : {}),
      rule: siteWide ? SETTINGS_PII : rule,
      message: `${where}${siteWide ? message.replace(/; запись не публикуется$/, '; настройки видны на каждой странице — сборка остановлена') : message}`,
      severity,
    });
    if (severity === 'error') verdict.blocked = true;
  };

  /** A person who cannot be shown: an optional field goes, a required one takes the entry with it. */
  const refuse = (ref: Reference, rule: string, reason: string) => {
    if (!ref.droppable) return report(rule, `участник ${ref.personId}: ${reason}; запись не публикуется`, ref.path);
    verdict.redactions.push(ref.path);
    report(FIELD_WITHHELD, `участник ${ref.personId}: ${reason}; поле не публикуется, запись публикуется без него`, ref.path, 'warning');
  };
  for (const ref of refs) {
    const record = registry.get(ref.personId);
    // An unknown id is a reference error (reported by validation, which stops the build); a tombstone is the bare role.
    if (!record || !isPerson(record)) continue;
    const state = processingState(record, today);
    if (state !== 'valid') {
      const rule = state === 'withdrawn' ? 'consent-withdrawn' : state === 'expired' ? 'consent-expired' : 'consent-missing';
      refuse(ref, rule, RULE_TEXT[rule]);
      continue;
    }
    if (ref.role && !facts.mayNameAt(record, place)) {
      const d = facts.descriptor(record, ref.role);
      if (d.shared < settings.kAnonymity) {
        refuse(
          ref,
          'k-anonymity',
          `даже описание «${d.text}» подходит меньше чем ${settings.kAnonymity} людям в реестре — его можно узнать`,
        );
      }
    }
  }

  // Indexed texts also reach the search index (/pagefind/): a name must be allowed there too.
  const places: Place[] = SITE_WIDE.has(collection) ? ALL_PLACES : INDEXED.has(collection) ? [place, 'search-index'] : [place];
  const allowPersons = facts.allowedAt(places);
  const allowContacts = [settings.phone, settings.email];
  for (const { path, text } of texts) {
    for (const f of scanText(text, facts.nameIndex, { allowPersons, allowContacts })) {
      if (f.rule === 'pii-name' && f.personId) {
        const rule = nameRule(registry.get(f.personId), today);
        report(rule, `упомянут участник ${f.personId} («${f.excerpt}»): ${RULE_TEXT[rule]}; запись не публикуется`, path);
      } else {
        report(
          f.rule,
          `«${f.excerpt}»: ${FINDING_TEXT[f.rule] ?? f.rule}${f.severity === 'error' ? '; запись не публикуется' : ''}`,
          path,
          f.severity,
        );
      }
    }
  }
  return verdict;
}

/** Reviews every public entry of the content index. */
export function reviewPrivacy(input: ReviewInput): PrivacyReview {
  const facts = siteFacts(input);
  const { registry, settings, vocab, today } = input;
  // Every site-wide input a verdict depends on (siteFacts and reviewEntry read nothing else).
  const site = { registry: [...registry], settings, vocab, today, siteUrl: facts.policy.siteUrl };
  const cache = input.verdicts?.(site);
  const problems: Problem[] = [];
  const withheld = new Map<CollectionName, Set<string>>();
  const redactions = new Map<CollectionName, Map<string, FieldPath[]>>();
  for (const [collection, entries] of input.index) {
    const place = COLLECTION_PLACES[collection];
    if (!place) continue;
    for (const entry of entries.values()) {
      const review = () => reviewEntry(facts, collection, place, entry);
      const verdict = cache ? cache.verdict(collection, entry, review) : review();
      for (const p of verdict.problems) problems.push({ file: entry.file, ...p });
      if (verdict.blocked && !SITE_WIDE.has(collection)) {
        if (!withheld.has(collection)) withheld.set(collection, new Set());
        withheld.get(collection)!.add(entry.id);
      } else if (verdict.redactions.length) {
        if (!redactions.has(collection)) redactions.set(collection, new Map());
        redactions.get(collection)!.set(
          entry.id,
          verdict.redactions.map((p) => [...p]),
        );
      }
    }
  }
  cache?.save();
  return { problems, withheld, redactions, ...(cache ? { reused: cache.reused } : {}) };
}
