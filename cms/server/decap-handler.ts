/**
 * decap-server's own request handlers, run inside the dev server.
 *
 * decap-server exports its middlewares for express apps: `registerLocalFs`
 * writes files, `registerLocalGit` commits to `cms/…` branches for the
 * editorial workflow. The local API (cms/server/local-api.ts) hands them only what
 * its guard let through. Their logger prints a failed request's whole body,
 * so it gets a level that prints nothing; their English error answers become
 * one short Russian line.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { cmsApiUi } from '../../src/i18n/ru.ts';

export type DecapMode = 'fs' | 'git';

export type Handler = (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;

interface DecapMiddlewares {
  registerLocalFs(app: Handler, options: { logLevel: string }): Promise<void>;
  registerLocalGit(app: Handler, options: { logLevel: string }): Promise<void>;
}

/** Not a winston level: a logger set to it prints nothing, errors included. */
const SILENT = 'silent';

/** decap-server answers errors in English, sometimes with a path: the editor gets one Russian line. */
function russianErrors(res: ServerResponse): void {
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  res.end = ((...args: unknown[]) => {
    if (res.statusCode < 400 || res.headersSent) return end(...args);
    const body = JSON.stringify({ error: cmsApiUi.failed });
    res.removeHeader('etag');
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.setHeader('content-length', Buffer.byteLength(body));
    return end(body);
  }) as ServerResponse['end'];
}

/**
 * decap-server's handler for `mode`, on the project in the working directory
 * (decap-server's repository root). Rejects when `git` mode finds no repository.
 */
export async function decapHandler(mode: DecapMode): Promise<Handler> {
  const require = createRequire(import.meta.url);
  const fromDecap = createRequire(require.resolve('decap-server/package.json'));
  const express = fromDecap('express') as () => Handler;
  const middlewares = fromDecap('./dist/middlewares.js') as DecapMiddlewares;
  const app = express();
  await (mode === 'git' ? middlewares.registerLocalGit(app, { logLevel: SILENT }) : middlewares.registerLocalFs(app, { logLevel: SILENT }));
  return (req, res, next) => {
    russianErrors(res);
    req.url = '/api/v1';
    app(req, res, next);
  };
}
