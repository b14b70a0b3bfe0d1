// What GET /api/campaigns/:id/results answers: a campaign's audience, activations, redemptions, conversion, holdout
// and lift. Aggregate-only roles get small groups as null (domain/campaigns/results.ts says which).
import { z } from 'zod';
import { campaignMeasures } from './campaign-measures.js';

const nullableCount = (description: string) =>
  z
    .number()
    .int()
    .nullable()
    .meta({ description: `${description}; null when below minGroupSize (aggregate roles)` });
const nullableRate = (description: string) => z.number().nullable().meta({ description });

export const campaignResults = z
  .object({
    campaignId: z.string(),
    at: z.string().meta({ description: 'When the results were computed' }),
    audience: z.object({
      count: nullableCount(
        "Customers in the union of the campaign's areas matching its segment, each once (store managers: their stores' customers)",
      ),
      consented: nullableCount(
        'Of those, customers who consented to marketing: the reach of a sending channel',
      ),
      treated: nullableCount('The audience minus the holdout: customers offered the campaign'),
      holdout: nullableCount('Customers held out (never offered)'),
    }),
    activations: z.object({
      count: z
        .number()
        .int()
        .meta({ description: 'Intervals during which the offer was live in one of its areas' }),
      liveHours: z.number().meta({
        description: "Sum of the intervals' lengths in hours (per area; open ones up to now)",
      }),
    }),
    redemptions: z.object({
      count: z
        .number()
        .int()
        .nullable()
        .meta({ description: 'Redemptions; null for 1 … minGroupSize − 1 (aggregate roles)' }),
      revenue: z
        .number()
        .nullable()
        .meta({ description: 'Sum of the redeemed amounts, in currency units; null with count' }),
      byDay: z
        .array(
          z.object({
            day: z.string().meta({ description: 'UTC date' }),
            count: z.number().int(),
            revenue: z.number(),
          }),
        )
        .meta({
          description:
            'Aggregate roles: only days of at least minGroupSize redemptions, and none whose count the total minus the others would reveal',
        }),
    }),
    conversionRate: nullableRate(
      'Converted / treated audience. Converted: distinct treated customers who redeemed, plus each redemption that names no customer; null when the treated audience is empty (or below minGroupSize)',
    ),
    holdout: z.object({
      percent: z.number().meta({
        description:
          "The campaign's holdout share of the audience, chosen stably at random per customer",
      }),
      customers: nullableCount('Customers held out'),
      purchasedRate: nullableRate(
        "Share of held-out customers whose last purchase date falls on a day the campaign's offer was live (any area): the baseline",
      ),
    }),
    treatedPurchasedRate: nullableRate('The same share among treated customers'),
    lift: nullableRate(
      'treatedPurchasedRate / holdout.purchasedRate − 1; null when the holdout is empty, its rate is 0, or a group is below minGroupSize',
    ),
    measures: campaignMeasures.meta({
      description:
        'Conversion, retention, sales growth and revenue per customer from purchases, treated against held out, with 95 % intervals for the lift (README, "Campaign measures")',
    }),
    minGroupSize: z
      .number()
      .int()
      .optional()
      .meta({ description: 'Present when small groups were hidden' }),
  })
  .meta({ id: 'CampaignResults' });

export type CampaignResults = z.infer<typeof campaignResults>;
