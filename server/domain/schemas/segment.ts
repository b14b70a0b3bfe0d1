// A segment: a filter over customer attributes, shared by audience counts, campaigns and exports (client and server).
// An absent, null or empty field does not filter. Ranges are inclusive.
import { z } from 'zod';
import { genders, loyaltyTiers } from './customer.js';
import { text } from './text.js';

const days = z.number().int().min(0).max(36_500);
const money = z.number().min(0).max(1e9);
const list = <T extends z.ZodType>(item: T) => z.array(item).max(500);
const label = text({ min: 1, max: 120 });

/**
 * Longest segment a query string takes (GET export links, an event's reach): with its URL encoding it stays within
 * the server's URL limit of 8,192 characters (longer URLs answer 414). Larger segments go in a POST body.
 */
export const SEGMENT_QUERY_MAX = 4000;

/** The named RFM cells (server/domain/rfm.ts), best first. */
export const rfmCells = [
  'champions',
  'loyal',
  'potential_loyalist',
  'new',
  'promising',
  'need_attention',
  'about_to_sleep',
  'at_risk',
  'cant_lose',
  'hibernating',
  'lost',
] as const;
export type RfmCell = (typeof rfmCells)[number];

/** Share of a customer's purchases made with a discount: low < 20 %, medium 20–50 %, high ≥ 50 %. */
export const priceSensitivities = ['low', 'medium', 'high'] as const;
export type PriceSensitivity = (typeof priceSensitivities)[number];

export const segment = z
  .strictObject({
    ageMin: z.number().int().min(0).max(130).nullish(),
    ageMax: z.number().int().min(0).max(130).nullish(),
    genders: list(z.enum(genders)).optional(),
    jobTitles: list(label).optional(),
    industries: list(label).optional(),
    /** A customer matches when they have at least one of these interests. */
    interests: list(label).optional(),
    loyaltyTiers: list(z.enum(loyaltyTiers)).optional(),
    /** No purchase for at least this many days (customers who never bought count as lapsed). */
    lapsedDays: days.nullish(),
    /** A purchase within this many days. */
    activeWithinDays: days.nullish(),
    minSpend: money.nullish(),
    maxSpend: money.nullish(),
    /** Home store is one of these. */
    storeIds: list(label).optional(),
    consentedOnly: z.boolean().nullish(),
    /** RFM cell is one of these (customers who never bought have none). */
    rfmCells: list(z.enum(rfmCells)).optional(),
    /** Average basket (total spend / purchases), inclusive; customers who never bought never match. */
    minAvgBasket: money.nullish(),
    maxAvgBasket: money.nullish(),
    /** Price sensitivity is one of these; needs purchase rows (a summary-only customer never matches). */
    priceSensitivities: list(z.enum(priceSensitivities)).optional(),
    /** Bought at least one of these product categories (keys as the purchases carry them)… */
    productCategories: list(label).optional(),
    /** …within this many days (absent: ever). */
    categoriesWithinDays: days.nullish(),
    /** First purchase at most this many days ago ("new customers"). */
    firstPurchaseWithinDays: days.nullish(),
  })
  .superRefine((s, ctx) => {
    if (s.ageMin != null && s.ageMax != null && s.ageMin > s.ageMax)
      ctx.addIssue({ code: 'custom', path: ['ageMax'], message: 'must be at least ageMin' });
    if (s.minSpend != null && s.maxSpend != null && s.minSpend > s.maxSpend)
      ctx.addIssue({ code: 'custom', path: ['maxSpend'], message: 'must be at least minSpend' });
    if (s.minAvgBasket != null && s.maxAvgBasket != null && s.minAvgBasket > s.maxAvgBasket)
      ctx.addIssue({
        code: 'custom',
        path: ['maxAvgBasket'],
        message: 'must be at least minAvgBasket',
      });
  })
  .meta({
    id: 'Segment',
    description:
      'A filter over customer attributes. An absent, null or empty field does not filter; ranges are inclusive.',
    example: { ageMin: 25, ageMax: 40, loyaltyTiers: ['gold', 'silver'], lapsedDays: 60 },
  });

export type Segment = z.infer<typeof segment>;

/** Whether a segment filters nothing (every field absent or empty). */
export function isEmptySegment(s: Segment | undefined): boolean {
  if (!s) return true;
  return Object.values(s).every(
    (v) => v == null || v === false || (Array.isArray(v) && v.length === 0),
  );
}
