/**
 * The people registry: PRIVATE. One YAML file per person in
 * `content/registry/people/<id>.yaml`.
 *
 * This is not an Astro collection and no page reads it: only `src/privacy/`
 * loads it and hands pages generalised descriptors, or the fields a valid
 * dissemination consent allows. After a purge a person's file is a tombstone
 * that keeps the id (so old references resolve to "anonymous") and nothing else.
 */
import { z } from 'astro/zod';
import { field, ID_PATTERN, isoDate, line, multiSelect, paragraph, refs, select, url, year } from './fields.ts';
import { CATEGORIES, DISCLOSURE_BASES, DISSEMINATION_CATEGORIES, GENDERS, MENTORING_FORMS, PERSON_ROLES } from './vocab.ts';

const PRIVATE = { private: true } as const;

export const processingConsentSchema = field(
  z
    .strictObject({
      signed: isoDate({ label: 'Дата согласия', ...PRIVATE }),
      document: line({ label: 'Документ', hint: 'Номер или место хранения бумажного согласия', ...PRIVATE }).optional(),
      validUntil: isoDate({ label: 'Действует до', hint: 'Пусто — до отзыва', ...PRIVATE }).optional(),
      withdrawn: isoDate({ label: 'Отозвано', hint: 'Дата отзыва согласия', ...PRIVATE }).optional(),
    })
    .refine((c) => c.validUntil === undefined || c.validUntil >= c.signed, {
      message: 'срок действия раньше даты согласия',
      path: ['validUntil'],
    }),
  {
    label: 'Согласие на обработку (ст. 9 152-ФЗ)',
    hint: 'Отдельный документ; без него человека нет в реестре',
    widget: 'object',
    ...PRIVATE,
  },
);

export const disseminationConsentSchema = field(
  z
    .strictObject({
      signed: isoDate({ label: 'Дата согласия', ...PRIVATE }),
      document: line({ label: 'Документ', ...PRIVATE }).optional(),
      validUntil: isoDate({ label: 'Действует до', ...PRIVATE }).optional(),
      withdrawn: isoDate({ label: 'Отозвано', ...PRIVATE }).optional(),
      resources: field(z.array(url({ label: 'Адрес', ...PRIVATE })).min(1), {
        label: 'Адреса сайтов',
        hint: 'Точные адреса ресурсов из согласия (Приказ Роскомнадзора № 18)',
        widget: 'list',
        ...PRIVATE,
      }),
      allow: multiSelect(DISSEMINATION_CATEGORIES, {
        label: 'Разрешено публиковать',
        hint: 'Каждая категория выбирается человеком отдельно',
        ...PRIVATE,
      }),
    })
    .refine((c) => c.validUntil === undefined || c.validUntil >= c.signed, {
      message: 'срок действия раньше даты согласия',
      path: ['validUntil'],
    }),
  {
    label: 'Согласие на распространение (ст. 10.1 152-ФЗ)',
    hint: 'Отдельный документ; молчание — не согласие',
    widget: 'object',
    ...PRIVATE,
  },
);

/**
 * A legal basis that itself requires the school's site to disclose the
 * person (the head of the school), recorded with the document it rests on.
 * The consent policy decides what it covers and where; it never widens a
 * dissemination consent.
 */
export const disclosureSchema = field(
  z
    .strictObject({
      basis: select(DISCLOSURE_BASES, { label: 'Основание', ...PRIVATE }),
      document: line({ label: 'Документ', hint: 'Например «приказ о назначении № 12-к от 01.09.2020»', ...PRIVATE }),
      since: isoDate({ label: 'С какой даты', ...PRIVATE }),
      until: isoDate({ label: 'По какую дату', hint: 'Пусто — пока основание действует', ...PRIVATE }).optional(),
    })
    .refine((d) => d.until === undefined || d.until >= d.since, { message: 'окончание раньше начала', path: ['until'] }),
  {
    label: 'Обязательное раскрытие по закону (без согласия)',
    hint: 'Только для руководителя школы: ФИО и должность под электронной подписью документов',
    widget: 'object',
    ...PRIVATE,
  },
);

