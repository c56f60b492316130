/**
 * Checks every internal link, anchor and asset of a built site: each `href`,
 * `src` and `srcset` that points inside the site must resolve to a file, and
 * each `#fragment` to an element with that id. Reports file and target.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Parser } from 'htmlparser2';

export interface BrokenLink {
  /** The HTML file, relative to the site root. */
  file: string;
  /** The link as written. */
  target: string;
  reason: 'missing' | 'anchor';
}

interface PageLinks {
  ids: Set<string>;
  links: string[];
}

const LINK_ATTRS: Record<string, readonly string[]> = {
  a: ['href'],
  link: ['href'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  script: ['src'],
  iframe: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
};

function parsePage(html: string): PageLinks {
  const ids = new Set<string>();
  const links: string[] = [];
  const parser = new Parser({
    onopentag(name, attrs) {
      if (attrs.id) ids.add(attrs.id);
      if (name === 'a' && attrs.name) ids.add(attrs.name);
      if (name === 'link' && attrs.rel && !/stylesheet|icon|alternate|manifest|preload|modulepreload/.test(attrs.rel)) return;
      for (const attr of LINK_ATTRS[name] ?? []) {
        const v = attrs[attr];
        if (!v) continue;
        if (attr === 'srcset')
          links.push(
            ...v
              .split(',')
              .map((c) => c.trim().split(/\s+/)[0]!)
              .filter(Boolean),
          );
        else links.push(v);
      }
    },
  });
  parser.write(html);
  parser.end();
  return { ids, links };
}

function listHtml(dir: string, base = dir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const abs = path.join(dir, d.name);
    if (d.isDirectory()) return listHtml(abs, base);
    return d.name.endsWith('.html') ? [abs] : [];
  });
}

/** The file a site path resolves to, as a static host would serve it. */
function resolveTarget(root: string, sitePath: string): string | undefined {
  const abs = path.join(root, decodeURIComponent(sitePath));
  if (!abs.startsWith(root)) return undefined;
  if (fs.existsSync(abs) && fs.statSync(abs).isFile()) return abs;
  const index = path.join(abs, 'index.html');
  return fs.existsSync(index) ? index : undefined;
}

/** Every broken internal link in the built site at `root`. `siteOrigin` marks absolute links that are internal too. */
export function checkLinks(root: string, siteOrigin?: string): BrokenLink[] {
  const pages = new Map<string, PageLinks>();
  for (const file of listHtml(root)) pages.set(file, parsePage(fs.readFileSync(file, 'utf8')));
  const broken: BrokenLink[] = [];
  for (const [file, page] of pages) {
    const pageUrl = new URL(`http://site.invalid/${path.relative(root, file).split(path.sep).join('/')}`);
    for (const link of page.links) {
      let url: URL;
      try {
        url = new URL(siteOrigin && link.startsWith(siteOrigin) ? link.slice(siteOrigin.replace(/\/$/, '').length) || '/' : link, pageUrl);
      } catch {
        broken.push({ file: path.relative(root, file), target: link, reason: 'missing' });
        continue;
      }
      if (url.origin !== 'http://site.invalid') continue;
      const target = url.pathname === pageUrl.pathname ? file : resolveTarget(root, url.pathname);
      if (!target) {
        broken.push({ file: path.relative(root, file), target: link, reason: 'missing' });
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment && target.endsWith('.html')) {
        const targetPage = pages.get(target) ?? parsePage(fs.readFileSync(target, 'utf8'));
        if (!targetPage.ids.has(fragment)) broken.push({ file: path.relative(root, file), target: link, reason: 'anchor' });
      }
    }
  }
  return broken;
}
