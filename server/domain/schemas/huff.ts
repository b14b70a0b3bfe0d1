// The Huff model's API: the fitted model with expected against actual share per store, one store's probability
// surface, and "what if we open here?".
import { z } from 'zod';
import { position } from './geojson.js';
import { queryInt } from './query.js';
import { text } from './text.js';
import { travelModes } from '../routing/travel-modes.js';

export const huffQuery = z.strictObject({
  resolution: queryInt(z.number().int().min(7).max(9))
    .default(8)
    .meta({
      param: { name: 'resolution', in: 'query' },
      description:
        'H3 resolution of the places the model is fitted over (8 ≈ 0.74 km² per hexagon)',
    }),
});

/** What the model's d is: straight-line km, or minutes by a travel mode from the routing engine's matrix. */
export const huffMeasure = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('distance') }),
    z.object({
      kind: z.literal('travel-time'),
      mode: z.enum(travelModes),
      engine: z.enum(['valhalla', 'openrouteservice']),
    }),
  ])
  .meta({
    description:
      'Straight-line km, or minutes from the routing engine when CATCHMENT_ROUTING names one',
  });

const params = z.object({
  decay: z.number().meta({ description: 'λ: distance decay exponent' }),
  attractivenessWeight: z.number().meta({ description: 'α: attractiveness exponent' }),
});

const storeShare = z.object({
  id: z.string(),
  name: z.string(),
  brand: z.string(),
  attractiveness: z.number(),
  expected: z.number().meta({ description: 'Customers the model expects to choose the store' }),
  actual: z.number().int().nullable().meta({
    description:
      'Customers whose home store it is; null below minGroupSize for aggregate-only roles',
  }),
  expectedShare: z.number(),
  actualShare: z.number().nullable(),
});

export const huffModel = z
  .object({
    resolution: z.number().int(),
    measure: huffMeasure,
    params,
    logLikelihood: z.number(),
    nullLogLikelihood: z.number().meta({ description: 'Every store equally likely' }),
    pseudoR2: z.number().meta({ description: "McFadden's pseudo-R²: 1 − LL / LL₀" }),
    attractivenessIdentified: z.boolean().meta({
      description: 'False when every store is equally attractive: α is then not fitted',
    }),
    choices: z.number().int().meta({ description: 'Customers with a home store the fit used' }),
    places: z.number().int().meta({ description: 'Hexagons with customers or residents' }),
    stores: z.array(storeShare),
    minGroupSize: z.number().int().optional(),
  })
  .meta({ id: 'HuffModel' });

export const huffSurface = z
  .object({
    type: z.literal('FeatureCollection'),
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        geometry: z.object({
          type: z.literal('Polygon'),
          coordinates: z.array(z.array(z.tuple([z.number(), z.number()]))),
        }),
        properties: z.object({ h3: z.string(), probability: z.number() }),
      }),
    ),
    storeId: z.string(),
    resolution: z.number().int(),
  })
  .meta({ id: 'HuffSurface' });

export const huffWhatIfBody = z
  .strictObject({
    point: position.meta({ description: '[lng, lat] of the new store' }),
    brand: text({ min: 1, max: 120 }),
    attractiveness: z.number().int().min(1).max(5).default(3),
    resolution: z.number().int().min(7).max(9).default(8),
  })
  .meta({ id: 'HuffWhatIfBody' });

const loss = z.object({
  storeId: z.string(),
  name: z.string(),
  brand: z.string(),
  customers: z
    .number()
    .nullable()
    .meta({ description: 'null below minGroupSize for aggregate-only roles' }),
  revenue: z.number().nullable(),
});

export const huffWhatIf = z
  .object({
    point: position,
    brand: z.string(),
    attractiveness: z.number(),
    measure: huffMeasure,
    params,
    customers: z.number().nullable().meta({ description: 'Customers the new store would take' }),
    share: z.number().meta({ description: 'Its predicted share of all customers' }),
    revenue: z.number().nullable(),
    sameBrand: z.object({ customers: z.number().nullable(), revenue: z.number().nullable() }).meta({
      description: "Taken from the brand's own stores (cannibalisation proper)",
    }),
    losses: z.array(loss).meta({ description: 'Per existing store, most customers lost first' }),
    minGroupSize: z.number().int().optional(),
  })
  .meta({ id: 'HuffWhatIf' });

export type HuffQuery = z.infer<typeof huffQuery>;
export type HuffMeasure = z.infer<typeof huffMeasure>;
export type HuffModel = z.infer<typeof huffModel>;
export type HuffSurface = z.infer<typeof huffSurface>;
export type HuffWhatIfBody = z.infer<typeof huffWhatIfBody>;
export type HuffWhatIf = z.infer<typeof huffWhatIf>;
