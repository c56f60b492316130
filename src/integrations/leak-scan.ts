/**
 * After every build, the leak scan of dist/ (src/privacy/leak-scan.ts): a
 * registry name anywhere it is not permitted, a personal contact or an
 * identity number fails the build, naming the file and the person's id or
 * the kind of data (masked). Runs last, after every other post-build step
 * (search index, images, the CMS bundle's copy), so it reads what will
 * actually be deployed.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { bundleBase, cacheRoot } from '../../cms/server/bundle.ts';
import { bundleKeyOfBuild } from '../../cms/server/integration.ts';
import { cacheDir, contentRootKey } from '../io/cache-dir.ts';
import { leakScanUi } from '../i18n/ru.ts';
import { contentDir } from '../lib/content-dir.ts';
import { scanForLeaks, type Leak, type SourceOnlyFolder } from '../privacy/leak-scan.ts';
import { registryPeople, reviewedContent, siteSettingsOf } from '../privacy/gate.ts';
import type { Person } from '../schema/registry.ts';
import { siteAddress } from '../lib/site-address.ts';

export class LeakError extends Error {
  override name = 'LeakError';
}

/** The CMS bundle of this build (or of the current sources), as copied into dist/ by cms/server/integration.ts, and its build in the cache. */
export function cmsBundleFolder(root: string, key = bundleKeyOfBuild(root)): SourceOnlyFolder {
  return { dir: bundleBase(key).replace(/^\/|\/$/g, ''), source: path.join(cacheRoot(root), key) };
}

function describe(leak: Leak): string {
  return leak.rule === 'pii-name'
    ? leakScanUi.name(leak.file, leak.personId, leak.via)
    : leakScanUi.numberOrContact(
        leak.file,
        leakScanUi.kinds[leak.kind as keyof typeof leakScanUi.kinds] ?? leak.kind,
        leak.excerpt,
        leak.via,
      );
}

/** What the scan checks against, as the build's content review read it: plain data, so it can travel to another process. */
export interface LeakScanInputs {
  contentRoot: string;
  people: Person[];
  today: string;
  siteUrl: string;
  /** The school's own phone and e-mail. */
  allowContacts: string[];
}

/** The scan's inputs from this process's content review. */
export function leakScanInputs(): LeakScanInputs {
  const index = reviewedContent();
  const settings = siteSettingsOf(index)!;
  return {
    contentRoot: contentDir(),
    people: registryPeople(index),
    today: index.today,
    siteUrl: siteAddress(settings),
    allowContacts: [settings.phone, settings.email],
  };
}

/** The leak scan; `given` inputs and bundle key stand in for this process's own review and build (the post-step process has neither). */
export function leakScan(given?: LeakScanInputs, cmsKey?: string): AstroIntegration {
  let root = process.cwd();
  return {
    name: 'nastavnik:leak-scan',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = path.resolve(fileURLToPath(config.root));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const inputs = given ?? leakScanInputs();
        const result = await scanForLeaks({
          dir: fileURLToPath(dir),
          people: inputs.people,
          policy: { today: inputs.today, siteUrl: inputs.siteUrl },
          allowContacts: inputs.allowContacts,
          sourceOnly: [cmsBundleFolder(root, cmsKey)],
          // One verdict file per content root: building a fixture never evicts the school's verdicts.
          cacheFile: path.join(cacheDir('leak-scan'), `${contentRootKey(inputs.contentRoot)}.json`),
        });
        logger.info(leakScanUi.summary({ ...result, kb: Math.round(result.bytes / 1024), ms: Math.round(performance.now() - started) }));
        if (result.leaks.length) {
          for (const l of result.leaks) logger.error(describe(l));
          const err = new LeakError(leakScanUi.stopped(result.leaks.length));
          err.stack = err.message;
          throw err;
        }
      },
    },
  };
}
