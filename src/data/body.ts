/**
 * An entry's body as HTML, from the bytes the privacy review read: the page,
 * its feed item and its search record all publish exactly what was checked,
 * whatever happens to the file on disk during the build.
 */
import { renderBody } from '../build/markdown-cache.ts';
import { reviewedBody } from '../privacy/gate.ts';

/** The sanitised, typographed body of the entry at `filePath` (relative to the project root); empty without one. */
export function bodyHtml(filePath: string | undefined): string {
  return filePath ? renderBody(reviewedBody(filePath)) : '';
}
