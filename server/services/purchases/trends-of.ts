// Whose trends: a campaign's audience (its areas, its segment, the caller's scope) with its own live periods, or an
// area's customers (the caller's scope) with the live periods of every campaign there.
import type { Db } from '../../db/connection.js';
import type { CampaignRecord } from '../../db/repos/campaigns.js';
import type { Principal } from '../../domain/permissions.js';
import type { Trends } from '../../domain/schemas/campaign-measures.js';
import type { AreaGeometry } from '../../domain/schemas/geojson.js';
import type { AudienceService } from '../audience/audience.js';
import { audienceViewFor } from '../audience/viewer.js';
import { audienceOf } from '../campaigns/results.js';
import type { PurchaseHistory } from './purchase-history.js';
import { purchaseTrends } from './trends.js';
import { weekStart } from '../../domain/campaigns/trends.js';

const DAY_MS = 86_400_000;
/** A campaign's chart starts a quarter before it: the weeks its effect is judged against. */
const WEEKS_BEFORE_CAMPAIGN = 13;
/** An area's chart shows the last year: this many weeks, the current one last. */
const AREA_WEEKS = 52;

export interface TrendsContext {
  db: Db;
  audience: AudienceService;
  purchases: PurchaseHistory;
  resolveAreaGeometry: (id: string) => AreaGeometry | null;
  principal: Principal;
  at: Date;
}

type Intervals = { startedAt: string; endedAt: string | null }[];

export async function campaignTrends(
  ctx: TrendsContext,
  campaign: CampaignRecord,
): Promise<Trends> {
  const view = audienceViewFor(ctx.db, ctx.principal);
  const { members } = await audienceOf({ ...ctx }, view, campaign);
  const intervals = ctx.db
    .prepare(
      'SELECT started_at AS startedAt, ended_at AS endedAt FROM activations WHERE campaign_id = ?',
    )
    .all(campaign.id) as Intervals;
  await ctx.purchases.ready();
  return purchaseTrends({
    purchases: ctx.purchases,
    seqs: members.map((m) => m.seq),
    liveIntervals: intervals,
    fromDay: Math.floor(Date.parse(campaign.startsAt) / DAY_MS) - WEEKS_BEFORE_CAMPAIGN * 7,
    at: ctx.at,
    k: view.k,
  });
}

export async function areaTrends(
  ctx: TrendsContext,
  area: { id: string; geometry: AreaGeometry },
): Promise<Trends> {
  const view = audienceViewFor(ctx.db, ctx.principal);
  const seqs = await ctx.audience.matchingSeqs({
    geometry: area.geometry,
    segment: view.segment(undefined),
    at: ctx.at,
  });
  const intervals = ctx.db
    .prepare(
      'SELECT started_at AS startedAt, ended_at AS endedAt FROM activations WHERE area_id = ?',
    )
    .all(area.id) as Intervals;
  await ctx.purchases.ready();
  return purchaseTrends({
    purchases: ctx.purchases,
    seqs,
    liveIntervals: intervals,
    fromDay: weekStart(Math.floor(ctx.at.getTime() / DAY_MS)) - (AREA_WEEKS - 1) * 7,
    at: ctx.at,
    k: view.k,
  });
}
