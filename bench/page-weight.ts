/**
 * What each page of a built site costs a reader: its HTML plus the
 * stylesheets and scripts it loads (scripts with their static imports),
 * each file counted once per page, raw and gzipped (as a host serves text).
 * Fonts and images are not counted: they are cached across pages and the
 * low-vision mode can turn images off.
 *
 * Pages with a search box load the search UI by design; the goal of at most
 * 5 KB of JavaScript applies to every other public page, so both groups are
 * reported.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { Parser } from 'htmlparser2';

export interface PageAssets {
  css: string[];
  js: string[];
}

/** Site-absolute URLs of the stylesheets and scripts an HTML page loads up front. */
export function pageAssets(html: string): PageAssets {
  const css = new Set<string>();
  const js = new Set<string>();
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
    const rel = /\brel="([^"]*)"/i.exec(tag)?.[1]?.toLowerCase() ?? '';
    const href = /\bhref="([^"]*)"/i.exec(tag)?.[1];
    if (!href) continue;
    if (rel.split(/\s+/).includes('stylesheet')) css.add(href);
    if (rel === 'modulepreload') js.add(href);
  }
  for (const tag of html.match(/<script\b[^>]*>/gi) ?? []) {
    const src = /\bsrc="([^"]*)"/i.exec(tag)?.[1];
    if (src) js.add(src);
  }
  return { css: [...css], js: [...js] };
}

/** Static imports of an ES module (`import … from "./x.js"`, `import "./x.js"`); dynamic `import()` loads later, on demand. */
export function staticImports(code: string): string[] {
  const out = new Set<string>();
  for (const m of code.matchAll(/\bimport\s*(?:[\w*{}\s,$]+\s*from\s*)?["']([^"']+)["']/g)) out.add(m[1]!);
  for (const m of code.matchAll(/\bexport\s*(?:\*|\{[^}]*\})\s*from\s*["']([^"']+)["']/g)) out.add(m[1]!);
  return [...out];
}

/** The value at quantile `q` (0…1) of sorted numbers, nearest rank. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export interface Weight {
  raw: number;
  gzip: number;
}

export interface PageWeight {
  /** Site path, e.g. `/news/…/`. */
  page: string;
  html: Weight;
  css: Weight;
  js: Weight;
  total: Weight;
  search: boolean;
}

export interface Distribution {
  median: number;
  p95: number;
  max: number;
}

export interface SiteWeight {
  pages: number;
  /** HTML + CSS + JS per page, gzipped and raw. */
  totalGzip: Distribution;
  totalRaw: Distribution;
  htmlGzip: Distribution;
  /** The heaviest JavaScript on a public page without search, and that page. */
  jsWithoutSearch: { page: string; raw: number; gzip: number };
  /** JavaScript on the pages with search (the bank, the search page), largest. */
  jsWithSearch: { page: string; raw: number; gzip: number } | undefined;
}

function htmlFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && d.name.endsWith('.html'))
    .map((d) => path.join(d.parentPath, d.name))
    .sort();
}

const sitePath = (dist: string, file: string) => `/${path.relative(dist, file).split(path.sep).join('/')}`.replace(/index\.html$/, '');

/** Weighs every page of `dist` except the CMS at /admin/. */
export function weighSite(dist: string): { site: SiteWeight; pages: PageWeight[] } {
  const sizes = new Map<string, Weight>();
  const weigh = (file: string): Weight => {
    let w = sizes.get(file);
    if (!w) {
      const data = fs.existsSync(file) ? fs.readFileSync(file) : Buffer.alloc(0);
      w = { raw: data.length, gzip: data.length ? zlib.gzipSync(data, { level: 6 }).length : 0 };
      sizes.set(file, w);
    }
    return w;
  };
  const imports = new Map<string, string[]>();
  const moduleGraph = (url: string, seen: Set<string>) => {
    if (seen.has(url) || !url.startsWith('/')) return;
    seen.add(url);
    const file = path.join(dist, url.split('?')[0]!);
    if (!imports.has(url)) {
      const code = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
      imports.set(
        url,
        staticImports(code).map((spec) => new URL(spec, `http://site${url}`).pathname),
      );
    }
    for (const dep of imports.get(url)!) moduleGraph(dep, seen);
  };
  const sum = (urls: Iterable<string>): Weight => {
    let raw = 0;
    let gzip = 0;
    for (const url of urls) {
      const w = weigh(path.join(dist, url.split('?')[0]!));
      raw += w.raw;
      gzip += w.gzip;
    }
    return { raw, gzip };
  };
  const pages: PageWeight[] = [];
  for (const file of htmlFiles(dist)) {
    const page = sitePath(dist, file);
    if (page.startsWith('/admin/')) continue;
    const html = fs.readFileSync(file, 'utf8');
    const assets = pageAssets(html);
    const scripts = new Set<string>();
    for (const url of assets.js) moduleGraph(url, scripts);
    const h = weigh(file);
    const c = sum(assets.css.filter((u) => u.startsWith('/')));
    const j = sum(scripts);
    pages.push({
      page,
      html: h,
      css: c,
      js: j,
      total: { raw: h.raw + c.raw + j.raw, gzip: h.gzip + c.gzip + j.gzip },
      search: /<input\b[^>]*type="search"/i.test(html),
    });
  }
  const dist3 = (values: number[]): Distribution => {
    const sorted = [...values].sort((a, b) => a - b);
    return { median: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), max: sorted[sorted.length - 1] ?? NaN };
  };
  const heaviest = (list: PageWeight[]) => {
    const top = [...list].sort((a, b) => b.js.raw - a.js.raw || a.page.localeCompare(b.page))[0];
    return top && { page: top.page, raw: top.js.raw, gzip: top.js.gzip };
  };
  return {
    pages,
    site: {
      pages: pages.length,
      totalGzip: dist3(pages.map((p) => p.total.gzip)),
      totalRaw: dist3(pages.map((p) => p.total.raw)),
      htmlGzip: dist3(pages.map((p) => p.html.gzip)),
      jsWithoutSearch: heaviest(pages.filter((p) => !p.search)) ?? { page: '—', raw: 0, gzip: 0 },
      jsWithSearch: heaviest(pages.filter((p) => p.search)),
    },
  };
}

/** Size of a directory tree on disk (file bytes). */
export function dirBytes(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  let bytes = 0;
  for (const d of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (d.isFile()) bytes += fs.statSync(path.join(d.parentPath, d.name)).size;
  }
  return bytes;
}

/** The no-JS bank page as a phone receives it: its HTML gzipped and how many elements the browser builds. */
export interface BankPage {
  htmlGzip: number;
  elements: number;
}

/** Elements of an HTML document (every start tag, void ones included). */
export function countElements(html: string): number {
  let n = 0;
  const parser = new Parser({ onopentag: () => n++ });
  parser.write(html);
  parser.end();
  return n;
}

/** `/practices/` of a built site, or undefined when the site has none. */
export function weighBankPage(dist: string): BankPage | undefined {
  const file = path.join(dist, 'practices', 'index.html');
  if (!fs.existsSync(file)) return undefined;
  const html = fs.readFileSync(file);
  return { htmlGzip: zlib.gzipSync(html).length, elements: countElements(html.toString('utf8')) };
}
