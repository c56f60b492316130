/**
 * The save check's server half, under `npm start` only: `POST /admin/check.json`
 * with the entry the editor is about to save answers with what the build
 * would say of it — with the whole content folder and the registry at hand,
 * which the browser never has: references to other entries, attached files,
 * and the privacy review (a registry name or a phone number in the text, a
 * consent that does not allow what the entry publishes). The answer names
 * people only as the validator does (masked); the server listens on the
 * editor's own computer. A static site has no such endpoint: there the CMS
 * checks what it can in the browser and the host's build checks the rest.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { PRIVACY_RULES } from '../src/privacy/review.ts';
import { COLLECTIONS, type CollectionName } from '../src/schema/index.ts';
import type { ContentFile } from '../src/lib/content-files.ts';
import { contentDir, displayPath, projectRoot } from '../src/lib/content-dir.ts';
import { todayIso } from '../src/lib/dates.ts';
import { isError, type Problem } from '../src/lib/problems.ts';
import { validateContent } from '../src/lib/validate-content.ts';

/** A file-like name: Astro's dev server answers paths without an extension or a trailing slash itself. */
export const CHECK_PATH = '/admin/check.json';

/** What the CMS sends: the entry as it would be written. */
export interface CheckRequest {
  /** Schema name: a collection, or `site` / `vocabularies` for a settings file. */
  collection: string;
  /** An existing entry's file, relative to the project root. */
  file?: string;
  /** A new entry's file name without extension. */
  id?: string;
  /** Front matter (or the whole YAML file). */
  data: Record<string, unknown>;
  /** Markdown body. */
  body?: string;
}

/** The entry's problems, by what they mean for the editor. */
export interface EntryReview {
  /** The build would stop: not saved. */
  errors: Problem[];
  /** Saved, but withheld from the site (personal data without consent). */
  withheld: Problem[];
  /** Worth a look (a name-like string not in the registry). */
  warnings: Problem[];
}

export class CheckRequestError extends Error {
  override name = 'CheckRequestError';
}

function candidateOf(req: CheckRequest, root: string): ContentFile {
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

/** What `npm run validate` would report for the content root with this entry saved. */
export function reviewEntry(req: CheckRequest, root = contentDir(), today = todayIso()): EntryReview {
  const candidate = candidateOf(req, root);
  // Files the entry points to arrive with the save itself (Decap uploads them together), so none is missing yet.
  const mine = validateContent(root, today, candidate).problems.filter((p) => p.file === candidate.file && p.rule !== 'file-missing');
  return {
    errors: mine.filter((p) => isError(p) && !PRIVACY_RULES.has(p.rule)),
    withheld: mine.filter((p) => isError(p) && PRIVACY_RULES.has(p.rule)),
    warnings: mine.filter((p) => !isError(p)),
  };
}

/** Largest request accepted: an entry's text, not its files (those are uploaded separately). */
const MAX_BODY = 4 * 1024 * 1024;

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new CheckRequestError('request too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Dev-server middleware answering `POST /admin/check.json`. */
export function checkMiddleware() {
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    if (req.method !== 'POST' || req.url !== CHECK_PATH) return next();
    const reply = (status: number, body: unknown) => {
      res.statusCode = status;
      res.setHeader('content-type', 'application/json; charset=utf-8');
      res.setHeader('cache-control', 'no-store');
      res.end(JSON.stringify(body));
    };
    readBody(req)
      .then((text) => reply(200, reviewEntry(JSON.parse(text) as CheckRequest)))
      .catch((e: unknown) => reply(e instanceof CheckRequestError || e instanceof SyntaxError ? 400 : 500, { error: String(e) }));
  };
}
