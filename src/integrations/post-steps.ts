/**
 * The heavy steps after Astro has built the pages — image metadata, security
 * headers, the search index, the leak scan — and where they run.
 *
 * `astro build` runs them as ordinary integrations, inside Astro. Astro keeps
 * what it built in memory to the end (its module graph, the content store,
 * every page's data), and Pagefind and the scan on top of it took a
 * district-scale build to 3 GB, past what a school's 2 GB build server has.
 * So `npm run build` (build-process.ts) runs Astro in a child process with
 * `NASTAVNIK_POST_STEPS=separate`: there these integrations do nothing, and
 * the staged-output integration hands over what the steps need (the staging
 * folder, the leak scan's inputs as the build's review read them) instead of
 * publishing. The parent runs the same integrations, in the same order, once
 * Astro has exited, and publishes only when all of them have passed.
 */
import { pathToFileURL } from 'node:url';
import type { AstroConfig, AstroIntegration, AstroIntegrationLogger } from 'astro';
import { leakScan, leakScanInputs, type LeakScanInputs } from './leak-scan.ts';
import { pagefindIndex } from './pagefind.ts';
import { securityHeaders } from './security-headers.ts';
import { stripMetadata } from './strip-metadata.ts';

/** The variable `npm run build` sets for its Astro process. */
export const POST_STEPS_VARIABLE = 'NASTAVNIK_POST_STEPS';

/** What the Astro process hands to the post-step process. */
export interface HandOff {
  kind: 'nastavnik:post-steps';
  /** The project root and the folders of the staged output (src/build/staged-output.ts). */
  root: string;
  staging: string;
  outDir: string;
  leakScan: LeakScanInputs;
}

/** True in the Astro process of `npm run build`: the post-steps are the parent's. */
export function postStepsDeferred(): boolean {
  return process.env[POST_STEPS_VARIABLE] === 'separate' && typeof process.send === 'function';
}

/** The post-build integrations in the order they run; the leak scan takes handed-over inputs in the post-step process. */
export function postStepIntegrations(inputs?: LeakScanInputs): AstroIntegration[] {
  return [stripMetadata(), securityHeaders(), pagefindIndex(), leakScan(inputs)];
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
  const message: HandOff = { kind: 'nastavnik:post-steps', ...folders, leakScan: leakScanInputs() };
  return new Promise((resolve, reject) =>
    process.send!(message, undefined, {}, (e: Error | null) => {
      if (e) return reject(e);
      process.disconnect?.();
      resolve();
    }),
  );
}

export function isHandOff(message: unknown): message is HandOff {
  return typeof message === 'object' && message !== null && (message as { kind?: unknown }).kind === 'nastavnik:post-steps';
}

/** A logger that prints like Astro's: time, the integration's name, the message. */
export function consoleLogger(label: string): AstroIntegrationLogger {
  const print = (write: (line: string) => void) => (message: string) =>
    write(`${new Date().toLocaleTimeString('en-GB', { hour12: false })} [${label}] ${message}`);
  const logger = {
    label,
    options: { dest: { write: () => true }, level: 'info' },
    info: print(console.log),
    warn: print(console.warn),
    error: print(console.error),
    debug: () => {},
    fork: (name: string) => consoleLogger(name),
  };
  return logger as unknown as AstroIntegrationLogger;
}

/** Runs every post-step on the handed-over staging folder, in order; the first failure throws and nothing is published. */
export async function runPostSteps(handOff: HandOff): Promise<void> {
  const root = pathToFileURL(`${handOff.root}/`);
  const dir = pathToFileURL(`${handOff.staging}/`);
  for (const integration of postStepIntegrations(handOff.leakScan)) {
    const logger = consoleLogger(integration.name);
    await integration.hooks['astro:config:done']?.({ config: { root } as AstroConfig, logger } as never);
    await integration.hooks['astro:build:done']?.({ dir, logger, pages: [], assets: new Map() } as never);
  }
}
