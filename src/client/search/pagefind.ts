/**
 * The part of Pagefind's browser API the site uses, loaded once on demand
 * from a bundle the build wrote (src/lib/search/bundles.ts): the site's
 * index for the site search, the practices' own index for the bank.
 *
 * Search runs on the page's own thread: at a school's (or a district's)
 * scale a query takes milliseconds, and skipping Pagefind's web worker
 * saves its download on the first query.
 */

import { SITE_BUNDLE } from '../../lib/search/bundles.ts';

export interface PagefindFragment {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  /** The page's filter values by filter name. */
  filters: Record<string, string[] | undefined>;
}

export interface PagefindResult {
  /** The page's fragment hash: the bank page knows its practices by it. */
  id: string;
  score: number;
  data: () => Promise<PagefindFragment>;
}

export type PagefindFilter = string | { any: string[] };

export interface PagefindSearchOptions {
  filters?: Record<string, PagefindFilter>;
  sort?: Record<string, 'asc' | 'desc'>;
}

export interface PagefindResponse {
  results: PagefindResult[];
  /** Per value of each filter Pagefind has loaded: how many of these results have it. */
  filters: Record<string, Record<string, number> | undefined>;
}

export interface Pagefind {
  options: (options: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  search: (term: string | null, options?: PagefindSearchOptions) => Promise<PagefindResponse>;
  preload: (term: string, options?: PagefindSearchOptions) => Promise<void>;
}

const loading = new Map<string, Promise<Pagefind | undefined>>();

/** Pagefind of a bundle, or undefined when the site has no index (e.g. under `astro dev`). */
export function loadPagefind(bundle = SITE_BUNDLE): Promise<Pagefind | undefined> {
  let pending = loading.get(bundle);
  if (!pending) {
    pending = (async () => {
      try {
        const url = `${bundle}pagefind.js`;
        const pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
        await pagefind.options({ excerptLength: 26, excerptEllipsis: '…', noWorker: true });
        await pagefind.init();
        return pagefind;
      } catch {
        return undefined;
      }
    })();
    loading.set(bundle, pending);
  }
  return pending;
}

/**
 * A Pagefind excerpt as DOM nodes. Pagefind escapes `<` and `>` of the text
 * and wraps matched words in `<mark>`; anything else is text, never markup.
 */
export function excerptNodes(excerpt: string): Node[] {
  const nodes: Node[] = [];
  let marked = false;
  for (const part of excerpt.split(/(<mark>|<\/mark>)/)) {
    if (part === '<mark>' || part === '</mark>') {
      marked = part === '<mark>';
      continue;
    }
    if (!part) continue;
    const text = document.createTextNode(part.replace(/&lt;/g, '<').replace(/&gt;/g, '>'));
    if (marked) {
      const mark = document.createElement('mark');
      mark.append(text);
      nodes.push(mark);
    } else nodes.push(text);
  }
  return nodes;
}

/** Calls `fn` once input has paused for `ms`. */
export function debounce(fn: () => void, ms: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(fn, ms);
  };
}
