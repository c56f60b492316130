/**
 * What the CMS bundle takes from decap-cms-locales: Russian only.
 *
 * decap-cms-app registers every locale the package exports (`import * as
 * locales from 'decap-cms-locales'`), which put the interface words of some
 * thirty languages into the bundle; Bulgarian «Чернова» («draft») reads like
 * a surname to the leak scan. cms/server/bundle.ts resolves that import here. The
 * CMS runs in Russian (cms/config.ts `locale: 'ru'`); Decap would fall back
 * to English only for a phrase Russian lacks, and cms/locale.ts completes
 * those (tests/cms/locale.test.ts proves none is missing).
 */
export { default as ru } from 'decap-cms-locales/dist/esm/ru/index.js';
