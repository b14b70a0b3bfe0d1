// The offline basemap's street network: named streets by class, as the map draws them (GET /api/basemap/streets).
import { z } from 'zod';

/** Road ranks, widest first: the style draws each with its own width and colour. */
export const streetClasses = ['primary', 'secondary', 'residential'] as const;
export type StreetClass = (typeof streetClasses)[number];

const position = z.tuple([z.number(), z.number()]);

export const streetCollectionSchema = z
  .object({
    type: z.literal('FeatureCollection'),
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        id: z.number().int(),
        geometry: z.object({
          type: z.literal('LineString'),
          coordinates: z.array(position).min(2),
        }),
        properties: z.object({ name: z.string(), class: z.enum(streetClasses) }),
      }),
    ),
  })
  .meta({ id: 'Streets' });

export type StreetCollection = z.infer<typeof streetCollectionSchema>;
