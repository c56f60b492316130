/**
 * Temporary copies of fixture content roots, so a test can break one file
 * and see exactly what the validator and the build say about it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FIXTURES } from './paths.ts';

export interface TempContent {
  dir: string;
  write: (rel: string, text: string) => void;
  read: (rel: string) => string;
  edit: (rel: string, fn: (text: string) => string) => void;
  remove: (rel: string) => void;
  cleanup: () => void;
}

/** Copies `tests/fixtures/<name>` to a fresh temp folder. */
export function tempContent(name = 'minimal'): TempContent {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `nastavnik-${name}-`));
  fs.cpSync(path.join(FIXTURES, name), dir, { recursive: true });
  const abs = (rel: string) => path.join(dir, rel);
  return {
    dir,
    write: (rel, text) => {
      fs.mkdirSync(path.dirname(abs(rel)), { recursive: true });
      fs.writeFileSync(abs(rel), text);
    },
    read: (rel) => fs.readFileSync(abs(rel), 'utf8'),
    edit: (rel, fn) => fs.writeFileSync(abs(rel), fn(fs.readFileSync(abs(rel), 'utf8'))),
    remove: (rel) => fs.rmSync(abs(rel)),
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
