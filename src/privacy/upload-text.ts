/**
 * The text of an uploaded file as anyone who downloads it can read it:
 * what a reader sees, the document's properties (author, last modified by,
 * company…), and what hides in the file's other parts (comments and their
 * authors, tracked changes, PDF annotations and form fields, embedded
 * documents). Everything under public/uploads/ is published as it is, so
 * the privacy review reads all three, with the same scan as entry texts.
 *
 * Visible text comes from officeparser (DOCX, XLSX, PPTX, ODT, ODS, ODP, RTF;
 * PDF through Mozilla's pdf.js). Properties and hidden parts are read
 * from the container itself: the zip parts of OOXML and OpenDocument files
 * (jszip, htmlparser2), the Info dictionary, XMP streams and every string
 * object of a PDF (pdf-lib), the \info group of an RTF file.
 */
import path from 'node:path';
import { Parser } from 'htmlparser2';
import JSZip from 'jszip';
import { OfficeParser, type OfficeParserAST } from 'officeparser';
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRawStream,
  PDFStream,
  PDFString,
  type PDFObject,
} from 'pdf-lib';
import sharp from 'sharp';
import { decodeText, parseCsv } from '../lib/table.ts';

/** Formats read as documents, by file extension. */
export const DOCUMENT_KINDS = ['pdf', 'docx', 'xlsx', 'pptx', 'odt', 'ods', 'odp', 'rtf', 'csv', 'txt', 'svg'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export type UploadKind = DocumentKind | 'image';

/** Raster images: the site shows them; only their metadata (EXIF, XMP, IPTC) carries text. */
const IMAGE_EXTENSIONS = new Set(['jpg', 'jpeg', 'png', 'webp', 'avif', 'gif', 'tif', 'tiff']);

/** How a file is read, by its extension; undefined for a type nobody here can read. */
export function uploadKind(file: string): UploadKind | undefined {
  const ext = path.extname(file).slice(1).toLowerCase();
  if (IMAGE_EXTENSIONS.has(ext)) return 'image';
  return (DOCUMENT_KINDS as readonly string[]).includes(ext) ? (ext as DocumentKind) : undefined;
}

export interface UploadSection {
  /** text: what a reader sees; metadata: the file's properties; hidden: comments, annotations, other parts. */
  kind: 'text' | 'metadata' | 'hidden';
  /** The property (`Author`, `dc:creator`) or the part (`word/comments.xml`) the text comes from. */
  field?: string;
  text: string;
}

export interface ExtractedUpload {
  sections: UploadSection[];
  /** The metadata cannot be removed without breaking the file (an encrypted PDF). */
  locked?: boolean;
}

/** Formats officeparser reads. */
type ParsedKind = 'pdf' | 'rtf' | ZipKind;
type ZipKind = 'docx' | 'xlsx' | 'pptx' | 'odt' | 'ods' | 'odp';
const ZIP_KINDS = new Set<string>(['docx', 'xlsx', 'pptx', 'odt', 'ods', 'odp'] satisfies ZipKind[]);
/** Zip parts that hold a document's properties. */
const PROPERTY_PARTS = new Set(['docProps/core.xml', 'docProps/app.xml', 'docProps/custom.xml', 'meta.xml']);

async function parseOffice(bytes: Buffer, kind: ParsedKind): Promise<OfficeParserAST> {
  return OfficeParser.parseOffice(bytes, { fileType: kind, ocr: false, extractAttachments: false });
}

async function officeText(ast: OfficeParserAST): Promise<string> {
  return (await ast.to('text')).value as string;
}

const structural = (name: string) => /^(?:rdf|vt|x):/.test(name);
const skippedAttribute = (name: string) => /^(?:xmlns|xsi:|xml:|rdf:)/.test(name);

/**
 * Named values of a property file (core.xml, app.xml, custom.xml, meta.xml,
 * XMP): each leaf element's text under the nearest meaningful element
 * name (a custom property's own name), and each attribute value below the root.
 */
export function xmlProperties(xml: string): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  const stack: { name: string; attrs: Record<string, string>; text: string; children: number }[] = [];
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        // The root element's attributes say which format version this is, nothing about the document.
        if (stack.length) {
          stack[stack.length - 1]!.children++;
          for (const [k, v] of Object.entries(attrs)) if (!skippedAttribute(k) && v.trim()) out.push({ name: k, text: v });
        }
        stack.push({ name, attrs, text: '', children: 0 });
      },
      ontext(text) {
        if (stack.length) stack[stack.length - 1]!.text += text;
      },
      onclosetag() {
        const el = stack.pop();
        if (!el || el.children > 0 || !el.text.trim()) return;
        let owner = el;
        for (let i = stack.length; structural(owner.name) && i > 0; i--) owner = stack[i - 1]!;
        out.push({ name: owner.attrs.name ?? owner.name, text: el.text.trim() });
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(xml);
  return out;
}

