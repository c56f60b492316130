/**
 * Runs the project's own commands (npm scripts' entry points) as a child
 * process with a hard time limit, so a hung build never hangs the suite.
 */
import { spawn } from 'node:child_process';
import { withAstroLock } from './build-lock.ts';
import { ROOT } from './paths.ts';

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node <args>` from the project root with extra environment variables. */
export function runNode(args: string[], env: Record<string, string> = {}, timeoutMs = 180_000): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: { ...process.env, ...env, NO_COLOR: '1', FORCE_COLOR: '0', ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`timed out after ${timeoutMs} ms: node ${args.join(' ')}\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/**
 * `npm run build` of a content root into an output directory (Astro, then the post-steps in their own
 * process: src/integrations/build-process.ts), one build at a time (see build-lock.ts).
 */
export function astroBuild(outDir: string, env: Record<string, string> = {}): Promise<RunResult> {
  return withAstroLock(() => runNode(['scripts/build.ts', '--outDir', outDir], env, 300_000));
}
