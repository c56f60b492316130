/**
 * What a link-preview card is: its size and the texts it shows. Kept apart
 * from the card builders (src/build/og/cards.ts) so the drawing threads load
 * only this, not the typography and content modules.
 */

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

export interface OgCard {
  /** Site path of the PNG, e.g. `/og/news/<id>.png`. */
  path: string;
  /** The entry the card is made for, for messages: `news/<id>`, `home`. */
  source: string;
  /** What the page is: «Новости», «Дорожная карта · Этап 3». */
  section: string;
  title: string;
  /** A date, a date and time, a period or a year; absent when the page has none. */
  date?: string;
  /** The school's short name. */
  school: string;
  /** The site's host name, so a card seen out of context says where it leads. */
  host: string;
}
