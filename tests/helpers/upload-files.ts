/**
 * Uploaded documents made on the fly, one per format the uploads review
 * reads, so a test can put a registry name in the text, in the metadata or
 * in a hidden part (a comment, an annotation) of exactly the file it needs.
 */
import fs from 'node:fs';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { Document, Packer, Paragraph, TextRun, CommentRangeStart, CommentRangeEnd, CommentReference } from 'docx';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { PDFDocument, PDFHexString, PDFName, type PDFFont } from 'pdf-lib';
import { ROOT } from './paths.ts';

export interface DocMeta {
  author?: string;
  lastModifiedBy?: string;
  company?: string;
  title?: string;
  keywords?: string;
  /** PDF only: dc:creator in an XMP metadata stream. */
  xmpCreator?: string;
}

export async function docxFile(paragraphs: string[], meta: DocMeta = {}, comment?: { author: string; text: string }): Promise<Buffer> {
  const first = paragraphs[0] ?? '';
  const commented = comment
    ? [new CommentRangeStart(0), new TextRun(first), new CommentRangeEnd(0), new TextRun({ children: [new CommentReference(0)] })]
    : [new TextRun(first)];
  const doc = new Document({
    ...(meta.author ? { creator: meta.author } : {}),
    ...(meta.lastModifiedBy ? { lastModifiedBy: meta.lastModifiedBy } : {}),
    ...(meta.title ? { title: meta.title } : {}),
    ...(meta.keywords ? { keywords: meta.keywords } : {}),
    ...(comment ? { comments: { children: [{ id: 0, author: comment.author, children: [new Paragraph(comment.text)] }] } } : {}),
    sections: [{ children: [new Paragraph({ children: commented }), ...paragraphs.slice(1).map((p) => new Paragraph(p))] }],
  });
  const bytes = await Packer.toBuffer(doc);
  if (!meta.company) return bytes;
  const zip = await JSZip.loadAsync(bytes);
  zip.file(
    'docProps/app.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Company>${meta.company}</Company><Manager>${meta.company}</Manager></Properties>`,
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

export async function xlsxFile(rows: string[][], meta: DocMeta = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = meta.author ?? '';
  wb.lastModifiedBy = meta.lastModifiedBy ?? '';
  if (meta.company) wb.company = meta.company;
  const sheet = wb.addWorksheet('Лист1');
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const FONT_DIR = path.join(ROOT, 'node_modules/@fontsource/pt-sans/files');

async function fonts(doc: PDFDocument): Promise<{ cyr: PDFFont; lat: PDFFont }> {
  doc.registerFontkit(fontkit);
  const load = (subset: string) =>
    doc.embedFont(fs.readFileSync(path.join(FONT_DIR, `pt-sans-${subset}-400-normal.woff`)), { subset: true });
  return { cyr: await load('cyrillic'), lat: await load('latin') };
}

/** A PDF whose lines are drawn in real (extractable) text, with Info metadata and optional hidden strings. */
export async function pdfFile(lines: string[], meta: DocMeta = {}, annotation?: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const { cyr, lat } = await fonts(doc);
  const page = doc.addPage([595, 842]);
  lines.forEach((line, i) => {
    let x = 50;
    const y = 780 - i * 24;
    // The Cyrillic subset has no space or digits: each run goes in the font that has its glyphs.
    for (const run of line.match(/[\u0400-\u04ff]+|[^\u0400-\u04ff]+/g) ?? []) {
      const font = /[\u0400-\u04ff]/.test(run) ? cyr : lat;
      page.drawText(run, { x, y, size: 12, font });
      x += font.widthOfTextAtSize(run, 12);
    }
  });
  if (meta.author) doc.setAuthor(meta.author);
  if (meta.title) doc.setTitle(meta.title);
  if (meta.keywords) doc.setKeywords([meta.keywords]);
  doc.setCreator(meta.company ?? 'Microsoft Word');
  if (meta.xmpCreator) {
    const xmp = `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmp:CreatorTool="Microsoft Word"><dc:creator><rdf:Seq><rdf:li>${meta.xmpCreator}</rdf:li></rdf:Seq></dc:creator></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;
    const stream = doc.context.flateStream(Buffer.from(xmp, 'utf8'), { Type: 'Metadata', Subtype: 'XML' });
    doc.catalog.set(PDFName.of('Metadata'), doc.context.register(stream));
  }
  if (annotation) {
    const annot = doc.context.obj({
      Type: 'Annot',
      Subtype: 'Text',
      Rect: [40, 40, 60, 60],
      T: PDFHexString.fromText(annotation),
      Contents: PDFHexString.fromText('Проверить'),
    });
    page.node.set(PDFName.of('Annots'), doc.context.obj([doc.context.register(annot)]));
  }
  return Buffer.from(await doc.save());
}

const ODF_NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/"';

/** A minimal OpenDocument text (odt) or spreadsheet (ods): mimetype, content.xml, meta.xml, manifest. */
export async function odfFile(kind: 'odt' | 'ods', cells: string[], meta: DocMeta = {}): Promise<Buffer> {
  const mime = kind === 'odt' ? 'application/vnd.oasis.opendocument.text' : 'application/vnd.oasis.opendocument.spreadsheet';
  const body =
    kind === 'odt'
      ? `<office:text>${cells.map((c) => `<text:p>${c}</text:p>`).join('')}</office:text>`
      : `<office:spreadsheet><table:table table:name="Лист1"><table:table-row>${cells
          .map((c) => `<table:table-cell office:value-type="string"><text:p>${c}</text:p></table:table-cell>`)
          .join('')}</table:table-row></table:table></office:spreadsheet>`;
  const zip = new JSZip();
  zip.file('mimetype', mime, { compression: 'STORE' });
  zip.file(
    'content.xml',
    `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${ODF_NS} office:version="1.3"><office:body>${body}</office:body></office:document-content>`,
  );
  const metaItems = [
    meta.author ? `<meta:initial-creator>${meta.author}</meta:initial-creator>` : '',
    meta.lastModifiedBy ? `<dc:creator>${meta.lastModifiedBy}</dc:creator>` : '',
    meta.title ? `<dc:title>${meta.title}</dc:title>` : '',
    '<meta:generator>LibreOffice/7.6</meta:generator>',
  ].join('');
  zip.file(
    'meta.xml',
    `<?xml version="1.0" encoding="UTF-8"?><office:document-meta ${ODF_NS} office:version="1.3"><office:meta>${metaItems}</office:meta></office:document-meta>`,
  );
  zip.file(
    'META-INF/manifest.xml',
    `<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="${mime}"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/></manifest:manifest>`,
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** RTF text with every Cyrillic letter as a Windows-1251 `\'xx` escape. */
export function rtfHex(text: string): string {
  return [...iconv.encode(text, 'windows-1251')].map((b) => (b < 0x80 ? String.fromCharCode(b) : `\\'${b.toString(16)}`)).join('');
}

/** RTF text with every non-ASCII letter as a `\uN?` escape. */
export function rtfUnicode(text: string): string {
  return [...text].map((ch) => (ch.charCodeAt(0) < 0x80 ? ch : `\\u${ch.charCodeAt(0)}?`)).join('');
}

/** An RTF document in Windows-1251 with an optional \info group. */
export function rtfFile(body: string, info: { author?: string; operator?: string; company?: string } = {}): Buffer {
  const fields = Object.entries(info)
    .map(([k, v]) => `{\\${k} ${rtfHex(v)}}`)
    .join('');
  return Buffer.from(
    `{\\rtf1\\ansi\\ansicpg1251\\deff0{\\fonttbl{\\f0\\fswiss\\fcharset204 Arial;}}${fields ? `{\\info${fields}}` : ''}\\f0\\fs24 ${body}\\par}`,
    'latin1',
  );
}

/** Writes a file under the uploads folder, creating its folders. */
export function putUpload(uploadsDir: string, rel: string, bytes: Buffer | string): string {
  const abs = path.join(uploadsDir, rel);
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  fs.writeFileSync(abs, bytes);
  return abs;
}
