/**
 * What the Astro process of `npm run build` hands to the post-step process
 * (src/integrations/post-steps.ts), and the little both sides share. Kept
 * apart from the steps themselves, so the parent process does not load them
 * (and their libraries) while Astro builds the pages.
 */
import type { AstroIntegrationLogger } from 'astro';
import type { LeakScanInputs } from './leak-scan.ts';
import type { OgCardInputs } from './og-images.ts';
import type { UploadVerdict } from '../privacy/upload-review.ts';

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
  og: OgCardInputs;
  /** The admin bundle the pages name (cms/server/integration.ts). */
  cmsKey: string;
  /** The uploads review's verdict on each uploaded file, by site path. */
  uploads: ReadonlyMap<string, UploadVerdict>;
}

/** What the steps take from the build's content review; absent, each step reads this process's own. */
export type PostStepInputs = Pick<HandOff, 'leakScan' | 'og' | 'cmsKey' | 'uploads'>;

/** True in the Astro process of `npm run build`: the post-steps are the parent's. */
export function postStepsDeferred(): boolean {
  return process.env[POST_STEPS_VARIABLE] === 'separate' && typeof process.send === 'function';
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
