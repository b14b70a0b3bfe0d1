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
  })
  .superRefine((s, ctx) => {
    if (s.ageMin != null && s.ageMax != null && s.ageMin > s.ageMax)
      ctx.addIssue({ code: 'custom', path: ['ageMax'], message: 'must be at least ageMin' });
    if (s.minSpend != null && s.maxSpend != null && s.minSpend > s.maxSpend)
      ctx.addIssue({ code: 'custom', path: ['maxSpend'], message: 'must be at least minSpend' });
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
