// GeoJSON building blocks (RFC 7946, [lng, lat] in WGS 84) shared by every resource schema.
import { z } from 'zod';

export const longitude = z
  .number()
  .min(-180)
  .max(180)
  .meta({ description: 'Longitude in degrees (WGS 84)' });
export const latitude = z
  .number()
  .min(-90)
  .max(90)
  .meta({ description: 'Latitude in degrees (WGS 84)' });

/** A position is `[lng, lat]` or `[lng, lat, altitude]` (ignored); RFC 7946 § 3.1.1 advises against more members, so they are refused. */
export const position = z
  .tuple([longitude, latitude])
  .rest(z.number())
  .refine((p) => p.length <= 3, 'a position is [lng, lat] or [lng, lat, altitude]')
  .meta({
    description: '[longitude, latitude] or [longitude, latitude, altitude]',
    maxItems: 3,
    example: [13.405, 52.52],
  });

export const pointGeometry = z
  .object({ type: z.literal('Point'), coordinates: position })
  .meta({ id: 'Point' });

const linearRing = z.array(position).min(4);
export const polygonGeometry = z
  .object({ type: z.literal('Polygon'), coordinates: z.array(linearRing).min(1) })
  .meta({ id: 'Polygon' });
export const multiPolygonGeometry = z
  .object({
    type: z.literal('MultiPolygon'),
    coordinates: z.array(z.array(linearRing).min(1)).min(1),
  })
  .meta({ id: 'MultiPolygon' });
export const areaGeometry = z.discriminatedUnion('type', [polygonGeometry, multiPolygonGeometry]);

export type PointGeometry = z.infer<typeof pointGeometry>;
export type AreaGeometry = z.infer<typeof areaGeometry>;

/** A FeatureCollection schema whose features carry the given geometry and properties. */
export function featureCollectionOf<G extends z.ZodType, P extends z.ZodType>(
  geometry: G,
  properties: P,
) {
  return z.object({
    type: z.literal('FeatureCollection'),
    features: z.array(
      z.object({ type: z.literal('Feature'), id: z.string().optional(), geometry, properties }),
    ),
  });
}
