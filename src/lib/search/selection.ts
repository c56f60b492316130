/**
 * Which practices a choice of facets keeps, and how many each further choice
 * would keep. Pure and DOM-free: the bank's script runs it in the browser,
 * the tests run it in Node.
 *
 * Within one group the chosen values are alternatives (form: group OR
 * virtual); across groups they all apply (group form AND mathematics). The
 * count next to a value is what the list would show if it were ticked too —
 * so a group's own choice is left out when its values are counted.
 */

/** Chosen values by group key; an empty or missing group does not narrow. */
export type Selection = Readonly<Record<string, readonly string[]>>;

/** The facet values of one practice by group key. */
export type ItemValues = Readonly<Record<string, readonly string[]>>;

/** Parses `form:traditional subject:math subject:russian` (see facetAttribute). */
export function parseFacetAttribute(attr: string): Record<string, string[]> {
  const values: Record<string, string[]> = {};
  for (const pair of attr.split(' ')) {
    const at = pair.indexOf(':');
    if (at <= 0) continue;
    (values[pair.slice(0, at)] ??= []).push(pair.slice(at + 1));
  }
  return values;
}

function matchesGroup(item: ItemValues, key: string, chosen: readonly string[]): boolean {
  return chosen.length === 0 || chosen.some((v) => item[key]?.includes(v));
}

/** True when the item has, in every group with a choice, at least one chosen value. */
export function matches(item: ItemValues, selection: Selection, except?: string): boolean {
  return Object.entries(selection).every(([key, chosen]) => key === except || matchesGroup(item, key, chosen));
}

/** For every group and value: how many items the list would show with that value ticked as well. */
export function facetCounts(items: readonly ItemValues[], selection: Selection): Map<string, Map<string, number>> {
  const counts = new Map<string, Map<string, number>>();
  const keys = new Set([...items.flatMap((i) => Object.keys(i)), ...Object.keys(selection)]);
  for (const key of keys) {
    const group = new Map<string, number>();
    for (const item of items) {
      if (!matches(item, selection, key)) continue;
      for (const v of item[key] ?? []) group.set(v, (group.get(v) ?? 0) + 1);
    }
    counts.set(key, group);
  }
  return counts;
}

/** True when nothing is chosen. */
export function isEmptySelection(selection: Selection): boolean {
  return Object.values(selection).every((chosen) => chosen.length === 0);
}
