// /api/campaigns: local campaigns — list (by status, or those an event triggers), create, read, edit (versioned, with
// enforced status changes) and delete (only before they ran).
import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppDeps } from '../deps.js';
import { createRouter, problemContent } from '../http/router.js';
import { json } from '../http/route-helpers.js';
import { principalOf, type AuthEnv } from '../http/auth.js';
import {
  campaignCreate,
  campaignList,
  campaignListQuery,
  campaignPatch,
  campaignRecord,
  type CampaignRecord,
} from '../domain/schemas/campaign.js';
import { activationList, liveCampaigns } from '../domain/schemas/activation.js';
import { idParam } from '../domain/schemas/params.js';
import {
  createCampaign,
  getCampaign,
  listCampaigns,
  patchCampaign,
  removeCampaign,
} from '../services/campaigns/campaigns.js';
import { findEvent } from '../db/repos/events.js';
import { namesEvent } from '../domain/campaigns/index.js';
import { campaignActivations, openActivations } from '../db/repos/activations.js';

const tags = ['Campaigns'];
const invalid = {
  422: {
    description:
      'Invalid fields, each one named (unknown areas, a taken code, an end before the start…)',
    content: problemContent,
  },
};
const unknown = { 404: { description: 'Unknown campaign', content: problemContent } };

const list = createRoute({
  method: 'get',
  path: '/api/campaigns',
  tags,
  summary: 'Campaigns the caller may see, by name',
  request: { query: campaignListQuery },
  responses: {
    200: { description: 'The campaigns', content: json(campaignList) },
    400: { description: 'Bad query', content: problemContent },
  },
});
const create = createRoute({
  method: 'post',
  path: '/api/campaigns',
  tags,
  summary: 'Create a campaign (draft, scheduled or active)',
  request: { body: { required: true, content: json(campaignCreate) } },
  responses: {
    201: { description: 'The new campaign', content: json(campaignRecord) },
    ...invalid,
  },
});
const read = createRoute({
  method: 'get',
  path: '/api/campaigns/{id}',
  tags,
  summary: 'One campaign',
  request: { params: idParam },
  responses: { 200: { description: 'The campaign', content: json(campaignRecord) }, ...unknown },
});
const patch = createRoute({
  method: 'patch',
  path: '/api/campaigns/{id}',
  tags,
  summary:
    'Change any field or the status (draft → scheduled → active ⇄ paused → ended); send the version you last read',
  request: { params: idParam, body: { required: true, content: json(campaignPatch) } },
  responses: {
    200: { description: 'The updated campaign', content: json(campaignRecord) },
    403: { description: 'Not yours to change (store managers)', content: problemContent },
    ...unknown,
    409: {
      description:
        'Missing or stale version (`currentVersion` says the current one), a status change that is not allowed, or an ended campaign',
      content: problemContent,
    },
    ...invalid,
  },
});
const remove = createRoute({
  method: 'delete',
  path: '/api/campaigns/{id}',
  tags,
  summary:
    'Delete a campaign that has not run; one with activations or redemptions is ended instead',
  request: { params: idParam },
  responses: {
    204: { description: 'Deleted' },
    403: { description: 'Not yours to delete (store managers)', content: problemContent },
    ...unknown,
    409: { description: 'It has run: end it instead', content: problemContent },
  },
});

const activations = createRoute({
  method: 'get',
  path: '/api/campaigns/{id}/activations',
  tags,
  summary: "When the campaign's offer was live, per area, newest first (at most 500)",
  request: { params: idParam },
  responses: { 200: { description: 'The activations', content: json(activationList) }, ...unknown },
});
const liveNow = createRoute({
  method: 'get',
  path: '/api/campaigns/live',
  tags,
  summary: 'Campaign × area pairs whose offer is live since the last evaluation (open activations)',
  responses: { 200: { description: 'What is live', content: json(liveCampaigns) } },
});

/** Whether one of the campaign's event triggers names the event, or the event's category. */
function triggeredBy(campaign: CampaignRecord, event: { id: string; category: string }): boolean {
  return campaign.triggers.some((t) => t.type === 'event' && namesEvent(t, event));
}

export function campaignRoutes(deps: AppDeps) {
  const { db, clock } = deps;
  const writer = (c: Context<AuthEnv>) => ({ principal: principalOf(c), at: clock() });
  return (
    createRouter()
      .openapi(list, (c) => {
        const { status, eventId } = c.req.valid('query');
        let campaigns = listCampaigns(db, principalOf(c), {
          statuses: status?.split(',') as CampaignRecord['status'][] | undefined,
        });
        if (eventId !== undefined) {
          const event = findEvent(db, eventId);
          campaigns = event ? campaigns.filter((campaign) => triggeredBy(campaign, event)) : [];
        }
        return c.json({ campaigns }, 200);
      })
      // Before /api/campaigns/{id}, which would take "live" for an id.
      .openapi(liveNow, (c) => {
        const visible = new Set(listCampaigns(db, principalOf(c)).map((campaign) => campaign.id));
        const live = openActivations(db)
          .filter((a) => visible.has(a.campaignId))
          .map((a) => ({ campaignId: a.campaignId, areaId: a.areaId, since: a.startedAt }));
        return c.json({ live }, 200);
      })
      .openapi(activations, (c) => {
        const campaign = getCampaign(db, c.req.valid('param').id, principalOf(c));
        return c.json({ activations: campaignActivations(db, campaign.id) }, 200);
      })
      .openapi(create, (c) => {
        const campaign = createCampaign(db, c.req.valid('json'), writer(c));
        c.header('Location', `/api/campaigns/${encodeURIComponent(campaign.id)}`);
        return c.json(campaign, 201);
      })
      .openapi(read, (c) => c.json(getCampaign(db, c.req.valid('param').id, principalOf(c)), 200))
      .openapi(patch, (c) =>
        c.json(patchCampaign(db, c.req.valid('param').id, c.req.valid('json'), writer(c)), 200),
      )
      .openapi(remove, (c) => {
        removeCampaign(db, c.req.valid('param').id, writer(c));
        return c.body(null, 204);
      })
  );
}
