// What a webhook delivery's JSON body looks like. The outbox is generic over payloads; these build the two we send.
import type { Channel, FrequencyCap } from '../../domain/schemas/campaign.js';
import type { Segment } from '../../domain/schemas/segment.js';
import type { WebhookKind } from '../../domain/schemas/webhook.js';

export interface ActivationWebhookPayload {
  type: 'activation.started' | 'activation.ended';
  /** The idempotency key: the same activation edge always has the same id. */
  id: string;
  occurredAt: string;
  /**
   * What a sending system needs to act on the edge: the channel, the segment to send to (for the consented audience
   * export of the area) and the frequency cap it must keep, since Catchment itself sends nothing.
   */
  campaign: WebhookCampaign;
  area: { id: string; name: string };
  offer: { headline: string; code: string };
  /** The observed values that made the offer go live (or stop), as the evaluator explains them. */
  reasons: unknown[];
}

export interface WebhookCampaign {
  id: string;
  name: string;
  channel: Channel;
  segment: Segment;
  frequencyCap: FrequencyCap | null;
}

export interface PingWebhookPayload {
  type: 'ping';
  id: string;
  occurredAt: string;
}

export type WebhookPayload = ActivationWebhookPayload | PingWebhookPayload;

/**
 * The idempotency key of an activation edge: one per activation and direction, so enqueueing it twice sends once.
 * @example activationKey(42, 'activation.started') // 'activation-42-started'
 */
export function activationKey(
  activationId: number | string,
  type: ActivationWebhookPayload['type'],
): string {
  return `activation-${activationId}-${type === 'activation.started' ? 'started' : 'ended'}`;
}

/**
 * The body for an activation's start or end, ready for enqueueWebhook.
 * @example
 * const payload = activationPayload({ type: 'activation.started', activationId: 42, at, campaign, area, offer, reasons });
 * enqueueWebhook(db, { kind: payload.type, payload, idempotencyKey: payload.id, at });
 */
export function activationPayload(input: {
  type: ActivationWebhookPayload['type'];
  activationId: number | string;
  at: Date;
  campaign: WebhookCampaign;
  area: { id: string; name: string };
  offer: { headline: string; code: string };
  reasons: unknown[];
}): ActivationWebhookPayload {
  const { id, name, channel, segment, frequencyCap } = input.campaign;
  return {
    type: input.type,
    id: activationKey(input.activationId, input.type),
    occurredAt: input.at.toISOString(),
    campaign: { id, name, channel, segment, frequencyCap },
    area: { id: input.area.id, name: input.area.name },
    offer: { headline: input.offer.headline, code: input.offer.code },
    reasons: input.reasons,
  };
}

export function pingPayload(id: string, at: Date): PingWebhookPayload {
  return { type: 'ping', id, occurredAt: at.toISOString() };
}

export type { WebhookKind };
