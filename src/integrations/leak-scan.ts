/**
 * After every build, the leak scan of dist/ (src/privacy/leak-scan.ts): a
 * registry name anywhere it is not permitted fails the build, naming the
 * file and the person's id. Runs last, after every other post-build step
 * (search index, images), so it reads what will actually be deployed.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { cacheDir } from '../build/cache-dir.ts';
import { contentDir } from '../lib/content-dir.ts';
import { todayIso } from '../lib/dates.ts';
import { scanForLeaks } from '../privacy/leak-scan.ts';
import { reviewedContent } from '../privacy/gate.ts';
import { peopleOf, registryOf } from '../privacy/registry.ts';
import type { SiteSettings } from '../schema/settings.ts';

export class LeakError extends Error {
  override name = 'LeakError';
}

export function leakScan(): AstroIntegration {
  return {
    name: 'nastavnik:leak-scan',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const index = reviewedContent();
        const settings = index.entries.get('site')?.values().next().value?.parsed as unknown as SiteSettings;
        const people = peopleOf(registryOf(index));
        const result = await scanForLeaks({
          dir: fileURLToPath(dir),
          people,
          policy: { today: todayIso(), siteUrl: settings.siteUrl },
          // One verdict file per content root: building a fixture never evicts the school's verdicts.
          cacheFile: path.join(cacheDir('leak-scan'), `${createHash('sha256').update(contentDir()).digest('hex').slice(0, 12)}.json`),
        });
        const ms = Math.round(performance.now() - started);
        logger.info(
          `проверено файлов: ${result.files} (${Math.round(result.bytes / 1024)} КБ текста, без изменений с прошлой сборки: ${result.reused}) за ${ms} мс, утечек: ${result.leaks.length}`,
        );
        if (result.leaks.length) {
          for (const l of result.leaks) logger.error(`${l.file}: персональные данные участника ${l.personId} без согласия (${l.via})`);
          const err = new LeakError(
            `Сборка остановлена: в dist/ найдены персональные данные без согласия (${result.leaks.length}). Публиковать нельзя.`,
          );
          err.stack = err.message;
          throw err;
        }
      },
    },
  };
}
