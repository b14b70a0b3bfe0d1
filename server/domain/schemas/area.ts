// A saved target area: a Polygon/MultiPolygon with the parameters it was made from (shared by client and server).
// Radius and ring areas are canonical as centre + radius; their polygon is derived (turf.circle) on the server.
import { z } from 'zod';
import { areaGeometry, position } from './geojson.js';

export const areaKinds = ['radius', 'ring', 'polygon', 'boundary', 'territory', 'combined', 'event'] as const;
export type AreaKind = (typeof areaKinds)[number];

export const radiusMeters = z.number().positive().max(100_000).meta({ description: 'Metres' });
const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #1f77b4');
const areaName = z.string().trim().min(1).max(120);

/** What an area was made from. Only `center` + `radiusMeters` (+ `innerRadiusMeters` for rings) shape the geometry. */
export const areaParams = z
  .strictObject({
    center: position.optional(),
    radiusMeters: radiusMeters.optional(),
    /** Rings: the hole's radius (0 for a full disc). */
    innerRadiusMeters: z.number().min(0).max(100_000).optional(),
    storeId: z.string().max(120).optional(),
    storeIds: z.array(z.string().max(120)).max(1000).optional(),
    boundaryIds: z.array(z.string().max(120)).max(1000).optional(),
    eventId: z.string().max(120).optional(),
    /** How a combined area was made, e.g. `{ op: 'subtract', areaIds: [a, b] }`. */
    operations: z.array(z.strictObject({ op: z.enum(['union', 'subtract', 'intersect']), areaIds: z.array(z.string().max(120)).min(1).max(50) })).max(50).optional(),
  })
  .meta({ id: 'AreaParams' });

export const areaProperties = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(areaKinds),
    color: z.string(),
    params: areaParams,
    areaKm2: z.number().meta({ description: 'Area in km²' }),
    perimeterKm: z.number().meta({ description: 'Length of every ring in km' }),
    customers: z.number().int().optional().meta({ description: 'Customers inside (in lists)' }),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'AreaProperties' });

export const areaFeature = z
  .object({ type: z.literal('Feature'), id: z.string().optional(), geometry: areaGeometry, properties: areaProperties })
  .meta({ id: 'Area' });
export const areaCollection = z
  .object({ type: z.literal('FeatureCollection'), features: z.array(areaFeature) })
  .meta({ id: 'AreaCollection' });

/**
 * Body of POST /api/areas. Radius and ring areas send `params.center` and `params.radiusMeters` and no geometry;
 * every other kind sends its geometry.
 */
export const areaCreate = z
  .strictObject({
    name: areaName,
    kind: z.enum(areaKinds).default('polygon'),
    color: hexColor.optional(),
    params: areaParams.default({}),
    geometry: areaGeometry.optional(),
  })
  .meta({ id: 'AreaCreate' });

/** Body of PATCH /api/areas/:id: rename, recolour, new geometry or new radius, plus the version last seen. */
export const areaPatch = z
  .strictObject({
    name: areaName.optional(),
    color: hexColor.optional(),
    params: areaParams.optional(),
    geometry: areaGeometry.optional(),
    version: z.number().int().min(1),
  })
  .meta({ id: 'AreaPatch' });

export type AreaProperties = z.infer<typeof areaProperties>;
export type AreaFeature = z.infer<typeof areaFeature>;
export type AreaParams = z.infer<typeof areaParams>;
export type AreaCreate = z.infer<typeof areaCreate>;
export type AreaPatch = z.infer<typeof areaPatch>;
