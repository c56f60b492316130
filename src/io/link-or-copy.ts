/**
 * Puts a file from a build cache into the output as a hard link: after a
 * one-line edit a district's build places thousands of unchanged cards and
 * index files, and a link costs a fraction of a copy. Safe because nothing
 * writes into a cache entry once it is complete, and nothing writes through
 * a file of the output: every step that changes one replaces it
 * (strip-metadata writes a new file and renames it over the old). Where a
 * link cannot be made (another disk, a file system without links) the file
 * is copied.
 */
import fs from 'node:fs';
import path from 'node:path';

/** `to` becomes the file `from` is (a link), or a copy of it. */
export function linkOrCopy(from: string, to: string): void {
  try {
    fs.linkSync(from, to);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      fs.rmSync(to, { force: true });
      return linkOrCopy(from, to);
    }
    if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EMLINK') throw e;
    fs.copyFileSync(from, to);
  }
}

/** Every file under `from` placed at the same path under `to` (folders created), except those `skip` names. */
export function linkTree(from: string, to: string, skip: (name: string) => boolean = () => false): void {
  for (const d of fs.readdirSync(from, { withFileTypes: true, recursive: true })) {
    if (!d.isFile() || skip(d.name)) continue;
    const source = path.join(d.parentPath, d.name);
    const target = path.join(to, path.relative(from, source));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    linkOrCopy(source, target);
  }
}
