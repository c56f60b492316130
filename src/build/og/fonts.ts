/**
 * The fonts of the OG cards: PT Sans from the installed @fontsource package,
 * never fetched over the network.
 *
 * satori reads WOFF (not WOFF2) and uses only the first font registered under
 * a family name, while @fontsource splits PT Sans into unicode subsets: the
 * Cyrillic files have no digits, Latin letters or ASCII punctuation. So each
 * subset is registered under a family of its own and cards list them all.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export type FontWeight = 400 | 700;

/** The subsets in fallback order, each a family of its own. */
export const FONT_SUBSETS = [
  { family: 'PT Sans Cyr', subset: 'cyrillic' },
  { family: 'PT Sans Lat', subset: 'latin' },
  { family: 'PT Sans CyrExt', subset: 'cyrillic-ext' },
  { family: 'PT Sans LatExt', subset: 'latin-ext' },
] as const;

/** The CSS `font-family` of every text on a card. */
export const CARD_FONT_FAMILY = FONT_SUBSETS.map((s) => `'${s.family}'`).join(', ');

export const FONT_WEIGHTS: readonly FontWeight[] = [400, 700];

export interface FontFile {
  family: string;
  weight: FontWeight;
  file: string;
}

const require = createRequire(import.meta.url);

/** Folder of the installed @fontsource/pt-sans files. */
export function fontsourceDir(): string {
  return path.join(path.dirname(require.resolve('@fontsource/pt-sans/package.json')), 'files');
}

/** The installed package's version: part of every card's cache key. */
export function fontsourceVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(require.resolve('@fontsource/pt-sans/package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/** Every font file a card may use, in fallback order within each weight. */
export function fontFiles(dir = fontsourceDir()): FontFile[] {
  return FONT_WEIGHTS.flatMap((weight) =>
    FONT_SUBSETS.map((s) => ({ family: s.family, weight, file: path.join(dir, `pt-sans-${s.subset}-${weight}-normal.woff`) })),
  );
}

/** Fonts as satori takes them. */
export function loadFonts(files = fontFiles()): { name: string; data: Buffer; weight: FontWeight; style: 'normal' }[] {
  return files.map((f) => ({ name: f.family, data: fs.readFileSync(f.file), weight: f.weight, style: 'normal' as const }));
}
