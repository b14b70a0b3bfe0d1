// Redemptions: a code used at a till is recorded when it is the code of a campaign whose offer was live at that store's
// location at that instant, and the customer (when named) is not held out. Otherwise a 422 says why not, and nothing
// is written.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/connection.js';
import { recordAudit } from '../../db/repos/audit.js';
import { campaignsWithCode, findCampaign, type CampaignRecord } from '../../db/repos/campaigns.js';
import { insertRedemption, type RedemptionRecord } from '../../db/repos/redemptions.js';
import { findStore } from '../../db/repos/stores.js';
import { inHoldout, windowReason, type TriggerResult } from '../../domain/campaigns/index.js';
import { campaignStatuses, type CampaignStatus } from '../../domain/schemas/campaign.js';
import type { RedemptionCreate } from '../../domain/schemas/redemption.js';
import type { Principal } from '../../domain/permissions.js';
import { visibleStoreIds } from '../../domain/privacy.js';
import type { WeatherAt } from '../../domain/weather.js';
import { ServiceError } from '../errors.js';
import { auditActor } from '../accounts/audit-actor.js';
import { utcInstant } from '../../domain/time/index.js';
import type { OfferEngine } from './offer-engine.js';

export interface RedemptionContext {
  db: Db;
  offers: OfferEngine;
  weatherAt: WeatherAt;
  principal: Principal;
  /** Now: the default redemption instant and the record's creation time. */
  at: Date;
}

/** When several campaigns ever had the code, the one to explain a refusal with: a running one first. */
const preference: readonly CampaignStatus[] = ['active', 'scheduled', 'paused', 'draft', 'ended'];

const refuse = (code: string, message: string, extensions: Record<string, unknown> = {}): never => {
  throw new ServiceError(
    'invalid',
    `The code cannot be redeemed: ${message}`,
    [{ field: 'body.code', code, message }],
    extensions,
  );
};

/** Why the campaign's offer was not live at the store: the window, the store outside its areas, or its triggers. */
function whyNot(
  ctx: RedemptionContext,
  campaign: CampaignRecord,
  store: { name: string; location: [number, number] },
  at: Date,
): never {
  const gate = windowReason(campaign, at.getTime());
  if (!gate.holds)
    refuse(
      'offer_not_running',
      `campaign “${campaign.name}” was not running at ${utcInstant(at)}: ${gate.detail}`,
      {
        reasons: [gate],
      },
    );
  const [lng, lat] = store.location;
  const pairs = ctx.offers.explain(campaign.id, lng, lat, at, ctx.weatherAt) ?? [];
  if (pairs.length === 0)
    refuse(
      'store_outside_campaign',
      `store “${store.name}” is outside the areas of campaign “${campaign.name}”`,
    );
  // The store may lie in several of its areas; the same failing trigger there is said once.
  const byDetail = new Map<string, TriggerResult>();
  for (const r of pairs.flatMap((p) => p.reasons))
    if (r.type !== 'window' && !r.holds && !byDetail.has(r.detail)) byDetail.set(r.detail, r);
  const failing = [...byDetail.values()];
  const details = [...byDetail.keys()];
  return refuse(
    'offer_not_live',
    `the offer of campaign “${campaign.name}” was not live at store “${store.name}” at ${utcInstant(at)}: ${details.join('; ') || 'its conditions were not met'}`,
    {
      reasons: failing,
    },
  );
}

export function redeem(ctx: RedemptionContext, input: RedemptionCreate): RedemptionRecord {
  const { db, principal } = ctx;
  return db.transaction(() => {
    const store = findStore(db, input.storeId);
    const mine = visibleStoreIds(principal);
    // A store manager redeems at their own stores; another store is answered as if it did not exist.
    if (!store || (mine !== null && !mine.includes(store.id))) {
      throw new ServiceError('invalid', `No store with id ${input.storeId}`, [
        {
          field: 'body.storeId',
          code: 'unknown_store',
          message: `no store with id ${input.storeId}`,
        },
      ]);
    }
    const code = input.code.trim().toUpperCase();
    // Whole seconds in UTC, as campaigns and activations store their instants (so they sort as text).
    const at = new Date(utcInstant(input.redeemedAt ?? ctx.at));
    const [lng, lat] = store.location;
    const offer = ctx.offers
      .offersAt(lng, lat, at, ctx.weatherAt)
      .find((o) => o.code.toUpperCase() === code);
    if (!offer) {
      const candidates = campaignsWithCode(db, code, campaignStatuses, null).map((c) =>
        findCampaign(db, c.id)!,
      );
      if (candidates.length === 0) refuse('unknown_code', `no campaign has the code ${code}`);
      candidates.sort((a, b) => preference.indexOf(a.status) - preference.indexOf(b.status));
      whyNot(ctx, candidates[0]!, store, at);
    }
    const campaign = findCampaign(db, offer!.campaignId)!;
    if (
      input.customerId !== undefined &&
      inHoldout(campaign.id, input.customerId, campaign.holdoutPercent)
    ) {
      refuse(
        'holdout',
        `the customer is in the holdout of campaign “${campaign.name}”: they were never offered it`,
      );
    }
    const record = insertRedemption(db, {
      id: `rdm-${randomUUID()}`,
      campaignId: campaign.id,
      areaId: offer!.areaId,
      code,
      storeId: store.id,
      amount: input.amount,
      redeemedAt: utcInstant(at),
      customerId: input.customerId ?? null,
      createdAt: ctx.at.toISOString(),
    });
    // No customer id here: the audit log holds no personal data.
    recordAudit(db, {
      at: ctx.at.toISOString(),
      ...auditActor(principal),
      action: 'redemption.create',
      targetType: 'campaign',
      targetId: campaign.id,
      detail: {
        redemptionId: record.id,
        storeId: store.id,
        areaId: record.areaId,
        amount: record.amount,
      },
    });
    return record;
  })();
}
