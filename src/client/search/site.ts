/**
 * The site-wide search (/search/): every indexed page through Pagefind, the
 * sections as checkboxes with live counts, relevance or newest first, and the
 * state in the address. Results come ten at a time. The practices are in the
 * bank's bundle, everything else in the site's (src/lib/search/bundles.ts):
 * each query asks both and merges the answers (src/lib/search/merge.ts).
 */
import { search } from '../../i18n/ru.ts';
import { BANK_BUNDLE, SITE_BUNDLE } from '../../lib/search/bundles.ts';
import { foundResults } from '../../lib/search/counts.ts';
import { mergeAnswers } from '../../lib/search/merge.ts';
import { indexQuery } from '../../lib/search/query.ts';
import { PAGE_TYPES, type PageType } from '../../lib/search/record.ts';
import { readState, writeState, type SearchState } from '../../lib/search/url-state.ts';
import {
  debounce,
  excerptNodes,
  loadPagefind,
  type Pagefind,
  type PagefindResponse,
  type PagefindResult,
  type PagefindSearchOptions,
} from './pagefind.ts';

const PAGE_SIZE = 10;

const dateFormat = new Intl.DateTimeFormat('ru-RU', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** `2026-05-20` → «20 мая 2026 г.», `2026` → «2026 г.». */
function formatIsoDate(iso: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? dateFormat.format(new Date(`${iso}T00:00:00Z`)) : `${iso}\u00a0г.`;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.append(...children);
  return node;
}

async function resultItem(result: PagefindResult): Promise<HTMLLIElement> {
  const data = await result.data();
  const type = data.meta.type as PageType | undefined;
  const meta = el('p', 'meta');
  if (type && type in search.typeLabels) meta.append(el('span', 'badge', search.typeLabels[type]));
  if (data.meta.date) meta.append(el('span', '', formatIsoDate(data.meta.date)));
  if (data.meta.best) meta.append(el('span', 'badge status-done', search.bestMark(Number(data.meta.best))));
  const link = el('a', '', data.meta.title ?? data.url);
  link.href = data.url;
  const li = el('li', 'card', el('h2', '', link), meta);
  if (data.meta.image) {
    const img = el('img', '');
    img.src = data.meta.image;
    img.alt = '';
    img.loading = 'lazy';
    li.append(img);
  }
  li.append(el('p', 'excerpt', ...excerptNodes(data.excerpt)));
  return li;
}

/** The site's two bundles: the practices (`bank`) and every other section (`rest`). */
interface SiteIndex {
  rest: Pagefind;
  bank: Pagefind;
}

async function loadSiteIndex(): Promise<SiteIndex | undefined> {
  const [rest, bank] = await Promise.all([loadPagefind(SITE_BUNDLE), loadPagefind(BANK_BUNDLE)]);
  return rest && bank ? { rest, bank } : undefined;
}

/** One query over both bundles. */
async function searchAll(index: SiteIndex, term: string, options: PagefindSearchOptions): Promise<PagefindResponse> {
  const answers = await Promise.all([index.rest.search(term, options), index.bank.search(term, options)]);
  return mergeAnswers(answers);
}

/**
 * Newest first. Dated pages carry a date sort key, practices only a year
 * (src/lib/search/record.ts), so results go year by year through the `year`
 * filter: within a year, dated pages by date, then practices by relevance;
 * pages without a year come last.
 */
async function newestFirst(
  index: SiteIndex,
  term: string,
  types: readonly string[],
  years: readonly string[],
  all: readonly PagefindResult[],
) {
  const ordered: PagefindResult[] = [];
  for (const year of years) {
    const dated = await index.rest.search(term, { filters: { type: { any: [...types] }, year }, sort: { date: 'desc' } });
    ordered.push(...dated.results);
    if (types.includes('practice')) ordered.push(...(await index.bank.search(term, { filters: { type: 'practice', year } })).results);
  }
  const seen = new Set(ordered.map((r) => r.id));
  return [...ordered, ...all.filter((r) => !seen.has(r.id))];
}

export function startSiteSearch(): void {
  const root = document.querySelector<HTMLElement>('[data-site-search]');
  const form = document.querySelector<HTMLFormElement>('[data-search-form]');
  const types = root?.querySelector<HTMLFormElement>('[data-type-form]');
  const list = root?.querySelector<HTMLOListElement>('[data-results]');
  const status = root?.querySelector<HTMLElement>('[data-status]');
  const empty = root?.querySelector<HTMLElement>('[data-empty]');
  const more = root?.querySelector<HTMLButtonElement>('[data-more]');
  const sections = root?.querySelector<HTMLElement>('[data-sections]');
  if (!root || !form || !types || !list || !status || !empty || !more || !sections) return;
  const input = form.elements.namedItem('q') as HTMLInputElement;
  const sort = form.elements.namedItem('sort') as HTMLSelectElement;
  const boxes = [...types.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
  const years = (root.dataset.years ?? '').split(' ').filter(Boolean);
  let generation = 0;
  let pending: PagefindResult[] = [];

  const current = (): SearchState => ({
    q: input.value.trim(),
    selection: { type: boxes.filter((b) => b.checked).map((b) => b.value) },
    sort: sort.value === 'newest' ? 'newest' : '',
  });

  const showMore = async (gen: number) => {
    const batch = pending.splice(0, PAGE_SIZE);
    const items = await Promise.all(batch.map(resultItem));
    if (gen !== generation) return;
    list.append(...items);
    more.hidden = pending.length === 0;
  };

  const run = async () => {
    const gen = ++generation;
    const state = current();
    history.replaceState(null, '', `${location.pathname}${writeState(state, ['type'])}${location.hash}`);
    list.replaceChildren();
    more.hidden = true;
    empty.hidden = true;
    sections.hidden = true;
    if (!state.q) {
      status.textContent = '';
      return;
    }
    status.textContent = search.searching;
    const index = await loadSiteIndex();
    if (gen !== generation) return;
    if (!index) {
      status.textContent = import.meta.env.DEV ? search.failedDev : search.failed;
      sections.hidden = false;
      return;
    }
    const term = indexQuery(state.q);
    const everywhere = await searchAll(index, term, { filters: { type: { any: [...PAGE_TYPES] } } });
    const chosen = state.selection.type?.length ? state.selection.type : [...PAGE_TYPES];
    const found = chosen.length < PAGE_TYPES.length ? await searchAll(index, term, { filters: { type: { any: chosen } } }) : everywhere;
    const ordered = state.sort === 'newest' ? await newestFirst(index, term, chosen, years, found.results) : found.results;
    if (gen !== generation) return;
    for (const b of boxes) {
      const count = b.closest('label')?.querySelector('[data-count]');
      if (count) count.textContent = search.facetCount(everywhere.filters.type?.[b.value] ?? 0);
    }
    const n = found.results.length;
    status.textContent = foundResults(n);
    empty.hidden = n > 0;
    empty.querySelector('[data-empty-title]')!.textContent = search.nothingFound(state.q);
    pending = [...ordered];
    await showMore(gen);
  };

  const later = debounce(() => void run(), 120);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void run();
  });
  input.addEventListener('input', later);
  input.addEventListener('focus', () => void loadSiteIndex(), { once: true });
  sort.addEventListener('change', () => void run());
  types.addEventListener('change', () => void run());
  more.addEventListener('click', () => {
    const next = list.children.length;
    void showMore(generation).then(() => list.children[next]?.querySelector('a')?.focus());
  });

  // The search box and section filters are already in place of the no-JS notice (global.css, `data-js-only`).
  const initial = readState(new URLSearchParams(location.search), { type: [...PAGE_TYPES] });
  input.value = initial.q;
  sort.value = initial.sort;
  for (const b of boxes) b.checked = initial.selection.type?.includes(b.value) ?? false;
  if (initial.q) void run();
}
