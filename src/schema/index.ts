/**
 * The content model in one table: every collection, where its files live,
 * their format, the schema that validates them, and everything else that
 * depends on the collection — its pages' address, the place it publishes at
 * for the consent policy, its reading order, whether it is searchable and
 * gets a link-preview card, how the CMS names and lists its files.
 *
 * Astro's `content.config.ts`, the validator, the privacy review and the
 * leak scan, the search index, the cards, the CMS config and the scripts all
 * derive their tables from this one (tests/schema/collection-table.test.ts
 * proves each covers every collection), so adding a collection here is the
 * one change that makes it exist everywhere.
 */
import type { z } from 'astro/zod';
import { plainContext, type SchemaContext } from './context.ts';
import { documentSchema } from './documents.ts';
import { eventSchema } from './events.ts';
import { materialSchema } from './materials.ts';
import { monitoringSchema } from './monitoring.ts';
import { newsSchema } from './news.ts';
import { practiceSchema } from './practices.ts';
import { programmeSchema } from './programs.ts';
import { registrySchemaFor } from './registry.ts';
import { roadmapSchema } from './roadmap.ts';
import { siteSchema, vocabulariesSchema } from './settings.ts';
import { surveyAnswersSchema } from './survey-answers.ts';
import type { RefCollection } from './fields.ts';
import type { CollectionPlace } from './places.ts';

type Data = Record<string, unknown>;

const text = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

export interface CollectionDef {
  /** Folder under CONTENT_DIR. */
  dir: string;
  /** `md`: front matter + Markdown body; `yaml`: one YAML document. */
  format: 'md' | 'yaml';
  /** Only these file names (for singletons such as settings). */
  files?: readonly string[];
  /** Russian name of the collection, plural. */
  label: string;
  /** Russian name of one entry. */
  labelSingular: string;
  /** Label of the Markdown body in the CMS, for `md` collections. */
  bodyLabel?: string;
  /** Public collections become pages; private ones never do. */
  visibility: 'public' | 'private';
  /** The date field that says when an entry is published: dated in the future, it appears on that day. */
  publishedOn?: string;
  /** A reference field whose entry must itself be published first (a programme, its approving order). */
  publishedAfter?: string;
  /** Its entries' pages are at `/<route>/<id>/`, its list at `/<route>/`; none without pages. */
  route?: string;
  /** The place its pages are for the consent policy (src/schema/places.ts). */
  place?: CollectionPlace;
  /** Its pages go into the site's search index, as this kind of page (the `type` filter; src/lib/search/record.ts). */
  pageType?: 'practice' | 'material' | 'news' | 'document' | 'program' | 'stage' | 'event';
  /** Its entries get link-preview cards of their own (src/build/og/cards.ts); others use the home card. */
  ogCard?: boolean;
  /** Reading order of published entries: the key of one entry, and which way it sorts. */
  order?: { key: (data: Data) => string; direction: 'asc' | 'desc' };
  /** Parts of the file name the CMS gives a new entry (transliterated and joined); the title by default. */
  fileName?: (data: Data) => string[];
  /** How the CMS lists entries: a summary template and the fields it can sort by; the first sorts by default, in the direction of `order`. */
  list?: { summary: string; sortableFields: string[] };
  /** The CMS previews entries in the site's style (cms/previews). */
  preview?: boolean;
  /** The schema of one entry, given the data (the registry picks person or tombstone). */
  schema: (ctx: SchemaContext, data?: unknown) => z.ZodType;
}

