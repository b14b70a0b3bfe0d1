// A what-if question: hypothetical weather cells laid over the real weather, and the span to evaluate campaigns over;
// and its answer.
import { z } from 'zod';
import { livePair } from './offer.js';
import { weatherScenarioCell } from './weather-scenario.js';

const MAX_WHAT_IF_STEPS = 7 * 24 * 4;
export const whatIfBody = z
  .strictObject({
    cells: z.array(weatherScenarioCell).min(1).max(20).meta({
      description: 'Hypothetical weather, in the scenario format, laid over the weather known now',
    }),
    from: z.iso.datetime({ offset: true }),
    to: z.iso.datetime({ offset: true }),
    stepMinutes: z.number().int().min(15).max(360).default(60),
    areaIds: z
      .array(z.string().min(1).max(120))
      .max(100)
      .optional()
      .meta({ description: 'Only these areas (all areas in play when absent)' }),
  })
  .superRefine((body, ctx) => {
    const span = Date.parse(body.to) - Date.parse(body.from);
    if (!(span > 0)) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be after from' });
    else if (span / 60_000 / body.stepMinutes > MAX_WHAT_IF_STEPS)
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `at most ${MAX_WHAT_IF_STEPS} steps: shorten the span or lengthen stepMinutes`,
      });
  })
  .meta({ id: 'WhatIfRequest' });
export type WhatIfRequest = z.input<typeof whatIfBody>;

/** What POST /api/triggers/what-if answers: per step, what would be live; per campaign, when. */
export const whatIfAnswer = z.object({
  steps: z.array(z.object({ at: z.string(), live: z.array(livePair) })),
  campaigns: z.array(
    z.object({
      campaignId: z.string(),
      name: z.string(),
      code: z.string(),
      areaIds: z.array(z.string()),
      liveSteps: z.number().int(),
      firstLiveAt: z.string(),
    }),
  ),
});
export type WhatIfAnswer = z.infer<typeof whatIfAnswer>;
