// Selectors over the store. Derived arrays are memoised on their input, so components re-render only when data changes.
import type { BoundaryFeature, StoreFeature } from '../api/contract';
import type { AppState } from './index';
import type { Selection } from './types';

/** Caches the last result of `fn` for the same input object. */
function memoOne<I, O>(fn: (input: I) => O): (input: I) => O {
  let lastInput: I | undefined;
  let lastOutput: O | undefined;
  return (input) => {
    if (input !== lastInput || lastOutput === undefined) {
      lastInput = input;
      lastOutput = fn(input);
    }
    return lastOutput;
  };
}

const noStores: StoreFeature[] = [];
const noBoundaries: BoundaryFeature[] = [];

export const selectStoreFeatures = (s: AppState) => s.stores.data?.features ?? noStores;
export const selectBoundaryFeatures = (s: AppState) => s.boundaries.data?.features ?? noBoundaries;

const byName = (a: { properties: { name: string } }, b: { properties: { name: string } }) =>
  a.properties.name.localeCompare(b.properties.name);

/** Brands in a stable order (by name); a brand's index picks its colour and shape. */
export const brandsOf = memoOne((stores: StoreFeature[]) =>
  [...new Set(stores.map((f) => f.properties.brand))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
);
export const selectBrands = (s: AppState) => brandsOf(selectStoreFeatures(s));

export interface BrandGroup {
  brand: string;
  stores: StoreFeature[];
}
const groupByBrand = memoOne((stores: StoreFeature[]): BrandGroup[] =>
  brandsOf(stores).map((brand) => ({
    brand,
    stores: stores.filter((f) => f.properties.brand === brand).sort(byName),
  })),
);
export const selectStoresByBrand = (s: AppState) => groupByBrand(selectStoreFeatures(s));

const sortBoundaries = memoOne((boundaries: BoundaryFeature[]) => [...boundaries].sort(byName));
export const selectBoundariesByName = (s: AppState) => sortBoundaries(selectBoundaryFeatures(s));

export const selectStore = (id: string) => (s: AppState) =>
  selectStoreFeatures(s).find((f) => f.properties.id === id);
export const selectBoundary = (id: string) => (s: AppState) =>
  selectBoundaryFeatures(s).find((f) => f.properties.id === id);

export const isSelected = (selection: Selection | null, kind: Selection['kind'], id: string) =>
  selection?.kind === kind && selection.id === id;

/** The areas some campaign is live in now (the map highlights them). */
export function liveAreaIds(s: Pick<AppState, 'liveCampaigns'>): Set<string> {
  return new Set(s.liveCampaigns.map((l) => l.areaId));
}
