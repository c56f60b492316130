/**
 * A document's published copy without its metadata: author, last modified
 * by, company, manager, title, keywords, the program that made it. Those
 * name people (often ones the registry does not know: the secretary who
 * typed an order) and are invisible to the editor who uploads the file.
 *
 * - PDF: the Info dictionary and every XMP metadata stream go; pdf-lib
 *   writes the file anew, so earlier revisions kept by incremental saves go too.
 * - OOXML (DOCX, XLSX, PPTX): docProps/core.xml, app.xml and custom.xml
 *   become empty property sets (the parts stay, so the package is valid).
 * - OpenDocument: meta.xml becomes an empty office:meta; mimetype stays
 *   first and uncompressed, as the format requires.
 * - RTF: the \info group goes.
 *
 * The text of the document is not touched; the publisher re-reads each
 * stripped copy and publishes it only if its text is unchanged.
 */
import JSZip from 'jszip';
import { PDFDict, PDFDocument, PDFName, PDFRef, PDFStream } from 'pdf-lib';
import { isMetadataStream, rtfInfoGroups } from './upload-text.ts';

/** Bump when stripping changes: cached stripped copies are then made again. */
export const STRIP_VERSION = 1;

const EMPTY_PARTS: Record<string, string> = {
  'docProps/core.xml':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/>',
  'docProps/app.xml':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"/>',
  'docProps/custom.xml':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"/>',
};

async function stripPdf(bytes: Buffer): Promise<Buffer> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: false });
  const { context } = doc;
  const info = context.trailerInfo.Info;
  if (info instanceof PDFRef) context.delete(info);
  context.trailerInfo.Info = undefined;
  const metadata = new Set<PDFRef>();
  for (const [ref, obj] of context.enumerateIndirectObjects()) if (isMetadataStream(obj)) metadata.add(ref);
  for (const ref of metadata) context.delete(ref);
  const key = PDFName.of('Metadata');
  for (const [, obj] of context.enumerateIndirectObjects()) {
    if (obj instanceof PDFDict) obj.delete(key);
    else if (obj instanceof PDFStream) obj.dict.delete(key);
  }
  return Buffer.from(await doc.save({ updateFieldAppearances: false }));
}

async function stripOoxml(bytes: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  for (const [part, empty] of Object.entries(EMPTY_PARTS)) if (zip.file(part)) zip.file(part, empty);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

async function stripOdf(bytes: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const meta = zip.file('meta.xml');
  if (meta) {
    const version = /office:version="([^"]+)"/.exec(await meta.async('string'))?.[1] ?? '1.2';
    zip.file(
      'meta.xml',
      `<?xml version="1.0" encoding="UTF-8"?>\n<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:version="${version}"><office:meta/></office:document-meta>`,
    );
  }
  const mimetype = zip.file('mimetype');
  if (mimetype) zip.file('mimetype', await mimetype.async('nodebuffer'), { compression: 'STORE' });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

function stripRtf(bytes: Buffer): Buffer {
  let rtf = bytes.toString('latin1');
  for (const g of rtfInfoGroups(rtf).reverse()) rtf = rtf.slice(0, g.start) + rtf.slice(g.end);
  return Buffer.from(rtf, 'latin1');
}

/** The document without its metadata; formats without any come back as they are. */
export async function stripUpload(bytes: Buffer, kind: string): Promise<Buffer> {
  if (kind === 'pdf') return stripPdf(bytes);
  if (kind === 'docx' || kind === 'xlsx' || kind === 'pptx') return stripOoxml(bytes);
  if (kind === 'odt' || kind === 'ods' || kind === 'odp') return stripOdf(bytes);
  if (kind === 'rtf') return stripRtf(bytes);
  return bytes;
}
