/**
 * Where the two search indexes (Pagefind bundles) are published. The site
 * search reads every indexed page; the bank reads an index of the practices
 * alone, so its first query does not download the page list and word lists
 * of the news, documents and programmes too. Both live under /pagefind/,
 * the one place the consent policy, the leak scan and the CORS headers for a
 * district hub know as the search index.
 */

/** The index of every entry page: the site search (/search/). */
export const SITE_BUNDLE = '/pagefind/';

/** The index of the practice pages alone: the bank (/practices/) and a district hub. */
export const BANK_BUNDLE = '/pagefind/bank/';
