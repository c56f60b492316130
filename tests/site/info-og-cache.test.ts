/**
 * The card cache across real builds of a temporary copy of the minimal
 * fixture, read from the integration's own log line: the first build draws
 * every card, a second build of unchanged content draws none, and a build
 * after one news item changed draws exactly that one.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempContent } from '../helpers/fixture.ts';
import { astroBuild } from '../helpers/run.ts';

const content = tempContent();
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'nastavnik-og-build-'));
const env = { CONTENT_DIR: content.dir };
const NEWS_CARD = 'og/news/2025-09-01-start.png';

afterAll(() => {
  content.cleanup();
  fs.rmSync(work, { recursive: true, force: true });
});

interface Counters {
  cards: number;
  rendered: number;
  cached: number;
  pruned: number;
}

async function build(name: string): Promise<{ counters: Counters; dist: string }> {
  const dist = path.join(work, name);
  const r = await astroBuild(dist, env);
  const log = r.stdout + r.stderr;
  expect(r.code, log.slice(-3000)).toBe(0);
  const m = /карточки для соцсетей: (\d+) \(нарисовано (\d+), из кэша (\d+), удалено из кэша (\d+)\)/.exec(log);
  expect(m, log.slice(-3000)).not.toBeNull();
  const [cards, rendered, cached, pruned] = m!.slice(1).map(Number) as [number, number, number, number];
  return { counters: { cards, rendered, cached, pruned }, dist };
}

const png = (dist: string, rel: string) => fs.readFileSync(path.join(dist, rel));

describe('card cache across builds', () => {
  it('draws every card once, none for unchanged content, and exactly one after one news item changed', { timeout: 600_000 }, async () => {
    const cold = await build('dist-1');
    expect(cold.counters).toEqual({ cards: 5, rendered: 5, cached: 0, pruned: 0 });
    const files = [
      'og/home.png',
      'og/roadmap/stage-1.png',
      NEWS_CARD,
      'og/events/itogovaya-konferenciya.png',
      'og/practices/list-nablyudeniya.png',
    ];
    for (const f of files) expect(png(cold.dist, f).length, f).toBeGreaterThan(10_000);

    const warm = await build('dist-2');
    expect(warm.counters).toEqual({ cards: 5, rendered: 0, cached: 5, pruned: 0 });
    for (const f of files) expect(png(warm.dist, f).equals(png(cold.dist, f)), f).toBe(true);

    content.edit('news/2025-09-01-start.md', (t) =>
      t.replace('title: Стартовала программа наставничества', 'title: Стартовала программа наставничества педагогов'),
    );
    const one = await build('dist-3');
    expect(one.counters).toEqual({ cards: 5, rendered: 1, cached: 4, pruned: 1 });
    expect(png(one.dist, NEWS_CARD).equals(png(cold.dist, NEWS_CARD))).toBe(false);
    for (const f of files.filter((x) => x !== NEWS_CARD)) expect(png(one.dist, f).equals(png(cold.dist, f)), f).toBe(true);
  });
});
