// Live offers and trigger evaluation: which offers are live at a point and instant (for tills, apps and kiosks, with
// an API token), and an evaluation of every campaign at an instant that records the activations.
import { createRoute, z } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.js';
import { createRouter, problemContent } from '../http/router.js';
import { latitude, longitude } from '../domain/schemas/geojson.js';

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });
const instant = z.iso.datetime({ offset: true }).optional().meta({ description: 'ISO 8601 instant; now when absent' });
const reason = z.record(z.string(), z.unknown()).meta({ id: 'Reason', description: 'Why: the campaign window, or a trigger with its observed value, threshold and unit' });

const liveOffer = z
  .object({
    campaignId: z.string(),
    campaignName: z.string(),
    areaId: z.string(),
    areaName: z.string(),
    headline: z.string(),
    body: z.string(),
    code: z.string(),
    discountPercent: z.number().nullable(),
    channel: z.string(),
    reasons: z.array(reason),
  })
  .meta({ id: 'LiveOffer' });

const live = createRoute({
  method: 'get',
  path: '/api/offers/live',
  tags: ['Offers'],
  summary: 'The offers live at a point and instant, each with the reasons it is live',
  description:
    'Areas containing the point (edges included) are found in an R-tree; each campaign targeting them is evaluated at the instant against the weather known for the area (the provider\'s cache) and the events its triggers name. A campaign in several areas at the point is listed once.',
  request: { query: z.object({ lat: z.coerce.number().pipe(latitude), lng: z.coerce.number().pipe(longitude), at: instant }) },
  responses: { 200: { description: 'Live offers, by campaign name', content: json(z.object({ at: z.string(), offers: z.array(liveOffer) })) }, 400: { description: 'Bad point or instant', content: problemContent } },
});

const evaluate = createRoute({
  method: 'post',
  path: '/api/triggers/evaluate',
  tags: ['Offers'],
  summary: 'Evaluate every campaign at an instant and record the activations',
  description:
    'Opens an activation where a campaign became live in an area and closes one whose conditions ended. Evaluating the same instant again changes nothing; an instant before a campaign\'s last evaluation is answered but not recorded (listed in notRecorded).',
  request: { query: z.object({ at: instant }) },
  responses: {
    200: {
      description: 'What is live at that instant, and what changed',
      content: json(
        z.object({
          at: z.string(),
          live: z.array(z.object({ campaignId: z.string(), areaId: z.string(), reasons: z.array(reason) })),
          opened: z.number().int(),
          closed: z.number().int(),
          notRecorded: z.array(z.string()),
        }),
      ),
    },
    400: { description: 'Bad instant', content: problemContent },
  },
});

export function offerRoutes(deps: AppDeps) {
  const { offers, weather, clock } = deps;
  return createRouter()
    .openapi(live, (c) => {
      const { lat, lng, at } = c.req.valid('query');
      const instantAt = at ? new Date(at) : clock();
      return c.json({ at: instantAt.toISOString(), offers: offers.offersAt(lng, lat, instantAt, weather.provider.at) }, 200);
    })
    .openapi(evaluate, async (c) => {
      const { at } = c.req.valid('query');
      return c.json(await deps.runTriggers(at ? new Date(at) : clock()), 200);
    });
}
