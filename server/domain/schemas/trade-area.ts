// Trade areas from where a store's customers live: the primary area holds the first 70 % of them (adjustable),
// the secondary one the next ring up to 90 %, both built from H3 cells and dissolved into polygons.
import { z } from 'zod';
import { areaGeometry } from './geojson.js';
import { queryInt } from './query.js';

export const tradeAreaRankings = ['distance', 'customers'] as const;
export const tradeAreaTiers = ['primary', 'secondary'] as const;

/** What a saved trade area was made from (kept in its params). */
export const tradeAreaSpec = z
  .strictObject({
    tier: z.enum(tradeAreaTiers),
    primaryPercent: z.number().min(1).max(99),
    secondaryPercent: z.number().min(1).max(100),
    rankBy: z.enum(tradeAreaRankings),
    resolution: z.number().int().min(6).max(10),
  })
  .meta({ id: 'TradeAreaSpec' });

const percent = (fallback: number) => queryInt(z.number().int().min(1).max(100)).default(fallback);

/** Query of GET /api/stores/{id}/trade-areas. */
export const tradeAreaQuery = z
  .strictObject({
    primary: percent(70).meta({
      param: { name: 'primary', in: 'query' },
      description: "Share of the store's home customers the primary area holds, in % (default 70)",
    }),
    secondary: percent(90).meta({
      param: { name: 'secondary', in: 'query' },
      description: 'Share the primary and secondary areas hold together, in % (default 90)',
    }),
    rankBy: z
      .enum(tradeAreaRankings)
      .default('distance')
      .meta({
        param: { name: 'rankBy', in: 'query' },
        description:
          'Add hexagons nearest the store first (distance) or those with most customers first (customers)',
      }),
    resolution: queryInt(z.number().int().min(6).max(10))
      .default(9)
      .meta({
        param: { name: 'resolution', in: 'query' },
        description: 'H3 resolution of the cells: 8 ≈ 0.74 km², 9 ≈ 0.1 km², 10 ≈ 0.015 km²',
      }),
  })
  .refine((q) => q.secondary > q.primary, {
    path: ['secondary'],
    message: 'must be larger than primary',
  });

const tier = z.object({
  tier: z.enum(tradeAreaTiers),
  geometry: areaGeometry.nullable().meta({ description: 'null when the tier needs no cell' }),
  customers: z.number().int().nullable().meta({
    description: 'Home customers in it; null below the minimum group size for aggregate-only roles',
  }),
  sharePercent: z.number().nullable(),
  cumulativePercent: z.number().nullable(),
  cells: z.number().int(),
  areaKm2: z.number(),
});

export const tradeAreaAnswer = z
  .object({
    storeId: z.string(),
    homeCustomers: z.number().int().nullable(),
    primaryPercent: z.number(),
    secondaryPercent: z.number(),
    rankBy: z.enum(tradeAreaRankings),
    resolution: z.number().int(),
    tiers: z.array(tier),
    minGroupSize: z.number().int().optional(),
  })
  .meta({ id: 'TradeAreas' });

export type TradeAreaSpec = z.infer<typeof tradeAreaSpec>;
export type TradeAreaQuery = z.infer<typeof tradeAreaQuery>;
export type TradeAreaAnswer = z.infer<typeof tradeAreaAnswer>;
export type TradeAreaRanking = (typeof tradeAreaRankings)[number];
