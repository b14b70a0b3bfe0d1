// Response types. Resource shapes come from server/domain (the one server folder the client may import).
import type { z } from 'zod';
import type { boundaryCollection } from '../../server/domain/schemas/boundary';
import type { customerFeature } from '../../server/domain/schemas/customer';
import type { storeCollection } from '../../server/domain/schemas/store';

export type { CustomerProperties, LoyaltyTier, Gender } from '../../server/domain/schemas/customer';

export type StoreCollection = z.infer<typeof storeCollection>;
export type StoreFeature = StoreCollection['features'][number];
export type BoundaryCollection = z.infer<typeof boundaryCollection>;
export type BoundaryFeature = BoundaryCollection['features'][number];
export type CustomerFeature = z.infer<typeof customerFeature>;

export type Bbox = [minLng: number, minLat: number, maxLng: number, maxLat: number];

import type { BasemapKind } from '../../server/domain/schemas/workspace';
export type { ClientConfig, BasemapKind } from '../../server/domain/schemas/workspace';

/** GET /api/basemap: land, water and parks for the offline style. */
export interface BasemapCollection {
  type: 'FeatureCollection';
  features: { type: 'Feature'; geometry: GeoJSON.Geometry; properties: { kind: BasemapKind; name: string } }[];
}

export type { Audience, AudienceBreakdown, AudienceRequest } from '../../server/domain/schemas/audience';
export type { Segment } from '../../server/domain/schemas/segment';
export type { AreaGeometry } from '../../server/domain/schemas/geojson';
/** One value and how many customers have it (null: fewer than minGroupSize, hidden from this user). */
export interface FacetBucket {
  key: string;
  count: number | null;
}
/** GET /api/audience/facets: every value in use, most common first (`stores` keys are store ids). */
export interface AudienceFacets {
  jobTitles: FacetBucket[];
  industries: FacetBucket[];
  interests: FacetBucket[];
  stores: FacetBucket[];
  /** Present when small groups are hidden. */
  minGroupSize?: number;
}
export type { Me, Role, User } from '../../server/domain/schemas/user';
