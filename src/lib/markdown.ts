/**
 * Renders an entry's Markdown body to safe, typographed HTML.
 *
 * Bodies are rendered at page time from the file, not stored in Astro's data
 * store: the store stays small however large the bank grows, and every body
 * goes through the same three steps — Markdown (Sätteri, GFM), the HTML
 * allowlist, Russian typography.
 */
import fs from 'node:fs';
import { markdownToHtml } from 'satteri';
import { sanitize } from './sanitize.ts';
import { typoHtml } from './typography.ts';

/** Markdown → sanitised, typographed HTML. */
export function renderMarkdown(source: string): string {
  const { html } = markdownToHtml(source, { features: { gfm: true, rawHtml: true, smartPunctuation: false } });
  return typoHtml(sanitize(html));
}

/** The Markdown body of a content file (everything after the closing `---`). */
export function readBody(filePath: string): string {
  const text = fs.readFileSync(filePath, 'utf8').replace(/\r\n?/g, '\n');
  if (!text.startsWith('---\n')) return text;
  const end = text.indexOf('\n---', 3);
  if (end === -1) return '';
  const nl = text.indexOf('\n', end + 4);
  return nl === -1 ? '' : text.slice(nl + 1);
}

/** Renders the body of a content file. */
export function renderFileBody(filePath: string): string {
  return renderMarkdown(readBody(filePath));
}
