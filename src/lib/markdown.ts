/**
 * Renders an entry's Markdown body to safe, typographed HTML: Markdown
 * (Sätteri, GFM), the HTML allowlist (sanitize.ts), Russian typography
 * (typography.ts). Pages and feeds get bodies through the build's cache of
 * this function (src/build/markdown-cache.ts).
 */
import { markdownToHtml } from 'satteri';
import { sanitize } from './sanitize.ts';
import { typoHtml } from './typography.ts';

/** Markdown → sanitised, typographed HTML. */
export function renderMarkdown(source: string): string {
  const { html } = markdownToHtml(source, { features: { gfm: true, rawHtml: true, smartPunctuation: false } });
  return typoHtml(sanitize(html));
}
