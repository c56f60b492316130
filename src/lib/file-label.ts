/**
 * A file's link is followed by its format and size («(PDF, 16 КБ)»). A title
 * that already names the format — «Чек-лист (PDF)», «Памятка, pdf»,
 * «Положение [DOCX]» — would then read «(PDF) (PDF, 16 КБ)»; the title drops
 * its own mention of that format and keeps every other word.
 */

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `title` without a trailing mention of `format` (case-insensitive): «(PDF)», «[pdf]», «, PDF», «— PDF». */
export function titleWithoutFormat(title: string, format: string): string {
  if (!format) return title;
  const f = escape(format);
  const mention = new RegExp(`\\s*(?:\\(\\s*${f}\\s*\\)|\\[\\s*${f}\\s*\\]|[,;:\\u2014\\u2013-]\\s*${f}\\.?)\\s*$`, 'i');
  const stripped = title.replace(mention, '');
  return stripped.trim() ? stripped : title;
}
