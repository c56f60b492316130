/**
 * Where the two search indexes (Pagefind bundles) are published. Each entry
 * page is in exactly one: the practices in the bank's, every other section
 * in the site's. The bank reads its own alone, so its first query does not
 * download the page list and word lists of the news, documents and
 * programmes too; the site search (/search/) asks both. And a build after an
 * edit indexes again only the bundle whose pages changed — a district's
 * bank of thousands of practices is not indexed again for a news item.
 * Both live under /pagefind/, the one place the consent policy, the leak
 * scan and the CORS headers for a district hub know as the search index.
 */

/** The index of the entry pages of every section but the bank: with the bank's, the site search (/search/). */
export const SITE_BUNDLE = '/pagefind/';

/** The index of the practice pages alone: the bank (/practices/) and a district hub. */
export const BANK_BUNDLE = '/pagefind/bank/';
