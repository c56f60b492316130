/**
 * One test command for everything. Two projects:
 * - `unit`: pure modules, schemas, validator, scripts — no build needed;
 * - `site`: the demo site built once per run (tests/setup/global.ts), its
 *   routes and links, and the real-browser tests in Debian's Chromium.
 */
import { defineConfig } from 'vitest/config';

const common = {
  testTimeout: 60_000,
  hookTimeout: 240_000,
  teardownTimeout: 30_000,
  // A browser step waits for Pagefind, fonts and a busy two-core machine:
  // polls give it seconds, not the default one, and still fail when it never comes.
  expect: { poll: { timeout: 15_000 } },
};

export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      { test: { ...common, name: 'unit', include: ['tests/**/*.test.ts'], exclude: ['tests/site/**', 'tests/e2e/**'] } },
      {
        test: {
          ...common,
          name: 'site',
          include: ['tests/site/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/setup/global.ts'],
        },
      },
    ],
  },
});
