/**
 * Site settings and the open vocabularies a school extends itself.
 *
 * `content/settings/site.yaml` names the school and the site; its `siteUrl` is
 * what a dissemination consent must list for a person's data to appear here.
 * `content/settings/vocabularies.yaml` holds subjects (with their subject
 * areas, used to generalise descriptors) and professional difficulties (shared
 * by mentees' requests, mentors' competencies and practices).
 */
import { z } from 'astro/zod';
import { field, ID_PATTERN, line, paragraph, select, url } from './fields.ts';
import { SOCIAL_NETWORKS } from './vocab.ts';

/** Someone who signs the school's documents: position as it is printed, and name. */
const signatory = (label: string, hint: string) =>
  field(
    z.strictObject({
      position: line({ label: 'Должность', hint: 'Как в подписи документа, например «Директор»' }, 200),
      name: line({ label: 'Инициалы и фамилия', hint: 'Например «И. И. Иванова»; на сайте не показывается', private: true }, 100),
    }),
    { label, hint, widget: 'object' },
  ).optional();

export const siteSchema = () =>
  z.strictObject({
    schoolName: line({ label: 'Полное название школы' }, 400),
    schoolShortName: line({ label: 'Краткое название', hint: 'Например «Лицей № 126»' }, 100),
    sectionTitle: line({ label: 'Название раздела' }, 100).default('Наставничество'),
    description: paragraph({ label: 'О разделе', hint: 'Для главной страницы и поисковиков' }, 600),
    siteUrl: url({ label: 'Адрес раздела', hint: 'Этот адрес указывается в согласиях на распространение персональных данных' }),
    officialSiteUrl: url({ label: 'Официальный сайт школы' }),
    address: line({ label: 'Адрес школы' }),
    phone: line({ label: 'Телефон приёмной' }, 40),
    email: field(z.email(), { label: 'Электронная почта школы', widget: 'string' }),
    socials: field(
      z.array(
        field(
          z.strictObject({
            network: select(SOCIAL_NETWORKS, { label: 'Сеть' }),
            url: url({ label: 'Ссылка' }),
          }),
          { label: 'Страница в соцсети', widget: 'object' },
        ),
      ),
      { label: 'Соцсети', widget: 'list' },
    ).default([]),
    demo: field(z.boolean(), {
      label: 'Демонстрационный сайт',
      hint: 'Показывать читателям, что люди и документы вымышлены',
      widget: 'boolean',
    }).default(false),
    documents: field(
      z.strictObject({
        city: line({ label: 'Место издания', hint: 'Город в шапке приказа, например «Санкт-Петербург»' }, 100).optional(),
        director: signatory('Руководитель', 'Подписывает приказы о закреплении наставнических пар'),
        privacyOfficer: signatory('Ответственный за обработку персональных данных', 'Подписывает акты об уничтожении персональных данных'),
      }),
      {
        label: 'Реквизиты документов',
        hint: 'Для черновиков приказов и актов, которые готовят инструменты методиста; на сайте не показываются',
        widget: 'object',
      },
    ).default({}),
    kAnonymity: field(z.number().int().min(2).max(10), {
      label: 'Минимальная группа для описания',
      hint: 'Описание человека («учитель химии») показывается, только если под него подходят не меньше стольких людей',
      widget: 'number',
    }).default(2),
  });

const vocabularyItem = <E extends z.ZodRawShape>(label: string, extra: E) =>
  field(
    z.strictObject({
      id: field(z.string().regex(ID_PATTERN), {
        label: 'Код',
        hint: 'Латиницей, например «math»',
        widget: 'string',
        patternMessage: 'строчные латинские буквы, цифры и дефисы',
      }),
      label: line({ label: 'Название' }),
      ...extra,
    }),
    { label, widget: 'object' },
  );

/** «учитель математики»: the genitive lets descriptors read naturally; without it they say «учитель (математика)». */
const genitive = () => line({ label: 'В родительном падеже', hint: 'Для описаний вида «учитель химии»: «химии»' }, 100).optional();

const uniqueIds = <T extends { id: string }>(items: T[]) => new Set(items.map((i) => i.id)).size === items.length;

export const vocabulariesSchema = () =>
  z.strictObject({
    subjectAreas: field(
      z.array(vocabularyItem('Предметная область', { genitive: genitive() })).refine(uniqueIds, { message: 'коды повторяются' }),
      {
        label: 'Предметные области',
        widget: 'list',
      },
    ),
    subjects: field(
      z
        .array(
          vocabularyItem('Предмет', {
            area: field(z.string().regex(ID_PATTERN), { label: 'Предметная область', widget: 'string' }),
            genitive: genitive(),
          }),
        )
        .refine(uniqueIds, { message: 'коды повторяются' }),
      { label: 'Предметы', widget: 'list' },
    ),
    difficulties: field(z.array(vocabularyItem('Профессиональная трудность', {})).refine(uniqueIds, { message: 'коды повторяются' }), {
      label: 'Профессиональные трудности',
      hint: 'Общий список для запросов наставляемых, компетенций наставников и практик',
      widget: 'list',
    }),
  });

export type SiteSettings = z.output<ReturnType<typeof siteSchema>>;
export type Vocabularies = z.output<ReturnType<typeof vocabulariesSchema>>;
