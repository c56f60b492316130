/**
 * Numbered pages of a long list. Seven years of news or a district's bank
 * run to hundreds of pages: the navigation shows the first and the last page
 * and a few around the current one, so its size does not grow with the list,
 * and every page is still reached by following links.
 */

/** A page number to link, or a gap standing for the numbers left out. */
export type PageLink = number | 'gap';

/** The page numbers the navigation of page `current` of `last` shows, in order, with gaps. */
export function pageLinks(current: number, last: number, around = 2): PageLink[] {
  const shown = new Set([1, last]);
  for (let n = current - around; n <= current + around; n++) if (n >= 1 && n <= last) shown.add(n);
  const links: PageLink[] = [];
  let previous = 0;
  for (const n of [...shown].sort((a, b) => a - b)) {
    // A gap of one number costs as much as the number itself: show it instead.
    if (n - previous === 2) links.push(n - 1);
    else if (n - previous > 2) links.push('gap');
    links.push(n);
    previous = n;
  }
  return links;
}

/** One page of a list split into pages of `size`. */
export interface ListPage<T> {
  data: T[];
  /** 1-based. */
  currentPage: number;
  lastPage: number;
  /** Items in the whole list. */
  total: number;
}

/** A list split into pages of `size` items; an empty list is one empty page. */
export function splitPages<T>(items: readonly T[], size: number): ListPage<T>[] {
  const lastPage = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: lastPage }, (_, i) => ({
    data: items.slice(i * size, (i + 1) * size),
    currentPage: i + 1,
    lastPage,
    total: items.length,
  }));
}
