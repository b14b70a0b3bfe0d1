// What a principal may learn about customers: store managers only their stores' customers, aggregate-only roles
// counts with small groups hidden (the minimum group size k). Pure functions; services/audience/viewer.ts applies them.
import type { Principal } from './permissions.js';
import type { Audience } from './schemas/audience.js';
import type { Segment } from './schemas/segment.js';

/** No store has this id, so a segment naming only it matches nobody (an empty storeIds list would match everyone). */
export const NO_STORE = '\u0000no-store';

/** The home stores whose customers the principal may see; null for every store. */
export function visibleStoreIds(principal: Principal): string[] | null {
  return principal.customerAccess === 'own-stores' ? principal.storeIds : null;
}

export function canSeeCustomer(principal: Principal, homeStoreId: string | null): boolean {
  const stores = visibleStoreIds(principal);
  return stores === null || (homeStoreId !== null && stores.includes(homeStoreId));
}

/** The segment narrowed to the principal's stores: their storeIds intersected with the segment's (or all theirs). */
export function scopeSegment(
  segment: Segment | undefined,
  principal: Principal,
): Segment | undefined {
  const stores = visibleStoreIds(principal);
  if (stores === null) return segment;
  const wanted = segment?.storeIds?.length
    ? segment.storeIds.filter((id) => stores.includes(id))
    : stores;
  return { ...segment, storeIds: wanted.length ? wanted : [NO_STORE] };
}

/** Whether answers to this principal hide groups smaller than the minimum group size. */
export function hidesSmallGroups(principal: Principal): boolean {
  return principal.customerAccess === 'aggregate';
}

const below = (count: number | null, k: number) => (count === null || count < k ? null : count);

/** Every count below k becomes null, revenue too when the whole group is below k; the answer names k. */
export function suppressSmallGroups(audience: Audience, k: number): Audience {
  const buckets = (list: Audience['breakdown']['ageBands']) =>
    list.map((b) => ({ key: b.key, count: below(b.count, k) }));
  const count = below(audience.count, k);
  const b = audience.breakdown;
  return {
    ...audience,
    count,
    consented: below(audience.consented, k),
    revenue: count === null ? { total: null, avgSpend: null } : audience.revenue,
    breakdown: {
      ageBands: buckets(b.ageBands),
      genders: buckets(b.genders),
      loyaltyTiers: buckets(b.loyaltyTiers),
      lapsed: buckets(b.lapsed),
      jobTitles: buckets(b.jobTitles),
      industries: buckets(b.industries),
      interests: buckets(b.interests),
    },
    minGroupSize: k,
  };
}

/**
 * Whether a count of people is a group too small to show: 1 to k − 1. Zero reveals nobody, so it stays visible where
 * "none yet" is the useful answer (redemptions, conversions).
 */
export const isSmallGroup = (count: number, k: number): boolean => count > 0 && count < k;

/**
 * Buckets (days, stores…) of at least k people, and none that a subtraction from the total would reveal: when the
 * hidden buckets add up to 1 … k − 1, the smallest shown ones are hidden with them until the remainder is k or more.
 * @example hideSmallBuckets([{ count: 3 }, { count: 12 }, { count: 40 }], 10) // [{ count: 40 }] (3 alone is total − 52)
 */
export function hideSmallBuckets<B extends { count: number }>(
  buckets: readonly B[],
  k: number,
): B[] {
  const shown = new Set(buckets.filter((b) => b.count >= k));
  let hidden = buckets.reduce((sum, b) => sum + (shown.has(b) ? 0 : b.count), 0);
  const smallestFirst = [...shown].sort((a, b) => a.count - b.count);
  for (const bucket of smallestFirst) {
    if (!isSmallGroup(hidden, k)) break;
    shown.delete(bucket);
    hidden += bucket.count;
  }
  return buckets.filter((b) => shown.has(b));
}

export interface FacetCounts {
  jobTitles: { key: string; count: number | null }[];
  industries: { key: string; count: number | null }[];
  interests: { key: string; count: number | null }[];
  stores: { key: string; count: number | null }[];
  productCategories: { key: string; count: number | null }[];
}

export function suppressSmallFacets<F extends FacetCounts>(
  facets: F,
  k: number,
): F & { minGroupSize: number } {
  const hide = (list: FacetCounts['stores']) =>
    list.map((f) => ({ key: f.key, count: below(f.count, k) }));
  return {
    ...facets,
    jobTitles: hide(facets.jobTitles),
    industries: hide(facets.industries),
    interests: hide(facets.interests),
    stores: hide(facets.stores),
    productCategories: hide(facets.productCategories),
    minGroupSize: k,
  };
}

/** The parts of an area that decide who sees and edits it. */
export interface AreaAccessFacts {
  owner: string | null;
  shared: boolean;
  sharedWith: string[];
}

/** Store managers see their own areas, areas shared with everyone and areas shared with them; others see all. */
export function canSeeArea(principal: Principal, area: AreaAccessFacts): boolean {
  if (principal.customerAccess !== 'own-stores') return true;
  return area.owner === principal.id || area.shared || area.sharedWith.includes(principal.id);
}

/** Store managers edit and delete only their own areas; other roles with areas:write edit any. */
export function canEditArea(principal: Principal, area: AreaAccessFacts): boolean {
  if (principal.customerAccess !== 'own-stores') return true;
  return area.owner === principal.id;
}

/** Who sees an area is changed by its owner, or by owners and managers. */
export function canShareArea(principal: Principal, area: AreaAccessFacts): boolean {
  return area.owner === principal.id || principal.role === 'owner' || principal.role === 'manager';
}

/** A store manager's new areas stay private to them; anyone else's are for everyone. */
export function newAreaOwnership(principal: Principal): { owner: string | null; shared: boolean } {
  return {
    owner: principal.kind === 'user' ? principal.id : null,
    shared: principal.customerAccess !== 'own-stores',
  };
}
