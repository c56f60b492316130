/**
 * The save check's server half, under `npm start` only: the local API's
 * `<api>/check.json` (cms/server/local-api.ts, behind the same Host, Origin and key
 * guard as the rest of it) answers with what the build would say of the
 * entry the editor is about to save — with the whole content folder and the
 * registry at hand: references to other entries, attached files, and the
 * privacy review (a registry name or a phone number in the text, a consent
 * that does not allow what the entry publishes). Only the admin page of this
 * dev server can ask, so the answer names people by name
 * (cms/people-names.ts). On a Git host the browser runs the privacy review
 * itself with the registry it reads through the CMS (cms/browser-review.ts).
 */
import type { CheckRequest, EntryReview } from '../check-types.ts';
import path from 'node:path';
import { registryOf } from '../../src/privacy/registry.ts';
import { PRIVACY_RULES } from '../../src/privacy/review.ts';
import { COLLECTIONS, type CollectionName } from '../../src/schema/index.ts';
import type { ContentFile } from '../../src/validate/read.ts';
import { contentDir, displayPath, projectRoot } from '../../src/lib/content-dir.ts';
import { todayIso } from '../../src/lib/dates.ts';
import { isError } from '../../src/lib/problems.ts';
import { reviewContent } from '../../src/privacy/gate.ts';
import { namePeople } from '../people-names.ts';

export type { CheckRequest, EntryReview } from '../check-types.ts';

export class CheckRequestError extends Error {
  override name = 'CheckRequestError';
}

const optionalText = (v: unknown) => v === undefined || typeof v === 'string';

function candidateOf(req: CheckRequest, root: string): ContentFile {
  if (typeof req !== 'object' || req === null || typeof req.collection !== 'string') throw new CheckRequestError('collection expected');
  if (!optionalText(req.file) || !optionalText(req.id) || !optionalText(req.body))
    throw new CheckRequestError('file, id, body: strings expected');
  if (!Object.hasOwn(COLLECTIONS, req.collection)) throw new CheckRequestError(`unknown collection «${req.collection}»`);
  const collection = req.collection as CollectionName;
  const def = COLLECTIONS[collection];
  const abs = req.file
    ? path.resolve(projectRoot(), req.file)
    : path.join(root, def.dir, `${req.id ?? ''}${def.format === 'md' ? '.md' : '.yaml'}`);
  if (path.dirname(abs) !== path.join(root, def.dir)) throw new CheckRequestError(`file outside «${def.dir}»: ${displayPath(abs)}`);
  if (req.data === null || typeof req.data !== 'object') throw new CheckRequestError('data: an object expected');
  const id = path.basename(abs).replace(/\.[^.]+$/, '');
  return { collection, id, path: abs, file: displayPath(abs), data: req.data, body: req.body ?? '' };
}

/** What `npm run validate` would report for the content root with this entry saved, people named by name. */
export function reviewEntry(req: CheckRequest, root = contentDir(), today = todayIso()): EntryReview {
  const candidate = candidateOf(req, root);
  const index = reviewContent(root, today, candidate);
  // Files the entry points to arrive with the save itself (Decap uploads them together), so none is missing yet.
  const mine = namePeople(
    index.problems.filter((p) => p.file === candidate.file && p.rule !== 'file-missing'),
    registryOf(index),
  );
  return {
    errors: mine.filter((p) => isError(p) && !PRIVACY_RULES.has(p.rule)),
    withheld: mine.filter((p) => isError(p) && PRIVACY_RULES.has(p.rule)),
    warnings: mine.filter((p) => !isError(p)),
  };
}
