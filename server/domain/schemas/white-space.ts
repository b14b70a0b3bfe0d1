// GET /api/white-space: where many people live, few are customers and no store is near.
import { z } from 'zod';
import { queryInt, queryNumber } from './query.js';
import { SEGMENT_QUERY_MAX } from './segment.js';

export const whiteSpaceQuery = z.strictObject({
  resolution: queryInt(z.number().int().min(6).max(9))
    .default(8)
    .meta({
      param: { name: 'resolution', in: 'query' },
      description: 'H3 resolution: 7 ≈ 5 km², 8 ≈ 0.74 km², 9 ≈ 0.1 km² per hexagon',
    }),
  minStoreKm: queryNumber(z.number().min(0).max(50))
    .default(1.5)
    .meta({
      param: { name: 'minStoreKm', in: 'query' },
      description: 'Only hexagons at least this far from every store',
    }),
  minResidents: queryInt(z.number().int().min(0).max(1_000_000))
    .default(500)
    .meta({ param: { name: 'minResidents', in: 'query' } }),
  limit: queryInt(z.number().int().min(1).max(200))
    .default(25)
    .meta({ param: { name: 'limit', in: 'query' } }),
  segment: z
    .string()
    .max(SEGMENT_QUERY_MAX)
    .optional()
    .meta({
      param: { name: 'segment', in: 'query' },
      description: `Count only the customers in this Segment (URL-encoded JSON, at most ${SEGMENT_QUERY_MAX.toLocaleString('en')} characters): penetration and untapped are then the segment's`,
    }),
});

const cell = z.object({
  h3: z.string(),
  center: z.tuple([z.number(), z.number()]),
  geometry: z.object({
    type: z.literal('Polygon'),
    coordinates: z.array(z.array(z.tuple([z.number(), z.number()]))),
  }),
  residents: z.number().int(),
  customers: z
    .number()
    .int()
    .nullable()
    .meta({ description: 'null below minGroupSize for aggregate-only roles' }),
  penetration: z.number().nullable(),
  nearestStoreKm: z.number().nullable().meta({ description: 'null when there are no stores' }),
  untapped: z.number().meta({
    description: "Customers the hexagon would have at the city's penetration, minus those it has",
  }),
});

export const whiteSpaceAnswer = z
  .object({
    cells: z.array(cell).meta({ description: 'Most untapped first' }),
    cityPenetration: z.number().meta({ description: 'Customers per resident over the whole city' }),
    hexagons: z.number().int().meta({ description: 'Hexagons with residents, before filtering' }),
    resolution: z.number().int(),
    minGroupSize: z.number().int().optional(),
  })
  .meta({ id: 'WhiteSpace' });

export type WhiteSpaceQuery = z.infer<typeof whiteSpaceQuery>;
export type WhiteSpaceAnswer = z.infer<typeof whiteSpaceAnswer>;
