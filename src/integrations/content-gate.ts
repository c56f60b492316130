/**
 * Validates the content before Astro reads it, so a broken file fails the
 * build with the same Russian message `npm run validate` prints — naming the
 * file, the field and what is expected — instead of a stack trace.
 *
 * Privacy problems never stop the build: the privacy review has already
 * withheld the entries concerned (fail closed for personal data, soft for
 * the rest of the site), so they are listed as withheld. In `astro dev`
 * nothing stops: an editor mid-edit keeps a running preview.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroConfig, AstroIntegration } from 'astro';
import { contentDir } from '../lib/content-dir.ts';
import { formatProblem, isError, sortProblems } from '../lib/problems.ts';
import { freezeContent, reviewedContent } from '../privacy/gate.ts';
import { PRIVACY_RULES } from '../privacy/review.ts';
import { publishedWithoutMetadata } from '../privacy/upload-review.ts';

export class ContentError extends Error {
  override name = 'ContentError';
}

/**
 * Astro keeps its data store between runs and, in the project's `.astro/`
 * folder, the modules generated from it (the image imports of the content),
 * but rewrites them only when the store itself sees a change. Build and dev
 * keep separate stores and share `.astro/`: after a dev run on another
 * content root (a test fixture, another school) the build's own store is
 * unchanged, so the next build kept the other root's image imports and
 * failed. So the store and `.astro/` each remember the content root they were
 * made from, and a store is dropped — Astro then syncs afresh and rewrites
 * `.astro/` — unless both were made from this root.
 */
export function forgetOtherContentRoot(store: string, dotAstro: string, root: string): boolean {
  const markers = [`${store}.content-root`, path.join(dotAstro, 'nastavnik-content-root')];
  const same = markers.every((m) => fs.existsSync(m) && fs.readFileSync(m, 'utf8') === root);
  if (!same) fs.rmSync(store, { force: true });
  for (const m of markers) {
    fs.mkdirSync(path.dirname(m), { recursive: true });
    fs.writeFileSync(m, root);
  }
  return !same;
}

function dataStoreOf(config: AstroConfig, command: string): string {
  return command === 'dev'
    ? fileURLToPath(new URL('.astro/data-store.json', config.root))
    : fileURLToPath(new URL('data-store.json', config.cacheDir));
}

export function contentGate(): AstroIntegration {
  return {
    name: 'nastavnik:content-gate',
    hooks: {
      'astro:config:setup': ({ command, config, logger }) => {
        if (command === 'preview') return;
        forgetOtherContentRoot(dataStoreOf(config, command), fileURLToPath(new URL('.astro/', config.root)), contentDir());
        if (command !== 'build' && command !== 'dev') return;
        const started = performance.now();
        if (command === 'build') freezeContent();
        const { problems, entries, withheld, unpublished } = reviewedContent();
        const sorted = sortProblems(problems);
        const errors = sorted.filter((p) => isError(p) && !PRIVACY_RULES.has(p.rule));
        for (const p of sorted) {
          if (publishedWithoutMetadata(p)) logger.warn(`опубликовано без метаданных — ${formatProblem(p)}`);
          else if (PRIVACY_RULES.has(p.rule) && isError(p)) logger.warn(`снято с публикации — ${formatProblem(p)}`);
          else (isError(p) ? logger.error : logger.warn).call(logger, formatProblem(p));
        }
        const total = [...entries.values()].reduce((n, m) => n + m.size, 0);
        const held = [...withheld.values()].reduce((n, s) => n + s.size, 0);
        const waiting = [...unpublished.values()].reduce((n, m) => n + m.size, 0);
        logger.info(
          `проверено записей: ${total}, ошибок: ${errors.length}, снято с публикации: ${held}, не опубликовано пока: ${waiting} (черновики, будущие даты, программы без приказа) (${Math.round(performance.now() - started)} мс)`,
        );
        if (errors.length && command === 'build') {
          const err = new ContentError(
            `Сборка остановлена: ошибок в содержимом — ${errors.length}. Исправьте их (список выше) и повторите.`,
          );
          err.stack = err.message;
          throw err;
        }
      },
    },
  };
}
