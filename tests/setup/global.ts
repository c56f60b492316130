/**
 * Builds the demo site once for the whole run; tests that need a built site
 * read it from TEST_DIST. Installs Debian's Chromium when it is missing,
 * because browser downloads by test tools do not work on these machines.
 */
import fs from 'node:fs';
import { astroBuild } from '../helpers/run.ts';
import { TEST_DIST } from '../helpers/paths.ts';
import { ensureChromium } from '../helpers/chromium.ts';

export default async function setup(): Promise<void> {
  ensureChromium();
  fs.rmSync(TEST_DIST, { recursive: true, force: true });
  const started = Date.now();
  const result = await astroBuild(TEST_DIST);
  if (result.code !== 0) {
    throw new Error(`demo site build failed (exit ${result.code}):\n${result.stdout.slice(-4000)}\n${result.stderr.slice(-4000)}`);
  }
  console.log(`demo site built in ${((Date.now() - started) / 1000).toFixed(1)} s → ${TEST_DIST}`);
}