/** Every text node and attribute value of an XML part, one per line. */
function xmlStrings(xml: string): string {
  const out: string[] = [];
  const parser = new Parser(
    {
      onopentag(_name, attrs) {
        for (const [k, v] of Object.entries(attrs)) if (!k.startsWith('xmlns') && v.trim()) out.push(v);
      },
      ontext(text) {
        if (text.trim()) out.push(text);
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(xml);
  return out.join('\n');
}

/** OOXML and OpenDocument: officeparser's text, the property parts, every other XML part and embedded document. */
async function zipUpload(bytes: Buffer, kind: ZipKind): Promise<ExtractedUpload> {
  const sections: UploadSection[] = [{ kind: 'text', text: await officeText(await parseOffice(bytes, kind)) }];
  const zip = await JSZip.loadAsync(bytes);
  for (const [name, entry] of Object.entries(zip.files)) {
    if (entry.dir) continue;
    if (PROPERTY_PARTS.has(name)) {
      for (const p of xmlProperties(await entry.async('string'))) sections.push({ kind: 'metadata', field: p.name, text: p.text });
    } else if (/\.(?:xml|rels)$/i.test(name)) {
      const text = xmlStrings(await entry.async('string'));
      if (text) sections.push({ kind: 'hidden', field: name, text });
    } else {
      const inner = uploadKind(name);
      if (!inner || inner === 'image') continue;
      const embedded = await extractUpload(await entry.async('nodebuffer'), inner);
      for (const s of embedded.sections) sections.push({ kind: 'hidden', field: name, text: s.text });
    }
  }
  return { sections };
}

const isString = (o: PDFObject | undefined): o is PDFString | PDFHexString => o instanceof PDFString || o instanceof PDFHexString;

function pdfStrings(obj: PDFObject, out: string[]): void {
  if (isString(obj)) out.push(obj.decodeText());
  else if (obj instanceof PDFArray) obj.asArray().forEach((o) => pdfStrings(o, out));
  else if (obj instanceof PDFDict) [...obj.values()].forEach((o) => pdfStrings(o, out));
  else if (obj instanceof PDFStream) pdfStrings(obj.dict, out);
}

/** A PDF metadata stream (XMP) of a document, a page or an image. */
export function isMetadataStream(obj: PDFObject): obj is PDFStream {
  return obj instanceof PDFStream && obj.dict.get(PDFName.of('Type')) === PDFName.of('Metadata');
}

/** An encrypted PDF: pdf.js decrypts it for reading; its properties are those pdf.js reports. */
function lockedPdfMetadata(ast: OfficeParserAST): UploadSection[] {
  const native = (ast.metadata.nativeProperties ?? {}) as Record<string, unknown>;
  const sections: UploadSection[] = [];
  const add = (field: string, value: unknown) => {
    if (typeof value === 'string' && value.trim()) sections.push({ kind: 'metadata', field, text: value });
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) add(field === 'XMP' ? k : field, v);
  };
  for (const [k, v] of Object.entries(native)) add(k, v);
  return sections;
}

/** PDF: pdf.js text of the pages; the Info dictionary and XMP streams; every other string object. */
async function pdfUpload(bytes: Buffer): Promise<ExtractedUpload> {
  const ast = await parseOffice(bytes, 'pdf');
  const sections: UploadSection[] = [{ kind: 'text', text: await officeText(ast) }];
  const doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false });
  if (doc.isEncrypted) return { sections: [...sections, ...lockedPdfMetadata(ast)], locked: true };
  const info = doc.context.trailerInfo.Info ? doc.context.lookup(doc.context.trailerInfo.Info) : undefined;
  if (info instanceof PDFDict) {
    for (const [key, value] of info.entries()) {
      if (isString(value) && value.decodeText().trim())
        sections.push({ kind: 'metadata', field: key.decodeText(), text: value.decodeText() });
    }
  }
  const hidden: string[] = [];
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (obj === info) continue;
    if (isMetadataStream(obj) && obj instanceof PDFRawStream) {
      const xml = Buffer.from(decodePDFRawStream(obj).decode()).toString('utf8');
      for (const p of xmlProperties(xml)) sections.push({ kind: 'metadata', field: `XMP ${p.name}`, text: p.text });
    } else {
      pdfStrings(obj, hidden);
    }
  }
  const text = hidden.filter((s) => s.trim()).join('\n');
  if (text) sections.push({ kind: 'hidden', field: 'PDF', text });
  return { sections };
}

interface RtfGroup {
  name: string;
  body: string;
  /** The group with its braces: `rtf.slice(start, end)`. */
  start: number;
  end: number;
}

