// What one caller may learn about customers, applied in one place: a store manager's questions narrowed to their
// stores, and for aggregate-only roles every group smaller than the workspace's minimum group size (k) hidden. The
// rules are server/domain/privacy.ts; this reads k once per caller and applies them to audiences, facets and counts.
import type { Db } from '../../db/connection.js';
import { readPrivacySettings } from '../../db/repos/settings.js';
import type { Principal } from '../../domain/permissions.js';
import {
  hidesSmallGroups,
  scopeSegment,
  suppressSmallFacets,
  suppressSmallGroups,
  visibleStoreIds,
  type FacetCounts,
} from '../../domain/privacy.js';
import type { Audience } from '../../domain/schemas/audience.js';
import type { Segment } from '../../domain/schemas/segment.js';

export interface AudienceView {
  /** The home stores whose customers the caller may see; null for every store. */
  storeIds: string[] | null;
  /** The minimum group size when small groups are hidden from the caller; null when they see every count. */
  k: number | null;
  /** The segment narrowed to the caller's stores (a store manager's segment never reaches past them). */
  segment(segment: Segment | undefined): Segment | undefined;
  /** The audience with groups below k hidden and k named; unchanged when nothing is hidden. */
  hide(audience: Audience): Audience;
  /** Facet counts below k hidden and k named; unchanged when nothing is hidden. */
  hideFacets<F extends FacetCounts>(facets: F): F | (F & { minGroupSize: number });
  /** One count of people: null when it is below k. */
  hideCount(count: number): number | null;
}

/**
 * @example const view = audienceViewFor(db, principal);
 * view.hide(await audience.audience({ geometry, segment: view.segment(request.segment), at }))
 */
export function audienceViewFor(db: Db, principal: Principal): AudienceView {
  const k = hidesSmallGroups(principal) ? readPrivacySettings(db).minGroupSize : null;
  return {
    storeIds: visibleStoreIds(principal),
    k,
    segment: (segment) => scopeSegment(segment, principal),
    hide: (audience) => (k === null ? audience : suppressSmallGroups(audience, k)),
    hideFacets: (facets) => (k === null ? facets : suppressSmallFacets(facets, k)),
    hideCount: (count) => (k !== null && count < k ? null : count),
  };
}

/** `{ minGroupSize: k }` when the view hides small groups, `{}` otherwise: spread into answers that name k. */
export const namedK = (view: Pick<AudienceView, 'k'>): { minGroupSize?: number } =>
  view.k === null ? {} : { minGroupSize: view.k };
