/**
 * Hostile content, in Markdown bodies and in every text field of every
 * collection, never reaches dist/ as markup: no script, no event handler,
 * no javascript: URL, no frame outside the video allowlist.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Parser } from 'htmlparser2';
import { parseDocument, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { listCollectionFiles, splitFrontMatter } from '../../src/validate/read.ts';
import { VIDEO_HOSTS } from '../../src/lib/sanitize.ts';
import { plainContext } from '../../src/schema/context.ts';
import { COLLECTIONS, collectionNames } from '../../src/schema/index.ts';
import { arrayElement, describe as describeField, findCheck, objectFields } from '../../src/schema/walk.ts';
import type { z } from 'astro/zod';
import { builtFixture } from '../helpers/fixture-build.ts';

const PAYLOAD = `"><script>alert(1)</script><img src=x onerror=alert(2)><a href="javascript:alert(3)">x</a><iframe src="https://evil.example/"></iframe>`;
const BODY = [
  '<script>alert("body")</script>',
  '<img src="https://x.example/a.png" onerror="alert(1)">',
  '[ссылка](javascript:alert(1))',
  '<a href="javascript:alert(2)" onclick="alert(3)">клик</a>',
  '<iframe src="https://evil.example/"></iframe>',
  '<iframe src="https://rutube.ru/play/embed/abc"></iframe>',
  '<svg><script>alert(4)</script></svg>',
  '<div style="background:url(javascript:alert(5))">стиль</div>',
  '<object data="x.swf"></object><embed src="x.swf">',
  '<form action="https://evil.example"><input name="p"></form>',
  '![пиксель](https://tracker.example/p.gif)',
  '<img src="//tracker.example/q.gif" alt="второй">',
  '<img src="http://tracker.example/r.gif">',
].join('\n\n');

/** Appends the payload to every free-text field the schema has (not codes, dates, references or files). */
function poison(schema: z.ZodType, value: unknown): unknown {
  const info = describeField(schema);
  if (info.meta?.ref || info.meta?.format || ['file', 'image', 'relation', 'select'].includes(info.meta?.widget ?? '')) return value;
  if (typeof value === 'string' && info.type === 'string' && !info.meta?.patternMessage) {
    const max = Number(findCheck(schema, 'max_length')?.maximum ?? Infinity);
    const poisoned = `${value} ${PAYLOAD}`.slice(0, max);
    return info.meta?.widget === 'text' || info.meta?.widget === 'string' ? poisoned : value;
  }
  if (info.type === 'object' && value && typeof value === 'object') {
    const out = { ...(value as Record<string, unknown>) };
    for (const [k, s] of objectFields(schema)) if (k in out) out[k] = poison(s, out[k]);
    return out;
  }
  if (info.type === 'array' && Array.isArray(value)) {
    const el = arrayElement(schema);
    return el ? value.map((v) => poison(el, v)) : value;
  }
  return value;
}

const site = builtFixture((content) => {
  for (const collection of collectionNames) {
    if (COLLECTIONS[collection].visibility !== 'public' || collection === 'site' || collection === 'vocabularies') continue;
    for (const file of listCollectionFiles(collection, content.dir)) {
      const text = fs.readFileSync(file, 'utf8');
      const md = COLLECTIONS[collection].format === 'md';
      const { yaml, body } = md ? splitFrontMatter(text, file) : { yaml: text, body: '' };
      const data = parseDocument(yaml!).toJS();
      const schemaOf = COLLECTIONS[collection].schema as (ctx: typeof plainContext, data?: unknown) => z.ZodType;
      const out = stringify(poison(schemaOf(plainContext, data), data));
      fs.writeFileSync(file, md ? `---\n${out}---\n${body}\n\n${BODY}\n` : out);
    }
  }
});

const decodeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&');

interface Finding {
  file: string;
  what: string;
}

function audit(file: string, html: string): Finding[] {
  const found: Finding[] = [];
  const rel = path.relative(site.dist, file);
  new Parser({
    onopentag(name, attrs) {
      if (name === 'script') {
        const type = attrs.type ?? '';
        const ok =
          type === 'application/ld+json' ||
          type === 'application/json' ||
          (attrs.src !== undefined && /^\/(low-vision\.js|_astro\/|pagefind\/)/.test(attrs.src));
        if (!ok) found.push({ file: rel, what: `script ${JSON.stringify(attrs)}` });
      }
      if (['object', 'embed', 'form', 'base'].includes(name) && !(name === 'form' && !attrs.action))
        found.push({ file: rel, what: `<${name}>` });
      for (const [k, v] of Object.entries(attrs)) {
        if (/^on/i.test(k)) found.push({ file: rel, what: `${name}[${k}]` });
        if (/^\s*javascript:/i.test(v)) found.push({ file: rel, what: `${name}[${k}]=javascript:` });
        if (k === 'style' && /url\(/i.test(v)) found.push({ file: rel, what: `${name}[style]` });
      }
      // An image from another server (the fixture's site is nastavnik.school1.example) tells that server who reads the page (or the feed).
      if (name === 'img' && !/^(\/(?!\/)|https:\/\/nastavnik\.school1\.example\/)/.test(attrs.src ?? ''))
        found.push({ file: rel, what: `img ${attrs.src}` });
      if (name === 'iframe') {
        const host = attrs.src ? new URL(attrs.src).hostname : '';
        if (!(VIDEO_HOSTS as readonly string[]).includes(host)) found.push({ file: rel, what: `iframe ${attrs.src}` });
      }
    },
  }).end(html);
  return found;
}

describe('hostile content', () => {
  it('builds', () => {
    expect(site.build.code, site.build.stdout.slice(-3000) + site.build.stderr.slice(-3000)).toBe(0);
  });

  it('reaches no page as markup', () => {
    const pages = fs
      .readdirSync(site.dist, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile() && d.name.endsWith('.html') && !d.parentPath.includes(`${path.sep}admin`))
      .map((d) => path.join(d.parentPath, d.name));
    expect(pages.length).toBeGreaterThan(10);
    const findings = pages.flatMap((f) => audit(f, fs.readFileSync(f, 'utf8')));
    expect(findings).toEqual([]);
  });

  it('reaches no feed as markup: the feeds are sanitised like the pages', () => {
    const htmlOf = (rel: string) => {
      const text = fs.readFileSync(path.join(site.dist, rel), 'utf8');
      if (rel.endsWith('.json')) {
        return (JSON.parse(text) as { items: { content_html?: string }[] }).items.map((i) => i.content_html ?? '').join('\n');
      }
      return [
        ...text.matchAll(/<content:encoded><!\[CDATA\[([\s\S]*?)\]\]><\/content:encoded>|<content:encoded>([\s\S]*?)<\/content:encoded>/g),
      ]
        .map((m) => m[1] ?? decodeXml(m[2] ?? ''))
        .join('\n');
    };
    const feeds = ['news/feed.xml', 'news/feed.json', 'events/feed.xml', 'events/feed.json'];
    for (const feed of feeds) expect(htmlOf(feed), feed).toContain('клик');
    expect(feeds.flatMap((f) => audit(path.join(site.dist, f), htmlOf(f)))).toEqual([]);
  });

  it('keeps the allowed video player and shows the hostile text as text', () => {
    const news = fs.readFileSync(path.join(site.dist, 'news/2025-09-01-start/index.html'), 'utf8');
    expect(news).toContain('src="https://rutube.ru/play/embed/abc"');
    expect(news).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
