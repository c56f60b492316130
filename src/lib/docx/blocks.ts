/**
 * The building blocks of the school's Word documents (via the `docx`
 * package): Times New Roman 14 pt, A4 with the usual office margins,
 * justified paragraphs with a first-line indent, bordered tables. Orders and
 * programmes are assembled from these, so they look like one school's papers.
 *
 * Every text goes through the site's typography (src/lib/typography.ts):
 * «лицей № 126» does not break after the sign, a school year reads
 * «2025–2026», short words stay with the next one. The document's language is
 * Russian, so Word and LibreOffice check spelling and hyphenate in Russian.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type FileChild,
  type IParagraphOptions,
} from 'docx';
import type { Person } from '../../schema/registry.ts';
import type { Vocabularies } from '../../schema/settings.ts';
import { CATEGORIES } from '../../schema/vocab.ts';
import { plural } from '../plural.ts';
import { typo } from '../typography.ts';

const FONT = 'Times New Roman';
const SIZE = 28; // half-points: 14 pt
const SMALL = 24; // 12 pt, for tables
const LANGUAGE = { value: 'ru-RU' };

/**
 * Document typography: the site's, plus «лицей № 126» held together on
 * both sides of the sign with plain no-break spaces (the narrow one typograf
 * puts after «№» is missing from some office fonts).
 */
function docText(text: string): string {
  return typo(text)
    .replace(/№\u202f/g, '№\u00a0')
    .replace(/(\S) №/g, '$1\u00a0№');
}
/** The width of the text on an A4 page with these margins, in twentieths of a point. */
export const TEXT_WIDTH = 11906 - 1701 - 850;

interface TextOptions {
  bold?: boolean;
  italics?: boolean;
  size?: number;
}

/** One paragraph of running text. */
export function para(
  text: string,
  opts: TextOptions & { align?: 'left' | 'center' | 'right' | 'justify'; indent?: boolean; after?: number; before?: number } = {},
): Paragraph {
  const options: IParagraphOptions = {
    alignment:
      opts.align === 'center'
        ? AlignmentType.CENTER
        : opts.align === 'right'
          ? AlignmentType.RIGHT
          : opts.align === 'left'
            ? AlignmentType.LEFT
            : AlignmentType.JUSTIFIED,
    spacing: { after: opts.after ?? 0, before: opts.before ?? 0, line: 276 },
    ...(opts.indent ? { indent: { firstLine: 709 } } : {}),
    children: [
      new TextRun({ text: docText(text), bold: opts.bold ?? false, italics: opts.italics ?? false, size: opts.size ?? SIZE, font: FONT }),
    ],
  };
  return new Paragraph(options);
}

/** A centred bold heading line. */
export const heading = (text: string, before = 240) => para(text, { bold: true, align: 'center', before, after: 120 });

/** A paragraph made of runs, e.g. a bold label and plain text. */
export function runs(parts: readonly { text: string; bold?: boolean }[], opts: { indent?: boolean; after?: number } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: { after: opts.after ?? 0, line: 276 },
    ...(opts.indent ? { indent: { firstLine: 709 } } : {}),
    children: parts.map((p) => new TextRun({ text: docText(p.text), bold: p.bold ?? false, size: SIZE, font: FONT })),
  });
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER };
const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER };

/** A table cell of small text; several lines become several paragraphs. `width` is a percentage of the text width. */
export function cell(
  text: string | readonly string[],
  opts: { bold?: boolean; width?: number; span?: number; align?: 'left' | 'center'; size?: number } = {},
): TableCell {
  const lines = typeof text === 'string' ? [text] : text;
  return new TableCell({
    borders: BORDERS,
    verticalAlign: VerticalAlignTable.TOP,
    ...(opts.width ? { width: { size: Math.round((TEXT_WIDTH * opts.width) / 100), type: WidthType.DXA } } : {}),
    ...(opts.span ? { columnSpan: opts.span } : {}),
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: (lines.length ? lines : ['']).map(
      (l) =>
        new Paragraph({
          alignment: opts.align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT,
          children: [new TextRun({ text: docText(l), bold: opts.bold ?? false, size: opts.size ?? SMALL, font: FONT })],
        }),
    ),
  });
}

