/**
 * A fixture content root that a test file changes and builds once, then
 * checks: the copy, its output folder and the build's result live and are
 * removed together, so each such file says only what it changes.
 */
import fs from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { tempContent, type TempContent } from './fixture.ts';
import { astroBuild, type RunResult } from './run.ts';

export interface BuiltFixture {
  readonly content: TempContent;
  /** The build's output folder. */
  readonly dist: string;
  readonly build: RunResult;
}

/**
 * Registers the build of a copy of `tests/fixtures/minimal`, changed by
 * `prepare`, for the enclosing test file or `describe`; its fields can be
 * read inside tests.
 */
export function builtFixture(prepare: (content: TempContent) => void, env: Record<string, string> = {}): BuiltFixture {
  let state: BuiltFixture | undefined;
  beforeAll(async () => {
    const content = tempContent();
    prepare(content);
    const dist = `${content.dir}-dist`;
    state = { content, dist, build: await astroBuild(dist, { CONTENT_DIR: content.dir, ...env }) };
  });
  afterAll(() => {
    if (!state) return;
    state.content.cleanup();
    fs.rmSync(state.dist, { recursive: true, force: true });
  });
  const built = (): BuiltFixture => {
    if (!state) throw new Error('the fixture is built in beforeAll: read it inside a test');
    return state;
  };
  return {
    get content() {
      return built().content;
    },
    get dist() {
      return built().dist;
    },
    get build() {
      return built().build;
    },
  };
}
