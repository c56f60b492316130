/**
 * Every file under a folder with a hash of its bytes: what tests compare
 * before and after a run to prove that it changed nothing, or only what it
 * should have.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Relative path → SHA-256 of the file's bytes; an absent folder has no files. */
export function fileHashes(dir: string): Record<string, string> {
  if (!fs.existsSync(dir)) return {};
  return Object.fromEntries(
    fs
      .readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => path.join(d.parentPath, d.name))
      .sort()
      .map((abs) => [path.relative(dir, abs), crypto.createHash('sha256').update(fs.readFileSync(abs)).digest('hex')]),
  );
}
