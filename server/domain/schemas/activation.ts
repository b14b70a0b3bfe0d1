// Activations: the intervals a campaign's offer was live in an area, and the campaign × area pairs live now.
import { z } from 'zod';
import { reason } from './reason.js';

export const activation = z
  .object({
    id: z.number().int(),
    campaignId: z.string(),
    areaId: z.string(),
    startedAt: z.string(),
    endedAt: z.string().nullable().meta({ description: 'null while the offer is live' }),
    reasons: z
      .array(reason)
      .meta({ description: 'Why it went live: the window and the triggers, with observed values' }),
    endReasons: z.array(reason).nullable().meta({ description: 'Why it stopped' }),
  })
  .meta({ id: 'Activation' });

/** What GET /api/campaigns/:id/activations answers. */
export const activationList = z.object({ activations: z.array(activation) });

/** What GET /api/campaigns/live answers. */
export const liveCampaigns = z.object({
  live: z.array(z.object({ campaignId: z.string(), areaId: z.string(), since: z.string() })),
});

export type Activation = z.infer<typeof activation>;
export type ActivationList = z.infer<typeof activationList>;
export type LiveCampaigns = z.infer<typeof liveCampaigns>;
