/**
 * Which characters the card fonts can draw, read from the fonts' own cmap
 * tables.
 *
 * A character no registered font covers renders as an empty box or nothing
 * at all, and nobody notices until a card is shared. The renderer checks
 * every card's text against this before drawing it, and the tests check the
 * whole demo site's cards. WOFF 1.0 only (what satori reads): a table
 * directory with zlib-compressed tables around plain TrueType/CFF data.
 */
import fs from 'node:fs';
import zlib from 'node:zlib';
import type { FontFile, FontWeight } from './fonts.ts';

/** The sfnt tables of a WOFF file, decompressed. */
function woffTables(data: Buffer, file: string): Map<string, Buffer> {
  if (data.toString('latin1', 0, 4) !== 'wOFF') throw new Error(`${file}: не WOFF-файл`);
  const count = data.readUInt16BE(12);
  const tables = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    const at = 44 + i * 20;
    const tag = data.toString('latin1', at, at + 4);
    const offset = data.readUInt32BE(at + 4);
    const compLength = data.readUInt32BE(at + 8);
    const origLength = data.readUInt32BE(at + 12);
    const raw = data.subarray(offset, offset + compLength);
    tables.set(tag, compLength < origLength ? zlib.inflateSync(raw) : raw);
  }
  return tables;
}

/** Code points of a cmap subtable in format 4 (BMP) or 12 (full Unicode). */
function subtableCodePoints(cmap: Buffer, at: number, out: Set<number>): void {
  const format = cmap.readUInt16BE(at);
  if (format === 4) {
    const segCount = cmap.readUInt16BE(at + 6) / 2;
    const ends = at + 14;
    const starts = ends + segCount * 2 + 2;
    const deltas = starts + segCount * 2;
    const rangeOffsets = deltas + segCount * 2;
    for (let s = 0; s < segCount; s++) {
      const end = cmap.readUInt16BE(ends + s * 2);
      const start = cmap.readUInt16BE(starts + s * 2);
      const delta = cmap.readUInt16BE(deltas + s * 2);
      const rangeOffset = cmap.readUInt16BE(rangeOffsets + s * 2);
      for (let c = start; c <= end && c !== 0xffff; c++) {
        let glyph: number;
        if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
        else {
          const g = cmap.readUInt16BE(rangeOffsets + s * 2 + rangeOffset + (c - start) * 2);
          glyph = g === 0 ? 0 : (g + delta) & 0xffff;
        }
        if (glyph !== 0) out.add(c);
      }
    }
  } else if (format === 12) {
    const groups = cmap.readUInt32BE(at + 12);
    for (let g = 0; g < groups; g++) {
      const base = at + 16 + g * 12;
      const start = cmap.readUInt32BE(base);
      const end = cmap.readUInt32BE(base + 4);
      const startGlyph = cmap.readUInt32BE(base + 8);
      for (let c = start; c <= end; c++) if (startGlyph + (c - start) !== 0) out.add(c);
    }
  }
}

/** Every code point a WOFF font maps to a real glyph (not .notdef). */
export function fontCodePoints(file: string): Set<number> {
  const cmap = woffTables(fs.readFileSync(file), file).get('cmap');
  if (!cmap) throw new Error(`${file}: в шрифте нет таблицы cmap`);
  const out = new Set<number>();
  const count = cmap.readUInt16BE(2);
  for (let i = 0; i < count; i++) {
    const rec = 4 + i * 8;
    const platform = cmap.readUInt16BE(rec);
    const encoding = cmap.readUInt16BE(rec + 2);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (unicode) subtableCodePoints(cmap, cmap.readUInt32BE(rec + 4), out);
  }
  return out;
}

/** The union of code points per weight of a set of font files. */
export function coverageByWeight(files: readonly FontFile[]): Map<FontWeight, Set<number>> {
  const byWeight = new Map<FontWeight, Set<number>>();
  for (const f of files) {
    const set = byWeight.get(f.weight) ?? new Set<number>();
    for (const c of fontCodePoints(f.file)) set.add(c);
    byWeight.set(f.weight, set);
  }
  return byWeight;
}

/** Whitespace and controls are laid out, not drawn: they need no glyph. */
const UNDRAWN = /[\s\u200b-\u200d\u2060\ufeff]/u;

/** The distinct characters of `text` that no font of the set draws. */
export function missingCharacters(text: string, covered: ReadonlySet<number>): string[] {
  const missing = new Set<string>();
  for (const ch of text) {
    if (UNDRAWN.test(ch)) continue;
    if (!covered.has(ch.codePointAt(0)!)) missing.add(ch);
  }
  return [...missing];
}
