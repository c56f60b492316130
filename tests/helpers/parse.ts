/**
 * Small readers the information-support tests use to read back what the
 * site publishes: iCalendar text, JSON-LD blocks and head meta of a page,
 * the JSON Feed 1.1 format itself, and the pages of a built site.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'astro/zod';
import { parseDocument, DomUtils } from 'htmlparser2';

export interface IcsProperty {
  name: string;
  params: Record<string, string>;
  value: string;
}

export interface IcsComponent {
  type: string;
  props: IcsProperty[];
  children: IcsComponent[];
}

/** Parses iCalendar text (RFC 5545): unfolds lines, splits properties, nests components. Throws on malformed input. */
export function parseIcs(text: string): IcsComponent {
  if (!text.includes('\r\n')) throw new Error('iCalendar lines must end with CRLF');
  const lines = text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean);
  const stack: IcsComponent[] = [];
  let root: IcsComponent | undefined;
  for (const line of lines) {
    const colon = line.search(/:(?=(?:[^"]*"[^"]*")*[^"]*$)/);
    if (colon < 0) throw new Error(`no colon in line: ${line}`);
    const [name, ...rawParams] = line.slice(0, colon).split(';');
    const value = line.slice(colon + 1);
    const params = Object.fromEntries(rawParams.map((p) => p.split('=') as [string, string]));
    if (name === 'BEGIN') {
      const c: IcsComponent = { type: value, props: [], children: [] };
      stack.at(-1)?.children.push(c);
      stack.push(c);
      root ??= c;
    } else if (name === 'END') {
      const c = stack.pop();
      if (c?.type !== value) throw new Error(`END:${value} closes ${c?.type}`);
    } else {
      const c = stack.at(-1);
      if (!c) throw new Error(`property outside a component: ${line}`);
      c.props.push({ name: name!, params, value });
    }
  }
  if (!root || stack.length) throw new Error('unbalanced BEGIN/END');
  return root;
}

export const prop = (c: IcsComponent, name: string) => c.props.find((p) => p.name === name);

/** Unescapes an iCalendar TEXT value. */
export const icsText = (value: string) => value.replace(/\\n/gi, '\n').replace(/\\([,;\\])/g, '$1');

/** Every JSON-LD block of a page, parsed. */
export function jsonLdBlocks(html: string): Record<string, unknown>[] {
  const doc = parseDocument(html);
  return DomUtils.findAll((el) => el.name === 'script' && el.attribs.type === 'application/ld+json', doc.children).map(
    (el) => JSON.parse(DomUtils.textContent(el)) as Record<string, unknown>,
  );
}

/** `<meta property|name=… content=…>` of a page's head, and `<link rel=… href=…>`. */
export function headMeta(html: string): { meta: Map<string, string>; links: { rel: string; href: string; type?: string }[] } {
  const doc = parseDocument(html);
  const meta = new Map<string, string>();
  for (const el of DomUtils.findAll((e) => e.name === 'meta', doc.children)) {
    const key = el.attribs.property ?? el.attribs.name;
    if (key && el.attribs.content !== undefined) meta.set(key, el.attribs.content);
  }
  const links = DomUtils.findAll((e) => e.name === 'link', doc.children).map((el) => ({
    rel: el.attribs.rel ?? '',
    href: el.attribs.href ?? '',
    ...(el.attribs.type ? { type: el.attribs.type } : {}),
  }));
  return { meta, links };
}

/** The text of the first element of a page matching a tag name, as a reader sees it. */
export function firstText(html: string, tag: string): string | undefined {
  const el = DomUtils.findOne((e) => e.name === tag, parseDocument(html).children);
  return el
    ? DomUtils.textContent(el)
        .replace(/[ \t\r\n]+/g, ' ')
        .trim()
    : undefined;
}

/** JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/): the required fields and the types of those used here. */
const author = z.object({ name: z.string().optional(), url: z.url().optional(), avatar: z.url().optional() });
export const jsonFeed11 = z.object({
  version: z.literal('https://jsonfeed.org/version/1.1'),
  title: z.string().min(1),
  home_page_url: z.url().optional(),
  feed_url: z.url().optional(),
  description: z.string().optional(),
  language: z.string().optional(),
  authors: z.array(author).optional(),
  items: z.array(
    z
      .object({
        id: z.string().min(1),
        url: z.url().optional(),
        title: z.string().optional(),
        summary: z.string().optional(),
        content_html: z.string().optional(),
        content_text: z.string().optional(),
        image: z.url().optional(),
        date_published: z.iso.datetime({ offset: true }).optional(),
        tags: z.array(z.string()).optional(),
      })
      .refine((i) => i.content_html !== undefined || i.content_text !== undefined, { message: 'content_html or content_text is required' }),
  ),
});

/** Every HTML file of a built site, as site paths (`/news/x/`, `/404.html`). */
export function sitePages(dist: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, d.name);
      if (d.isDirectory()) walk(abs);
      else if (d.name.endsWith('.html')) {
        const rel = `/${path.relative(dist, abs).split(path.sep).join('/')}`;
        out.push(rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel);
      }
    }
  };
  walk(dist);
  return out.sort();
}

/** The HTML of a site path. */
export function pageHtml(dist: string, sitePath: string): string {
  return fs.readFileSync(path.join(dist, sitePath.endsWith('/') ? `${sitePath}index.html` : sitePath), 'utf8');
}
