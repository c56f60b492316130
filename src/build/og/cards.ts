/**
 * What each link-preview card (Open Graph image) shows, and where it lives.
 *
 * A card is text only: the section, the title, a date and the school. Titles
 * of published entries are cleared by the privacy review; no card ever names
 * a person. The same functions serve the pages (the image's address) and the
 * build step that draws the cards, so both agree on every path.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { info } from '../../i18n/ru.ts';
import { formatDate, formatDateTime, formatPeriod } from '../../lib/dates.ts';
import { typo } from '../../lib/typography.ts';
import { type ValidEntry } from '../../validate/validate.ts';
import { publicEntries, siteSettingsOf, type ContentIndex } from '../../privacy/gate.ts';
import { cardCollections, HOME_CARD_PATH, ogImagePath, type CardCollection } from '../../schema/index.ts';
import { EVENT_KINDS } from '../../schema/vocab.ts';
import type { SiteSettings } from '../../schema/settings.ts';
import type { OgCard } from '../../lib/og-card.ts';
import { fontsourceVersion } from './fonts.ts';

export { CARD_HEIGHT, CARD_WIDTH, type OgCard } from '../../lib/og-card.ts';

/** Bump when the layout or the encoding changes: every card is drawn again. */
export const CARD_RENDERER_VERSION = 1;

export { HOME_CARD_PATH, ogImagePath } from '../../schema/index.ts';

/** Spaces a font may lack (thin, narrow, figure) become no-break spaces: same meaning, a glyph PT Sans has. */
function clean(text: string): string {
  return typo(text).replace(/[\u2007\u2009\u202f]/g, '\u00a0');
}

interface CardContext {
  school: string;
  host: string;
}

type Data = Record<string, unknown>;

function card(ctx: CardContext, path: string, source: string, section: string, title: string, date?: string): OgCard {
  return {
    path,
    source,
    section: clean(section),
    title: clean(title),
    ...(date ? { date: clean(date) } : {}),
    school: clean(ctx.school),
    host: ctx.host,
  };
}

/** The home page's card. */
export function homeCard(site: Pick<SiteSettings, 'sectionTitle' | 'schoolShortName'>, host: string): OgCard {
  return card({ school: site.schoolShortName, host }, HOME_CARD_PATH, 'home', site.sectionTitle, info.ogHomeTitle);
}

/** The card of one entry of a card collection. */
export function entryCard(collection: CardCollection, id: string, data: Data, ctx: CardContext): OgCard {
  const path = ogImagePath(collection, id);
  const source = `${collection}/${id}`;
  const title = String(data.title);
  switch (collection) {
    case 'roadmap': {
      const period = data.period as { from: string; to: string } | undefined;
      const section = `${info.ogSections.roadmap} · ${info.ogStage(Number(data.stage))}`;
      return card(ctx, path, source, section, title, period ? formatPeriod(period.from, period.to) : undefined);
    }
    case 'news':
      return card(ctx, path, source, info.ogSections.news, title, formatDate(String(data.date)));
    case 'events': {
      const kind = EVENT_KINDS[data.kind as keyof typeof EVENT_KINDS];
      return card(ctx, path, source, `${info.ogSections.events} · ${kind}`, title, formatDateTime(String(data.start)));
    }
    case 'practices':
      return card(ctx, path, source, info.ogSections.practices, title, info.ogYear(Number(data.year)));
  }
}

/**
 * Every card of a validated content root: the home card and one per
 * published entry. Entries the privacy review withholds get none.
 */
export function cardsFromContent(index: ContentIndex, siteUrl: string): OgCard[] {
  const site = siteSettingsOf(index);
  if (!site) throw new Error('content/settings/site.yaml: нет настроек сайта — не из чего сделать карточки для соцсетей');
  const host = new URL(siteUrl).host;
  const ctx: CardContext = { school: site.schoolShortName, host };
  const cards = [homeCard(site, host)];
  for (const collection of cardCollections) {
    const entries: ValidEntry[] = [...publicEntries(index, collection).values()];
    for (const e of entries.sort((a, b) => a.id.localeCompare(b.id))) cards.push(entryCard(collection, e.id, e.parsed, ctx));
  }
  return cards;
}

const require = createRequire(import.meta.url);

/** The installed version of a package, found from its entry point (not every package exports package.json). */
function packageVersion(name: string): string {
  let dir = path.dirname(require.resolve(name));
  for (;;) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === name && pkg.version) return pkg.version;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return 'unknown';
    dir = parent;
  }
}

let toolVersions: string | undefined;

/** Versions of everything that shapes the pixels besides the card itself. */
function renderingVersions(): string {
  toolVersions ??= [CARD_RENDERER_VERSION, fontsourceVersion(), packageVersion('satori'), packageVersion('sharp')].join('|');
  return toolVersions;
}

/** The cache key of a card: a hash of what it shows, the theme and the renderer. */
export function cardHash(c: OgCard, theme: Readonly<Record<string, string>>): string {
  const shown = { section: c.section, title: c.title, date: c.date ?? '', school: c.school, host: c.host };
  return createHash('sha256')
    .update(JSON.stringify([renderingVersions(), theme, shown]))
    .digest('hex')
    .slice(0, 32);
}

/** Every text drawn on a card, with the weight it is drawn in (for the glyph check). */
export function cardTexts(c: OgCard): { text: string; weight: 400 | 700 }[] {
  return [
    { text: c.section, weight: 700 },
    { text: c.title, weight: 700 },
    { text: c.date ?? '', weight: 400 },
    { text: c.school, weight: 700 },
    { text: c.host, weight: 400 },
  ];
}
