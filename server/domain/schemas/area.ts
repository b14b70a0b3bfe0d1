// A saved target area: a Polygon/MultiPolygon with the parameters it was made from (shared by client and server).
// Radius and ring areas are canonical as centre + radius; their polygon is derived (turf.circle) on the server.
import { z } from 'zod';
import { areaGeometry, position, type AreaGeometry } from './geojson.js';
import { validateAreaGeometry } from '../geometry/validate-area.js';
import { text } from './text.js';
import { isochroneSpec } from './isochrone.js';
import { tradeAreaSpec } from './trade-area.js';

export const areaKinds = [
  'radius',
  'ring',
  'polygon',
  'boundary',
  'territory',
  'combined',
  'event',
  'isochrone',
  'trade',
] as const;
export type AreaKind = (typeof areaKinds)[number];

export const radiusMeters = z.number().positive().max(100_000).meta({ description: 'Metres' });
const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #1f77b4');
const areaName = text({ min: 1, max: 120 });
/** Ids kept in an area's params or shares: unknown ones are refused by the service, control characters here. */
const storedId = text({ max: 120, trim: false });

/** New areas take the next of these in turn (Tableau 10: distinct, and kind to colour-blind eyes). */
export const areaPalette = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
] as const;

/** Area ids: letters, digits and `_ . : -`, so they are safe in URLs, file names and logs. */
export const areaId = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,119}$/,
    'letters, digits, _ . : - (at most 120, starting with a letter or digit)',
  )
  .meta({ description: 'Area id', example: 'ar-3f2a' });

/**
 * A Polygon or MultiPolygon checked by validateAreaGeometry: a failure names the bad part, e.g.
 * `body.geometry.coordinates[0][5]`, and says where a self-intersection is. Plain zod would stop at the first
 * out-of-range number without saying that longitude and latitude look swapped, and cannot see self-intersections.
 */
export const areaGeometryInput = z
  .unknown()
  .superRefine((value, ctx) => {
    const result = validateAreaGeometry(value);
    if (result.ok) return;
    const rest = result.path.replace(/^geometry\.?/, '');
    ctx.addIssue({
      code: 'custom',
      path: rest ? [rest] : [],
      message: result.message,
      params: { reason: result.reason, ...(result.at ? { at: result.at } : {}) },
    });
  })
  .transform((value) => value as AreaGeometry)
  .meta({
    description:
      'A Polygon or MultiPolygon ([lng, lat], closed rings, at most 20,000 positions, no self-intersection)',
    oneOf: [
      { $ref: '#/components/schemas/Polygon' },
      { $ref: '#/components/schemas/MultiPolygon' },
    ],
  } as Record<string, unknown>);

/** What an area was made from. Only `center` + `radiusMeters` (+ `innerRadiusMeters` for rings) shape the geometry. */
export const areaParams = z
  .strictObject({
    center: position.optional(),
    radiusMeters: radiusMeters.optional(),
    /** Rings: the hole's radius (0 for a full disc). */
    innerRadiusMeters: z.number().min(0).max(100_000).optional(),
    storeId: storedId.optional(),
    storeIds: z.array(storedId).max(1000).optional(),
    boundaryIds: z.array(storedId).max(1000).optional(),
    eventId: storedId.optional(),
    /** Travel-time areas: mode, minutes and origin; the polygon comes from the routing engine. */
    isochrone: isochroneSpec.optional(),
    /** Trade areas from where a store's customers live: which tier, share and ranking made it. */
    tradeArea: tradeAreaSpec.optional(),
    /** How a combined area was made, e.g. `{ op: 'subtract', areaIds: [a, b] }`. */
    operations: z
      .array(
        z.strictObject({
          op: z.enum(['union', 'subtract', 'intersect']),
          areaIds: z.array(storedId).min(1).max(50),
        }),
      )
      .max(50)
      .optional(),
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
    customers: z.number().int().optional().meta({
      description:
        'Customers inside that the caller may count; absent when below the minimum group size for aggregate-only roles',
    }),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    owner: z.string().nullable().meta({
      description: 'The id of the user who created it; null for areas from before accounts',
    }),
    shared: z
      .boolean()
      .meta({ description: "Visible to everyone (store managers' areas start private)" }),
    sharedWith: z
      .array(z.string())
      .meta({ description: 'User ids who see it when it is not shared with everyone' }),
  })
  .meta({ id: 'AreaProperties' });

