// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { cmsAdmin } from './cms/server/integration.ts';
import { contentGate } from './src/integrations/content-gate.ts';
import { pageCache } from './src/integrations/page-cache.ts';
import { postSteps } from './src/integrations/post-steps.ts';
import { publishOutput, stageOutput } from './src/integrations/staged-output.ts';
import { cacheDir } from './src/io/cache-dir.ts';
import { inSitemap } from './src/lib/indexing.ts';
import { siteAddress } from './src/lib/site-address.ts';
import { readSiteSettings } from './src/validate/site-settings.ts';

const settings = readSiteSettings();

export default defineConfig({
  cacheDir: cacheDir('astro'),
  // The same address the consents are checked against (siteAddress).
  site: settings ? siteAddress(settings) : (process.env.SITE_URL ?? 'http://localhost:4321/'),
  trailingSlash: 'always',
  // No inline <style>: the public Content-Security-Policy allows stylesheets from the site only.
  build: { format: 'directory', inlineStylesheets: 'never' },
  compressHTML: true,
  devToolbar: { enabled: false },
  // Entry pages whose sources did not change are copied from the previous build (src/integrations/page-cache.ts).
  experimental: { incrementalBuild: true },
  // The build writes into a staging folder (stageOutput, first) that replaces dist/ only when
  // every post-build step has passed (publishOutput, last); the leak scan reads it just before.
  // Under `npm run build` the post-steps (admin bundle, uploads, cards, image metadata, headers, search index, leak scan) run
  // in a process of their own after Astro has exited (src/integrations/post-steps.ts).
  integrations: [
    stageOutput(),
    contentGate(),
    mdx(),
    sitemap({ filter: inSitemap }),
    pageCache(),
    cmsAdmin(),
    ...postSteps(),
    publishOutput(),
  ],
});
