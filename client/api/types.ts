// Response types. Resource shapes come from server/domain (the one server folder the client may import);
// the client config and basemap shapes are declared here until the server moves their schemas to server/domain.
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

/** GET /api/config (mirrors `clientConfigSchema` in server/routes/workspace.ts). */
export interface ClientConfig {
  workspace: { name: string; center: [number, number]; zoom: number; bbox: Bbox };
  basemap: { styleUrl: string | null };
}

export type BasemapKind = 'land' | 'water' | 'park';

/** GET /api/basemap: land, water and parks for the offline style. */
export interface BasemapCollection {
  type: 'FeatureCollection';
  features: { type: 'Feature'; geometry: GeoJSON.Geometry; properties: { kind: BasemapKind; name: string } }[];
}
