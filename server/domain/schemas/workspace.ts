// What the client needs to start (view, basemap) and the offline basemap's features.
import { z } from 'zod';
import { distanceUnits, temperatureUnits } from './settings.js';

export const bboxTuple = z.tuple([z.number(), z.number(), z.number(), z.number()]);

export const clientConfigSchema = z
  .object({
    workspace: z.object({
      name: z.string(),
      center: z.tuple([z.number(), z.number()]),
      zoom: z.number(),
      bbox: bboxTuple,
      currency: z
        .string()
        .regex(/^[A-Z]{3}$/)
        .optional()
        .meta({
          description: 'ISO 4217 code for money figures; the client assumes EUR when absent',
        }),
      timeZone: z.string().optional().meta({
        description:
          "The workspace's IANA time zone (new campaigns start in it); absent until set, when the viewer's is used",
      }),
      distanceUnits,
      temperatureUnit: temperatureUnits,
    }),
    basemap: z.object({
      styleUrl: z
        .string()
        .nullable()
        .meta({ description: 'CATCHMENT_BASEMAP_STYLE, or null for the offline style' }),
      pmtilesUrl: z.string().nullable().meta({
        description:
          'Where the Protomaps archive named by CATCHMENT_BASEMAP_PMTILES is served (by byte range), or null when none is',
      }),
    }),
  })
  .meta({ id: 'ClientConfig' });

export const basemapKinds = ['land', 'water', 'park'] as const;

export const basemapSchema = z
  .object({
    type: z.literal('FeatureCollection'),
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        geometry: z.any().meta({ description: 'A GeoJSON geometry' }),
        properties: z.object({ kind: z.enum(basemapKinds), name: z.string() }),
      }),
    ),
  })
  .meta({ id: 'BasemapFeatures' });

export type ClientConfig = z.infer<typeof clientConfigSchema>;
export type BasemapKind = (typeof basemapKinds)[number];