export const personSchema = () =>
  z
    .strictObject({
      id: field(z.string().regex(ID_PATTERN), {
        label: 'Идентификатор',
        hint: 'Постоянный псевдоним, например «p-017»; совпадает с именем файла',
        widget: 'string',
        patternMessage: 'строчные латинские буквы, цифры и дефисы',
        ...PRIVATE,
      }),
      demo: field(z.boolean(), { label: 'Вымышленный человек (демо)', widget: 'boolean', ...PRIVATE }).default(false),
      name: field(
        z.strictObject({
          last: line({ label: 'Фамилия', ...PRIVATE }, 60),
          first: line({ label: 'Имя', ...PRIVATE }, 60),
          middle: line({ label: 'Отчество', ...PRIVATE }, 60).optional(),
        }),
        { label: 'ФИО', widget: 'object', ...PRIVATE },
      ),
      gender: select(GENDERS, { label: 'Пол', hint: 'Нужен для склонения ФИО', ...PRIVATE }),
      roles: multiSelect(PERSON_ROLES, { label: 'Роли', ...PRIVATE }),
      position: line({ label: 'Должность', hint: 'Например «учитель», «педагог-психолог»', ...PRIVATE }, 100),
      subjects: refs({ kind: 'vocabulary', vocabulary: 'subjects' }, { label: 'Предметы', ...PRIVATE }).default([]),
      category: select(CATEGORIES, { label: 'Квалификационная категория', ...PRIVATE }).default('none'),
      teachingSince: year({ label: 'Педагогический стаж с года', ...PRIVATE }, 1960),
      email: field(z.email(), { label: 'Электронная почта', widget: 'string', ...PRIVATE }).optional(),
      requests: refs(
        { kind: 'vocabulary', vocabulary: 'difficulties' },
        {
          label: 'Профессиональные запросы (трудности)',
          hint: 'Только для наставляемых; никогда не публикуются',
          ...PRIVATE,
        },
      ).default([]),
      requestsNote: paragraph({ label: 'Запрос своими словами', hint: 'Никогда не публикуется', ...PRIVATE }).optional(),
      competencies: refs(
        { kind: 'vocabulary', vocabulary: 'difficulties' },
        {
          label: 'Готов помочь с трудностями',
          hint: 'Для наставников: компетенции, которыми готов делиться',
          ...PRIVATE,
        },
      ).default([]),
      capacity: field(z.number().int().min(1).max(5), {
        label: 'Сколько наставляемых готов взять',
        widget: 'number',
        ...PRIVATE,
      }).optional(),
      preferredForms: multiSelect(MENTORING_FORMS, { label: 'Предпочитаемые формы', ...PRIVATE }).default([]),
      preferredPeople: refs(
        { kind: 'registry' },
        { label: 'С кем хотел бы работать', hint: 'Например, после флеш-встреч', ...PRIVATE },
      ).default([]),
      mentorAgreement: field(
        z.strictObject({
          signed: isoDate({ label: 'Дата', ...PRIVATE }),
          document: line({ label: 'Документ', hint: 'Например «доп. соглашение № 12 к трудовому договору»', ...PRIVATE }),
        }),
        {
          label: 'Письменное согласие быть наставником (ст. 351.8 ТК РФ)',
          hint: 'Наставничество — только с письменного согласия, закреплённого в трудовом договоре',
          widget: 'object',
          ...PRIVATE,
        },
      ).optional(),
      photo: field(z.string().regex(/^[^\s]+\.(jpe?g|png|webp)$/i), {
        label: 'Фотография',
        hint: 'Публикуется только при согласии на фото',
        widget: 'image',
        ...PRIVATE,
      }).optional(),
      consents: field(
        z.strictObject({
          processing: processingConsentSchema,
          dissemination: disseminationConsentSchema.optional(),
        }),
        { label: 'Согласия', widget: 'object', ...PRIVATE },
      ),
      disclosure: disclosureSchema.optional(),
    })
    .superRefine((p, ctx) => {
      if (p.roles.includes('mentor') && p.capacity === undefined) {
        ctx.addIssue({ code: 'custom', path: ['capacity'], message: 'у наставника укажите, сколько наставляемых он готов взять' });
      }
    });

export const tombstoneSchema = () =>
  z.strictObject({
    id: field(z.string().regex(ID_PATTERN), { label: 'Идентификатор', widget: 'string', ...PRIVATE }),
    tombstone: field(z.literal(true), { label: 'Данные удалены', widget: 'hidden', ...PRIVATE }),
    withdrawn: isoDate({ label: 'Согласие отозвано', ...PRIVATE }),
    purged: isoDate({ label: 'Данные уничтожены', ...PRIVATE }),
  });

/** A registry file holds a person or, after a purge, their tombstone. */
export const registrySchemaFor = (data: unknown) =>
  typeof data === 'object' && data !== null && 'tombstone' in data ? tombstoneSchema() : personSchema();

export type Person = z.output<ReturnType<typeof personSchema>>;
export type Tombstone = z.output<ReturnType<typeof tombstoneSchema>>;
export type RegistryRecord = Person | Tombstone;