export const COLLECTIONS = {
  roadmap: {
    dir: 'roadmap',
    format: 'md',
    label: 'Дорожная карта',
    labelSingular: 'Этап',
    bodyLabel: 'Описание этапа',
    visibility: 'public',
    schema: roadmapSchema,
    route: 'roadmap',
    place: 'roadmap',
    pageType: 'stage',
    ogCard: true,
    order: { key: (d) => String(d.stage).padStart(2, '0'), direction: 'asc' },
    fileName: (d) => ['stage', text(d.stage)],
    list: { summary: 'Этап {{stage}}. {{title}}', sortableFields: ['stage', 'title'] },
    preview: true,
  },
  documents: {
    dir: 'documents',
    format: 'md',
    label: 'Документы',
    labelSingular: 'Документ',
    bodyLabel: 'Описание',
    visibility: 'public',
    schema: documentSchema,
    route: 'documents',
    place: 'document',
    pageType: 'document',
    order: { key: (d) => text(d.date), direction: 'desc' },
    list: { summary: '{{title}} ({{date}})', sortableFields: ['date', 'title'] },
  },
  programs: {
    dir: 'programs',
    format: 'md',
    label: 'Программы наставничества',
    labelSingular: 'Программа',
    bodyLabel: 'Пояснения к программе',
    visibility: 'public',
    publishedAfter: 'order',
    schema: programmeSchema,
    route: 'programs',
    place: 'program',
    pageType: 'program',
    order: { key: (d) => `${text(d.schoolYear)}-${text(d.code)}`, direction: 'desc' },
    fileName: (d) => [text(d.code), text(d.title)],
    list: { summary: '{{code}} — {{title}}', sortableFields: ['code', 'title'] },
    preview: true,
  },
  practices: {
    dir: 'practices',
    format: 'md',
    label: 'Методическая копилка',
    labelSingular: 'Практика',
    bodyLabel: 'Описание практики',
    visibility: 'public',
    schema: practiceSchema,
    route: 'practices',
    place: 'practice-author',
    pageType: 'practice',
    ogCard: true,
    order: { key: (d) => text(d.year), direction: 'desc' },
    list: { summary: '{{title}} ({{year}})', sortableFields: ['year', 'title'] },
    preview: true,
  },
  news: {
    dir: 'news',
    format: 'md',
    label: 'Новости',
    labelSingular: 'Новость',
    bodyLabel: 'Текст новости',
    visibility: 'public',
    publishedOn: 'date',
    schema: newsSchema,
    route: 'news',
    place: 'news',
    pageType: 'news',
    ogCard: true,
    order: { key: (d) => text(d.date), direction: 'desc' },
    fileName: (d) => [text(d.date).slice(0, 10), text(d.title)],
    list: { summary: '{{date}} — {{title}}', sortableFields: ['date', 'title'] },
    preview: true,
  },
  events: {
    dir: 'events',
    format: 'md',
    label: 'События',
    labelSingular: 'Событие',
    bodyLabel: 'Программа события',
    visibility: 'public',
    schema: eventSchema,
    route: 'events',
    place: 'event',
    pageType: 'event',
    ogCard: true,
    order: { key: (d) => text(d.start), direction: 'desc' },
    list: { summary: '{{start}} — {{title}}', sortableFields: ['start', 'title'] },
  },
  materials: {
    dir: 'materials',
    format: 'md',
    label: 'Материалы для наставников',
    labelSingular: 'Материал',
    bodyLabel: 'Текст',
    visibility: 'public',
    publishedOn: 'date',
    schema: materialSchema,
    route: 'materials',
    place: 'material',
    pageType: 'material',
    order: { key: (d) => text(d.date), direction: 'desc' },
    list: { summary: '{{title}} ({{date}})', sortableFields: ['date', 'title'] },
  },
  monitoring: {
    dir: 'monitoring',
    format: 'yaml',
    label: 'Мониторинг',
    labelSingular: 'Цикл мониторинга',
    visibility: 'public',
    schema: monitoringSchema,
    route: 'monitoring',
    place: 'monitoring',
    order: { key: (d) => text(d.cycle), direction: 'desc' },
    fileName: (d) => [text(d.cycle)],
    list: { summary: '{{cycle}} — {{title}}', sortableFields: ['cycle'] },
  },
  site: {
    dir: 'settings',
    format: 'yaml',
    files: ['site.yaml'],
    label: 'Настройки сайта',
    labelSingular: 'Настройки сайта',
    visibility: 'public',
    schema: siteSchema,
  },
  vocabularies: {
    dir: 'settings',
    format: 'yaml',
    files: ['vocabularies.yaml'],
    label: 'Справочники',
    labelSingular: 'Справочники',
    visibility: 'public',
    schema: vocabulariesSchema,
  },
  people: {
    dir: 'registry/people',
    format: 'yaml',
    label: 'Реестр участников (персональные данные — не публикуются)',
    labelSingular: 'Участник',
    visibility: 'private',
    schema: (_ctx, data) => registrySchemaFor(data),
    fileName: (d) => [text(d.id)],
    list: { summary: '{{name.last}} {{name.first}} {{name.middle}} ({{id}})', sortableFields: ['id', 'name.last'] },
  },
  answers: {
    dir: 'registry/answers',
    format: 'yaml',
    label: 'Ответы анкет мониторинга (закрыто — публикуются только сводные данные)',
    labelSingular: 'Выгрузка ответов',
    visibility: 'private',
    schema: surveyAnswersSchema,
  },
} as const satisfies Record<string, CollectionDef>;

