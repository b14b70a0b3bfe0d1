// Comparing saved areas side by side (a franchise manager's trade areas): the request and answer of
// POST /api/areas/compare.
import { z } from 'zod';
import { segment } from './segment.js';

export const MAX_COMPARED_AREAS = 8;

export const areaCompareRequest = z
  .strictObject({
    areaIds: z
      .array(z.string().min(1).max(120))
      .min(2)
      .max(MAX_COMPARED_AREAS)
      .refine((ids) => new Set(ids).size === ids.length, 'each area once')
      .meta({ description: `2 to ${MAX_COMPARED_AREAS} saved areas, in the order to show them` }),
    segment: segment.optional(),
    windowDays: z.number().int().min(7).max(365).optional().meta({
      description:
        'Days of purchases behind conversion, retention and growth: the last windowDays against the windowDays before (default 90)',
    }),
  })
  .meta({ id: 'AreaCompareRequest' });

const share = (description: string) => z.number().nullable().meta({ description });
const index = (of: string) =>
  z
    .number()
    .nullable()
    .meta({ description: `${of} against the average of the compared areas × 100 (100 = average)` });

/** Buying behaviour of an area's customers over the window; definitions in the README ("Campaign measures"). */
export const areaBehaviour = z.object({
  conversion: share("Share of the area's customers (segment applied) who bought in the window"),
  retention: share(
    'Share of those buyers who bought again within 30 days of their first purchase in the window (buyers whose first purchase is at least 30 days old)',
  ),
  growth: share("The customers' purchases in the window / in the period before − 1"),
  conversionIndex: index('Conversion'),
  retentionIndex: index('Retention'),
  growthIndex: index('1 + growth (the during/before ratio)'),
});

export const compareWindow = z.object({
  days: z.number().int(),
  from: z.string(),
  to: z.string(),
  beforeFrom: z.string(),
  beforeTo: z.string(),
});

const bucket = z.object({
  key: z.string(),
  count: z.number().int().nullable(),
  cityShare: z.number().nullable().optional(),
  index: z
    .number()
    .int()
    .nullable()
    .optional()
    .meta({ description: "Against the whole city's share: 100 = as in the city" }),
});

export const comparedArea = z
  .object({
    id: z.string(),
    name: z.string(),
    color: z.string(),
    areaKm2: z.number(),
    population: z.number().int().meta({
      description: 'People living there, from the neighbourhoods it covers (areal weighting)',
    }),
    populationComplete: z.boolean().meta({
      description:
        'false when some neighbourhood overlap could not be computed (the estimate leaves it out)',
    }),
    customers: z
      .number()
      .int()
      .nullable()
      .meta({ description: 'Customers inside matching the segment; null below minGroupSize' }),
    consented: z.number().int().nullable(),
    density: z.number().nullable().meta({ description: 'Customers per km²' }),
    penetration: z
      .number()
      .nullable()
      .meta({ description: 'Customers per resident (0–1); null without population' }),
    revenue: z.number().nullable(),
    avgSpend: z.number().nullable(),
    loyaltyTiers: z.array(bucket).meta({ description: 'none, bronze, silver, gold' }),
    lapsedShare: z
      .number()
      .nullable()
      .meta({ description: 'Share of customers without a purchase for 90 days or more (or ever)' }),
    behaviour: areaBehaviour,
    lapsedIndex: z.number().int().nullable().optional().meta({
      description: "lapsedShare against the whole city's (same segment): 100 = as in the city",
    }),
  })
  .meta({ id: 'ComparedArea' });

export const areaOverlap = z
  .object({
    a: z.string(),
    b: z.string(),
    sharedKm2: z
      .number()
      .nullable()
      .meta({ description: 'null when the geometry engine could not intersect them' }),
    sharedCustomers: z.number().int().nullable().meta({
      description:
        'Customers living in both (the segment applied); null below minGroupSize or when sharedKm2 is null',
    }),
  })
  .meta({ id: 'AreaOverlap' });

export const areaComparison = z
  .object({
    areas: z.array(comparedArea),
    overlaps: z
      .array(areaOverlap)
      .meta({ description: 'Every pair of areas that share ground, in request order' }),
    asOf: z.string(),
    window: compareWindow.meta({ description: 'The purchase window behind each area’s behaviour' }),
    minGroupSize: z
      .number()
      .int()
      .optional()
      .meta({ description: 'Present when small groups are hidden' }),
  })
  .meta({ id: 'AreaComparison' });

export type AreaCompareRequest = z.infer<typeof areaCompareRequest>;
export type ComparedArea = z.infer<typeof comparedArea>;
export type AreaOverlap = z.infer<typeof areaOverlap>;
export type AreaComparison = z.infer<typeof areaComparison>;
export type AreaBehaviour = z.infer<typeof areaBehaviour>;
export type CompareWindow = z.infer<typeof compareWindow>;
