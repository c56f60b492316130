/**
 * Wires the staged output (src/build/staged-output.ts) and the checkout lock
 * (src/build/lock.ts) into Astro: `stageOutput()` comes first in the
 * integration list (takes the lock, points the build at the staging folder),
 * `publishOutput()` last (swaps the staging folder in, after every other
 * post-build step has passed). In the Astro process of `npm run build` the
 * lock is the parent's and `publishOutput()` hands the staging folder over
 * to the post-step process instead (post-steps.ts).
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { acquireLock, lockPath, LockTimeout } from '../build/lock.ts';
import { publishStaging, removeLeftovers, stagingDirOf } from '../build/staged-output.ts';
import { buildUi } from '../i18n/ru.ts';
import { postStepsDeferred } from './hand-off.ts';
import { handOffPostSteps } from './post-steps.ts';

/** Shared by the two integrations of one build. */
const state: { root?: string; outDir?: string; staging?: string; release?: () => void } = {};

export class BuildLockError extends Error {
  override name = 'BuildLockError';
}

export function stageOutput(): AstroIntegration {
  return {
    name: 'nastavnik:stage-output',
    hooks: {
      'astro:config:setup': async ({ command, config, updateConfig, logger }) => {
        if (command !== 'build' && command !== 'dev') return;
        const root = fileURLToPath(config.root);
        try {
          state.release = await acquireLock(lockPath(root), {
            onWait: (pid) => logger.warn(buildUi.lockWait(pid)),
          });
        } catch (e) {
          if (!(e instanceof LockTimeout)) throw e;
          const err = new BuildLockError(buildUi.lockTimeout(e.message));
          err.stack = err.message;
          throw err;
        }
        if (command !== 'build') return;
        const outDir = path.resolve(fileURLToPath(config.outDir));
        const staging = stagingDirOf(outDir);
        for (const old of removeLeftovers(outDir)) logger.info(`удалена папка прерванной сборки: ${path.relative(root, old)}`);
        state.root = path.resolve(root);
        state.outDir = outDir;
        state.staging = staging;
        updateConfig({ outDir: pathToFileURL(`${staging}/`) });
      },
    },
  };
}

export function publishOutput(): AstroIntegration {
  return {
    name: 'nastavnik:publish-output',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const { outDir, staging } = state;
        if (!outDir || !staging) return;
        if (path.resolve(fileURLToPath(dir)) !== staging)
          throw new Error(`сборка записана не в промежуточную папку: ${fileURLToPath(dir)}`);
        if (postStepsDeferred()) return handOffPostSteps({ root: state.root ?? process.cwd(), staging, outDir });
        publishStaging(staging, outDir);
        state.release?.();
        logger.info(buildUi.published(path.relative(process.cwd(), outDir) || outDir));
      },
    },
  };
}
