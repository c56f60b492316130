/**
 * One spelling of one word in the code: «programme» (docs/architecture.md,
 * «Имена»). The public names spelled `program` — the folder and route
 * `programs`, the command `draft:program`, the search page type `program` —
 * are strings, and strings and comments are left alone here (a comment
 * may speak of a computer program).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.ts';

function sources(dir: string): string[] {
  return fs
    .readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .flatMap((d) => (d.isFile() && /\.(ts|astro|mjs)$/.test(d.name) ? [path.join(d.parentPath, d.name)] : []));
}

/**
 * Identifiers spelled `program` that are public names: the search page type
 * (a key of the type labels) and the transliterated file name «programma-…».
 */
const PUBLIC_NAMES = new Set(['program', 'programma']);

/** `program` as an identifier or a part of one, outside string literals and comments. */
function programIdentifiers(code: string): string[] {
  const bare = code
    .replace(/(['"`])(?:\\.|(?!\1)[^\\\n])*\1/g, '""')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/[^\n]*/g, '');
  return [...bare.matchAll(/\b\w*(?:program(?!me|s\b)|Program(?!me))\w*\b/g)].map((m) => m[0]).filter((name) => !PUBLIC_NAMES.has(name));
}

describe('the word «programme» in identifiers', () => {
  it('is told apart from the American spelling', () => {
    expect(programIdentifiers('const programLabel = ProgramPreview; type Programme = 1; const x = "programLabel"; // a program\n')).toEqual(
      ['programLabel', 'ProgramPreview'],
    );
  });

  it('has one spelling in every module', () => {
    const found = ['src', 'cms', 'scripts', 'bench']
      .flatMap(sources)
      .flatMap((file) => programIdentifiers(fs.readFileSync(file, 'utf8')).map((name) => `${path.relative(ROOT, file)}: ${name}`));
    expect(found).toEqual([]);
  });
});
