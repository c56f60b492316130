/**
 * A normative act or working document: orders, the Положение, the roadmap,
 * the programme template, plans and reports, grouped on the site by level.
 */
import { z } from 'astro/zod';
import { draft, field, isoDate, isoDateTime, line, paragraph, publicFile, ref, select, stageNumber, url } from './fields.ts';
import { DOCUMENT_KINDS, LEVELS } from './vocab.ts';

/**
 * A simple electronic signature of the document, shown as the mark school
 * sites put next to a signed document. The signer is a registry person: the
 * consent policy decides whether the name and position appear (a dissemination
 * consent, or the legal basis recorded for the head of the school).
 */
export const signatureSchema = field(
  z.strictObject({
    signedAt: isoDateTime({ label: 'Дата и время подписания', hint: 'Местное время' }),
    signer: ref(
      { kind: 'registry' },
      {
        label: 'Кто подписал',
        hint: 'Из реестра. ФИО и должность на сайте — только по согласию на распространение или как у руководителя школы (обязательное раскрытие); иначе знак подписи без имени',
      },
    ).optional(),
    key: line({ label: 'Ключ (сертификат)', hint: 'Идентификатор ключа простой электронной подписи, например серийный номер' }, 120),
  }),
  { label: 'Простая электронная подпись', hint: 'Если документ подписан электронной подписью', widget: 'object' },
);

export const documentSchema = () =>
  z
    .strictObject({
      draft: draft(),
      title: line({ label: 'Название документа', hint: 'Полностью, как в самом документе' }, 500),
      kind: select(DOCUMENT_KINDS, { label: 'Вид документа' }),
      level: select(LEVELS, { label: 'Уровень', hint: 'Кем принят документ' }),
      number: line({ label: 'Номер', hint: 'Например «01-05/123» или «Р-145»' }, 60).optional(),
      date: isoDate({ label: 'Дата принятия' }),
      issuer: line({ label: 'Кем принят', hint: 'Например «Минпросвещения России» или «ГБОУ лицей № 126»' }).optional(),
      file: publicFile({
        label: 'Файл',
        hint: 'PDF, DOCX, ODT, XLSX или ODS до 15 МБ (DOC и XLS не публикуются: их нельзя проверить на персональные данные)',
      }).optional(),
      source: url({ label: 'Ссылка на официальный источник', hint: 'Если файла нет на сайте' }).optional(),
      stage: stageNumber({ label: 'Этап дорожной карты', hint: 'К какому этапу относится' }).optional(),
      supersedes: ref(
        { kind: 'collection', collection: 'documents' },
        { label: 'Заменяет документ', hint: 'Прежняя редакция, утратившая силу' },
      ).optional(),
      summary: paragraph({ label: 'Кратко о документе' }, 1000).optional(),
      signature: signatureSchema.optional(),
    })
    .refine((d) => d.file !== undefined || d.source !== undefined, {
      message: 'укажите файл или ссылку на официальный источник',
      path: ['file'],
    });

export type DocumentEntry = z.output<ReturnType<typeof documentSchema>>;
export type DocumentSignature = z.output<typeof signatureSchema>;
