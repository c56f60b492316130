/**
 * Link-preview cards (Open Graph images) for the home page, every stage,
 * news item, event and practice, drawn with satori and sharp.
 *
 * A post-build step: once the pages are built, the cards the cache lacks
 * are drawn in worker processes into a cache that outlives builds, every card
 * is linked into dist/og/, and the cache is pruned to what this build used.
 * An unchanged card is never drawn twice. Under `npm run build` the step
 * runs in the post-step process after Astro has exited (post-steps.ts), so
 * the drawing processes neither take memory from the pages' process nor
 * compete with it for the cores; the Astro process hands over the card
 * list its content review produced. Under `astro dev` a card is drawn when
 * a page asks for it.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { contentDir } from '../lib/content-dir.ts';
import { cacheFolder, cachedFile, ogCacheRoot } from '../build/og/cache.ts';
import { cardHash, cardsFromContent, type OgCard } from '../build/og/cards.ts';
import { publishCards, renderCards, type OgRenderResult } from '../build/og/generate.ts';
import { readTheme } from '../build/og/layout.ts';
import { renderCard } from '../build/og/render.ts';
import { reviewedContent } from '../privacy/gate.ts';

export class OgImageError extends Error {
  override name = 'OgImageError';
}

/** Every card of this process's content review. */
export function currentCards(siteUrl: string): OgCard[] {
  return cardsFromContent(reviewedContent(), siteUrl);
}

/** What the post-step process needs to draw the cards: plain data, so it can travel between processes. */
export interface OgCardInputs {
  contentRoot: string;
  cards: OgCard[];
}

function warnMissingGlyphs(result: OgRenderResult, logger: AstroIntegrationLogger): void {
  for (const m of result.missingGlyphs) {
    logger.warn(
      `${m.source}: в шрифте карточки нет символов ${m.characters.map((c) => `«${c}»`).join(', ')} — на картинке их не будет видно`,
    );
  }
}

/** Draws what the cache lacks, links every card into `outDir`, prunes the cache; logs one summary line. */
async function drawAndPublish(inputs: OgCardInputs, outDir: string, projectRoot: string, logger: AstroIntegrationLogger): Promise<void> {
  const started = performance.now();
  let result: OgRenderResult;
  try {
    result = await renderCards(inputs.cards, { cacheDir: cacheFolder(ogCacheRoot(projectRoot), inputs.contentRoot) });
  } catch (e) {
    const err = new OgImageError(`Сборка остановлена: карточки для соцсетей не нарисованы. ${e instanceof Error ? e.message : String(e)}`);
    err.stack = err.message;
    throw err;
  }
  warnMissingGlyphs(result, logger);
  const { pruned, redrawn } = await publishCards(result, outDir);
  const perImage = result.rendered ? `, ${Math.round(result.msPerImage)} мс на карточку, процессов: ${result.workers}` : '';
  logger.info(
    `карточки для соцсетей: ${result.cards.length} (нарисовано ${result.rendered + redrawn}, из кэша ${result.cached}, удалено из кэша ${pruned})${perImage}, всего ${Math.round(performance.now() - started)} мс`,
  );
}

/**
 * The cards' integration. `given` stands in for this process's own review
 * (the post-step process has none); without it the cards come from the
 * content review of the build.
 */
export function ogImages(given?: OgCardInputs): AstroIntegration {
  let siteUrl = '';
  let projectRoot = process.cwd();
  return {
    name: 'nastavnik:og-images',
    hooks: {
      'astro:config:done': ({ config }) => {
        siteUrl = config.site ?? 'http://localhost:4321/';
        projectRoot = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const inputs = given ?? { contentRoot: contentDir(), cards: currentCards(siteUrl) };
        await drawAndPublish(inputs, fileURLToPath(dir), projectRoot, logger);
      },
      'astro:server:setup': ({ server, logger }) => {
        server.middlewares.use((req, res, next) => {
          const url = req.url?.split('?')[0] ?? '';
          if (!url.startsWith('/og/') || !url.endsWith('.png')) return next();
          const card = currentCards(siteUrl).find((c) => c.path === decodeURIComponent(url));
          if (!card) return next();
          const theme = readTheme();
          const file = cachedFile(cacheFolder(ogCacheRoot(projectRoot), contentDir()), cardHash(card, theme));
          const send = (png: Buffer) => {
            res.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'no-cache' });
            res.end(png);
          };
          if (fs.existsSync(file)) return send(fs.readFileSync(file));
          renderCard(card, theme).then(send, (e: unknown) => {
            logger.error(`${card.source}: карточка для соцсетей не нарисована — ${e instanceof Error ? e.message : String(e)}`);
            next();
          });
        });
      },
    },
  };
}
