// Live offers and trigger evaluation: which offers are live at a point and instant (for tills, apps and kiosks, with
// an API token), and an evaluation of every campaign at an instant that records the activations.
import { createRoute } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.js';
import { createRouter, problemContent } from '../http/router.js';
import { json } from '../http/route-helpers.js';
import { LIVE_OFFERS_PATH, liveOffersRoute } from '../http/live-offers.js';
import {
  evaluationQuery,
  evaluationRun,
  liveOffers,
  liveOffersQuery,
  type LivePair,
} from '../domain/schemas/offer.js';
import { whatIfAnswer, whatIfBody } from '../domain/schemas/what-if.js';
import { overlayWeather } from '../domain/weather-scenario.js';
import { principalOf } from '../http/auth.js';
import { listCampaigns } from '../services/campaigns/campaigns.js';

const live = createRoute({
  method: 'get',
  path: LIVE_OFFERS_PATH,
  tags: ['Offers'],
  summary: 'The offers live at a point and instant, each with the reasons it is live',
  description:
    "Areas containing the point (edges included) are found in an R-tree; each campaign targeting them is evaluated at the instant against the weather known for the area (the provider's cache) and the events its triggers name. A campaign in several areas at the point is listed once.",
  request: { query: liveOffersQuery },
  responses: {
    200: { description: 'Live offers, by campaign name', content: json(liveOffers) },
    400: { description: 'Bad point or instant', content: problemContent },
  },
});

const evaluate = createRoute({
  method: 'post',
  path: '/api/triggers/evaluate',
  tags: ['Offers'],
  summary: 'Evaluate every campaign at an instant and record the activations',
  description:
    "Opens an activation where a campaign became live in an area and closes one whose conditions ended. Evaluating the same instant again changes nothing; an instant before a campaign's last evaluation is answered but not recorded (listed in notRecorded).",
  request: { query: evaluationQuery },
  responses: {
    200: {
      description: 'What is live at that instant, and what changed',
      content: json(evaluationRun),
    },
    400: { description: 'Bad instant', content: problemContent },
  },
});

const whatIf = createRoute({
  method: 'post',
  path: '/api/triggers/what-if',
  tags: ['Offers'],
  summary: 'Which campaigns would fire under hypothetical weather (nothing is recorded)',
  description:
    "Evaluates every scheduled or active campaign at each step from `from` (inclusive) to `to` (exclusive), with the cells laid over the weather known now (the provider's cache or the scenario).",
  request: { body: { required: true, content: json(whatIfBody) } },
  responses: {
    200: {
      description: 'Per step, what would be live; per campaign, when',
      content: json(whatIfAnswer),
    },
    422: { description: 'Invalid fields', content: problemContent },
  },
});

export function offerRoutes(deps: AppDeps) {
  const { offers, weather, clock } = deps;
  const router = createRouter();
  // Described as above, served as a plain route: its query is parsed once per distinct query string (a till's point),
  // and a till's plain lookup is answered by the lane in live-offers.ts before it reaches Hono.
  router.openAPIRegistry.registerPath(live);
  return router
    .openapi(evaluate, async (c) => {
      const { at } = c.req.valid('query');
      return c.json(await deps.runTriggers(at ? new Date(at) : clock()), 200);
    })
    .openapi(whatIf, async (c) => {
      const body = c.req.valid('json');
      const from = Date.parse(body.from);
      const to = Date.parse(body.to);
      const wanted = body.areaIds ? new Set(body.areaIds) : null;
      // The provider's cache must hold the real weather the cells are laid over.
      await weather.provider.prefetch(
        offers.weatherPoints(),
        new Date(from - 73 * 3_600_000),
        new Date(to + 73 * 3_600_000),
      );
      const weatherAt = overlayWeather(weather.provider.at, body.cells);
      const visible = new Set(
        listCampaigns(deps.db, principalOf(c)).map((campaign) => campaign.id),
      );
      const steps: { at: string; live: LivePair[] }[] = [];
      const byCampaign = new Map<
        string,
        {
          campaignId: string;
          name: string;
          code: string;
          areaIds: string[];
          liveSteps: number;
          firstLiveAt: string;
        }
      >();
      for (let t = from; t < to; t += body.stepMinutes * 60_000) {
        const at = new Date(t).toISOString();
        const live = offers
          .evaluateAll(new Date(t), weatherAt)
          .filter((r) => r.live && visible.has(r.campaign.id) && (!wanted || wanted.has(r.areaId)));
        for (const r of live) {
          let entry = byCampaign.get(r.campaign.id);
          if (!entry)
            byCampaign.set(
              r.campaign.id,
              (entry = {
                campaignId: r.campaign.id,
                name: r.campaign.name,
                code: r.campaign.offer.code,
                areaIds: [],
                liveSteps: 0,
                firstLiveAt: at,
              }),
            );
          if (!entry.areaIds.includes(r.areaId)) entry.areaIds.push(r.areaId);
        }
        // A campaign live in several areas at one step counts that step once.
        for (const id of new Set(live.map((r) => r.campaign.id)))
          byCampaign.get(id)!.liveSteps += 1;
        steps.push({
          at,
          live: live.map((r) => ({
            campaignId: r.campaign.id,
            areaId: r.areaId,
            reasons: r.reasons,
          })),
        });
      }
      return c.json(
        {
          steps,
          campaigns: [...byCampaign.values()].sort(
            (a, b) => a.firstLiveAt.localeCompare(b.firstLiveAt) || a.name.localeCompare(b.name),
          ),
        },
        200,
      );
    })
    .get(live.path, liveOffersRoute(deps));
}
