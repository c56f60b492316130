/**
 * The bank's search: a text query through the bank's own Pagefind index
 * (Russian stemming), facet checkboxes counted by the index's filters, and
 * the state in the address.
 *
 * The page lists one page of the bank by itself. Once the reader searches,
 * ticks or reorders, the list comes from the index: the matching practices
 * at once, their cards a page at a time as the reader scrolls, each card's
 * fragment fetched when the card comes into view. Counts are asked of the
 * index only for the facet groups on screen, so a folded panel costs no
 * download; each group is counted with its own choice left out.
 */
import { search } from '../../i18n/ru.ts';
import { BANK_BUNDLE } from '../../lib/search/bundles.ts';
import { foundPractices } from '../../lib/search/counts.ts';
import { indexQuery } from '../../lib/search/query.ts';
import { countSearches, isEmptySelection, orderSearches, type IndexFilters } from '../../lib/search/selection.ts';
import { readState, writeState, type SearchState } from '../../lib/search/url-state.ts';
import { fillCard, placeholderCard } from './bank-card.ts';
import { debounce, loadPagefind, type Pagefind, type PagefindResult } from './pagefind.ts';

/** Cards added at a time as the reader scrolls. */
const PAGE_SIZE = 10;

/** The results of `searches` in turn, each practice once. */
async function joined(pagefind: Pagefind, term: string | null, searches: readonly IndexFilters[]): Promise<PagefindResult[]> {
  const seen = new Set<string>();
  const out: PagefindResult[] = [];
  for (const filters of searches) {
    for (const r of (await pagefind.search(term, { filters })).results) {
      if (seen.has(r.id)) continue;
      seen.add(r.id);
      out.push(r);
    }
  }
  return out;
}

