// Redemptions: an offer code used at a store's till (POST /api/redemptions) and a campaign's redemptions, a page at a time.
import { z } from 'zod';
import { queryInt } from './query.js';
import { text } from './text.js';

/** Body of POST /api/redemptions. */
export const redemptionCreate = z
  .strictObject({
    code: text({ min: 1, max: 64 }).meta({ description: 'The offer code, any case' }),
    storeId: text({ min: 1, max: 200 }),
    amount: z
      .number()
      .min(0)
      .max(1e9)
      .meta({ description: 'What the customer paid, in currency units' }),
    redeemedAt: z.iso
      .datetime({ offset: true })
      .optional()
      .meta({ description: 'ISO 8601 instant; now when absent' }),
    customerId: text({ min: 1, max: 200 })
      .optional()
      .meta({ description: "The customer's id, when the till knows it (loyalty card)" }),
  })
  .meta({ id: 'RedemptionCreate' });

/** A recorded redemption, as the API answers it and the repository stores it. */
export const redemption = z
  .object({
    id: z.string(),
    campaignId: z.string(),
    areaId: z.string().nullable().meta({ description: 'The campaign area the store lies in' }),
    code: z.string().meta({ description: 'In capitals' }),
    storeId: z.string().nullable(),
    amount: z.number(),
    redeemedAt: z.string(),
    customerId: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Redemption' });

/** Query of GET /api/campaigns/:id/redemptions. */
export const redemptionPageQuery = z.object({
  limit: queryInt(z.number().int().min(1).max(500)).default(100),
  cursor: z.string().max(400).optional().meta({ description: 'nextCursor from the previous page' }),
});

export const redemptionPage = z.object({
  redemptions: z.array(redemption),
  nextCursor: z.string().optional(),
});

export type RedemptionCreate = z.infer<typeof redemptionCreate>;
export type Redemption = z.infer<typeof redemption>;
