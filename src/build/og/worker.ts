/**
 * A worker process that draws cards (src/build/og/pool.ts): satori and sharp
 * are CPU-bound, so a build draws one card per core at a time. A worker gets
 * its whole share of jobs at once and reports each card as it is written.
 * Each job names the file to write; the file appears whole (written aside,
 * then renamed) or not at all.
 */
import { writeFileAtomic } from '../../io/atomic-write.ts';
import type { OgCard } from '../../lib/og-card.ts';
import type { Theme } from './layout.ts';
import { renderCard } from './render.ts';

export interface CardJob {
  id: number;
  card: OgCard;
  theme: Theme;
  file: string;
}

export type CardJobResult = { id: number; ok: true; ms: number; bytes: number } | { id: number; ok: false; error: string } | { done: true };

async function run(job: CardJob): Promise<CardJobResult> {
  const started = performance.now();
  try {
    const png = await renderCard(job.card, job.theme);
    writeFileAtomic(job.file, png);
    return { id: job.id, ok: true, ms: performance.now() - started, bytes: png.length };
  } catch (e) {
    return { id: job.id, ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

const send = (result: CardJobResult) => new Promise<void>((resolve) => process.send!(result, undefined, {}, () => resolve()));

process.on('message', (jobs: CardJob[]) => {
  void (async () => {
    for (const job of jobs) await send(await run(job));
    await send({ done: true });
    // Nothing else to do: without the channel the process ends.
    process.disconnect();
  })();
});
