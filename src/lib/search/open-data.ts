/**
 * The bank as open data: `/practices.json`, so that a district or regional
 * portal can aggregate the banks of many schools without scraping pages.
 *
 * The zod schema below is the definition of the format: the served JSON
 * Schema (`/schemas/practices-v1.json`) and the one printed in
 * docs/open-data.md are generated from it, and the tests validate the built
 * file against it. Only public metadata goes in: no registry ids, no bodies,
 * and an author's name only where the consent policy allows naming them at
 * the file's address (the page resolves that; this module never sees people).
 * Bump `PRACTICES_OPEN_DATA_VERSION` on any incompatible change.
 */
import { z } from 'astro/zod';
import { ID_PATTERN } from '../../schema/fields.ts';
import type { SiteSettings, Vocabularies } from '../../schema/settings.ts';
import { MATERIAL_TYPES, MENTORING_FORMS, PRACTICE_STATUSES, SCHOOL_LEVELS, TARGET_GROUPS } from '../../schema/vocab.ts';
import { entryUrl, ogImagePath } from '../../schema/index.ts';
import { typo } from '../typography.ts';

export const PRACTICES_OPEN_DATA_VERSION = 1;

/** Site path of the served JSON Schema of the current version. */
export const PRACTICES_SCHEMA_PATH = `/schemas/practices-v${PRACTICES_OPEN_DATA_VERSION}.json`;

const term = (what: string) =>
  z
    .strictObject({
      id: z.string().regex(ID_PATTERN).describe('Код значения: латиница, стабилен между выпусками'),
      label: z.string().min(1).describe('Название по-русски'),
    })
    .describe(what);

const text = (what: string) => z.string().min(1).describe(what);

const practiceItem = z
  .strictObject({
    id: z.string().regex(ID_PATTERN).describe('Код практики в копилке школы (последняя часть адреса её страницы)'),
    url: z.url().describe('Адрес страницы практики'),
    title: text('Название'),
    summary: text('Кратко: какую трудность решает практика и как'),
    year: z.number().int().min(2000).max(2100).describe('Год практики'),
    form: term('Форма наставничества (коды — по методическим рекомендациям Минпросвещения)'),
    targetGroup: term('Целевая группа'),
    subjects: z.array(term('Предмет')).describe('Предметы; пустой список — практика для любого предмета'),
    levels: z.array(term('Уровень образования')).describe('Уровни образования; пустой список — не указаны'),
    difficulties: z.array(term('Профессиональная трудность')).min(1).describe('Какие профессиональные трудности решает'),
    materialType: term('Тип материала'),
    results: text('Результаты и их подтверждение'),
    resources: z.string().min(1).nullable().describe('Необходимые ресурсы, или null'),
    replicability: z.string().min(1).nullable().describe('Что нужно, чтобы повторить практику, или null'),
    status: term('Статус: на экспертизе или рекомендовано методсоветом'),
    best: z
      .strictObject({
        year: z.number().int().min(2000).max(2100).describe('Год признания лучшей практикой'),
        event: z
          .strictObject({ title: text('Название итогового мероприятия'), url: z.url().describe('Адрес страницы мероприятия') })
          .nullable()
          .describe('Итоговое мероприятие, на котором практика признана лучшей, или null'),
      })
      .nullable()
      .describe('Признание лучшей практикой, или null'),
    authors: z
      .strictObject({
        named: z.array(z.string().min(1)).describe('Авторы, которых разрешено называть (согласие на распространение ФИО)'),
        anonymous: z.number().int().min(0).describe('Сколько ещё авторов, не названных по имени'),
      })
      .describe('Авторы практики'),
    image: z.url().describe('Карточка практики для соцсетей (PNG 1200×630)'),
    attachments: z
      .array(z.strictObject({ title: text('Название файла'), url: z.url().describe('Адрес файла') }))
      .describe('Приложения к практике'),
  })
  .meta({ title: 'Практика' });

