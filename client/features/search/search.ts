// Finds stores, neighbourhoods, saved areas and events by name (and a store's brand or address, an event's category or
// place), ignoring case and accents.
import type { AreaFeature } from '../../api/areas';
import type { BoundaryFeature, EventFeature, StoreFeature } from '../../api/contract';
import type { Selection } from '../../store/types';

/** The search input's id: the `/` shortcut focuses it. There is one search box, in the top bar. */
export const SEARCH_INPUT_ID = 'search-input';

export interface SearchResult {
  selection: Selection;
  label: string;
  /** Brand for stores, category for events; nothing for neighbourhoods and areas (the kind is shown instead). */
  hint: string;
}

/** What can be found. Events are the loaded range's (the timeline's). */
export interface SearchSources {
  stores: readonly StoreFeature[];
  boundaries: readonly BoundaryFeature[];
  areas?: readonly AreaFeature[];
  events?: readonly EventFeature[];
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
 * Places matching `query`, best first, at most `limit`; on equal rank stores, then neighbourhoods, areas and events.
 * @example searchPlaces('mitte', { stores, boundaries })[0].label // 'Mitte'
 */
export function searchPlaces(
  query: string,
  { stores, boundaries, areas = [], events = [] }: SearchSources,
  limit = 8,
): SearchResult[] {
  const q = normalize(query);
  if (!q) return [];
  const scored: { score: number; result: SearchResult }[] = [];
  for (const f of stores) {
    const { id, name, brand, address } = f.properties;
    const score = rank(q, name, [brand, address]);
    if (score !== null)
      scored.push({
        score,
        result: { selection: { kind: 'store', id }, label: name, hint: brand },
      });
  }
  for (const f of boundaries) {
    const { id, name } = f.properties;
    const score = rank(q, name, []);
    if (score !== null)
      scored.push({
        score,
        result: { selection: { kind: 'boundary', id }, label: name, hint: '' },
      });
  }
  for (const f of areas) {
    const { id, name } = f.properties;
    const score = rank(q, name, []);
    if (score !== null)
      scored.push({ score, result: { selection: { kind: 'area', id }, label: name, hint: '' } });
  }
  for (const f of events) {
    const { id, name, category, locationText } = f.properties;
    const score = rank(q, name, [category, locationText]);
    if (score !== null)
      scored.push({
        score,
        result: { selection: { kind: 'event', id }, label: name, hint: category },
      });
  }
  // A stable sort keeps the kinds in the order above when rank and label tie.
  return scored
    .sort((a, b) => a.score - b.score || a.result.label.localeCompare(b.result.label))
    .slice(0, limit)
    .map((s) => s.result);
}
