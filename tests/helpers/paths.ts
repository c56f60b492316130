/** Where the tests find the project, its demo content and the shared build. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The live demo content: what the site shows. Tests over it check properties that hold for any valid content. */
export const DEMO_CONTENT = path.join(ROOT, 'content');
/** A frozen copy of the demo content: tests that expect particular people, pairs and documents use this. */
export const SCHOOL_FIXTURE = path.join(ROOT, 'tests', 'fixtures', 'school');
/** Parent of the per-run build folders: each test run builds into its own, so runs never collide. */
export const TEST_RUNS = path.join(ROOT, '.cache', 'test-runs');
export const FIXTURES = path.join(ROOT, 'tests', 'fixtures');

declare module 'vitest' {
  export interface ProvidedContext {
    /** The demo site built once for this run by tests/setup/global.ts. */
    testDist: string;
  }
}

/** The demo site built for this run (only in the `site` project, after global setup). */
export function testDist(): string {
  return inject('testDist');
}
