/**
 * A methodological material for mentors (stage 4: training of mentors):
 * guides, checklists, templates, recordings of установочные сессии.
 */
import { z } from 'astro/zod';
import { draft, isoDate, line, multiSelect, paragraph, publicFile, select, url } from './fields.ts';
import { MATERIAL_AUDIENCES, MATERIAL_TYPES } from './vocab.ts';

export const materialSchema = () =>
  z.strictObject({
    draft: draft(),
    title: line({ label: 'Название' }),
    summary: paragraph({ label: 'Кратко' }, 600),
    date: isoDate({ label: 'Дата публикации' }),
    type: select(MATERIAL_TYPES, { label: 'Тип материала' }),
    audience: multiSelect(MATERIAL_AUDIENCES, { label: 'Кому адресован' }).default(['mentors']),
    file: publicFile({ label: 'Файл' }).optional(),
    link: url({ label: 'Ссылка', hint: 'Например, запись вебинара' }).optional(),
  });

export type Material = z.output<ReturnType<typeof materialSchema>>;