export function startBank(): void {
  const root = document.querySelector<HTMLElement>('[data-bank]');
  const form = document.querySelector<HTMLFormElement>('[data-search-form]');
  const facets = root?.querySelector<HTMLFormElement>('[data-facet-form]');
  const panel = root?.querySelector<HTMLDetailsElement>('[data-facets-panel]');
  const chosen = root?.querySelector<HTMLElement>('[data-chosen]');
  const list = root?.querySelector<HTMLUListElement>('[data-list]');
  const staticList = root?.querySelector<HTMLElement>('[data-static]');
  const status = root?.querySelector<HTMLElement>('[data-status]');
  const empty = root?.querySelector<HTMLElement>('[data-empty]');
  const more = root?.querySelector<HTMLButtonElement>('[data-more]');
  if (!root || !form || !facets || !panel || !chosen || !list || !staticList || !status || !empty || !more) return;
  const input = form.elements.namedItem('q') as HTMLInputElement;
  const sort = form.elements.namedItem('sort') as HTMLSelectElement;
  const boxes = [...facets.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
  const keys = [...new Set(boxes.map((b) => b.name))];
  const known = Object.fromEntries(keys.map((k) => [k, boxes.filter((b) => b.name === k).map((b) => b.value)]));
  const years = { year: known.year ?? [], best: known.best ?? [] };
  const countOf = (b: HTMLInputElement) => b.closest('label')?.querySelector<HTMLElement>('[data-count]') ?? undefined;
  const labels = new Map(boxes.map((b) => [`${b.name}:${b.value}`, b.nextElementSibling?.textContent?.trim() ?? b.value]));
  /** The counts of the whole bank, as built: right while nothing is searched or ticked. */
  const totals = new Map(boxes.map((b) => [b, countOf(b)?.textContent ?? '']));
  const bankTotal = status.textContent ?? '';

  let generation = 0;
  let state: SearchState = { q: '', selection: {}, sort: '' };
  let term: string | null = null;
  let pending: PagefindResult[] = [];
  const resultOf = new WeakMap<HTMLLIElement, PagefindResult>();
  /** Facet groups on screen, and those whose counts are not yet those of the current state. */
  const onScreenGroups = new Set<string>();
  let stale = new Set<string>();

  const current = (): SearchState => ({
    q: input.value.trim(),
    selection: Object.fromEntries(keys.map((k) => [k, boxes.filter((b) => b.name === k && b.checked).map((b) => b.value)])),
    sort: sort.value === 'newest' ? 'newest' : '',
  });
  const touched = (s: SearchState) => s.q !== '' || !isEmptySelection(s.selection) || s.sort !== '';

  const fill = async (li: HTMLLIElement) => {
    const result = resultOf.get(li);
    if (!result) return;
    const gen = generation;
    const data = await result.data();
    if (gen === generation) fillCard(li, data, labels);
  };

  /** A card's fragment is fetched as the card comes near the screen. */
  const cardsInView = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        cardsInView.unobserve(entry.target);
        void fill(entry.target as HTMLLIElement);
      }
    },
    { rootMargin: '200px 0px' },
  );

  /** The «show more» button doubles as the marker of the list's end: near the screen, it adds a page itself. */
  const nearEnd = new IntersectionObserver(
    (entries) => {
      if (entries.some((e) => e.isIntersecting) && !more.hidden) addPage();
    },
    { rootMargin: '400px 0px' },
  );

  /** Adds the next page of cards (placeholders until they come into view). */
  const addPage = (): HTMLLIElement[] => {
    const items = pending.splice(0, PAGE_SIZE).map((result) => {
      const li = placeholderCard();
      resultOf.set(li, result);
      cardsInView.observe(li);
      return li;
    });
    list.append(...items);
    more.hidden = pending.length === 0;
    // Observing anew reports the button's position now: another page follows while it is still near the screen.
    nearEnd.unobserve(more);
    if (!more.hidden) nearEnd.observe(more);
    return items;
  };

  const showCounts = (group: string, counts: Record<string, number>) => {
    for (const b of boxes) {
      if (b.name !== group) continue;
      const count = countOf(b);
      if (!count) continue;
      const n = counts[b.value] ?? 0;
      count.textContent = search.facetCount(n);
      count.toggleAttribute('data-zero', n === 0);
    }
  };

  /** Counts the groups on screen whose counts are stale, with each group's own choice left out. */
  const updateCounts = async () => {
    const gen = generation;
    const groups = keys.filter((k) => onScreenGroups.has(k) && stale.has(k));
    if (!groups.length) return;
    const pagefind = await loadPagefind(BANK_BUNDLE);
    if (!pagefind) return;
    for (const { filters, groups: counted } of countSearches(state.selection, groups)) {
      const response = await pagefind.search(term, { filters });
      if (gen !== generation) return;
      for (const g of counted) {
        stale.delete(g);
        showCounts(g, response.filters[g] ?? {});
      }
    }
  };

  const groupsInView = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      const group = (entry.target as HTMLElement).dataset.group ?? '';
      if (entry.isIntersecting) onScreenGroups.add(group);
      else onScreenGroups.delete(group);
    }
    void updateCounts();
  });
  for (const fieldset of facets.querySelectorAll<HTMLElement>('fieldset[data-group]')) groupsInView.observe(fieldset);

  const showBankPage = (message: string) => {
    staticList.hidden = false;
    list.hidden = true;
    list.replaceChildren();
    more.hidden = true;
    empty.hidden = true;
    status.textContent = message;
  };

  /** The list is busy (`aria-busy`) from a change until the results of the latest one are in place. */
  const run = async () => {
    const gen = ++generation;
    list.setAttribute('aria-busy', 'true');
    try {
      await update(gen);
    } finally {
      if (gen === generation) list.removeAttribute('aria-busy');
    }
  };

  const update = async (gen: number) => {
    state = current();
    history.replaceState(null, '', `${location.pathname}${writeState(state, keys)}${location.hash}`);
    const ticked = Object.values(state.selection).flat().length;
    chosen.textContent = search.facetsChosen(ticked);
    sort.options[0]!.textContent = state.q ? search.sortRelevance : search.sortBank;
    cardsInView.disconnect();
    if (!touched(state)) {
      stale = new Set();
      for (const [b, text] of totals) {
        const count = countOf(b);
        if (count) count.textContent = text;
        count?.removeAttribute('data-zero');
      }
      showBankPage(bankTotal);
      return;
    }
    const pagefind = await loadPagefind(BANK_BUNDLE);
    if (gen !== generation) return;
    if (!pagefind) {
      showBankPage(search.unavailable);
      return;
    }
    term = state.q ? indexQuery(state.q) : null;
    const order = state.sort === 'newest' ? 'newest' : state.q ? 'relevance' : 'bank';
    const found = await joined(pagefind, term, orderSearches(state.selection, order, years));
    if (gen !== generation) return;
    staticList.hidden = true;
    list.hidden = false;
    list.replaceChildren();
    pending = found;
    status.textContent = foundPractices(found.length);
    empty.hidden = found.length > 0;
    empty.querySelector('[data-empty-title]')!.textContent =
      state.q && found.length === 0 ? search.nothingFound(state.q) : search.nothingMatches;
    addPage();
    stale = new Set(keys);
    await updateCounts();
  };

  const later = debounce(() => void run(), 120);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void run();
  });
  input.addEventListener('input', later);
  input.addEventListener('focus', () => void loadPagefind(BANK_BUNDLE), { once: true });
  sort.addEventListener('change', () => void run());
  facets.addEventListener('change', () => void run());
  facets.addEventListener('reset', () => setTimeout(() => void run()));
  more.addEventListener('click', () => {
    const [first] = addPage();
    if (first) void fill(first).then(() => first.querySelector('a')?.focus());
  });

  // The search box and checkboxes are already in place of the facet links (global.css, `data-js-only`).
  const initial = readState(new URLSearchParams(location.search), known);
  input.value = initial.q;
  sort.value = initial.sort;
  for (const b of boxes) b.checked = initial.selection[b.name]?.includes(b.value) ?? false;
  if (!isEmptySelection(initial.selection)) panel.open = true;
  if (touched(initial)) void run();
}
