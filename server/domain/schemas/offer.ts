// Live offers and trigger evaluation: the offers live at a point and instant (tills, apps, kiosks), and an evaluation
// of every campaign at an instant.
import { z } from 'zod';
import { channels } from './campaign.js';
import { latitude, longitude } from './geojson.js';
import { queryNumber } from './query.js';
import { reason } from './reason.js';

const instant = z.iso
  .datetime({ offset: true })
  .optional()
  .meta({ description: 'ISO 8601 instant; now when absent' });

/** A campaign's offer live in an area at the point, with the reasons it is live. */
export const liveOffer = z
  .object({
    campaignId: z.string(),
    campaignName: z.string(),
    areaId: z.string(),
    areaName: z.string(),
    headline: z.string(),
    body: z.string(),
    code: z.string(),
    discountPercent: z.number().nullable(),
    channel: z.enum(channels),
    reasons: z.array(reason),
  })
  .meta({ id: 'LiveOffer' });

/** Query of GET /api/offers/live. */
export const liveOffersQuery = z.object({
  lat: queryNumber(latitude),
  lng: queryNumber(longitude),
  at: instant,
});
export const liveOffers = z.object({ at: z.string(), offers: z.array(liveOffer) });

/** A campaign × area pair live at an instant, and why. */
export const livePair = z.object({
  campaignId: z.string(),
  areaId: z.string(),
  reasons: z.array(reason),
});

/** Query of POST /api/triggers/evaluate. */
export const evaluationQuery = z.object({ at: instant });
/** What POST /api/triggers/evaluate answers: what is live, and the activations it opened and closed. */
export const evaluationRun = z.object({
  at: z.string(),
  /** What is live at `at`: every campaign × area whose conditions hold, with the reasons. */
  live: z.array(livePair),
  opened: z.number().int(),
  closed: z.number().int(),
  /** Campaigns already evaluated at a later instant: answered, not recorded. */
  notRecorded: z.array(z.string()),
});

export type LiveOffer = z.infer<typeof liveOffer>;
export type LiveOffers = z.infer<typeof liveOffers>;
export type LivePair = z.infer<typeof livePair>;
export type EvaluationRun = z.infer<typeof evaluationRun>;
