/**
 * Russian typography by typograf: «ёлочки», non-breaking spaces after short
 * words and before units, em dashes, «т. д.». Applied to every text a reader
 * sees — Markdown bodies as HTML, titles and summaries as plain text — so
 * editors type plain quotes and hyphens and the site still reads right.
 */
import Typograf from 'typograf';

/**
 * A school year is two consecutive years with an en dash: «2025–2026 учебный
 * год». Typograf dashes year ranges only before «гг.»; school texts write the
 * year without it. Addresses, code and dates (2025-09-01) are left alone.
 */
Typograf.addRule({
  name: 'ru/dash/schoolYears',
  handler: (text: string) =>
    text.replace(/(^|[^\d\-\u2013/.])((?:19|20)\d{2})-((?:19|20)\d{2})(?![\d-])/g, (match, before: string, from: string, to: string) =>
      Number(to) === Number(from) + 1 ? `${before}${from}\u2013${to}` : match,
    ),
});

const typograf = new Typograf({ locale: ['ru', 'en-US'], htmlEntity: { type: 'default' } });

/**
 * Titles and summaries recur on many pages (lists, facet pages, feeds); a
 * district's bank has tens of thousands of them, so the cache holds that many
 * (some megabytes) before it starts over.
 */
const CACHE_LIMIT = 100_000;
const cache = new Map<string, string>();

/** Typographed plain text (HTML-unsafe characters stay as they are; the template escapes them). */
export function typo(text: string): string {
  let out = cache.get(text);
  if (out === undefined) {
    out = typograf.execute(text);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(text, out);
  }
  return out;
}

/** Typographed HTML: tags, attributes, `<pre>` and `<code>` are left alone. */
export function typoHtml(html: string): string {
  return typograf.execute(html);
}

/**
 * A typographed piece of a longer text, such as the text beside a link in a
 * rendered body: typograf trims what it is given, which would glue the piece
 * to its neighbour («на сайте» + link → «насайте»), so the piece keeps its
 * own leading and trailing whitespace.
 */
export function typoPiece(text: string): string {
  const [, lead = '', core = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(text) ?? [];
  return core ? `${lead}${typo(core)}${trail}` : text;
}

/**
 * Typographed text that the page prints inside «…» of its own (a link
 * between the quotes): quotes inside it become „…“, as Russian nests them,
 * never «…«…»».
 */
export function typoInQuotes(text: string): string {
  const out = typo(`«${text}»`);
  return out.startsWith('«') && out.endsWith('»') ? out.slice(1, -1) : typo(text);
}
