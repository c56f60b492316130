/** Where the tests find the project, its demo content and the shared build. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DEMO_CONTENT = path.join(ROOT, 'content');
/** The demo site built once per test run by tests/setup/global.ts. */
export const TEST_DIST = path.join(ROOT, '.cache', 'test-dist');
export const FIXTURES = path.join(ROOT, 'tests', 'fixtures');
