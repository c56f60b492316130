/** A link title that names its own format does not repeat the format label beside it. */
import { describe, expect, it } from 'vitest';
import { titleWithoutFormat } from '../../src/lib/file-label.ts';

describe('titleWithoutFormat', () => {
  it.each([
    ['Чек-лист подготовки собрания (PDF)', 'PDF', 'Чек-лист подготовки собрания'],
    ['Памятка (pdf)', 'PDF', 'Памятка'],
    ['Положение [DOCX]', 'DOCX', 'Положение'],
    ['Анкета, PDF', 'PDF', 'Анкета'],
    ['Анкета — pdf.', 'PDF', 'Анкета'],
  ])('«%s» next to «%s» reads «%s»', (title, format, expected) => {
    expect(titleWithoutFormat(title, format)).toBe(expected);
  });

  it('keeps a mention of another format, a format inside a word and a title that is only the format', () => {
    expect(titleWithoutFormat('Шаблон (DOCX)', 'PDF')).toBe('Шаблон (DOCX)');
    expect(titleWithoutFormat('Про PDF-формы', 'PDF')).toBe('Про PDF-формы');
    expect(titleWithoutFormat('Таблица ODS', 'ODS')).toBe('Таблица ODS');
    expect(titleWithoutFormat('(PDF)', 'PDF')).toBe('(PDF)');
  });
});
