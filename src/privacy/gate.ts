/**
 * The privacy gate between content and pages: the entries that the privacy
 * review withholds. Pages never decide this themselves; src/data/entries.ts
 * asks here for every list, page, feed and index record.
 *
 * The review is memoised per content root and invalidated when any content
 * file or uploaded file changes, so `astro dev` follows an editor's save.
 */
import fs from 'node:fs';
import { listCollectionFiles } from '../lib/content-files.ts';
import { contentDir } from '../lib/content-dir.ts';
import { listUploads } from '../lib/uploads-dir.ts';
import { todayIso } from '../lib/dates.ts';
import { validateContent, type ContentIndex } from '../lib/validate-content.ts';
import { collectionNames } from '../schema/index.ts';

/**
 * Kept on globalThis: Astro loads this module once for its config hooks and
 * again inside Vite's page renderer; both must share one review, not run it twice.
 */
const MEMO = Symbol.for('nastavnik.reviewedContent');
const FROZEN = Symbol.for('nastavnik.contentFrozen');
const store = globalThis as typeof globalThis & { [MEMO]?: { key: string; index: ContentIndex }; [FROZEN]?: boolean };

/**
 * Declares the content unchanging for the rest of the process (a build):
 * pages then reuse the review without looking at the files again, which
 * they would otherwise do thousands of times.
 */
export function freezeContent(): void {
  store[FROZEN] = true;
}

function fingerprint(root: string): string {
  const parts = [root, todayIso()];
  for (const c of collectionNames) {
    for (const f of listCollectionFiles(c, root)) {
      const st = fs.statSync(f);
      parts.push(`${f}:${st.mtimeMs}:${st.size}`);
    }
  }
  for (const f of listUploads()) {
    const st = fs.statSync(f);
    parts.push(`${f}:${st.mtimeMs}:${st.size}`);
  }
  return parts.join('|');
}

/** The validated content with its privacy review, computed once per content state. */
export function reviewedContent(root = contentDir()): ContentIndex {
  const memo = store[MEMO];
  if (store[FROZEN] && memo?.key.startsWith(`${root}|`)) return memo.index;
  const key = fingerprint(root);
  if (memo?.key !== key) store[MEMO] = { key, index: validateContent(root) };
  return store[MEMO]!.index;
}

/** Ids of the collection's entries that must not be published. */
export function withheldIds(collection: string, root = contentDir()): ReadonlySet<string> {
  return reviewedContent(root).withheld.get(collection as never) ?? new Set();
}