/**
 * Files earlier versions kept in the registry folder that are not entries:
 * still an error there (their content must move out), but with a message
 * that says what to do instead of «not read».
 */
export const LEGACY_REGISTRY_FILES: Readonly<Record<string, string>> = {
  'registry/survey-imports.yaml':
    'прежний журнал импорта анкет (с нехэшированными ключами): его переносит в закрытую папку private/ команда npm run import:survey; в реестре он не хранится',
};

export type CollectionName = keyof typeof COLLECTIONS;
export type PublicCollectionName = {
  [K in CollectionName]: (typeof COLLECTIONS)[K]['visibility'] extends 'public' ? K : never;
}[CollectionName];

export const collectionNames = Object.keys(COLLECTIONS) as CollectionName[];

/** Collections whose entries have pages of their own (a `route`). */
export type PagedCollection = {
  [K in CollectionName]: (typeof COLLECTIONS)[K] extends { route: string } ? K : never;
}[CollectionName];

export const pagedCollections = collectionNames.filter((c) => 'route' in COLLECTIONS[c]) as PagedCollection[];

/**
 * The collections a reference field may point at (src/schema/fields.ts) are
 * exactly those with pages: written out there, because the schemas are built
 * before this table exists, and checked here — tsc fails when they differ.
 */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const refCollectionsArePagedCollections: Same<RefCollection, PagedCollection> = true;

/** Collections whose entries get cards of their own. */
export type CardCollection = {
  [K in CollectionName]: (typeof COLLECTIONS)[K] extends { ogCard: true } ? K : never;
}[CollectionName];

export const cardCollections = collectionNames.filter((c) => (COLLECTIONS[c] as CollectionDef).ogCard) as CardCollection[];

/** Collections whose pages are searchable. */
export const indexedCollections = collectionNames.filter((c) => (COLLECTIONS[c] as CollectionDef).pageType) as PagedCollection[];

/** The site path of an entry's page. */
export function entryUrl(collection: PagedCollection, id: string): string {
  return `/${COLLECTIONS[collection].route}/${id}/`;
}

/** The site path of a collection's list page, or of its page `n` when the list is paginated. */
export function sectionUrl(collection: PagedCollection, page = 1): string {
  return page > 1 ? `/${COLLECTIONS[collection].route}/${page}/` : `/${COLLECTIONS[collection].route}/`;
}

/** Site path of an entry's link-preview card. */
export function ogImagePath(collection: CardCollection, id: string): string {
  return `/og/${collection}/${id}.png`;
}

/** Site path of the home card, also used by pages without a card of their own. */
export const HOME_CARD_PATH = '/og/home.png';

const plainSchemas = new Map<string, z.ZodType>();

/**
 * The schema that validates one entry outside Astro (images as paths),
 * built once per collection and variant: building zod schemas is not free,
 * and the validator asks for one per entry.
 */
export function plainSchemaFor(collection: CollectionName, data: unknown): z.ZodType {
  const variant =
    collection === 'people' && typeof data === 'object' && data !== null && 'tombstone' in data ? 'people:tombstone' : collection;
  let schema = plainSchemas.get(variant);
  if (!schema)
    plainSchemas.set(
      variant,
      (schema = (COLLECTIONS[collection].schema as (ctx: typeof plainContext, d?: unknown) => z.ZodType)(plainContext, data)),
    );
  return schema;
}
