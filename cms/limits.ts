/**
 * How large an uploaded file may be, and of what type, in one place for the
 * CMS config, the upload guard in the browser, the local API and the
 * editor's guide.
 *
 * Documents follow the rule for school sites (Приказ Рособрнадзора № 831:
 * files up to 15 MB); photos are capped lower, because the site resizes them
 * anyway and a phone's 30 MB original only slows the editor down.
 */

/** One megabyte as the limits below count it (decimal, as file managers show it). */
export const MB = 1_000_000;

export const MAX_IMAGE_BYTES = 10 * MB;
export const MAX_DOCUMENT_BYTES = 15 * MB;

/** An entry file (Markdown or YAML) the CMS writes: text, far more than any page needs. */
export const MAX_ENTRY_BYTES = 1 * MB;

/** One request to the local API: an entry with its new files, in base64 (a third larger than the files). */
export const MAX_REQUEST_BYTES = 64 * MB;

const IMAGE_EXTENSIONS = ['jpg', 'jpeg', 'png', 'webp', 'avif', 'gif'];

/**
 * Documents a school publishes. Nothing a browser would run from the site's
 * own address (HTML, SVG, scripts), nothing the dev server would load.
 */
const DOCUMENT_EXTENSIONS = ['pdf', 'doc', 'docx', 'odt', 'rtf', 'xls', 'xlsx', 'ods', 'ppt', 'pptx', 'odp', 'txt', 'csv', 'zip'];

/** Extensions an upload may have, for messages. */
export const UPLOAD_EXTENSIONS: readonly string[] = [...IMAGE_EXTENSIONS, ...DOCUMENT_EXTENSIONS];

const extensionOf = (name: string) => (name.includes('.') ? (name.split('.').pop()?.toLowerCase() ?? '') : '');

/** True when a file of this name may be uploaded (by its extension). */
export function isUploadType(name: string): boolean {
  return UPLOAD_EXTENSIONS.includes(extensionOf(name));
}

/** True when a file name looks like an image the site can show. */
export function isImageName(name: string): boolean {
  return IMAGE_EXTENSIONS.includes(extensionOf(name));
}

/** The size limit for a file of this name. */
export function maxBytesFor(name: string): number {
  return isImageName(name) ? MAX_IMAGE_BYTES : MAX_DOCUMENT_BYTES;
}
