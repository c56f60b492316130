/**
 * The look of a link-preview card, as the element tree satori lays out.
 *
 * Colours are read from the site's stylesheet (the `:root` custom
 * properties of src/styles/global.css), so a card matches the pages it
 * previews and changes with them. Built from plain objects: no JSX, no
 * React, nothing the worker processes would have to compile.
 */
import fs from 'node:fs';
import { CARD_FONT_FAMILY } from './fonts.ts';
import { CARD_HEIGHT, CARD_WIDTH, type OgCard } from '../../lib/og-card.ts';

/** The custom properties a card uses. */
const THEME_KEYS = ['bg', 'bg-soft', 'fg', 'fg-muted', 'accent', 'accent-fg', 'border'] as const;
export type Theme = Record<(typeof THEME_KEYS)[number], string>;

const STYLESHEET = new URL('../../styles/global.css', import.meta.url);

/** The site's colours, from the first `:root` block of its stylesheet. */
export function readTheme(file: string | URL = STYLESHEET): Theme {
  const css = fs.readFileSync(file, 'utf8');
  const root = /:root\s*\{([^}]*)\}/.exec(css)?.[1] ?? '';
  const theme: Partial<Theme> = {};
  for (const key of THEME_KEYS) {
    const value = new RegExp(`--${key}:\\s*([^;]+);`).exec(root)?.[1]?.trim();
    if (!value) throw new Error(`src/styles/global.css: нет цвета --${key} в :root — карточки для соцсетей не из чего раскрасить`);
    theme[key] = value;
  }
  return theme as Theme;
}

export interface CardNode {
  type: string;
  props: { style?: Record<string, unknown>; children?: string | CardNode | (string | CardNode)[] };
}

const h = (style: Record<string, unknown>, children?: CardNode['props']['children']): CardNode => ({
  type: 'div',
  props: { style: { display: 'flex', ...style }, ...(children === undefined ? {} : { children }) },
});

/** Longer titles get a smaller size, so most fit in three lines; the rest are cut at four. */
function titleSize(title: string): number {
  const n = [...title].length;
  if (n <= 50) return 68;
  if (n <= 90) return 58;
  if (n <= 140) return 50;
  return 44;
}

/** The element tree of one card. */
export function cardElement(card: OgCard, theme: Theme): CardNode {
  const size = titleSize(card.title);
  return h(
    {
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      flexDirection: 'column',
      backgroundColor: theme.bg,
      color: theme.fg,
      fontFamily: CARD_FONT_FAMILY,
    },
    [
      h(
        {
          height: 96,
          padding: '0 64px',
          alignItems: 'center',
          justifyContent: 'space-between',
          backgroundColor: theme.accent,
          color: theme['accent-fg'],
        },
        [
          h({ fontSize: 34, fontWeight: 700, display: 'block', lineClamp: 1, flexShrink: 1, minWidth: 0 }, card.school),
          h({ fontSize: 28, fontWeight: 400, flexShrink: 0, marginLeft: 32 }, card.host),
        ],
      ),
      h({ flexGrow: 1, flexDirection: 'column', padding: '52px 64px 0 64px' }, [
        h({ fontSize: 30, fontWeight: 700, color: theme.accent, letterSpacing: 1, display: 'block', lineClamp: 1 }, card.section),
        h(
          {
            marginTop: 22,
            paddingLeft: 28,
            borderLeft: `8px solid ${theme.accent}`,
            fontSize: size,
            fontWeight: 700,
            lineHeight: 1.15,
            display: 'block',
            lineClamp: 4,
          },
          card.title,
        ),
      ]),
      h(
        {
          height: 92,
          padding: '0 64px',
          alignItems: 'center',
          backgroundColor: theme['bg-soft'],
          borderTop: `2px solid ${theme.border}`,
          color: theme['fg-muted'],
          fontSize: 30,
          fontWeight: 400,
        },
        card.date ?? '',
      ),
    ],
  );
}
