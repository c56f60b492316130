/**
 * Link-preview cards: which cards a content root gets, what they show, and
 * the cache that keeps an unchanged card from ever being drawn twice.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { cacheFolder, pruneCache } from '../../../src/build/og/cache.ts';
import {
  CARD_HEIGHT,
  CARD_WIDTH,
  cardHash,
  cardsFromContent,
  HOME_CARD_PATH,
  ogImagePath,
  type OgCard,
} from '../../../src/build/og/cards.ts';
import { generateOgImages, publishCards, renderCards } from '../../../src/build/og/generate.ts';
import { readTheme } from '../../../src/build/og/layout.ts';
import { renderCard } from '../../../src/build/og/render.ts';
import { reviewContent } from '../../../src/privacy/gate.ts';
import { tempContent, type TempContent } from '../../helpers/fixture.ts';

const SITE = 'https://nastavnik.school1.example/';
const theme = readTheme();
let content: TempContent | undefined;
const dirs: string[] = [];
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'nastavnik-og-'));
  dirs.push(d);
  return d;
};

afterEach(() => {
  content?.cleanup();
  content = undefined;
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('cards of a content root', () => {
  it('gives the home page and every published stage, news item, event and practice a card', () => {
    content = tempContent();
    const cards = cardsFromContent(reviewContent(content.dir), SITE);
    expect(cards.map((c) => c.path).sort()).toEqual(
      [
        HOME_CARD_PATH,
        ogImagePath('roadmap', 'stage-1'),
        ogImagePath('news', '2025-09-01-start'),
        ogImagePath('events', 'itogovaya-konferenciya'),
        ogImagePath('practices', 'list-nablyudeniya'),
      ].sort(),
    );
    const news = cards.find((c) => c.source === 'news/2025-09-01-start')!;
    expect(news).toMatchObject({
      section: 'Новости',
      title: 'Стартовала программа наставничества',
      school: 'Школа №\u00a01',
      host: 'nastavnik.school1.example',
    });
    expect(news.date).toBe('1\u00a0сентября 2025\u00a0г.');
    expect(cards.find((c) => c.source === 'roadmap/stage-1')!.section).toBe('Дорожная карта · Этап\u00a01');
  });

  it('gives no card to an entry the privacy review withholds', () => {
    content = tempContent();
    content.edit('news/2025-09-01-start.md', (t) => `${t}\nИлья Петрович Образцов провёл открытый урок.\n`);
    const paths = cardsFromContent(reviewContent(content.dir), SITE).map((c) => c.path);
    expect(paths).not.toContain(ogImagePath('news', '2025-09-01-start'));
    expect(paths).toContain(HOME_CARD_PATH);
  });

  it('hashes what a card shows: the same text gives the same key, any change a new one', () => {
    content = tempContent();
    const [home] = cardsFromContent(reviewContent(content.dir), SITE) as [OgCard];
    expect(cardHash(home, theme)).toBe(cardHash({ ...home }, theme));
    expect(cardHash({ ...home, path: '/og/other.png', source: 'other' }, theme)).toBe(cardHash(home, theme));
    expect(cardHash({ ...home, title: `${home.title}!` }, theme)).not.toBe(cardHash(home, theme));
    expect(cardHash({ ...home, date: '1 мая' }, theme)).not.toBe(cardHash(home, theme));
    expect(cardHash(home, { ...theme, accent: '#000000' })).not.toBe(cardHash(home, theme));
  });

  it('takes its colours from the site stylesheet', () => {
    const css = fs.readFileSync(new URL('../../../src/styles/global.css', import.meta.url), 'utf8');
    expect(css).toContain(`--accent: ${theme.accent};`);
    expect(css).toContain(`--bg-soft: ${theme['bg-soft']};`);
  });
});

describe('drawing and caching', () => {
  const sample = (n: number): OgCard[] =>
    Array.from({ length: n }, (_, i) => ({
      path: `/og/news/n-${i}.png`,
      source: `news/n-${i}`,
      section: 'Новости',
      title: `Наставничество: новость номер ${i} — «Ёлка», 2026`,
      date: `${i + 1}\u00a0марта 2026\u00a0г.`,
      school: 'Лицей №\u00a0126',
      host: 'nastavnik.licey126.example',
    }));

  it('draws an opaque 1200×630 PNG with ink where the title is', async () => {
    const [card] = sample(1) as [OgCard];
    const png = await renderCard(card, theme);
    const meta = await sharp(png).metadata();
    expect([meta.format, meta.width, meta.height, meta.hasAlpha]).toEqual(['png', CARD_WIDTH, CARD_HEIGHT, false]);
    expect(png.length).toBeGreaterThan(10_000);
    const titleBand = async (c: OgCard) => {
      const { data } = await sharp(await renderCard(c, theme))
        .extract({ left: 100, top: 200, width: 1000, height: 220 })
        .greyscale()
        .raw()
        .toBuffer({ resolveWithObject: true });
      return data.filter((v) => v < 128).length;
    };
    expect(await titleBand(card)).toBeGreaterThan(20 * (await titleBand({ ...card, title: ' ' })) + 5000);
  });

  it('draws in worker threads, then serves an unchanged card from the cache and redraws only a changed one', async () => {
    const cacheDir = tempDir();
    const outDir = tempDir();
    const cards = sample(26);
    const cold = await generateOgImages(cards, { cacheDir, outDir, workers: 2 });
    expect([cold.total, cold.rendered, cold.cached, cold.workers, cold.pruned]).toEqual([26, 26, 0, 2, 0]);
    for (const c of cards) expect((await sharp(path.join(outDir, c.path)).metadata()).width).toBe(CARD_WIDTH);

    const warm = await generateOgImages(cards, { cacheDir, outDir, workers: 2 });
    expect([warm.rendered, warm.cached, warm.pruned]).toEqual([0, 26, 0]);

    const changed = cards.map((c, i) => (i === 3 ? { ...c, title: `${c.title} (исправлено)` } : c));
    const one = await generateOgImages(changed, { cacheDir, outDir, workers: 2 });
    expect([one.rendered, one.cached, one.pruned, one.workers]).toEqual([1, 25, 1, 1]);
    expect(fs.readdirSync(cacheDir).filter((f) => f.endsWith('.png'))).toHaveLength(26);
  });

  it('redraws a card another build pruned between drawing and publishing', async () => {
    const cacheDir = tempDir();
    const outDir = tempDir();
    const cards = sample(2);
    const result = await renderCards(cards, { cacheDir, workers: 1 });
    pruneCache(cacheDir, new Set());
    const { redrawn } = await publishCards(result, outDir);
    expect(redrawn).toBe(2);
    expect(fs.statSync(path.join(outDir, cards[1]!.path)).size).toBeGreaterThan(10_000);
  });

  it('keeps one cache folder per content root and removes abandoned temporary files', () => {
    const root = tempDir();
    expect(cacheFolder(root, '/a/content')).not.toBe(cacheFolder(root, '/b/content'));
    expect(cacheFolder(root, '/a/content')).toBe(cacheFolder(root, '/a/content/'));
    const folder = cacheFolder(root, '/a/content');
    fs.mkdirSync(folder, { recursive: true });
    const old = path.join(folder, 'x.png.1.2.tmp');
    fs.writeFileSync(old, '');
    fs.utimesSync(old, new Date(0), new Date(0));
    fs.writeFileSync(path.join(folder, 'keep.png'), '');
    fs.writeFileSync(path.join(folder, 'drop.png'), '');
    expect(pruneCache(folder, new Set(['keep']))).toBe(1);
    expect(fs.readdirSync(folder)).toEqual(['keep.png']);
  });
});
