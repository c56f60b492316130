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
 * Astro keeps the image imports of the content in the project's `.astro/`
 * folder, shared by every build of the checkout, but rewrites them only when
 * its own data store sees a change. After a build of another content root
 * (a test fixture, another school) a warm build would read the other root's
 * imports and fail; so when the root changes, the data store is dropped and
 * Astro syncs the content afresh.
 */
function forgetOtherContentRoot(config: AstroConfig, command: 'build' | 'dev'): void {
  const dotAstro = fileURLToPath(new URL('.astro/', config.root));
  const marker = path.join(dotAstro, 'nastavnik-content-root');
  const root = contentDir();
  const previous = fs.existsSync(marker) ? fs.readFileSync(marker, 'utf8') : undefined;
  if (previous !== root) {
    const store = command === 'dev' ? path.join(dotAstro, 'data-store.json') : fileURLToPath(new URL('data-store.json', config.cacheDir));
    fs.rmSync(store, { force: true });
    fs.mkdirSync(dotAstro, { recursive: true });
    fs.writeFileSync(marker, root);
  }
}

export function contentGate(): AstroIntegration {
  return {
    name: 'nastavnik:content-gate',
    hooks: {
      'astro:config:setup': ({ command, config, logger }) => {
        if (command !== 'build' && command !== 'dev') return;
        forgetOtherContentRoot(config, command);
        const started = performance.now();
        if (command === 'build') freezeContent();
        const { problems, entries, withheld } = reviewedContent();
        const sorted = sortProblems(problems);
        const errors = sorted.filter((p) => isError(p) && !PRIVACY_RULES.has(p.rule));
        for (const p of sorted) {
          if (publishedWithoutMetadata(p)) logger.warn(`опубликовано без метаданных — ${formatProblem(p)}`);
          else if (PRIVACY_RULES.has(p.rule) && isError(p)) logger.warn(`снято с публикации — ${formatProblem(p)}`);
          else (isError(p) ? logger.error : logger.warn).call(logger, formatProblem(p));
        }
        const total = [...entries.values()].reduce((n, m) => n + m.size, 0);
        const held = [...withheld.values()].reduce((n, s) => n + s.size, 0);
        logger.info(
          `проверено записей: ${total}, ошибок: ${errors.length}, снято с публикации: ${held} (${Math.round(performance.now() - started)} мс)`,
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
