/**
 * Ties the bank page to the search index it was built with.
 *
 * Pagefind answers a query with the ids of the matching pages (their fragment
 * hashes), not their addresses; the address is inside each fragment, a
 * download per result. The bank already lists every practice with its facets,
 * so it needs only to know which list item a hash is: after indexing, each
 * item of `practices/index.html` gets `data-pf="<hash>"`. The bank's script
 * then filters, counts and orders all matches of a query without fetching a
 * single fragment, and fetches fragments only for the excerpts it shows.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** The page address of every fragment of a Pagefind bundle: hash → URL. */
export function fragmentUrls(bundleDir: string): Map<string, string> {
  const dir = path.join(bundleDir, 'fragment');
  const urls = new Map<string, string>();
  if (!fs.existsSync(dir)) return urls;
  for (const name of fs.readdirSync(dir)) {
    if (!name.endsWith('.pf_fragment')) continue;
    const text = zlib.gunzipSync(fs.readFileSync(path.join(dir, name))).toString('utf8');
    const url = /^pagefind_dcd\{"url":"((?:[^"\\]|\\.)*)"/.exec(text)?.[1];
    if (url) urls.set(name.slice(0, -'.pf_fragment'.length), JSON.parse(`"${url}"`) as string);
  }
  return urls;
}

/** The practice id of a page address `/practices/<id>/`, if it is one. */
export function practiceIdOf(url: string): string | undefined {
  return /^\/practices\/([a-z0-9]+(?:-[a-z0-9]+)*)\/$/.exec(url)?.[1];
}

/** Adds `data-pf` to every bank item (`data-practice="<id>"`) that the index holds; returns how many. */
export function linkBankToIndex(siteDir: string, bundleDir = path.join(siteDir, 'pagefind')): number {
  const page = path.join(siteDir, 'practices', 'index.html');
  if (!fs.existsSync(page)) return 0;
  const hashById = new Map<string, string>();
  for (const [hash, url] of fragmentUrls(bundleDir)) {
    const id = practiceIdOf(url);
    if (id) hashById.set(id, hash);
  }
  let linked = 0;
  const html = fs.readFileSync(page, 'utf8').replace(/ data-practice="([a-z0-9-]+)"/g, (attr, id: string) => {
    const hash = hashById.get(id);
    if (!hash) return attr;
    linked++;
    return `${attr} data-pf="${hash}"`;
  });
  fs.writeFileSync(page, html);
  return linked;
}
