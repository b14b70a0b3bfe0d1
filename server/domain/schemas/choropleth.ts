// GET /api/choropleth: neighbourhoods or H3 hexagons coloured by a customer figure, with class breaks.
import { z } from 'zod';
import { CHOROPLETH_METRICS } from '../choropleth.js';
import { queryInt } from './query.js';
import { SEGMENT_QUERY_MAX } from './segment.js';

export const CHOROPLETH_LEVELS = ['neighbourhood', 'h3'] as const;
export const CLASS_METHODS = ['ckmeans', 'quantile'] as const;

export const choroplethQuery = z.strictObject({
  metric: z
    .enum(CHOROPLETH_METRICS)
    .default('penetration')
    .meta({ param: { name: 'metric', in: 'query' } }),
  level: z
    .enum(CHOROPLETH_LEVELS)
    .default('h3')
    .meta({ param: { name: 'level', in: 'query' } }),
  resolution: queryInt(z.number().int().min(7).max(9))
    .default(8)
    .meta({
      param: { name: 'resolution', in: 'query' },
      description: 'H3 resolution for level=h3: 7 ≈ 5 km², 8 ≈ 0.74 km², 9 ≈ 0.1 km²',
    }),
  method: z
    .enum(CLASS_METHODS)
    .default('ckmeans')
    .meta({
      param: { name: 'method', in: 'query' },
      description: 'Class breaks: natural breaks (ckmeans) or quantiles',
    }),
  classes: queryInt(z.number().int().min(2).max(7))
    .default(5)
    .meta({ param: { name: 'classes', in: 'query' } }),
  segment: z
    .string()
    .max(SEGMENT_QUERY_MAX)
    .optional()
    .meta({
      param: { name: 'segment', in: 'query' },
      description: 'The segment whose share segmentShare gives (URL-encoded JSON Segment)',
    }),
});

const regionProperties = z.object({
  id: z.string().meta({ description: 'Neighbourhood id or H3 index' }),
  name: z.string().optional(),
  value: z.number().nullable().meta({
    description:
      'null when the region has no figure, or is a small group shown to an aggregate-only role',
  }),
  /** Class index into breaks; null without a value. */
  class: z.number().int().nullable(),
  small: z
    .boolean()
    .meta({ description: 'Fewer customers than the minimum group size: drawn hatched' }),
});

export const choroplethAnswer = z
  .object({
    type: z.literal('FeatureCollection'),
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        geometry: z.object({
          type: z.enum(['Polygon', 'MultiPolygon']),
          coordinates: z.array(z.any()),
        }),
        properties: regionProperties,
      }),
    ),
    metric: z.enum(CHOROPLETH_METRICS),
    level: z.enum(CHOROPLETH_LEVELS),
    resolution: z.number().int().nullable(),
    method: z.enum(CLASS_METHODS),
    breaks: z.array(z.number()).meta({
      description: 'Ascending [min, b1, …, max]: class c is [breaks[c], breaks[c + 1])',
    }),
    minGroupSize: z.number().int(),
    /** Whether small groups' figures are withheld from this caller. */
    suppressed: z.boolean(),
  })
  .meta({ id: 'Choropleth' });

export type ChoroplethQuery = z.infer<typeof choroplethQuery>;
export type ChoroplethAnswer = z.infer<typeof choroplethAnswer>;