export const areaFeature = z
  .object({
    type: z.literal('Feature'),
    id: z.string().optional(),
    geometry: areaGeometry,
    properties: areaProperties,
  })
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
    /** Optional: the client re-creates a deleted area under its old id to undo the delete. */
    id: areaId.optional(),
    /** Optional: a name is made up from the kind and parameters ("1.5 km around Kiezkaffee Mitte"). */
    name: areaName.optional(),
    kind: z.enum(areaKinds).default('polygon'),
    /** Optional: the next colour of the palette. */
    color: hexColor.optional(),
    params: areaParams.default({}),
    geometry: areaGeometryInput.optional(),
  })
  .meta({ id: 'AreaCreate' });

/** Body of PATCH /api/areas/:id: rename, recolour, new geometry or new radius, plus the version last seen. */
export const areaPatch = z
  .strictObject({
    name: areaName.optional(),
    color: hexColor.optional(),
    params: areaParams.optional(),
    geometry: areaGeometryInput.optional(),
    /** Only the area's owner, or owners and managers, may change who sees it. */
    shared: z.boolean().optional(),
    sharedWith: z
      .array(storedId.min(1))
      .max(500)
      .optional()
      .meta({ description: 'User ids; replaces the list' }),
    /** Required in practice: a missing or stale version answers 409 with the current one (`currentVersion`). */
    version: z.number().int().min(1).optional().meta({
      description: 'The version you last read; missing or stale answers 409 with currentVersion',
    }),
  })
  .meta({ id: 'AreaPatch' });

const ids = z.array(z.string().min(1).max(120));
const breakMeters = z.number().min(0).max(100_000);

/** Body of POST /api/areas/combine: the first area united with, minus or intersected with the others. */
export const areaCombine = z
  .strictObject({
    op: z.enum(['union', 'subtract', 'intersect']),
    areaIds: ids.min(2).max(50),
    name: areaName.optional(),
    color: hexColor.optional(),
  })
  .meta({ id: 'AreaCombine' });

/** Body of POST /api/areas/rings: concentric rings around a store or a point. */
export const areaRings = z
  .strictObject({
    storeId: z.string().min(1).max(120).optional(),
    center: position.optional(),
    breaksMeters: z
      .array(breakMeters)
      .min(2)
      .max(21)
      .meta({
        description: 'Increasing radii; [0, 1000, 3000, 5000] gives 0–1, 1–3 and 3–5 km',
        example: [0, 1000, 3000, 5000],
      }),
    name: areaName.optional().meta({ description: 'Prefix for the ring names' }),
  })
  .meta({ id: 'AreaRings' });

/** Body of POST /api/areas/territories: nearest-store territories for these stores, or all when absent or empty. */
export const areaTerritories = z
  .strictObject({ storeIds: ids.max(1000).optional() })
  .meta({ id: 'AreaTerritories' });

/** What POST /api/areas/territories answers: the territories, and the stores that got none of their own. */
export const territoryCollection = areaCollection
  .extend({
    merged: z
      .array(z.object({ storeId: z.string(), into: z.string() }))
      .meta({ description: 'Stores at the same spot as another: they share its territory' }),
    outside: z
      .array(z.string())
      .meta({ description: 'Stores whose territory does not reach into the city' }),
    failed: z.array(z.object({ storeId: z.string(), message: z.string() })),
  })
  .meta({ id: 'TerritoryCollection' });

export type AreaProperties = z.infer<typeof areaProperties>;
export type AreaFeature = z.infer<typeof areaFeature>;
export type AreaCollection = z.infer<typeof areaCollection>;
export type TerritoryCollection = z.infer<typeof territoryCollection>;
export type AreaParams = z.infer<typeof areaParams>;
export type AreaCreate = z.infer<typeof areaCreate>;
export type AreaPatch = z.infer<typeof areaPatch>;
export type AreaCombine = z.infer<typeof areaCombine>;
export type AreaRings = z.infer<typeof areaRings>;
export type AreaTerritories = z.infer<typeof areaTerritories>;
