/**
 * `npm run build`: Astro in a child process, then the post-build steps in
 * this one once Astro has exited and its memory is gone (post-steps.ts says
 * why), then the staged output published. The checkout lock is held across
 * both and lent to the child. Whatever fails — Astro, a step, a killed
 * process — dist/ stays as it was; a staging folder a failed step leaves is
 * removed at once, one a killed process leaves by the next build.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { acquireLock, lockPath, LockTimeout } from '../build/lock.ts';
import { pagesHeapLimit } from '../build/heap-limit.ts';
import { publishStaging } from '../build/staged-output.ts';
import { contentDir } from '../lib/content-dir.ts';
import { buildUi } from '../i18n/ru.ts';
import { consoleLogger, isHandOff, POST_STEPS_VARIABLE, type HandOff } from './hand-off.ts';

export interface BuildOptions {
  root?: string;
  /** Node arguments that build the pages: Astro's `build` command by default (tests put a stand-in here). */
  pagesCommand?: readonly string[];
}

interface PagesExit {
  code: number;
  /** The signal that ended the process, if one did (SIGABRT: V8 ran out of heap). */
  signal?: NodeJS.Signals;
  handOff?: HandOff;
}

/** Runs the pages' build with the post-steps deferred; resolves with its exit code and what it handed over. */
function runAstro(command: readonly string[], root: string): Promise<PagesExit> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, command, {
      cwd: root,
      stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
      serialization: 'advanced',
      env: { ...process.env, [POST_STEPS_VARIABLE]: 'separate' },
    });
    let handOff: HandOff | undefined;
    child.on('message', (message) => {
      if (isHandOff(message)) handOff = message;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      resolve({ code: code ?? (signal ? 128 : 1), ...(signal ? { signal } : {}), ...(handOff ? { handOff } : {}) }),
    );
  });
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The whole build; returns the process exit code. */
export async function runBuild(args: readonly string[], options: BuildOptions = {}): Promise<number> {
  const root = options.root ?? process.cwd();
  const command = options.pagesCommand ?? [path.join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'];
  const log = consoleLogger('nastavnik:post-steps');
  let release: () => void;
  try {
    release = await acquireLock(lockPath(root), { onWait: (pid) => log.warn(buildUi.lockWait(pid)) });
  } catch (e) {
    if (!(e instanceof LockTimeout)) throw e;
    console.error(buildUi.lockTimeout(e.message));
    return 1;
  }
  try {
    const started = performance.now();
    const heapMb = pagesHeapLimit(contentDir());
    const heap = heapMb === undefined ? [] : [`--max-old-space-size=${heapMb}`];
    const astro = await runAstro([...heap, ...command, ...args], root);
    if (astro.signal === 'SIGABRT' && heapMb !== undefined) console.error(buildUi.outOfHeap(heapMb));
    if (astro.code !== 0) return astro.code;
    if (!astro.handOff) {
      console.error(buildUi.noHandOff);
      return 1;
    }
    log.info(buildUi.astroDone(((performance.now() - started) / 1000).toFixed(1)));
    try {
      // Loaded only now: the steps' libraries need not sit in memory while Astro builds the pages.
      const { runPostSteps } = await import('./post-steps.ts');
      await runPostSteps(astro.handOff);
      publishStaging(astro.handOff.staging, astro.handOff.outDir);
    } catch (e) {
      console.error(buildUi.stepFailed(message(e)));
      fs.rmSync(astro.handOff.staging, { recursive: true, force: true });
      return 1;
    }
    consoleLogger('nastavnik:publish-output').info(buildUi.published(path.relative(root, astro.handOff.outDir) || astro.handOff.outDir));
    return 0;
  } finally {
    release();
  }
}
