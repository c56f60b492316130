/**
 * Draws many cards in parallel: a few worker threads (one per core by
 * default), each with an equal share of the cards. Each worker pays the
 * fonts' and satori's warm-up once, then draws a card in a few milliseconds.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { OgCard } from '../../lib/og-card.ts';
import type { Theme } from './layout.ts';
import type { CardJob, CardJobResult } from './worker.ts';

const WORKER_FILE = new URL('./worker.ts', import.meta.url);

/**
 * A thread's warm-up (satori, yoga, sharp, the fonts) costs about as much as
 * a dozen cards, so a small batch gets fewer threads than there are cores.
 */
const MIN_CARDS_PER_WORKER = 12;

/** No card takes this long; a worker silent for longer is stuck, and the build says so instead of hanging. */
const JOB_TIMEOUT_MS = 60_000;

export interface PoolJob {
  card: OgCard;
  file: string;
}

export interface PoolResult {
  /** Threads used. */
  workers: number;
  /** Wall time from the first worker's start to the last card written. */
  ms: number;
  /** Sum of the PNG sizes. */
  bytes: number;
}

/** Default parallelism: one thread per core. */
export function defaultWorkers(): number {
  return Math.max(1, os.availableParallelism());
}

/** Draws every job's card into its file; rejects with the Russian reason on the first failure. */
export async function renderInWorkers(jobs: readonly PoolJob[], theme: Theme, workers = defaultWorkers()): Promise<PoolResult> {
  const started = performance.now();
  const count = Math.min(Math.max(1, workers), Math.ceil(jobs.length / MIN_CARDS_PER_WORKER));
  if (count === 0) return { workers: 0, ms: 0, bytes: 0 };
  // Cards cost about the same, so a round-robin share keeps the threads equally busy.
  const shares: CardJob[][] = Array.from({ length: count }, () => []);
  jobs.forEach((job, id) => shares[id % count]!.push({ id, card: job.card, theme, file: job.file }));
  const threads = shares.map(() => new Worker(WORKER_FILE));
  let bytes = 0;
  try {
    await Promise.all(
      threads.map(
        (worker, i) =>
          new Promise<void>((resolve, reject) => {
            let timer: NodeJS.Timeout | undefined;
            const watch = () => {
              clearTimeout(timer);
              timer = setTimeout(
                () => reject(new Error(`поток отрисовки карточек для соцсетей не отвечает ${JOB_TIMEOUT_MS / 1000} с`)),
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
              reject(new Error(`поток отрисовки карточек для соцсетей завершился раньше времени (код ${code})`));
            });
            watch();
            worker.postMessage(shares[i]);
          }),
      ),
    );
  } finally {
    await Promise.all(threads.map((t) => t.terminate()));
  }
  return { workers: count, ms: performance.now() - started, bytes };
}
