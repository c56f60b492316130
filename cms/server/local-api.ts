/**
 * The CMS's local API under `npm start`, served by the Astro dev server
 * itself: Decap's proxy backend posts to `/admin/api/<key>` (the same origin
 * as /admin/), and what passes the guard goes to decap-server's own handlers
 * (cms/server/decap-handler.ts) — files in the project by default, commits to
 * `cms/…` branches with CMS_EDITORIAL_WORKFLOW=1. `<key>/check.json` answers
 * the save check (cms/server/check-server.ts).
 *
 * decap-server alone writes anywhere in the project for anyone who can reach
 * it. The guard, in order: every /admin/ request names this computer and
 * comes from this site (cms/server/request-guard.ts); the API wants the run's key
 * (cms/server/api-key.ts), POST with JSON, a body within MAX_REQUEST_BYTES, an
 * action Decap sends, Origin on writes, and only paths the CMS config
 * declares (cms/server/path-policy.ts) that stay there on disk (cms/server/real-paths.ts),
 * and uploaded files the site would publish (cms/server/upload-check.ts).
 * A refusal is one short Russian JSON line; a request body never reaches the log.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { cmsApiUi } from '../../src/i18n/ru.ts';
import { contentDir, displayPath, projectRoot } from '../../src/lib/content-dir.ts';
import { API_PREFIX, REVIEW_PATH } from '../api-paths.ts';
import { apiKey, keyMatches } from './api-key.ts';
import { backendFromEnv } from '../backend.ts';
import { CheckRequestError, reviewEntry, type CheckRequest } from './check-server.ts';
import { cmsConfig } from '../config.ts';
import { decapHandler, type DecapMode, type Handler } from './decap-handler.ts';
import { MAX_REQUEST_BYTES, MB } from '../limits.ts';
import { ApiRefusal, checkRequest, pathPolicy, type PathPolicy } from './path-policy.ts';
import { checkRealPaths } from './real-paths.ts';
import { apiRefusal, siteRefusal } from './request-guard.ts';
import { uploadProblems } from './upload-check.ts';

/** The save check sends one entry's text, never files. */
const MAX_REVIEW_BYTES = 4 * MB;

type Next = (err?: unknown) => void;

export interface LocalApiOptions {
  /** Where refusals are reported (one line each, no request text). */
  log: (line: string) => void;
}

/** The Decap config of this content root with the local backend: the allow-list's source. */
export function localPolicy(env: NodeJS.ProcessEnv = process.env): PathPolicy {
  const backend = backendFromEnv({ ...env, CMS_BACKEND: 'local' });
  return pathPolicy(cmsConfig({ contentDir: displayPath(contentDir()) || '.', backend }));
}

/** `fs` writes files; the editorial workflow needs `git`, which commits to branches. */
function decapMode(env: NodeJS.ProcessEnv = process.env): DecapMode {
  return backendFromEnv({ ...env, CMS_BACKEND: 'local' }).editorialWorkflow ? 'git' : 'fs';
}

/** A request's path, also from an absolute-form request line; undecodable ones count as the admin page. */
function pathnameOf(url: string | undefined): string {
  try {
    return new URL(url ?? '/', 'http://localhost').pathname;
  } catch {
    return '/admin/';
  }
}

/** The path of a request under /admin, decoded and lower-cased for the comparison, or undefined elsewhere. */
function adminPath(pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname).toLowerCase();
  } catch {
    return '/admin/'; // undecodable: treat it as the admin page, so the guard sees it
  }
  return decoded === '/admin' || decoded.startsWith('/admin/') ? decoded : undefined;
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.setHeader('x-content-type-options', 'nosniff');
  // A refused body may still be on its way: do not keep reading it.
  if (status >= 400) res.setHeader('connection', 'close');
  res.end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  if (Number(req.headers['content-length'] ?? 0) > limit) throw new ApiRefusal(413, cmsApiUi.tooLarge);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new ApiRefusal(413, cmsApiUi.tooLarge);
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new ApiRefusal(400, cmsApiUi.malformed);
  }
}

/** decap-server logs `JSON.stringify(req.body)` when an action fails: let that print nothing of the body. */
function hideFromLogs(body: object): void {
  Object.defineProperty(body, 'toJSON', { value: () => '…', enumerable: false });
}

/** The dev-server middleware: the /admin/ guard and the local API. */
export function localApi(options: LocalApiOptions) {
  let policy: PathPolicy | undefined;
  let decap: Promise<Handler> | undefined;

  const handler = () => {
    decap ??= decapHandler(decapMode()).catch(() => {
      decap = undefined;
      throw new ApiRefusal(503, cmsApiUi.unavailable(cmsApiUi.notARepository));
    });
    return decap;
  };

  async function api(req: IncomingMessage, res: ServerResponse, pathname: string, next: Next): Promise<void> {
    const key = apiKey();
    const [given = '', rest, ...more] = pathname.slice(API_PREFIX.length).split('/');
    const review = rest === REVIEW_PATH.slice(1) && more.length === 0;
    if (!key || !keyMatches(given, key) || (rest !== undefined && !review)) throw new ApiRefusal(403, cmsApiUi.noKey);
    const refused = apiRefusal(req.method, req.headers);
    if (refused) throw new ApiRefusal(403, refused);

    const body = await readJson(req, review ? MAX_REVIEW_BYTES : MAX_REQUEST_BYTES);
    if (review) {
      try {
        return reply(res, 200, reviewEntry(body as CheckRequest));
      } catch (e) {
        if (e instanceof CheckRequestError) throw new ApiRefusal(400, cmsApiUi.reviewMalformed);
        throw e;
      }
    }

    policy ??= localPolicy();
    const checked = checkRequest(policy, body);
    if (checked.write && req.headers.origin === undefined) throw new ApiRefusal(403, cmsApiUi.foreignOrigin);
    await checkRealPaths(projectRoot(), checked);
    const params = (body as { params?: { options?: Record<string, unknown> } }).params;
    // No collection here has subfolders; decap-server would otherwise move a whole folder along with a renamed entry.
    if (checked.action === 'persistEntry' && params?.options) params.options.hasSubfolders = false;
    const refusedUploads = checked.write ? uploadProblems(body) : [];
    if (refusedUploads.length) {
      throw new ApiRefusal(
        422,
        cmsApiUi.uploadRefused(refusedUploads.map((p) => p.message)),
        cmsApiUi.uploadRefusedLog(refusedUploads.length),
      );
    }
    hideFromLogs(body as object);
    Object.assign(req, { body, _body: true }); // express.json() leaves an already read body alone
    (await handler())(req, res, next);
  }

  return (req: IncomingMessage, res: ServerResponse, next: Next): void => {
    const raw = pathnameOf(req.url);
    const pathname = adminPath(raw);
    if (pathname === undefined) return next();
    const fail = (e: unknown) => {
      const [status, message, logText] =
        e instanceof ApiRefusal ? [e.status, e.message, e.logText] : [500, cmsApiUi.failed, cmsApiUi.failed];
      options.log(cmsApiUi.refusedLog(logText));
      reply(res, status, { error: message });
    };
    const site = siteRefusal(req.headers, req.socket.localPort ?? 0);
    if (site) return fail(new ApiRefusal(403, site));
    if (!(pathname === API_PREFIX.slice(0, -1) || pathname.startsWith(API_PREFIX))) {
      // The admin page carries the key: never cached, never framed by another page.
      res.setHeader('cache-control', 'no-store');
      res.setHeader('x-frame-options', 'DENY');
      return next();
    }
    api(req, res, raw, (err?: unknown) => fail(err)).catch(fail);
  };
}
