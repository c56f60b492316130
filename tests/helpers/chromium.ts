/**
 * Debian's Chromium for the real-browser tests, launched with the flags this
 * closed network needs, always with a timeout and always closed by the caller.
 */
import { chromium, type Browser } from 'playwright-core';
import { ensureDebianPackage } from './debian.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Installs Debian's chromium package when it is missing. */
export function ensureChromium(): void {
  ensureDebianPackage(CHROMIUM, 'chromium');
}

/** A headless Chromium that makes no network requests of its own. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    timeout: 60_000,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}
