/**
 * A temporary copy of the demo content (content/) for the tools' round
 * trips: the tools write into the registry and the programmes, and a test
 * must never touch the real files.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SCHOOL_FIXTURE } from '../../helpers/paths.ts';

export interface ContentCopy {
  dir: string;
  /** A private output folder next to it (PRIVATE_DIR). */
  privateDir: string;
  read: (rel: string) => string;
  write: (rel: string, text: string) => void;
  exists: (rel: string) => boolean;
  cleanup: () => void;
}

export function copyDemoContent(): ContentCopy {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'nastavnik-tools-'));
  const dir = path.join(base, 'content');
  fs.cpSync(SCHOOL_FIXTURE, dir, { recursive: true });
  const abs = (rel: string) => path.join(dir, rel);
  return {
    dir,
    privateDir: path.join(base, 'private'),
    read: (rel) => fs.readFileSync(abs(rel), 'utf8'),
    write: (rel, text) => {
      fs.mkdirSync(path.dirname(abs(rel)), { recursive: true });
      fs.writeFileSync(abs(rel), text);
    },
    exists: (rel) => fs.existsSync(abs(rel)),
    cleanup: () => fs.rmSync(base, { recursive: true, force: true }),
  };
}
