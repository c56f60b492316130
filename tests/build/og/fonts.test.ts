/**
 * Cyrillic text on the cards is drawn with real glyphs: every character of
 * every card is in the cmap of a registered PT Sans file, and drawing it
 * gives a glyph of its own, not PT Sans's .notdef box.
 */
import satori from 'satori';
import { describe, expect, it } from 'vitest';
import { cardTexts, cardsFromContent } from '../../../src/build/og/cards.ts';
import { coverageByWeight, fontCodePoints, missingCharacters } from '../../../src/build/og/font-coverage.ts';
import { CARD_FONT_FAMILY, fontFiles, loadFonts } from '../../../src/build/og/fonts.ts';
import { checkGlyphs } from '../../../src/build/og/generate.ts';
import { reviewContent } from '../../../src/privacy/gate.ts';
import { SCHOOL_FIXTURE } from '../../helpers/paths.ts';

const RUSSIAN = 'АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюя';
const PUNCTUATION = '0123456789№«»—–…,.:;!?()"\'%/-·\u00a0';

const files = fontFiles();
const coverage = coverageByWeight(files);
const demoCards = cardsFromContent(reviewContent(SCHOOL_FIXTURE), 'https://nastavnik.licey126.example/');
const fonts = loadFonts() as Parameters<typeof satori>[1]['fonts'];

/** The path data satori draws for one character, at a fixed place. */
async function glyphPath(ch: string, weight: 400 | 700): Promise<string> {
  const node = {
    type: 'div',
    props: { style: { display: 'flex', fontFamily: CARD_FONT_FAMILY, fontSize: 40, fontWeight: weight }, children: ch },
  };
  const svg = await satori(node as unknown as Parameters<typeof satori>[0], { width: 120, height: 60, fonts });
  return [...svg.matchAll(/<path[^>]* d="([^"]+)"/g)].map((m) => m[1]).join(' ');
}

describe('card fonts', () => {
  it('read from the installed @fontsource files: the Cyrillic subset alone lacks digits, so the Latin one is registered too', () => {
    const cyrillic = fontCodePoints(files.find((f) => f.family === 'PT Sans Cyr' && f.weight === 700)!.file);
    expect(cyrillic.has('Ж'.codePointAt(0)!)).toBe(true);
    expect(cyrillic.has('1'.codePointAt(0)!)).toBe(false);
    expect(files.every((f) => f.file.endsWith('.woff') && f.file.includes('@fontsource/pt-sans'))).toBe(true);
  });

  it('cover the Russian alphabet, digits and Russian punctuation in both weights', () => {
    for (const weight of [400, 700] as const) expect(missingCharacters(RUSSIAN + PUNCTUATION, coverage.get(weight)!)).toEqual([]);
  });

  it('report what they cannot draw', () => {
    expect(missingCharacters('Наставник 漢字 ✓', coverage.get(700)!)).toEqual(['漢', '字', '✓']);
  });

  it('cover every character of every card of the demo site', () => {
    expect(demoCards.length).toBeGreaterThan(20);
    expect(checkGlyphs(demoCards)).toEqual([]);
  });

  it('draw every character of the demo cards as a glyph of its own, never the .notdef box', async () => {
    const notdef = await glyphPath('漢', 700);
    expect(notdef.length).toBeGreaterThan(0);
    expect(await glyphPath('字', 700)).toBe(notdef);
    const chars = new Map<string, 400 | 700>();
    for (const card of demoCards)
      for (const t of cardTexts(card)) for (const ch of t.text) if (ch.trim()) chars.set(`${t.weight}${ch}`, t.weight);
    const boxes: string[] = [];
    for (const [key, weight] of chars) {
      const path = await glyphPath(key.slice(3), weight);
      if (!path || path === notdef) boxes.push(key);
    }
    expect(chars.size).toBeGreaterThan(60);
    expect(boxes).toEqual([]);
  });
});
