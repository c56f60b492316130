/**
 * How large an uploaded file may be, in one place for the CMS config, the
 * upload guard in the browser and the editor's guide.
 *
 * Documents follow the rule for school sites (Приказ Рособрнадзора № 831:
 * files up to 15 MB); photos are capped lower, because the site resizes them
 * anyway and a phone's 30 MB original only slows the editor down.
 */

/** One megabyte as the limits below count it (decimal, as file managers show it). */
export const MB = 1_000_000;

export const MAX_IMAGE_BYTES = 10 * MB;
export const MAX_DOCUMENT_BYTES = 15 * MB;

const IMAGE_EXTENSIONS = ['jpg', 'jpeg', 'png', 'webp', 'avif', 'gif'];

/** True when a file name looks like an image the site can show. */
export function isImageName(name: string): boolean {
  const ext = name.split('.').pop()?.toLowerCase() ?? '';
  return IMAGE_EXTENSIONS.includes(ext);
}

/** The size limit for a file of this name. */
export function maxBytesFor(name: string): number {
  return isImageName(name) ? MAX_IMAGE_BYTES : MAX_DOCUMENT_BYTES;
}
