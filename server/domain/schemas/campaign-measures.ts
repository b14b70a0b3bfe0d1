// The measures of GET /api/campaigns/:id/results (`measures`) and the trends of a campaign or an area: each group's
// conversion, retention, growth and revenue per customer, the lift of treated over holdout with its 95 % interval,
// weekly purchases and a retention cohort table. Definitions: README, "Campaign measures".
import { z } from 'zod';
import { queryInt } from './query.js';

const nullableInt = (description: string) => z.number().int().nullable().meta({ description });
const nullableNumber = (description: string) => z.number().nullable().meta({ description });

export const retentionFigure = z.object({
  days: z.number().int(),
  eligible: nullableInt(
    'Converted customers whose first purchase in the window is at least `days` old',
  ),
  retained: nullableInt('Of those, customers who bought again on a later day within `days`'),
  rate: nullableNumber('retained / eligible'),
});

export const groupMeasures = z
  .object({
    customers: nullableInt('Customers in the group'),
    converted: nullableInt('Customers who bought in the window'),
    conversion: nullableNumber('converted / customers'),
    retention: z.array(retentionFigure),
    revenueBefore: nullableNumber("The group's purchases in the period before, same length"),
    revenueDuring: nullableNumber("The group's purchases in the window"),
    growth: nullableNumber('revenueDuring / revenueBefore − 1; null without purchases before'),
    revenuePerCustomer: nullableNumber('revenueDuring / customers'),
  })
  .meta({ id: 'GroupMeasures' });

export const LIFT_REASONS = [
  'no-holdout',
  'holdout-too-small',
  'treated-too-small',
  'interval-spans-zero',
  'hidden',
] as const;

export const lift = z
  .object({
    difference: z.number().meta({ description: 'Treated minus holdout' }),
    low: z.number().meta({ description: 'Lower end of the 95 % interval' }),
    high: z.number().meta({ description: 'Upper end of the 95 % interval' }),
    method: z.enum(['newcombe', 'bootstrap', 'normal']).meta({
      description:
        "newcombe: Newcombe's hybrid score interval (1998, method 10); bootstrap: percentile bootstrap, 1,000 seeded resamples; normal: difference ± 1.96 standard errors (very many buyers)",
    }),
    conclusion: z.enum(['higher', 'lower', 'none']).meta({
      description: 'higher/lower when the whole interval is above/below zero; none otherwise',
    }),
    reason: z.enum(LIFT_REASONS).nullable().meta({ description: 'Why there is no conclusion yet' }),
  })
  .meta({ id: 'Lift' });

export const measuredGroup = z
  .object({
    key: z
      .string()
      .meta({ description: "'all', an area id, or a store id ('' for no home store)" }),
    name: z.string().optional(),
    treated: groupMeasures,
    holdout: groupMeasures,
    lift: z.object({
      conversion: lift.nullable(),
      retention: z.array(z.object({ days: z.number().int(), lift: lift.nullable() })),
      revenuePerCustomer: lift.nullable(),
      growthPoints: nullableNumber('Treated growth minus holdout growth'),
    }),
  })
  .meta({ id: 'MeasuredGroup' });

export const campaignMeasures = z
  .object({
    window: z.object({
      from: z.string().meta({ description: 'First day of the window (UTC date)' }),
      to: z
        .string()
        .meta({ description: 'Last day: the campaign end plus conversionDays, never after today' }),
      conversionDays: z.number().int(),
      beforeFrom: z
        .string()
        .meta({ description: 'First day of the period before, as long as the window' }),
      beforeTo: z.string(),
    }),
    overall: measuredGroup,
    byArea: z.array(measuredGroup),
    byStore: z.array(measuredGroup).meta({ description: "By the customers' home store" }),
    totals: z.object({
      purchases: nullableInt('Every purchase in the window at the stores the caller may see'),
      revenue: nullableNumber('Their amounts'),
      unlinked: nullableInt('Of those, purchases linked to no customer (erased, or an unknown id)'),
    }),
    minConclusiveGroup: z.number().int().meta({
      description: 'Fewer customers than this in a group and its lift draws no conclusion',
    }),
  })
  .meta({ id: 'CampaignMeasures' });

export const weekPoint = z.object({
  week: z.string().meta({ description: 'Monday of the week (UTC date)' }),
  purchases: nullableInt('Purchases that week'),
  customers: nullableInt('Distinct customers who bought that week'),
  revenue: nullableNumber('Their amounts'),
});

export const cohortRow = z.object({
  month: z.string().meta({ description: 'Month of first purchase, YYYY-MM (UTC)' }),
  customers: nullableInt('Customers whose first purchase on record is in that month'),
  retained: z.array(z.number().nullable()).meta({
    description:
      'Share of them who bought in the 1st, 2nd … 6th month after; null for months not over yet or hidden',
  }),
});

export const trends = z
  .object({
    weeks: z.array(weekPoint),
    livePeriods: z
      .array(z.object({ from: z.string(), to: z.string() }))
      .meta({ description: 'UTC dates on which an offer was live there' }),
    cohorts: z.array(cohortRow),
    minGroupSize: z.number().int().optional(),
  })
  .meta({ id: 'Trends' });

export type GroupMeasures = z.infer<typeof groupMeasures>;
export type RetentionFigure = z.infer<typeof retentionFigure>;
export type Lift = z.infer<typeof lift>;
export type MeasuredGroup = z.infer<typeof measuredGroup>;
export type CampaignMeasures = z.infer<typeof campaignMeasures>;
export type WeekPoint = z.infer<typeof weekPoint>;
export type CohortRow = z.infer<typeof cohortRow>;
export type Trends = z.infer<typeof trends>;

export const MAX_CONVERSION_DAYS = 90;

export const campaignResultsQuery = z.object({
  conversionDays: queryInt(z.number().int().min(0).max(MAX_CONVERSION_DAYS))
    .optional()
    .meta({
      description: `Days after the campaign's end within which a purchase still counts as converted (0–${MAX_CONVERSION_DAYS}, default 7)`,
    }),
});
