/**
 * The content model in one table: every collection, where its files live,
 * their format, and the schema that validates them.
 *
 * Astro's `content.config.ts`, the validator, the CMS config generator and the
 * scripts all iterate over this table, so adding a collection here is the
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
import { programSchema } from './programs.ts';
import { registrySchemaFor } from './registry.ts';
import { roadmapSchema } from './roadmap.ts';
import { siteSchema, vocabulariesSchema } from './settings.ts';
import { surveyAnswersSchema } from './survey-answers.ts';

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
  },
  documents: {
    dir: 'documents',
    format: 'md',
    label: 'Документы',
    labelSingular: 'Документ',
    bodyLabel: 'Описание',
    visibility: 'public',
    schema: documentSchema,
  },
  programs: {
    dir: 'programs',
    format: 'md',
    label: 'Программы наставничества',
    labelSingular: 'Программа',
    bodyLabel: 'Пояснения к программе',
    visibility: 'public',
    publishedAfter: 'order',
    schema: programSchema,
  },
  practices: {
    dir: 'practices',
    format: 'md',
    label: 'Методическая копилка',
    labelSingular: 'Практика',
    bodyLabel: 'Описание практики',
    visibility: 'public',
    schema: practiceSchema,
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
  },
  events: {
    dir: 'events',
    format: 'md',
    label: 'События',
    labelSingular: 'Событие',
    bodyLabel: 'Программа события',
    visibility: 'public',
    schema: eventSchema,
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
  },
  monitoring: {
    dir: 'monitoring',
    format: 'yaml',
    label: 'Мониторинг',
    labelSingular: 'Цикл мониторинга',
    visibility: 'public',
    schema: monitoringSchema,
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
 * Files of the private registry that are not entries of a collection: the
 * survey import's record of what it has imported (src/lib/survey/merge.ts).
 * Any other file there that is not an entry stops the build (unread-file rule).
 */
export const REGISTRY_FILES = { surveyImports: 'registry/survey-imports.yaml' } as const;

export type CollectionName = keyof typeof COLLECTIONS;
export type PublicCollectionName = {
  [K in CollectionName]: (typeof COLLECTIONS)[K]['visibility'] extends 'public' ? K : never;
}[CollectionName];

export const collectionNames = Object.keys(COLLECTIONS) as CollectionName[];

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
