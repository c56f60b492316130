/**
 * Draws many cards in parallel: a few worker processes (one per core by
 * default), each with an equal share of the cards. Each worker pays the
 * fonts' and satori's warm-up once, then draws a card in a few milliseconds.
 *
 * Processes, not threads: the image libraries allocate outside V8's heap,
 * and the C allocator keeps a thread's memory in the process after the
 * thread has ended — about 0.5 GB after a district's cards, held through
 * the search index and the leak scan that follow. A process gives it all
 * back when it exits.
 */
import { fork, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import type { OgCard } from '../../lib/og-card.ts';
import type { Theme } from './layout.ts';
import type { CardJob, CardJobResult } from './worker.ts';

const WORKER_FILE = fileURLToPath(new URL('./worker.ts', import.meta.url));

/**
 * A worker's warm-up (satori, yoga, sharp, the fonts) costs about as much as
 * a dozen cards, so a small batch gets fewer workers than there are cores.
 */
const MIN_CARDS_PER_WORKER = 12;

/** No card takes this long; a worker silent for longer is stuck, and the build says so instead of hanging. */
const JOB_TIMEOUT_MS = 60_000;

export interface PoolJob {
  card: OgCard;
  file: string;
}

export interface PoolResult {
  /** Worker processes used. */
  workers: number;
  /** Wall time from the first worker's start to the last card written. */
  ms: number;
  /** Sum of the PNG sizes. */
  bytes: number;
}

/** Default parallelism: one worker per core. */
export function defaultWorkers(): number {
  return Math.max(1, os.availableParallelism());
}

/** Ends a worker process and resolves once it has exited. */
function stop(worker: ChildProcess): Promise<void> {
  if (worker.exitCode !== null || worker.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    worker.once('exit', () => resolve());
    worker.kill();
  });
}

/** Draws every job's card into its file; rejects with the Russian reason on the first failure. */
export async function renderInWorkers(jobs: readonly PoolJob[], theme: Theme, workers = defaultWorkers()): Promise<PoolResult> {
  const started = performance.now();
  const count = Math.min(Math.max(1, workers), Math.ceil(jobs.length / MIN_CARDS_PER_WORKER));
  if (count === 0) return { workers: 0, ms: 0, bytes: 0 };
  // Cards cost about the same, so a round-robin share keeps the workers equally busy.
  const shares: CardJob[][] = Array.from({ length: count }, () => []);
  jobs.forEach((job, id) => shares[id % count]!.push({ id, card: job.card, theme, file: job.file }));
  const children = shares.map(() => fork(WORKER_FILE, [], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
  let bytes = 0;
  try {
    await Promise.all(
      children.map(
        (worker, i) =>
          new Promise<void>((resolve, reject) => {
            let timer: NodeJS.Timeout | undefined;
            const watch = () => {
              clearTimeout(timer);
              timer = setTimeout(
                () => reject(new Error(`процесс отрисовки карточек для соцсетей не отвечает ${JOB_TIMEOUT_MS / 1000} с`)),
                JOB_TIMEOUT_MS,
              );
            };
            worker.on('message', (r: CardJobResult) => {
              if ('done' in r) {
                clearTimeout(timer);
                return resolve();
              }
              if (!r.ok) {
                clearTimeout(timer);
                return reject(new Error(`${jobs[r.id]!.card.source}: не удалось нарисовать карточку для соцсетей — ${r.error}`));
              }
              bytes += r.bytes;
              watch();
            });
            worker.on('error', (e) => {
              clearTimeout(timer);
              reject(e);
            });
            worker.on('exit', (code) => {
              clearTimeout(timer);
              reject(new Error(`процесс отрисовки карточек для соцсетей завершился раньше времени (код ${code})`));
            });
            watch();
            worker.send(shares[i]!);
          }),
      ),
    );
  } finally {
    // Waits for every worker to be gone, so the next step has its memory.
    await Promise.all(children.map(stop));
  }
  return { workers: count, ms: performance.now() - started, bytes };
}
