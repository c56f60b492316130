/**
 * A practice card built in the browser from the bank's index, with the
 * markup of SearchPracticeCard.astro: title, best-practice mark, type, form
 * and year, and the excerpt with the query's words marked. The labels of
 * type and form come from the page's own facet checkboxes, so no vocabulary
 * is shipped twice. A card starts as an empty placeholder of about a card's
 * height and is filled when its fragment arrives.
 */
import { search } from '../../i18n/ru.ts';
import { excerptNodes, type PagefindFragment } from './pagefind.ts';

/** Label of a facet value by `group:value`. */
export type FacetLabels = ReadonlyMap<string, string>;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.append(...children);
  return node;
}

/** An empty card waiting for its fragment. */
export function placeholderCard(): HTMLLIElement {
  const li = el('li', 'card practice-card practice-card--loading');
  li.setAttribute('aria-busy', 'true');
  return li;
}

/** Fills a placeholder with the practice its fragment describes. */
export function fillCard(li: HTMLLIElement, data: PagefindFragment, labels: FacetLabels): void {
  const label = (group: string) => {
    const value = data.filters[group]?.[0];
    return value ? (labels.get(`${group}:${value}`) ?? value) : '';
  };
  const link = el('a', '', data.meta.title ?? data.url);
  link.href = data.url;
  const parts: Node[] = [el('h2', '', link)];
  const best = Number(data.meta.best);
  if (best) parts.push(el('p', 'practice-card__best', el('span', 'badge status-done', search.bestMark(best))));
  // Each grey value says what it is to a screen reader, as on the card the build writes (SearchPracticeCard.astro).
  const values = { material: label('material'), form: label('form'), year: data.meta.date ?? '' } as const;
  const meta = Object.entries(values)
    .filter(([, value]) => value)
    .map(([key, value]) => el('span', '', el('span', 'visually-hidden', `${search.legends[key as keyof typeof values]}: `), value));
  parts.push(el('p', 'meta', ...meta.flatMap((span, i) => (i ? [' ', span] : [span]))));
  parts.push(el('p', 'excerpt', ...excerptNodes(data.excerpt)));
  li.replaceChildren(...parts);
  li.classList.remove('practice-card--loading');
  li.removeAttribute('aria-busy');
}
