/**
 * After the build, dist/uploads/ becomes exactly what the uploads review
 * allowed (src/privacy/upload-review.ts), whatever Astro copied from public/:
 *
 * - a withheld file (personal data in its text, unknown or unreadable type)
 *   is removed, and so is any file the review has not seen;
 * - a document is published without its metadata (upload-strip.ts), once
 *   a re-read shows its text unchanged and its metadata gone; the stripped
 *   copy is cached by the original's hash, so a warm build only copies it;
 * - a file whose content changed since the review is not published.
 *
 * With `UPLOADS_DIR` set, the files come from that folder instead of
 * public/uploads/. Images are copied here and cleaned by strip-metadata.ts,
 * which runs next.
 */
import { writeFileAtomic } from '../io/atomic-write.ts';
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import type { AstroIntegration } from 'astro';
import { listUploads, uploadFile, uploadSitePath } from '../validate/uploads-dir.ts';
import { reviewedContent } from '../privacy/gate.ts';
import { readCacheFile, uploadsCacheDir } from '../privacy/upload-cache.ts';
import type { UploadVerdict } from '../privacy/upload-review.ts';
import { STRIP_VERSION, stripUpload } from '../privacy/upload-strip.ts';
import { extractUpload, uploadKind } from '../privacy/upload-text.ts';

export interface PublishReport {
  published: number;
  /** Site paths published without their metadata. */
  stripped: string[];
  /** Site paths the review withheld. */
  withheld: string[];
  /** Site paths not published because they changed after the review or could not be stripped safely. */
  failed: string[];
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** True when the stripped copy reads as the original without metadata. */
async function strippedSafely(original: Buffer, stripped: Buffer, kind: string): Promise<boolean> {
  try {
    const [before, after] = await Promise.all([extractUpload(original, kind), extractUpload(stripped, kind)]);
    const texts = (s: typeof before) => s.sections.filter((x) => x.kind === 'text');
    return isDeepStrictEqual(texts(before), texts(after)) && !after.sections.some((x) => x.kind === 'metadata');
  } catch {
    return false;
  }
}

/** The document without metadata, from the cache or made and checked now; undefined when it cannot be made safely. */
async function strippedCopy(bytes: Buffer, hash: string, kind: string): Promise<Buffer | undefined> {
  const cached = path.join(uploadsCacheDir(), 'stripped', `${hash}-v${STRIP_VERSION}.${kind}`);
  const hit = readCacheFile(cached);
  if (hit) return hit;
  let stripped: Buffer;
  try {
    stripped = await stripUpload(bytes, kind);
  } catch {
    return undefined;
  }
  if (!(await strippedSafely(bytes, stripped, kind))) return undefined;
  try {
    writeFileAtomic(cached, stripped);
  } catch {
    // Without the cache the next build strips the file again.
  }
  return stripped;
}

/** Makes `<dist>/uploads/` hold exactly the files the review lets through. */
export async function publishReviewedUploads(dist: string, verdicts: ReadonlyMap<string, UploadVerdict>): Promise<PublishReport> {
  const target = path.join(dist, 'uploads');
  const report: PublishReport = { published: 0, stripped: [], withheld: [], failed: [] };
  for (const file of listUploads(target)) {
    const verdict = verdicts.get(uploadSitePath(file, target));
    if (!verdict || verdict.action === 'withhold') fs.rmSync(file, { force: true });
  }
  for (const [sitePath, verdict] of verdicts) {
    if (verdict.action === 'withhold') {
      report.withheld.push(sitePath);
      continue;
    }
    const out = uploadFile(sitePath, target);
    const bytes = fs.existsSync(verdict.file) ? fs.readFileSync(verdict.file) : undefined;
    const kind = uploadKind(verdict.file);
    const copy =
      !bytes || sha256(bytes) !== verdict.hash
        ? undefined
        : verdict.action === 'strip' && kind && kind !== 'image'
          ? await strippedCopy(bytes, verdict.hash, kind)
          : bytes;
    if (!copy) {
      fs.rmSync(out, { force: true });
      report.failed.push(sitePath);
      continue;
    }
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, copy);
    report.published++;
    if (copy !== bytes) report.stripped.push(sitePath);
  }
  return report;
}

/** The uploads' step; `given` verdicts stand in for this process's own review (the post-step process has none). */
export function publishUploads(given?: ReadonlyMap<string, UploadVerdict>): AstroIntegration {
  return {
    name: 'nastavnik:publish-uploads',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const report = await publishReviewedUploads(fileURLToPath(dir), given ?? reviewedContent().uploads);
        const ms = Math.round(performance.now() - started);
        for (const p of report.failed)
          logger.error(`${p}: файл не опубликован — он изменился после проверки или метаданные не удалось удалить без потерь`);
        logger.info(
          `загруженных файлов опубликовано: ${report.published} (без метаданных: ${report.stripped.length}), не опубликовано: ${report.withheld.length + report.failed.length} (${ms} мс)`,
        );
      },
    },
  };
}
