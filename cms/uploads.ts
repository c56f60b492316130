/**
 * A guard in front of every upload of the CMS, in the browser.
 *
 * It runs before Decap sees the file (a capturing listener on the file
 * input): a file of a type the site does not publish, or over the size
 * limit, is refused with a Russian message (the local API refuses both as
 * well), and an accepted file is renamed to a transliterated, time-stamped name, so a
 * second «IMG_0001.jpg» never replaces the first and Cyrillic names are not
 * reduced to «.jpg» by Decap's ASCII filter.
 */
import { cmsUi } from '../src/i18n/ru.ts';
import { uploadFileName } from './file-names.ts';
import { isUploadType, MAX_DOCUMENT_BYTES, MAX_IMAGE_BYTES, MB, maxBytesFor, UPLOAD_EXTENSIONS } from './limits.ts';

/** Why a file is refused, or undefined when it may be uploaded. */
export function refusal(file: { name: string; size: number }): string | undefined {
  if (!isUploadType(file.name)) return cmsUi.fileTypeRefused(file.name, UPLOAD_EXTENSIONS);
  if (file.size <= maxBytesFor(file.name)) return undefined;
  const size = (file.size / MB).toFixed(1).replace('.', ',');
  return cmsUi.fileTooLarge(file.name, size, MAX_IMAGE_BYTES / MB, MAX_DOCUMENT_BYTES / MB);
}

function onChange(event: Event): void {
  const input = event.target;
  if (!(input instanceof HTMLInputElement) || input.type !== 'file' || !input.files?.length) return;
  const files = [...input.files];
  const refused = files.map(refusal).find(Boolean);
  if (refused) {
    event.stopImmediatePropagation();
    input.value = '';
    window.alert(refused);
    return;
  }
  const renamed = new DataTransfer();
  const now = new Date();
  for (const f of files) renamed.items.add(new File([f], uploadFileName(f.name, now), { type: f.type, lastModified: f.lastModified }));
  input.files = renamed.files;
}

/** Installs the guard for the whole admin page. */
export function guardUploads(doc: Document = document): void {
  doc.addEventListener('change', onChange, true);
}
