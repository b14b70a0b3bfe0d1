// Type-to-filter for the segment builder's long lists (job titles, industries, interests, stores).
import type { FacetBucket } from '../../api/contract';

export interface FacetMatches {
  /** Unselected values that match the query, most common first, at most `limit`. */
  shown: FacetBucket[];
  /** How many more match beyond `shown`. */
  more: number;
}

/**
 * Case- and accent-insensitive substring match on the label a person sees.
 * @example filterFacets([{ key: 'Ärztin', count: 3 }], { query: 'arzt', selected: [], labelFor: (k) => k, limit: 6 }).shown // [{ key: 'Ärztin', count: 3 }]
 */
export function filterFacets(
  facets: readonly FacetBucket[],
  {
    query,
    selected,
    labelFor,
    limit,
  }: {
    query: string;
    selected: readonly string[];
    labelFor: (key: string) => string;
    limit: number;
  },
): FacetMatches {
  const needle = fold(query.trim());
  const taken = new Set(selected);
  const matches = facets.filter(
    (f) => !taken.has(f.key) && (needle === '' || fold(labelFor(f.key)).includes(needle)),
  );
  return { shown: matches.slice(0, limit), more: Math.max(0, matches.length - limit) };
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}
