/**
 * Writes a file so that a reader never sees half of it: into a temporary
 * file beside it, then one rename over the old one. A build killed midway,
 * two processes writing the same cache entry, a full disk — each leaves
 * either the old file or the new one, never a torn one that the next run
 * would trust. Every cache, report and content file the project writes goes
 * through here.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Writes `data` to `file` atomically, creating its folder; the temporary file is removed on failure. */
export function writeFileAtomic(file: string, data: string | NodeJS.ArrayBufferView): void {
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    fs.writeFileSync(temp, data);
    fs.renameSync(temp, file);
  } catch (e) {
    fs.rmSync(temp, { force: true });
    throw e;
  }
}

/** Writes a prepared batch, each file atomically. */
export function writeFilesAtomic(files: readonly { path: string; data: string | NodeJS.ArrayBufferView }[]): void {
  for (const f of files) writeFileAtomic(f.path, f.data);
}
