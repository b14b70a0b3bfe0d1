// Every activation edge (an offer going live in an area, or stopping) becomes a webhook delivery in the outbox, in the
// same transaction that records the edge.
import type { Db } from '../../db/connection.js';
import { findArea } from '../../db/repos/areas.js';
import { findCampaign } from '../../db/repos/campaigns.js';
import type { ActivationEdge } from '../campaigns/trigger-runs.js';
import { activationPayload, enqueueWebhook } from './index.js';

/** `clock` says when the first delivery attempt is due: now, even when the edge was evaluated at another instant. */
export function enqueueActivationWebhook(
  db: Db,
  clock: () => Date,
): (edge: ActivationEdge) => void {
  return (edge) => {
    const campaign = findCampaign(db, edge.campaignId);
    if (!campaign) return;
    const area = findArea(db, edge.areaId);
    const payload = activationPayload({
      type: edge.kind === 'started' ? 'activation.started' : 'activation.ended',
      activationId: edge.activationId,
      at: new Date(edge.at),
      campaign,
      area: { id: edge.areaId, name: area?.name ?? edge.areaId },
      offer: campaign.offer,
      reasons: edge.reasons,
    });
    enqueueWebhook(db, { kind: payload.type, payload, idempotencyKey: payload.id, at: clock() });
  };
}
