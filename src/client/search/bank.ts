/**
 * The bank's search: a text query through Pagefind (Russian stemming), facet
 * checkboxes with live counts, and the state in the address.
 *
 * The page already lists every practice with its facet values, so filtering
 * and counting happen here on that list, and a query only asks Pagefind which
 * practices match and how well (`data-pf` ties each item to its index entry).
 * Fragments are fetched only for the excerpts of results on screen, and a
 * long result list is shown a page at a time.
 */
import { forms, search } from '../../i18n/ru.ts';
import { plural } from '../../lib/plural.ts';
import { foundPractices } from '../../lib/search/counts.ts';
import { indexQuery } from '../../lib/search/query.ts';
import { facetCounts, isEmptySelection, matches, parseFacetAttribute, type ItemValues } from '../../lib/search/selection.ts';
import { readState, writeState, type SearchState } from '../../lib/search/url-state.ts';
import { debounce, excerptNodes, loadPagefind, type PagefindResult } from './pagefind.ts';

interface Item {
  li: HTMLLIElement;
  pf: string | undefined;
  values: ItemValues;
  year: number;
  /** Position in the bank's own order (best first). */
  rank: number;
}

/** Results shown at once; «Показать ещё» adds as many again. */
const PAGE_SIZE = 30;

export function startBank(): void {
  const root = document.querySelector<HTMLElement>('[data-bank]');
  const form = document.querySelector<HTMLFormElement>('[data-search-form]');
  const facets = document.querySelector<HTMLFormElement>('[data-facet-form]');
  const list = root?.querySelector<HTMLUListElement>('[data-list]');
  const status = root?.querySelector<HTMLElement>('[data-status]');
  const empty = root?.querySelector<HTMLElement>('[data-empty]');
  const more = root?.querySelector<HTMLButtonElement>('[data-more]');
  if (!root || !form || !facets || !list || !status || !empty || !more) return;
  const input = form.elements.namedItem('q') as HTMLInputElement;
  const sort = form.elements.namedItem('sort') as HTMLSelectElement;
  const boxes = [...facets.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
  const keys = [...new Set(boxes.map((b) => b.name))];
  const known = Object.fromEntries(keys.map((k) => [k, boxes.filter((b) => b.name === k).map((b) => b.value)]));
  const items: Item[] = [...list.querySelectorAll<HTMLLIElement>('li[data-practice]')].map((li, rank) => {
    const values = parseFacetAttribute(li.dataset.facets ?? '');
    return { li, pf: li.dataset.pf, values, year: Number(values.year?.[0]), rank };
  });
  const byPf = new Map(items.flatMap((i) => (i.pf ? [[i.pf, i] as const] : [])));
  const results = new Map<HTMLLIElement, PagefindResult>();
  let visible = new Set(items.map((i) => i.li));
  let shown: Item[] = [];
  let limit = PAGE_SIZE;
  let generation = 0;

  const current = (): SearchState => ({
    q: input.value.trim(),
    selection: Object.fromEntries(keys.map((k) => [k, boxes.filter((b) => b.name === k && b.checked).map((b) => b.value)])),
    sort: sort.value === 'newest' ? 'newest' : '',
  });

  /** The practices the query matches, best match first; undefined when text search is unavailable. */
  const textMatches = async (q: string): Promise<{ item: Item; result: PagefindResult }[] | undefined> => {
    const pagefind = await loadPagefind();
    if (!pagefind) return undefined;
    const { results: found } = await pagefind.search(indexQuery(q));
    return found.flatMap((result) => {
      const item = byPf.get(result.id);
      return item ? [{ item, result }] : [];
    });
  };

  const updateCounts = (candidates: readonly Item[], state: SearchState) => {
    const counts = facetCounts(
      candidates.map((i) => i.values),
      state.selection,
    );
    for (const b of boxes) {
      const n = counts.get(b.name)?.get(b.value) ?? 0;
      const count = b.closest('label')?.querySelector<HTMLElement>('[data-count]');
      if (!count) continue;
      count.textContent = search.facetCount(n);
      count.toggleAttribute('data-zero', n === 0);
    }
  };

  const fillExcerpt = async (li: HTMLLIElement, gen: number) => {
    const result = results.get(li);
    if (!result) return;
    const data = await result.data();
    if (gen !== generation || !data.excerpt) return;
    let p = li.querySelector<HTMLElement>('.excerpt');
    if (!p) {
      p = document.createElement('p');
      p.className = 'excerpt';
      li.querySelector('.practice-card__summary')?.after(p);
    }
    p.replaceChildren(...excerptNodes(data.excerpt));
  };

  /** Excerpts are fetched for results as they come on screen. */
  const onScreen = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        onScreen.unobserve(entry.target);
        void fillExcerpt(entry.target as HTMLLIElement, generation);
      }
    },
    { rootMargin: '0px' },
  );

  /** Shows the first `limit` of `shown`, in order, touching only items whose visibility changes. */
  const render = () => {
    const next = shown.slice(0, limit);
    const nextSet = new Set(next.map((i) => i.li));
    for (const li of visible) if (!nextSet.has(li)) li.hidden = true;
    for (const li of nextSet) if (!visible.has(li)) li.hidden = false;
    visible = nextSet;
    list.append(...next.map((i) => i.li));
    for (const i of next) if (results.has(i.li) && !i.li.querySelector('.excerpt')) onScreen.observe(i.li);
    more.hidden = shown.length <= limit;
  };

  const run = async () => {
    const gen = ++generation;
    const state = current();
    history.replaceState(null, '', `${location.pathname}${writeState(state, keys)}${location.hash}`);
    const found = state.q ? await textMatches(state.q) : undefined;
    if (gen !== generation) return;
    const searched = state.q !== '' && found !== undefined;
    sort.options[0]!.textContent = searched ? search.sortRelevance : search.sortBank;
    const candidates = searched ? found.map((f) => f.item) : items;
    shown = candidates.filter((i) => matches(i.values, state.selection));
    if (state.sort === 'newest') shown.sort((a, b) => b.year - a.year || a.rank - b.rank);
    else if (!searched) shown.sort((a, b) => a.rank - b.rank);
    updateCounts(candidates, state);

    onScreen.disconnect();
    for (const li of results.keys()) li.querySelector('.excerpt')?.remove();
    results.clear();
    if (searched) for (const { item, result } of found) results.set(item.li, result);
    const untouched = !searched && isEmptySelection(state.selection) && !state.sort;
    limit = untouched ? items.length : PAGE_SIZE;
    render();

    status.textContent =
      state.q && found === undefined
        ? `${search.unavailable} ${foundPractices(shown.length)}`
        : untouched
          ? search.bankTotal(plural(items.length, forms.practice))
          : foundPractices(shown.length);
    empty.hidden = shown.length > 0;
    empty.querySelector('[data-empty-title]')!.textContent =
      searched && found.length === 0 ? search.nothingFound(state.q) : search.nothingMatches;
  };

  const later = debounce(() => void run(), 120);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void run();
  });
  input.addEventListener('input', later);
  input.addEventListener('focus', () => void loadPagefind(), { once: true });
  sort.addEventListener('change', () => void run());
  facets.addEventListener('change', () => void run());
  facets.addEventListener('reset', () => setTimeout(() => void run()));
  more.addEventListener('click', () => {
    const first = shown[limit];
    limit += PAGE_SIZE;
    render();
    first?.li.querySelector('a')?.focus();
  });

  // The search box and checkboxes are already in place of the facet links (global.css, `data-js-only`).
  const initial = readState(new URLSearchParams(location.search), known);
  input.value = initial.q;
  sort.value = initial.sort;
  for (const b of boxes) b.checked = initial.selection[b.name]?.includes(b.value) ?? false;
  if (initial.q || !isEmptySelection(initial.selection) || initial.sort) void run();
}
