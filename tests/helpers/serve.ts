/**
 * A static file server for a built site, as any static host would serve it:
 * `/x/` → `x/index.html`, unknown paths → `404.html` with status 404.
 * Listens on 127.0.0.1 on a free port; the caller closes it.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/** Content types by file extension, as a static host sends them. */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
  '.ics': 'text/calendar; charset=utf-8',
  '.wasm': 'application/wasm',
};

export interface StaticServer {
  url: string;
  close: () => Promise<void>;
}

/** Resolves a URL path to a file inside `root`, or undefined. */
export function resolveStatic(root: string, urlPath: string): string | undefined {
  const clean = decodeURIComponent(urlPath.split('?')[0]!.split('#')[0]!);
  const abs = path.join(root, path.normalize(clean));
  if (!abs.startsWith(root)) return undefined;
  for (const candidate of [abs, path.join(abs, 'index.html')]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/** Extra response headers: fixed, or computed from the request path (e.g. the site's security headers). */
export type Headers = Record<string, string> | ((urlPath: string) => Record<string, string>);

/** Starts `server` on a free port of 127.0.0.1; closing it also drops open keep-alive connections. */
export async function listenOnLoopback(server: http.Server): Promise<StaticServer> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export async function serveStatic(root: string, headers: Headers = {}): Promise<StaticServer> {
  const server = http.createServer((req, res) => {
    const file = resolveStatic(root, req.url ?? '/');
    const status = file ? 200 : 404;
    const target = file ?? path.join(root, '404.html');
    const extra = typeof headers === 'function' ? headers((req.url ?? '/').split('?')[0]!) : headers;
    res.writeHead(status, { 'content-type': CONTENT_TYPES[path.extname(target)] ?? 'application/octet-stream', ...extra });
    fs.createReadStream(target).pipe(res);
  });
  return listenOnLoopback(server);
}
