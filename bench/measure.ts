/**
 * Runs one measured command: wall time, the peak memory of its whole process
 * tree (Astro, its worker threads, Pagefind's binary, Vite — polled from
 * /proc, because `time -v` reports only the largest single process), and
 * every output line with the moment it arrived, from which the build log
 * parser reconstructs where the time went.
 *
 * Each command runs in its own process group with a hard time limit; the
 * group is killed on timeout and when the benchmark itself exits or is
 * interrupted, so no build outlives it.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import type { LogLine } from './build-log.ts';

export interface Measured {
  code: number | null;
  wallMs: number;
  /** Peak of the sum of resident memory of the process and all its descendants, bytes. */
  peakTreeRss: number;
  /** Peak resident memory of the largest single process of the tree, bytes. */
  peakProcessRss: number;
  /** When the tree's peak was reached, ms since the start. */
  peakAtMs: number;
  lines: LogLine[];
}

const PAGE_SIZE = 4096;
const live = new Set<number>();

function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

let hooked = false;
function killAllOnExit(): void {
  if (hooked) return;
  hooked = true;
  process.on('exit', () => live.forEach(killGroup));
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      live.forEach(killGroup);
      process.exit(130);
    });
  }
}

/** Parent of every process, from /proc/<pid>/stat (the name may hold spaces and parentheses). */
function parents(): Map<number, number> {
  const map = new Map<number, number>();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      map.set(Number(name), ppid);
    } catch {
      // exited meanwhile
    }
  }
  return map;
}

function rssOf(pid: number): number {
  try {
    return Number(fs.readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE_SIZE;
  } catch {
    return 0;
  }
}

/** Resident memory of a process tree: total and largest process. */
export function treeRss(root: number): { total: number; largest: number } {
  const ppid = parents();
  const tree = new Set([root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, parent] of ppid) {
      if (!tree.has(pid) && tree.has(parent)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  let total = 0;
  let largest = 0;
  for (const pid of tree) {
    const rss = rssOf(pid);
    total += rss;
    largest = Math.max(largest, rss);
  }
  return { total, largest };
}

export interface RunOptions {
  cwd: string;
  env?: Record<string, string>;
  timeoutMs: number;
  /** Echo each line (prefixed) while it runs. */
  echo?: string;
  pollMs?: number;
}

/** Runs `command args…` and measures it. Rejects on timeout (after killing the tree). */
export function measure(command: string, args: readonly string[], options: RunOptions): Promise<Measured> {
  killAllOnExit();
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env, NO_COLOR: '1', FORCE_COLOR: '0', ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const pid = child.pid!;
    live.add(pid);
    const lines: LogLine[] = [];
    let peakTreeRss = 0;
    let peakProcessRss = 0;
    let peakAtMs = 0;
    const poll = () => {
      const { total, largest } = treeRss(pid);
      if (total > peakTreeRss) {
        peakTreeRss = total;
        peakAtMs = performance.now() - started;
      }
      peakProcessRss = Math.max(peakProcessRss, largest);
    };
    const poller = setInterval(poll, options.pollMs ?? 200);
    const collect = (stream: NodeJS.ReadableStream) => {
      let rest = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        const ms = performance.now() - started;
        const parts = (rest + chunk).split('\n');
        rest = parts.pop()!;
        for (const text of parts) {
          lines.push({ ms, text });
          if (options.echo) process.stdout.write(`${options.echo}${text}\n`);
        }
      });
      stream.on('end', () => {
        if (rest) lines.push({ ms: performance.now() - started, text: rest });
      });
    };
    collect(child.stdout);
    collect(child.stderr);
    const timer = setTimeout(() => {
      killGroup(pid);
      reject(new Error(`превышено время (${Math.round(options.timeoutMs / 1000)} с): ${command} ${args.join(' ')}`));
    }, options.timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      clearInterval(poller);
      live.delete(pid);
      reject(e);
    });
    child.on('close', (code) => {
      const wallMs = performance.now() - started;
      clearTimeout(timer);
      clearInterval(poller);
      // Worker threads or a helper binary may still hold the group; nothing of it may outlive the measurement.
      killGroup(pid);
      live.delete(pid);
      lines.sort((a, b) => a.ms - b.ms);
      resolve({ code, wallMs, peakTreeRss, peakProcessRss, peakAtMs, lines });
    });
  });
}
