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
  })
  .meta({ id: 'AreaCompareRequest' });

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