/**
 * A bordered table over the text width; the first row repeats on every page
 * when `header` is set. `columns` (percentages) fix the column widths, so
 * Word and LibreOffice lay the table out alike instead of fitting it to the
 * words.
 */
export function table(rows: readonly (readonly TableCell[])[], opts: { header?: boolean; columns?: readonly number[] } = {}): Table {
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    ...(opts.columns ? { columnWidths: opts.columns.map((w) => Math.round((TEXT_WIDTH * w) / 100)), layout: TableLayoutType.FIXED } : {}),
    rows: rows.map((cells, i) => new TableRow({ children: [...cells], tableHeader: Boolean(opts.header && i === 0), cantSplit: true })),
  });
}

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

/** A borderless line of fixed columns: the date and the number, or a signature. Widths are percentages of the text width. */
export function borderlessLine(parts: readonly { text: string; width: number; align: keyof typeof ALIGN }[]): Table {
  const widths = parts.map((p) => Math.round((TEXT_WIDTH * p.width) / 100));
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: {
      top: NO_BORDER,
      bottom: NO_BORDER,
      left: NO_BORDER,
      right: NO_BORDER,
      insideHorizontal: NO_BORDER,
      insideVertical: NO_BORDER,
    },
    rows: [
      new TableRow({
        cantSplit: true,
        children: parts.map(
          (p, i) =>
            new TableCell({
              borders: NO_BORDERS,
              width: { size: widths[i]!, type: WidthType.DXA },
              margins: { left: 0, right: 0 },
              children: [
                new Paragraph({ alignment: ALIGN[p.align], children: [new TextRun({ text: docText(p.text), size: SIZE, font: FONT })] }),
              ],
            }),
        ),
      }),
    ],
  });
}

/** A two-column borderless line: e.g. the date on the left and the number on the right. */
export function splitLine(left: string, right: string): Table {
  return borderlessLine([
    { text: left, width: 50, align: 'left' },
    { text: right, width: 50, align: 'right' },
  ]);
}

/** A signature line that never wraps: «Директор   ______________   И. И. Иванова». */
export function signatureLine(position: string, name: string): Table {
  return borderlessLine([
    { text: position, width: 45, align: 'left' },
    { text: '______________', width: 25, align: 'center' },
    { text: name.replace(/ /g, '\u00a0'), width: 30, align: 'right' },
  ]);
}

/** An A4 document in the school's style. */
export function document(children: FileChild[], meta: { title: string; description?: string }): Document {
  return new Document({
    creator: 'Наставник',
    title: meta.title,
    ...(meta.description ? { description: meta.description } : {}),
    styles: { default: { document: { run: { font: FONT, size: SIZE, language: LANGUAGE }, paragraph: { spacing: { line: 276 } } } } },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1701, right: 850 } } },
        children,
      },
    ],
  });
}

/** The .docx bytes. */
export const pack = (doc: Document): Promise<Buffer> => Packer.toBuffer(doc);

/** «Шевченко Ирина Анатольевна». */
export function fullName(p: Pick<Person, 'name'>): string {
  return [p.name.last, p.name.first, p.name.middle].filter(Boolean).join(' ');
}

/** «И. А. Шевченко», as under a signature. */
export function initialsName(p: Pick<Person, 'name'>): string {
  const initials = [p.name.first, p.name.middle].filter(Boolean).map((n) => `${n!.charAt(0)}.`);
  return `${initials.join('\u00a0')}\u00a0${p.name.last}`;
}

/** «учитель математики, высшая квалификационная категория, стаж 24 года». */
export function describePerson(p: Person, vocab: Vocabularies, year: number, withExperience = true): string {
  const subject = vocab.subjects.find((s) => s.id === p.subjects[0]);
  const position = subject?.genitive && p.position === 'учитель' ? `${p.position} ${subject.genitive}` : p.position;
  const parts = [position];
  if (p.category !== 'none') parts.push(`${CATEGORIES[p.category]} квалификационная категория`);
  if (withExperience) parts.push(`педагогический стаж ${experience(year - p.teachingSince)}`);
  return parts.join(', ');
}

/** «менее года», «1 год», «24 года». */
export function experience(years: number): string {
  return years < 1 ? 'менее года' : plural(years, ['год', 'года', 'лет']);
}

/** `2026-12-01` → `01.12.2026`, as documents write dates. */
export function dotted(iso: string): string {
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
}
