/**
 * Debian's Chromium for the real-browser tests, launched with the flags this
 * closed network needs, always with a timeout and always closed by the caller.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Installs Debian's chromium package when it is missing (the suite runs as root on CI machines). */
export function ensureChromium(): void {
  if (fs.existsSync(CHROMIUM)) return;
  const asRoot = process.getuid?.() === 0;
  if (!asRoot) throw new Error(`Chromium not found at ${CHROMIUM}; install it: sudo apt-get install -y chromium`);
  console.log('installing Debian chromium for the browser tests…');
  execFileSync('apt-get', ['update'], { stdio: 'inherit', timeout: 300_000 });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], {
    stdio: 'inherit',
    timeout: 900_000,
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (!fs.existsSync(CHROMIUM)) throw new Error('chromium install finished but /usr/bin/chromium is missing');
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
