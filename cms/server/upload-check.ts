/**
 * Under `npm start`, a file the editor uploads is checked before it is
 * written, with the rules the build applies to the uploads folder
 * (src/privacy/upload-review.ts): a document whose text or hidden parts name
 * a registry person without consent, carry a personal phone or an identity
 * number, or that cannot be read, is refused with the person named — the
 * site would not publish it, and an editor should not learn that from a
 * missing link after the next build.
 */
import { todayIso } from '../../src/lib/dates.ts';
import type { Problem } from '../../src/lib/problems.ts';
import { reviewedContent, reviewInputOf } from '../../src/privacy/gate.ts';
import { registryOf } from '../../src/privacy/registry.ts';
import { reviewIncomingUploads } from '../../src/privacy/upload-review.ts';
import { namePeople } from '../people-names.ts';

interface Asset {
  path?: unknown;
  content?: unknown;
  encoding?: unknown;
}

/** The assets a Decap request carries: `persistMedia`'s one, `persistEntry`'s list. */
function assetsOf(body: unknown): Asset[] {
  const params = (body as { action?: string; params?: { asset?: Asset; assets?: Asset[] } }).params;
  if (!params) return [];
  return [...(params.asset ? [params.asset] : []), ...(Array.isArray(params.assets) ? params.assets : [])];
}

/**
 * The name an asset is reviewed under: its site path when it goes to the
 * uploads folder, its repository path for media kept beside entries — one
 * name per asset, so two files of one name in different folders are both read.
 */
function reviewPath(repoPath: string): string {
  const uploads = 'public/uploads/';
  return `/uploads/${repoPath.startsWith(uploads) ? repoPath.slice(uploads.length) : repoPath}`;
}

/** Problems that keep the request's files off the site (names spelled out for the editor); empty when there are none. */
export function uploadProblems(body: unknown): Problem[] {
  const files = assetsOf(body).flatMap((a) =>
    typeof a.path === 'string' && typeof a.content === 'string' && a.encoding === 'base64'
      ? [{ sitePath: reviewPath(a.path), bytes: Buffer.from(a.content, 'base64') }]
      : [],
  );
  if (files.length === 0) return [];
  const index = reviewedContent();
  const input = reviewInputOf(index.entries, todayIso());
  if (!input) return [];
  return namePeople(reviewIncomingUploads(input, files), registryOf(index));
}