/** Groups `{\name …}` or `{\*\name …}` of an RTF text, outermost first. */
function rtfGroups(rtf: string, names: ReadonlySet<string>): RtfGroup[] {
  const out: RtfGroup[] = [];
  const head = /\{(?:\\\*)?\\([a-z]+)-?\d* ?/y;
  let i = 0;
  while (i < rtf.length) {
    const ch = rtf[i];
    if (ch === '\\') {
      i += 2;
      continue;
    }
    if (ch !== '{') {
      i++;
      continue;
    }
    head.lastIndex = i;
    const m = head.exec(rtf);
    if (!m || !names.has(m[1]!)) {
      i++;
      continue;
    }
    let depth = 0;
    let j = i;
    for (; j < rtf.length; j++) {
      const c = rtf[j];
      if (c === '\\') j++;
      else if (c === '{') depth++;
      else if (c === '}' && --depth === 0) break;
    }
    out.push({ name: m[1]!, body: rtf.slice(i + m[0].length, j), start: i, end: j + 1 });
    i = j + 1;
  }
  return out;
}

/** The `{\info …}` groups of an RTF text: the document's properties. */
export function rtfInfoGroups(rtf: string): RtfGroup[] {
  return rtfGroups(rtf, new Set(['info']));
}

const RTF_HIDDEN = new Set(['atnauthor', 'atnid', 'revtbl']);

/** RTF: officeparser's text; each field of the \info group and annotation and revision authors, decoded the same way. */
async function rtfUpload(bytes: Buffer): Promise<ExtractedUpload> {
  const rtf = bytes.toString('latin1');
  const codePage = /\\ansicpg(\d+)/.exec(rtf)?.[1] ?? '1252';
  const decode = async (body: string) =>
    officeText(await parseOffice(Buffer.from(`{\\rtf1\\ansi\\ansicpg${codePage}\\deff0 ${body}}`, 'latin1'), 'rtf'));
  const sections: UploadSection[] = [{ kind: 'text', text: await officeText(await parseOffice(bytes, 'rtf')) }];
  for (const info of rtfInfoGroups(rtf)) {
    for (const field of rtfGroups(
      info.body,
      new Set(['title', 'subject', 'author', 'manager', 'company', 'operator', 'category', 'keywords', 'comment', 'doccomm', 'hlinkbase']),
    )) {
      const text = (await decode(field.body)).trim();
      if (text) sections.push({ kind: 'metadata', field: field.name, text });
    }
  }
  for (const group of rtfGroups(rtf, RTF_HIDDEN)) {
    const text = (await decode(group.body.replace(/[{}]/g, ' '))).trim();
    if (text) sections.push({ kind: 'hidden', field: group.name, text });
  }
  return { sections };
}

/** CSV: decoded (UTF-8, Windows-1251…), cells of a row joined by tabs so a name split over columns reads as one. */
function csvUpload(bytes: Buffer): ExtractedUpload {
  const text = decodeText(bytes);
  try {
    const table = parseCsv(text);
    return { sections: [{ kind: 'text', text: [table.headers, ...table.rows.map((r) => r.cells)].map((c) => c.join('\t')).join('\n') }] };
  } catch {
    return { sections: [{ kind: 'text', text }] };
  }
}

/** Images: EXIF, XMP, IPTC and text chunks, read in the encodings they are written in. */
async function imageUpload(bytes: Buffer): Promise<ExtractedUpload> {
  const meta = await sharp(bytes).metadata();
  const sections: UploadSection[] = [];
  for (const [field, buf] of [
    ['EXIF', meta.exif],
    ['XMP', meta.xmp],
    ['IPTC', meta.iptc],
  ] as const) {
    if (Buffer.isBuffer(buf)) sections.push({ kind: 'metadata', field, text: `${buf.toString('utf8')}\n${buf.toString('utf16le')}` });
  }
  for (const c of meta.comments ?? []) sections.push({ kind: 'metadata', field: c.keyword, text: c.text });
  return { sections };
}

/** Reads an uploaded file of a known kind; throws when the file is not what its extension says. */
export async function extractUpload(bytes: Buffer, kind: string): Promise<ExtractedUpload> {
  if (bytes.length === 0) return { sections: [] };
  if (kind === 'pdf') return pdfUpload(bytes);
  if (ZIP_KINDS.has(kind)) return zipUpload(bytes, kind as ZipKind);
  if (kind === 'rtf') return rtfUpload(bytes);
  if (kind === 'csv') return csvUpload(bytes);
  if (kind === 'txt') return { sections: [{ kind: 'text', text: decodeText(bytes) }] };
  if (kind === 'svg') return { sections: [{ kind: 'text', text: xmlStrings(decodeText(bytes)) }] };
  if (kind === 'image' || IMAGE_EXTENSIONS.has(kind)) return imageUpload(bytes);
  throw new Error(`unknown kind ${kind}`);
}
