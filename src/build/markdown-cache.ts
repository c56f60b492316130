/**
 * Rendered bodies, cached by content. Bodies are rendered at page time, not
 * stored in Astro's data store: the store stays small however large the bank
 * grows. The caller passes the body the privacy review read
 * (src/data/body.ts), never a fresh read of the file, so what was checked is
 * what is published. Typography dominates the cost (about 5 ms a body), so
 * the result is kept in a cache keyed by the body and the versions of the
 * rendering steps (src/lib/markdown.ts): a rebuild renders only the bodies
 * that changed.
 */
import { writeFileAtomic } from '../io/atomic-write.ts';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { cacheDir, pruneStale } from '../io/cache-dir.ts';
import { renderMarkdown } from '../lib/markdown.ts';

/** Bump when the rendering rules of src/lib/markdown.ts, sanitize.ts or typography.ts change. */
const RULES_VERSION = 3;

const folder = cacheDir('markdown');
let rendererKey: string | undefined;

/** Cached bodies not written for this many days are dropped (a changed body leaves its old rendering behind). */
const KEEP_DAYS = 60;

/** What the cached HTML depends on besides the body: our rules and the libraries' versions. */
function renderer(): string {
  if (rendererKey === undefined) {
    fs.mkdirSync(folder, { recursive: true });
    pruneStale(folder, KEEP_DAYS);
    const versions = ['satteri', 'typograf', 'sanitize-html'].map((p) => {
      try {
        const manifest = path.join(process.cwd(), 'node_modules', p, 'package.json');
        return `${p}@${(JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string }).version}`;
      } catch {
        return `${p}@?`;
      }
    });
    rendererKey = `${RULES_VERSION}|${versions.join('|')}`;
  }
  return rendererKey;
}

/** Renders a Markdown body, from the cache when the same body was rendered before. */
export function renderBody(body: string): string {
  const hash = crypto.createHash('sha256').update(renderer()).update('\0').update(body).digest('hex');
  const cached = path.join(folder, hash.slice(0, 2), `${hash}.html`);
  try {
    return fs.readFileSync(cached, 'utf8');
  } catch {
    const html = renderMarkdown(body);
    try {
      writeFileAtomic(cached, html);
    } catch {
      // A read-only or full disk only costs the cache, never the page.
    }
    return html;
  }
}
