/**
 * The heavy steps after Astro has built the pages — the admin bundle, the
 * uploaded files, link-preview cards, image metadata, security headers, the
 * search index, the leak scan — and where they run.
 *
 * `astro build` runs them as ordinary integrations, inside Astro. Astro keeps
 * what it built in memory to the end (its module graph, the content store,
 * every page's data), and Pagefind and the scan on top of it took a
 * district-scale build to 3 GB, past what a school's 2 GB build server has.
 * So `npm run build` (build-process.ts) runs Astro in a child process with
 * `NASTAVNIK_POST_STEPS=separate`: there these integrations do nothing, and
 * the staged-output integration hands over what the steps need (the staging
 * folder, the admin bundle's key, and what the build's review decided: the
 * uploads' verdicts, the cards, the leak scan's inputs) instead of
 * publishing. The parent runs the same integrations, in the same order, once
 * Astro has exited, and publishes only when all of them have passed.
 */
import { pathToFileURL } from 'node:url';
import type { AstroConfig, AstroIntegration } from 'astro';
import { bundleKeyOfBuild, cmsBundle } from '../../cms/server/integration.ts';
import { leakScan, leakScanInputs } from './leak-scan.ts';
import { currentCards, ogImages } from './og-images.ts';
import { publishUploads } from './publish-uploads.ts';
import { reviewedContent } from '../privacy/gate.ts';
import { pagefindIndex } from './pagefind.ts';
import { securityHeaders } from './security-headers.ts';
import { stripMetadata } from './strip-metadata.ts';
import { consoleLogger, postStepsDeferred, type HandOff, type PostStepInputs } from './hand-off.ts';

/**
 * The post-build integrations in the order they run; in the post-step
 * process they take handed-over inputs. The admin bundle, the uploads and
 * the cards come first: the image step and the leak scan read them in
 * dist/. Each step runs alone, so the bundler (about 1 GB), the documents'
 * text extraction and the card threads never hold memory at the same time
 * as each other or as the pages' build.
 */
export function postStepIntegrations(inputs?: PostStepInputs): AstroIntegration[] {
  return [
    cmsBundle(inputs?.cmsKey),
    publishUploads(inputs?.uploads),
    ogImages(inputs?.og),
    stripMetadata(),
    securityHeaders(),
    pagefindIndex(),
    leakScan(inputs?.leakScan, inputs?.cmsKey),
  ];
}

/** The post-build integrations for astro.config.mjs: themselves under `astro build`, idle in the Astro process of `npm run build`. */
export function postSteps(): AstroIntegration[] {
  return postStepIntegrations().map((integration) => {
    const done = integration.hooks['astro:build:done'];
    return {
      ...integration,
      hooks: {
        ...integration.hooks,
        'astro:build:done': async (options) => {
          if (!postStepsDeferred()) await done?.(options);
        },
      },
    };
  });
}

/** Sends the hand-off to the parent and closes the channel, so the Astro process can exit. */
export function handOffPostSteps(folders: Pick<HandOff, 'root' | 'staging' | 'outDir'>): Promise<void> {
  const leak = leakScanInputs();
  const og = { contentRoot: leak.contentRoot, cards: currentCards(leak.siteUrl) };
  const message: HandOff = {
    kind: 'nastavnik:post-steps',
    ...folders,
    leakScan: leak,
    og,
    cmsKey: bundleKeyOfBuild(folders.root),
    uploads: reviewedContent().uploads,
  };
  return new Promise((resolve, reject) =>
    process.send!(message, undefined, {}, (e: Error | null) => {
      if (e) return reject(e);
      process.disconnect?.();
      resolve();
    }),
  );
}

/** Runs every post-step on the handed-over staging folder, in order; the first failure throws and nothing is published. */
export async function runPostSteps(handOff: HandOff): Promise<void> {
  const root = pathToFileURL(`${handOff.root}/`);
  const dir = pathToFileURL(`${handOff.staging}/`);
  for (const integration of postStepIntegrations(handOff)) {
    const logger = consoleLogger(integration.name);
    await integration.hooks['astro:config:done']?.({ config: { root } as AstroConfig, logger } as never);
    await integration.hooks['astro:build:done']?.({ dir, logger, pages: [], assets: new Map() } as never);
  }
}
