/**
 * Draws one card: satori lays the text out into SVG paths with the PT Sans
 * files, sharp turns the SVG into an opaque 1200×630 PNG. Used by the worker processes
 * of a build and, one card at a time, by the dev server.
 */
import satori from 'satori';
import sharp from 'sharp';
import { CARD_HEIGHT, CARD_WIDTH, type OgCard } from '../../lib/og-card.ts';
import { loadFonts } from './fonts.ts';
import { cardElement, type Theme } from './layout.ts';

type SatoriFonts = Parameters<typeof satori>[1]['fonts'];

let fonts: SatoriFonts | undefined;

/** The card fonts, read once per thread. */
function cardFonts(): SatoriFonts {
  fonts ??= loadFonts() as SatoriFonts;
  return fonts;
}

/** The SVG of a card (text as paths, no font needed to display it). */
export async function cardSvg(card: OgCard, theme: Theme): Promise<string> {
  return satori(cardElement(card, theme) as Parameters<typeof satori>[0], { width: CARD_WIDTH, height: CARD_HEIGHT, fonts: cardFonts() });
}

/** The PNG of a card. */
export async function renderCard(card: OgCard, theme: Theme): Promise<Buffer> {
  const svg = await cardSvg(card, theme);
  return sharp(Buffer.from(svg)).removeAlpha().png({ compressionLevel: 6 }).toBuffer();
}
