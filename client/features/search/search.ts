// Finds stores and neighbourhoods by name (and a store's brand or address), ignoring case and accents.
import type { BoundaryFeature, StoreFeature } from '../../api/types';
import type { Selection } from '../../store/types';

/** The search input's id: the `/` shortcut focuses it. There is one search box, in the top bar. */
export const SEARCH_INPUT_ID = 'search-input';

export interface SearchResult {
  selection: Selection;
  label: string;
  /** Brand for stores; nothing for neighbourhoods. */
  hint: string;
}

/** Lower case without diacritics: "Köpenick" and "kopenick" match. */
export function normalize(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/ß/g, 'ss').trim();
}

/** 0 = name starts with the query, 1 = a word in the name does, 2 = the name contains it, 3 = another field does. */
function rank(query: string, name: string, others: string[]): number | null {
  const n = normalize(name);
  if (n.startsWith(query)) return 0;
  if (n.split(/[\s\-–/(),.]+/).some((word) => word.startsWith(query))) return 1;
  if (n.includes(query)) return 2;
  if (others.some((o) => normalize(o).includes(query))) return 3;
  return null;
}

/**
 * Stores and neighbourhoods matching `query`, best first, at most `limit`.
 * @example searchPlaces('mitte', stores, boundaries)[0].label // 'Mitte'
 */
export function searchPlaces(
  query: string,
  stores: readonly StoreFeature[],
  boundaries: readonly BoundaryFeature[],
  limit = 8,
): SearchResult[] {
  const q = normalize(query);
  if (!q) return [];
  const scored: { score: number; result: SearchResult }[] = [];
  for (const f of stores) {
    const { id, name, brand, address } = f.properties;
    const score = rank(q, name, [brand, address]);
    if (score !== null) scored.push({ score, result: { selection: { kind: 'store', id }, label: name, hint: brand } });
  }
  for (const f of boundaries) {
    const { id, name } = f.properties;
    const score = rank(q, name, []);
    if (score !== null) scored.push({ score, result: { selection: { kind: 'boundary', id }, label: name, hint: '' } });
  }
  return scored
    .sort((a, b) => a.score - b.score || a.result.label.localeCompare(b.result.label))
    .slice(0, limit)
    .map((s) => s.result);
}
