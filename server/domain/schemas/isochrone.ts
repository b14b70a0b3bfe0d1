// Travel-time areas (isochrones): how far one gets from a point, a store or an event in so many minutes on foot,
// by bike or by car. The parameters an isochrone area keeps, the preview request and its answer.
import { z } from 'zod';
import { travelModes } from '../routing/travel-modes.js';
import { areaGeometry, position } from './geojson.js';
import { text } from './text.js';

export const ISOCHRONE_MINUTES = { min: 5, max: 30 } as const;

export const travelMode = z.enum(travelModes).meta({ description: 'walk, bike or drive' });
export const isochroneMinutes = z
  .number()
  .int('whole minutes')
  .min(ISOCHRONE_MINUTES.min)
  .max(ISOCHRONE_MINUTES.max)
  .meta({ description: `Minutes of travel, ${ISOCHRONE_MINUTES.min} to ${ISOCHRONE_MINUTES.max}` });

/** What an isochrone area was made from, kept in its params: its polygon is derived from these. */
export const isochroneSpec = z
  .strictObject({ mode: travelMode, minutes: isochroneMinutes, origin: position })
  .meta({ id: 'IsochroneSpec' });

const storedId = text({ max: 120, trim: false });

/** Body of POST /api/isochrones: from a point (`origin`), a store (`storeId`) or an event (`eventId`). */
export const isochroneRequest = z
  .strictObject({
    mode: travelMode,
    minutes: isochroneMinutes,
    origin: position.optional(),
    storeId: storedId.min(1).optional(),
    eventId: storedId.min(1).optional(),
  })
  .meta({ id: 'IsochroneRequest' });

/** A previewed travel-time area: draw it, then save it with POST /api/areas (kind `isochrone`, these params). */
export const isochronePreview = z
  .object({
    type: z.literal('Feature'),
    geometry: areaGeometry,
    properties: z.object({
      mode: travelMode,
      minutes: z.number().int(),
      origin: z.tuple([z.number(), z.number()]),
      storeId: z.string().optional(),
      eventId: z.string().optional(),
      engine: z.enum(['offline', 'valhalla', 'openrouteservice']),
      areaKm2: z.number(),
      customers: z.number().int().optional().meta({
        description:
          'Customers inside as the caller may count them; absent below the minimum group size',
      }),
      suggestedName: z.string(),
    }),
  })
  .meta({ id: 'IsochronePreview' });

export type IsochroneSpec = z.infer<typeof isochroneSpec>;
export type IsochroneRequest = z.infer<typeof isochroneRequest>;
export type IsochronePreview = z.infer<typeof isochronePreview>;
