/**
 * Keeps the admin page from reloading itself under `astro dev`.
 *
 * A save writes into content/; Astro's dev server notices and tells every
 * open page to reload — which would throw away unsaved edits in the editor's
 * other tabs. Vite's client skips a reload whose path names another HTML
 * page, so the admin page rewrites the path of every full reload it hears.
 * Only the admin page loads this (src/pages/admin/index.astro, dev only);
 * the site's own pages still refresh on save.
 */
import { cmsUi } from '../src/i18n/ru.ts';

/** The path Vite's client compares with the page's own: never this page. */
export const ELSEWHERE = '/admin/__no-reload__.html';

/** Turns a full reload into a no-op for this page. */
export function keepPage(payload: { path?: string }): void {
  payload.path = ELSEWHERE;
  console.info(cmsUi.reloadSuppressed);
}

if (import.meta.hot) {
  import.meta.hot.on('vite:beforeFullReload', keepPage);
  // This module itself must never cause a reload when it changes.
  import.meta.hot.accept();
}
