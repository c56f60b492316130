/**
 * Writing what the methodologist's tools produce, so that a crash or a full
 * disk never leaves a half-written registry file or report: every file is
 * written to a temporary neighbour and renamed over the target, and a batch
 * is written only after all of it was prepared and checked.
 *
 * Private outputs (reports, document drafts) go under `private/` in the
 * project root — git-ignored, outside dist/ and public/. `PRIVATE_DIR`
 * points them elsewhere (the tests use it).
 */
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../lib/content-dir.ts';

/** Writes one file atomically (temp file in the same folder + rename). */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    fs.writeFileSync(temp, data);
    fs.renameSync(temp, file);
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/** Writes a prepared batch; each file is replaced atomically. */
export function writeAll(files: readonly { path: string; data: string | Uint8Array }[]): void {
  for (const f of files) writeFileAtomic(f.path, f.data);
}

/** The folder for private outputs: `$PRIVATE_DIR` or `private/` in the project root. */
export function privateDir(...sub: string[]): string {
  const root = path.resolve(process.env.PRIVATE_DIR ?? path.join(projectRoot(), 'private'));
  return path.join(root, ...sub);
}
