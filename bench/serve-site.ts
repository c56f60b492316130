/**
 * Serves a built site the way the school's host should: the security headers
 * of src/lib/security-headers.ts on every response, text gzipped, hashed
 * assets under /_astro/ cached for a year (as docs/deploy/nginx.conf does),
 * the site's 404 page for unknown paths. Lighthouse and the first-query
 * measurement load pages from it, so their figures are those of production.
 * Listens on 127.0.0.1 on a free port; the caller closes it.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { headersFor } from '../src/lib/security-headers.ts';
import { CONTENT_TYPES, listenOnLoopback, resolveStatic, type StaticServer } from '../tests/helpers/serve.ts';

/** Text types a host compresses; Pagefind's index files are gzipped already. */
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.json', '.xml', '.txt', '.svg', '.ics']);

export async function serveSite(dist: string): Promise<StaticServer> {
  const root = path.resolve(dist);
  const gzipped = new Map<string, Buffer>();
  const server = http.createServer((req, res) => {
    const urlPath = (req.url ?? '/').split('?')[0]!;
    const file = resolveStatic(root, urlPath);
    const target = file ?? path.join(root, '404.html');
    const ext = path.extname(target);
    const headers: Record<string, string> = {
      'content-type': CONTENT_TYPES[ext] ?? 'application/octet-stream',
      ...headersFor(urlPath),
      'cache-control': urlPath.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    };
    if (!fs.existsSync(target)) {
      res.writeHead(404, headers);
      res.end();
      return;
    }
    if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      let body = gzipped.get(target);
      if (!body) gzipped.set(target, (body = zlib.gzipSync(fs.readFileSync(target), { level: 6 })));
      res.writeHead(file ? 200 : 404, { ...headers, 'content-encoding': 'gzip', vary: 'Accept-Encoding' });
      res.end(body);
      return;
    }
    res.writeHead(file ? 200 : 404, headers);
    fs.createReadStream(target).pipe(res);
  });
  return listenOnLoopback(server);
}