/** The whole `/practices.json`. */
export const practicesOpenDataSchema = z
  .strictObject({
    $schema: z.url().describe('Адрес JSON Schema этого формата'),
    version: z.literal(PRACTICES_OPEN_DATA_VERSION).describe('Версия формата: меняется только при несовместимых изменениях'),
    school: z
      .strictObject({
        name: text('Полное название школы'),
        shortName: text('Краткое название'),
        siteUrl: z.url().describe('Адрес раздела «Наставничество»'),
        officialSiteUrl: z.url().describe('Официальный сайт школы'),
      })
      .describe('Школа, которой принадлежит копилка'),
    count: z.number().int().min(0).describe('Число практик'),
    practices: z
      .array(practiceItem)
      .describe('Практики: сначала лучшие (новые признания первыми), затем рекомендованные, затем остальные по году'),
  })
  .meta({
    title: 'Методическая копилка школы — открытые данные, версия 1',
    description: 'Публичные сведения о практиках наставничества педагогов одной школы — для районных и региональных порталов',
  });

export type PracticesOpenData = z.output<typeof practicesOpenDataSchema>;
export type OpenPractice = PracticesOpenData['practices'][number];

/** The JSON Schema of the format as docs/open-data.md prints it; served with `$id` set to its address on the site. */
export function practicesJsonSchema(siteUrl?: string): Record<string, unknown> {
  const schema = z.toJSONSchema(practicesOpenDataSchema) as Record<string, unknown>;
  return siteUrl ? { $id: new URL(PRACTICES_SCHEMA_PATH, siteUrl).href, ...schema } : schema;
}

/** A practice as the bank's pages know it, with its authors already resolved by the consent policy. */
export interface PracticeSource {
  id: string;
  data: {
    title: string;
    summary: string;
    year: number;
    form: keyof typeof MENTORING_FORMS;
    targetGroup: keyof typeof TARGET_GROUPS;
    subjects: string[];
    levels: (keyof typeof SCHOOL_LEVELS)[];
    difficulties: string[];
    materialType: keyof typeof MATERIAL_TYPES;
    results: string;
    resources?: string | undefined;
    replicability?: string | undefined;
    status: keyof typeof PRACTICE_STATUSES;
    best?: { year: number } | undefined;
    attachments: { title: string; file: string }[];
  };
  authors: { named: string[]; anonymous: number };
  bestEvent?: { id: string; title: string } | undefined;
}

const fromVocab = (items: readonly { id: string; label: string }[], id: string) => ({
  id,
  label: items.find((i) => i.id === id)?.label ?? id,
});
const fromEnum = (labels: Readonly<Record<string, string>>, id: string) => ({ id, label: labels[id] ?? id });

/** One practice of `/practices.json`. */
export function openPractice(p: PracticeSource, vocab: Vocabularies, siteUrl: string): OpenPractice {
  const d = p.data;
  const abs = (path: string) => new URL(path, siteUrl).href;
  return {
    id: p.id,
    url: abs(entryUrl('practices', p.id)),
    title: typo(d.title),
    summary: typo(d.summary),
    year: d.year,
    form: fromEnum(MENTORING_FORMS, d.form),
    targetGroup: fromEnum(TARGET_GROUPS, d.targetGroup),
    subjects: d.subjects.map((s) => fromVocab(vocab.subjects, s)),
    levels: d.levels.map((l) => fromEnum(SCHOOL_LEVELS, l)),
    difficulties: d.difficulties.map((x) => fromVocab(vocab.difficulties, x)),
    materialType: fromEnum(MATERIAL_TYPES, d.materialType),
    results: typo(d.results),
    resources: d.resources ? typo(d.resources) : null,
    replicability: d.replicability ? typo(d.replicability) : null,
    status: fromEnum(PRACTICE_STATUSES, d.status),
    best: d.best
      ? { year: d.best.year, event: p.bestEvent ? { title: typo(p.bestEvent.title), url: abs(entryUrl('events', p.bestEvent.id)) } : null }
      : null,
    authors: p.authors,
    image: abs(ogImagePath('practices', p.id)),
    attachments: d.attachments.map((a) => ({ title: typo(a.title), url: abs(a.file) })),
  };
}

/** The whole file. */
export function practicesOpenData(
  practices: readonly PracticeSource[],
  site: SiteSettings,
  vocab: Vocabularies,
  siteUrl: string,
): PracticesOpenData {
  return {
    $schema: new URL(PRACTICES_SCHEMA_PATH, siteUrl).href,
    version: PRACTICES_OPEN_DATA_VERSION,
    school: { name: site.schoolName, shortName: site.schoolShortName, siteUrl, officialSiteUrl: site.officialSiteUrl },
    count: practices.length,
    practices: practices.map((p) => openPractice(p, vocab, siteUrl)),
  };
}
