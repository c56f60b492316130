/**
 * Link-preview cards (Open Graph images) for the home page, every stage,
 * news item, event and practice, drawn at build with satori and sharp.
 *
 * Drawing starts with the build, in worker threads, into a cache that
 * outlives builds; when the pages are done the cards are copied into dist/og/
 * and the cache is pruned to what this build used. An unchanged card is never
 * drawn twice. Under `astro dev` a card is drawn when a page asks for it.
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

function currentCards(siteUrl: string): OgCard[] {
  return cardsFromContent(reviewedContent(), siteUrl);
}

function warnMissingGlyphs(result: OgRenderResult, logger: AstroIntegrationLogger): void {
  for (const m of result.missingGlyphs) {
    logger.warn(
      `${m.source}: в шрифте карточки нет символов ${m.characters.map((c) => `«${c}»`).join(', ')} — на картинке их не будет видно`,
    );
  }
}

export function ogImages(): AstroIntegration {
  let siteUrl = '';
  let pending: Promise<OgRenderResult> | undefined;
  /** Time spent on cards (not waiting for Astro): preparing and drawing, then publishing. */
  let ownMs = 0;
  return {
    name: 'nastavnik:og-images',
    hooks: {
      'astro:config:done': ({ config }) => {
        siteUrl = config.site ?? 'http://localhost:4321/';
      },
      'astro:build:start': () => {
        const started = performance.now();
        const cacheDir = cacheFolder(ogCacheRoot(), contentDir());
        pending = Promise.resolve()
          .then(() => renderCards(currentCards(siteUrl), { cacheDir }))
          .then((result) => {
            ownMs = performance.now() - started;
            return result;
          });
        // Awaited in astro:build:done; until then a failure must not count as unhandled.
        pending.catch(() => undefined);
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!pending) return;
        let result: OgRenderResult;
        try {
          result = await pending;
        } catch (e) {
          const err = new OgImageError(
            `Сборка остановлена: карточки для соцсетей не нарисованы. ${e instanceof Error ? e.message : String(e)}`,
          );
          err.stack = err.message;
          throw err;
        }
        warnMissingGlyphs(result, logger);
        const publishing = performance.now();
        const { pruned, redrawn } = await publishCards(result, fileURLToPath(dir));
        ownMs += performance.now() - publishing;
        const perImage = result.rendered ? `, ${Math.round(result.msPerImage)} мс на карточку в ${result.workers} потоках` : '';
        logger.info(
          `карточки для соцсетей: ${result.cards.length} (нарисовано ${result.rendered + redrawn}, из кэша ${result.cached}, удалено из кэша ${pruned})${perImage}, всего ${Math.round(ownMs)} мс`,
        );
      },
      'astro:server:setup': ({ server, logger }) => {
        server.middlewares.use((req, res, next) => {
          const url = req.url?.split('?')[0] ?? '';
          if (!url.startsWith('/og/') || !url.endsWith('.png')) return next();
          const card = currentCards(siteUrl).find((c) => c.path === decodeURIComponent(url));
          if (!card) return next();
          const theme = readTheme();
          const file = cachedFile(cacheFolder(ogCacheRoot(), contentDir()), cardHash(card, theme));
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
