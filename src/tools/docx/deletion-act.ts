/**
 * The act of destruction of personal data (.docx) with the requisites of
 * Приказ Роскомнадзора от 28.10.2022 № 179: the operator and its address,
 * the subject, the categories destroyed, the information system, the
 * method, the reason, the date, who destroyed them and their signatures;
 * with the list of changed and deleted files as the extract from the log of
 * actions that п. 4 asks for when processing is automated.
 *
 * The subject is identified by the registry id and the processing consent's
 * document, which the school keeps on paper: the electronic act itself does
 * not keep the name that was destroyed; a line is left for it to be written
 * by hand on the signed copy.
 */
import type { FileChild } from 'docx';
import { borderlessLine, cell, document, dotted, heading, para, signatureLine, table } from '../../lib/docx/blocks.ts';

export interface DeletionActInput {
  /** The operator: the school's full name and address. */
  operator: { name: string; address: string };
  city?: string | undefined;
  /** Who destroys the data and signs; blanks when the settings do not say. */
  officer?: { position: string; name: string } | undefined;
  subject: { id: string; consent?: { signed: string; document?: string | undefined } | undefined };
  categories: readonly string[];
  system: string;
  method: string;
  reason: string;
  date: string;
  /** Files changed or deleted, relative to the project: the extract from the log. */
  files: readonly string[];
}

export const ACT_TITLE = 'Акт об уничтожении персональных данных';

const BLANK = '____________________';

/** The act as a Word document. */
export function deletionAct(a: DeletionActInput) {
  const consent = a.subject.consent;
  const subject =
    `участник реестра «Наставничество», идентификатор ${a.subject.id}` +
    (consent
      ? `; согласие на обработку персональных данных${consent.document ? ` «${consent.document}»` : ''} от ${dotted(consent.signed)}`
      : '') +
    `. Фамилия, имя, отчество: ${BLANK}${BLANK} (вписывается от руки при подписании: в электронных файлах не хранится)`;
  const rows: [string, string][] = [
    ['Оператор персональных данных, адрес', `${a.operator.name}; ${a.operator.address}`],
    ['Лицо, осуществляющее обработку по поручению оператора', 'не привлекалось'],
    ['Субъект персональных данных', subject],
    ['Перечень категорий уничтоженных персональных данных', a.categories.join('; ')],
    ['Информационная система персональных данных', a.system],
    ['Материальный носитель', 'не использовался (обработка автоматизированная)'],
    ['Способ уничтожения', a.method],
    ['Причина уничтожения', a.reason],
    ['Дата уничтожения', dotted(a.date)],
  ];
  const children: FileChild[] = [
    heading(a.operator.name, 0),
    heading(ACT_TITLE.toUpperCase()),
    borderlessLine([
      { text: a.city ?? '_______________', width: 50, align: 'left' },
      { text: dotted(a.date), width: 50, align: 'right' },
    ]),
    para('', { after: 120 }),
    table(
      rows.map(([label, value], i) => [cell(`${i + 1}. ${label}`, { bold: true, width: 38 }), cell(value, { width: 62 })]),
      { columns: [38, 62] },
    ),
    para('Персональные данные уничтожены, восстановление средствами информационной системы невозможно.', { indent: true, before: 240 }),
    para('Лица, уничтожившие персональные данные:', { align: 'left', before: 240, after: 120 }),
    signatureLine(a.officer?.position ?? BLANK, a.officer?.name ?? '________________'),
    para('', { after: 120 }),
    signatureLine(BLANK, '________________'),
    heading('Приложение: выгрузка из журнала действий — изменённые и удалённые файлы', 360),
    ...a.files.map((f, i) => para(`${i + 1}. ${f}`, { align: 'left', size: 22 })),
  ];
  return document(children, { title: ACT_TITLE, description: `Участник ${a.subject.id}` });
}
