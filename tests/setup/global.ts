/**
 * Builds the demo site once for the whole run; tests that need a built site
 * read it from TEST_DIST. Installs Debian's Chromium when it is missing,
 * because browser downloads by test tools do not work on these machines.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { astroBuild } from '../helpers/run.ts';
import { TEST_RUNS } from '../helpers/paths.ts';
import { ensureChromium } from '../helpers/chromium.ts';

export default async function setup(project: TestProject): Promise<() => void> {
  ensureChromium();
  fs.mkdirSync(TEST_RUNS, { recursive: true });
  const run = fs.mkdtempSync(path.join(TEST_RUNS, 'run-'));
  const dist = path.join(run, 'dist');
  const started = Date.now();
  const result = await astroBuild(dist);
  if (result.code !== 0) {
    throw new Error(`demo site build failed (exit ${result.code}):\n${result.stdout.slice(-4000)}\n${result.stderr.slice(-4000)}`);
  }
  console.log(`demo site built in ${((Date.now() - started) / 1000).toFixed(1)} s → ${dist}`);
  project.provide('testDist', dist);
  return () => fs.rmSync(run, { recursive: true, force: true });
}
