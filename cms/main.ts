/**
 * The CMS in the editor's browser: Decap CMS with the Russian interface, the
 * generated config embedded in the admin page, the save check (the dev
 * server's review when the page names one, else the browser's own with the
 * registry read through the CMS backend), the file formats, the upload guard
 * and the previews in the site's own styles.
 *
 * This bundle depends on the schemas and this folder only — never on the
 * content or the environment, which reach it through the page's JSON — so a
 * build reuses it until those change (cms/server/bundle.ts).
 */
import CMS from 'decap-cms-app';
import decapRussian from 'decap-cms-locales/dist/esm/ru/index.js';
import fontCyr400 from '@fontsource/pt-sans/cyrillic-400.css?inline';
import fontLat400 from '@fontsource/pt-sans/latin-400.css?inline';
import fontCyr700 from '@fontsource/pt-sans/cyrillic-700.css?inline';
import fontLat700 from '@fontsource/pt-sans/latin-700.css?inline';
import siteCss from '../src/styles/global.css?inline';
import { cmsUi } from '../src/i18n/ru.ts';
import type { CmsConfig } from './config.ts';
import { countedList } from './counted-list.ts';
import { contentFormats } from './formats.ts';
import { freshAsset } from './fresh-asset.ts';
import { russianPhrases } from './locale.ts';
import { PREVIEWS } from './previews/index.ts';
import { loadEntries } from './decap-entries.ts';
import { makePreSave, pageChecks } from './save.ts';
import { guardUploads } from './uploads.ts';

function readJson<T>(id: string): T | undefined {
  const text = document.getElementById(id)?.textContent;
  return text ? (JSON.parse(text) as T) : undefined;
}

function readConfig(): CmsConfig {
  const config = readJson<CmsConfig>('cms-config');
  if (!config) throw new Error('admin page: #cms-config is missing');
  return config;
}

function showNotice(text: string): void {
  const p = document.createElement('p');
  p.className = 'cms-notice';
  p.setAttribute('role', 'alert');
  p.textContent = text;
  document.body.replaceChildren(p);
}

/** Decap's login screen names its logo «Logo»: name it as the page is named (the school and the editor). */
function nameTheLoginLogo(): void {
  const name = () => document.querySelectorAll('img[alt="Logo"]').forEach((img) => img.setAttribute('alt', document.title));
  new MutationObserver(name).observe(document.body, { childList: true, subtree: true });
}

const isLocalPage = () => ['localhost', '127.0.0.1', '[::1]'].includes(location.hostname);

function start(): void {
  const config = readConfig();
  const backend = config.backend as { name: string; proxy_url?: string };
  // The local backend has an address only on the admin page of `npm start`.
  if (backend.name === 'proxy' && !backend.proxy_url) return showNotice(isLocalPage() ? cmsUi.localEditorOnly : cmsUi.notConfigured);
  const local = readJson<{ review?: string }>('cms-local');

  guardUploads();
  nameTheLoginLogo();
  CMS.registerLocale('ru', russianPhrases(decapRussian));
  // Decap's registry takes the widget's schema as a fourth argument, which its type declaration leaves out.
  const list = CMS.getWidget('list') as { control: never; preview?: unknown; schema?: object } | undefined;
  const registerWidget = CMS.registerWidget as (name: string, control: unknown, preview?: unknown, schema?: object) => void;
  if (list) registerWidget('list', countedList(list.control), list.preview, list.schema);
  for (const name of ['image', 'file']) {
    const widget = CMS.getWidget(name) as { control: never; preview?: unknown; schema?: object } | undefined;
    if (widget) registerWidget(name, freshAsset(widget.control), widget.preview, widget.schema);
  }
  for (const { name, extension, formatter } of contentFormats()) CMS.registerCustomFormat(name, extension, formatter);
  CMS.registerEventListener({ name: 'preSave', handler: makePreSave(pageChecks(local?.review, loadEntries)) });
  for (const css of [fontCyr400, fontLat400, fontCyr700, fontLat700, siteCss]) CMS.registerPreviewStyle(css, { raw: true });
  for (const [collection, preview] of Object.entries(PREVIEWS)) CMS.registerPreviewTemplate(collection, preview as never);
  CMS.init({ config: config as never });
}

start();
