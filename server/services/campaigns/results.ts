// A campaign's results: its audience (union of its areas, its segment, scoped to the caller) split into treated and
// held-out customers, its activations, its redemptions, the conversion rate and lift against the holdout. Aggregate
// roles get small groups hidden, like every other audience answer.
import type { Db } from '../../db/connection.js';
import type { CampaignRecord } from '../../db/repos/campaigns.js';
import { findAreas } from '../../db/repos/areas.js';
import { campaignRedemptions } from '../../db/repos/redemptions.js';
import { storePlaces } from '../../db/repos/stores.js';
import { inHoldout } from '../../domain/campaigns/holdout.js';
import {
  cents,
  conversions,
  lift,
  liveDays,
  liveHours,
  purchasedDuring,
  rate,
  redemptionsByDay,
  suppressSmallResults,
  type CampaignResults,
} from '../../domain/campaigns/results.js';
import type { Principal } from '../../domain/permissions.js';
import type { AreaGeometry } from '../../domain/schemas/geojson.js';
import type { AudienceService } from '../audience/audience.js';
import { audienceViewFor, type AudienceView } from '../audience/viewer.js';
import type { PurchaseHistory } from '../purchases/purchase-history.js';
import { campaignMeasures, DEFAULT_CONVERSION_DAYS, type MeasureMember } from './measures.js';

export interface ResultsContext {
  db: Db;
  audience: AudienceService;
  resolveAreaGeometry: (id: string) => AreaGeometry | null;
  principal: Principal;
  at: Date;
  purchases: PurchaseHistory;
  /** Days after the campaign's end within which a purchase still counts as converted. */
  conversionDays?: number;
}

interface AudienceMember {
  seq: number;
  id: string;
  consent: number;
  lastPurchaseAt: string | null;
  homeStoreId: string | null;
}

/** The customers of the campaign's areas matching its segment (narrowed to the caller's stores), each once. */
export async function audienceOf(
  ctx: ResultsContext,
  view: AudienceView,
  campaign: CampaignRecord,
): Promise<{ members: AudienceMember[]; areas: { id: string; seqs: Float64Array }[] }> {
  const segment = view.segment(campaign.segment);
  const seqs = new Set<number>();
  const areas: { id: string; seqs: Float64Array }[] = [];
  for (const areaId of campaign.areaIds) {
    const geometry = ctx.resolveAreaGeometry(areaId);
    if (!geometry) continue;
    const inside = await ctx.audience.matchingSeqs({ geometry, segment, at: ctx.at });
    areas.push({ id: areaId, seqs: inside });
    for (const seq of inside) seqs.add(seq);
  }
  const read = ctx.db.prepare(
    `SELECT seq, id, consent, last_purchase_at AS lastPurchaseAt, home_store_id AS homeStoreId
     FROM customers WHERE seq IN (SELECT value FROM json_each(?))`,
  );
  const all = [...seqs];
  const members: AudienceMember[] = [];
  // Chunks keep each JSON parameter small; a million seqs is a few hundred round trips into SQLite, not one huge one.
  for (let i = 0; i < all.length; i += 5000)
    for (const m of read.all(JSON.stringify(all.slice(i, i + 5000))) as AudienceMember[])
      members.push(m);
  return { members, areas };
}

export async function campaignResults(
  ctx: ResultsContext,
  campaign: CampaignRecord,
): Promise<CampaignResults> {
  const { db, at } = ctx;
  const view = audienceViewFor(db, ctx.principal);
  const { members, areas } = await audienceOf(ctx, view, campaign);
  const intervals = db
    .prepare(
      'SELECT started_at AS startedAt, ended_at AS endedAt FROM activations WHERE campaign_id = ?',
    )
    .all(campaign.id) as { startedAt: string; endedAt: string | null }[];
  const days = liveDays(intervals, at);

  const treated = new Set<string>();
  const measured: MeasureMember[] = [];
  let consented = 0;
  let heldOut = 0;
  let heldOutPurchased = 0;
  let treatedPurchased = 0;
  for (const m of members) {
    consented += m.consent;
    const purchased = purchasedDuring(m.lastPurchaseAt, days);
    const holdout = inHoldout(campaign.id, m.id, campaign.holdoutPercent);
    measured.push({ seq: m.seq, holdout, homeStoreId: m.homeStoreId });
    if (holdout) {
      heldOut++;
      if (purchased) heldOutPurchased++;
    } else {
      treated.add(m.id);
      if (purchased) treatedPurchased++;
    }
  }

  const areaNames = new Map(findAreas(db, campaign.areaIds).map((a) => [a.id, a.name]));
  const redemptions = campaignRedemptions(db, campaign.id, view.storeIds);
  const converted = conversions(redemptions, treated);
  const results: Omit<CampaignResults, 'measures'> = {
    campaignId: campaign.id,
    at: at.toISOString(),
    audience: { count: members.length, consented, treated: treated.size, holdout: heldOut },
    activations: { count: intervals.length, liveHours: liveHours(intervals, at) },
    redemptions: {
      count: redemptions.length,
      revenue: cents(redemptions.reduce((sum, r) => sum + r.amount, 0)),
      byDay: redemptionsByDay(redemptions),
    },
    conversionRate: rate(converted, treated.size),
    holdout: {
      percent: campaign.holdoutPercent,
      customers: heldOut,
      purchasedRate: rate(heldOutPurchased, heldOut),
    },
    treatedPurchasedRate: rate(treatedPurchased, treated.size),
    lift: lift(rate(treatedPurchased, treated.size), rate(heldOutPurchased, heldOut)),
  };
  // The history loads in the background after a start; nothing else runs between this and the measures.
  await ctx.purchases.ready();
  const measures = campaignMeasures({
    purchases: ctx.purchases,
    campaign,
    members: measured,
    areas: areas.map((a) => ({ ...a, name: areaNames.get(a.id) ?? a.id })),
    storeNames: new Map(storePlaces(db).map((s) => [s.id, s.name])),
    visibleStoreIds: view.storeIds,
    conversionDays: ctx.conversionDays ?? DEFAULT_CONVERSION_DAYS,
    k: view.k,
    at,
  });
  if (view.k === null) return { ...results, measures };
  const hidden = suppressSmallResults(
    results,
    { conversions: converted, treatedPurchased, heldOutPurchased },
    view.k,
  );
  return { ...hidden, measures };
}
