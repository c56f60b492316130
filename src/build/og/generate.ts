/**
 * Link-preview cards for a whole site: check, draw what changed, publish.
 *
 * The build's post-step (src/integrations/og-images.ts) draws into the
 * cache, then links into dist/, once the pages are built; the benchmark
 * calls `ogImagesOfContent` (or `generateOgImages` with cards of its own) to
 * do both at once and read the counters.
 */
import fs from 'node:fs';
import path from 'node:path';
import { reviewContent } from '../../privacy/gate.ts';
import { cardHash, cardsFromContent, cardTexts, type OgCard } from './cards.ts';
import { linkOrCopy } from '../../io/link-or-copy.ts';
import { cachedFile, pruneCache } from './cache.ts';
import { coverageByWeight, missingCharacters } from './font-coverage.ts';
import { fontFiles, type FontWeight } from './fonts.ts';
import { readTheme, type Theme } from './layout.ts';
import { defaultWorkers, renderInWorkers } from './pool.ts';
import { renderCard } from './render.ts';

export interface OgRenderOptions {
  /** The cache folder of this content root (src/build/og/cache.ts). */
  cacheDir: string;
  /** Threads to draw with; one per core by default. */
  workers?: number;
  /** Colours; the site's stylesheet by default. */
  theme?: Theme;
}

export interface MissingGlyphs {
  source: string;
  characters: string[];
}

export interface OgRenderResult {
  cards: readonly OgCard[];
  theme: Theme;
  cacheDir: string;
  /** Card path → hash (its file in the cache). */
  hashes: Map<string, string>;
  /** Cards drawn now (distinct hashes), and cards found in the cache. */
  rendered: number;
  cached: number;
  workers: number;
  /** Wall time of drawing, and that time per drawn card. */
  renderMs: number;
  msPerImage: number;
  /** Bytes of the PNGs drawn now. */
  bytes: number;
  missingGlyphs: MissingGlyphs[];
}

export interface OgBuildStats extends Omit<OgRenderResult, 'cards' | 'theme' | 'hashes'> {
  total: number;
  pruned: number;
  totalMs: number;
}

let coverage: Map<FontWeight, Set<number>> | undefined;

/** Characters of each card that no card font can draw. */
export function checkGlyphs(cards: readonly OgCard[]): MissingGlyphs[] {
  coverage ??= coverageByWeight(fontFiles());
  const out: MissingGlyphs[] = [];
  for (const card of cards) {
    const characters = [...new Set(cardTexts(card).flatMap((t) => missingCharacters(t.text, coverage!.get(t.weight)!)))];
    if (characters.length) out.push({ source: card.source, characters });
  }
  return out;
}

/** Draws into the cache every card whose hash is not there yet. */
export async function renderCards(cards: readonly OgCard[], options: OgRenderOptions): Promise<OgRenderResult> {
  const theme = options.theme ?? readTheme();
  fs.mkdirSync(options.cacheDir, { recursive: true });
  const hashes = new Map<string, string>();
  const missing = new Map<string, OgCard>();
  let cached = 0;
  for (const card of cards) {
    const hash = cardHash(card, theme);
    hashes.set(card.path, hash);
    if (missing.has(hash)) continue;
    if (fs.existsSync(cachedFile(options.cacheDir, hash))) cached++;
    else missing.set(hash, card);
  }
  const jobs = [...missing].map(([hash, card]) => ({ card, file: cachedFile(options.cacheDir, hash) }));
  const pool = await renderInWorkers(jobs, theme, options.workers ?? defaultWorkers());
  return {
    cards,
    theme,
    cacheDir: options.cacheDir,
    hashes,
    rendered: jobs.length,
    cached,
    workers: pool.workers,
    renderMs: pool.ms,
    msPerImage: jobs.length ? pool.ms / jobs.length : 0,
    bytes: pool.bytes,
    missingGlyphs: checkGlyphs(cards),
  };
}

/**
 * Copies every card from the cache into the site, then prunes the cache to
 * what this build used. A card another build pruned meanwhile is drawn again
 * here. Returns the number of cards pruned.
 */
export async function publishCards(result: OgRenderResult, outDir: string): Promise<{ pruned: number; redrawn: number }> {
  let redrawn = 0;
  for (const card of result.cards) {
    const from = cachedFile(result.cacheDir, result.hashes.get(card.path)!);
    const to = path.join(outDir, card.path);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    try {
      linkOrCopy(from, to);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      fs.writeFileSync(to, await renderCard(card, result.theme));
      redrawn++;
    }
  }
  const pruned = pruneCache(result.cacheDir, new Set(result.hashes.values()));
  return { pruned, redrawn };
}

/** Both steps at once: the function the benchmark calls. */
export async function generateOgImages(cards: readonly OgCard[], options: OgRenderOptions & { outDir?: string }): Promise<OgBuildStats> {
  const started = performance.now();
  const result = await renderCards(cards, options);
  const { pruned } = options.outDir
    ? await publishCards(result, options.outDir)
    : { pruned: pruneCache(result.cacheDir, new Set(result.hashes.values())) };
  const { cards: all, theme: _theme, hashes: _hashes, ...rest } = result;
  return { ...rest, total: all.length, pruned, totalMs: performance.now() - started };
}

/**
 * Every card of a content root, drawn (what the cache lacks) and published:
 * the whole OG step of a build without Astro, for `npm run bench`. Give a
 * fresh `cacheDir` to measure a cold build, the same one twice for a warm one.
 */
export async function ogImagesOfContent(
  options: OgRenderOptions & { contentRoot: string; siteUrl: string; outDir?: string },
): Promise<OgBuildStats> {
  const cards = cardsFromContent(reviewContent(options.contentRoot), options.siteUrl);
  return generateOgImages(cards, options);
}
