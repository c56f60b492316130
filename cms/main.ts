/**
 * The CMS in the editor's browser: Decap CMS with the Russian interface, the
 * generated config embedded in the admin page, the save check, the file
 * formats, the upload guard and the previews in the site's own styles.
 *
 * This bundle depends on the schemas and this folder only — never on the
 * content or the environment, which reach it through the page's JSON — so a
 * build reuses it until those change (cms/bundle.ts).
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
import { contentFormats } from './formats.ts';
import { russianPhrases } from './locale.ts';
import { NewsPreview } from './previews/news.ts';
import { PracticePreview } from './previews/practice.ts';
import { ProgramPreview } from './previews/program.ts';
import { StagePreview } from './previews/stage.ts';
import { preSave } from './save.ts';
import { guardUploads } from './uploads.ts';

function readConfig(): CmsConfig {
  const node = document.getElementById('cms-config');
  if (!node?.textContent) throw new Error('admin page: #cms-config is missing');
  return JSON.parse(node.textContent) as CmsConfig;
}

function showNotice(text: string): void {
  const p = document.createElement('p');
  p.className = 'cms-notice';
  p.setAttribute('role', 'alert');
  p.textContent = text;
  document.body.replaceChildren(p);
}

const isLocalPage = () => ['localhost', '127.0.0.1', '[::1]'].includes(location.hostname);

/** The local backend answers `info` when decap-server runs. */
async function localServerUp(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'info' }),
    });
    return res.ok;
  } catch {
    return false;
  }
}

async function start(): Promise<void> {
  const config = readConfig();
  const backend = config.backend as { name: string; proxy_url?: string };
  if (backend.name === 'proxy') {
    if (!isLocalPage()) return showNotice(cmsUi.notConfigured);
    if (!(await localServerUp(backend.proxy_url!))) return showNotice(cmsUi.localServerDown);
  }

  guardUploads();
  CMS.registerLocale('ru', russianPhrases(decapRussian));
  for (const { name, extension, formatter } of contentFormats()) CMS.registerCustomFormat(name, extension, formatter);
  CMS.registerEventListener({ name: 'preSave', handler: preSave });
  for (const css of [fontCyr400, fontLat400, fontCyr700, fontLat700, siteCss]) CMS.registerPreviewStyle(css, { raw: true });
  CMS.registerPreviewTemplate('news', NewsPreview);
  CMS.registerPreviewTemplate('practices', PracticePreview);
  CMS.registerPreviewTemplate('programs', ProgramPreview);
  CMS.registerPreviewTemplate('roadmap', StagePreview);
  CMS.init({ config: config as never });
}

void start();
