/**
 * A search as a shareable address: `?q=родительское+собрание&form=group&subject=math`.
 *
 * The query, the ticked values (one parameter per value, repeated) and the
 * order live in the URL, so a methodologist can send a colleague exactly the
 * list they see, and a reload restores it. Unknown parameters and values are
 * dropped, so an old or mistyped link still opens a working page.
 */

export interface SearchState {
  /** The text typed into the search box, trimmed. */
  q: string;
  /** Ticked values by group key. */
  selection: Record<string, string[]>;
  /** `newest` puts the latest first; empty means the page's default order. */
  sort: '' | 'newest';
}

/** Reads the state from URL parameters, keeping only the given groups and their known values. */
export function readState(params: URLSearchParams, known: Readonly<Record<string, readonly string[]>>): SearchState {
  const selection: Record<string, string[]> = {};
  for (const [key, values] of Object.entries(known)) {
    const chosen = [...new Set(params.getAll(key))].filter((v) => values.includes(v));
    if (chosen.length) selection[key] = chosen;
  }
  return { q: (params.get('q') ?? '').trim(), selection, sort: params.get('sort') === 'newest' ? 'newest' : '' };
}

/** The query string of a state (`?…`), or an empty string when nothing is searched or ticked. */
export function writeState(state: SearchState, order: readonly string[]): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const key of order) for (const v of state.selection[key] ?? []) params.append(key, v);
  if (state.sort) params.set('sort', state.sort);
  const text = params.toString();
  return text ? `?${text}` : '';
}
