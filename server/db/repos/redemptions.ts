// Redemptions table access: offer codes used at a till. Every function takes the Db so callers choose the transaction.
import type { Db } from '../connection.js';
import type { Redemption } from '../../domain/schemas/redemption.js';

/** A stored redemption: the API's shape. */
export type RedemptionRecord = Redemption;

interface RedemptionRow {
  id: string;
  campaign_id: string;
  area_id: string | null;
  code: string;
  store_id: string | null;
  amount: number;
  redeemed_at: string;
  customer_id: string | null;
  created_at: string;
}

const toRecord = (r: RedemptionRow): RedemptionRecord => ({
  id: r.id,
  campaignId: r.campaign_id,
  areaId: r.area_id,
  code: r.code,
  storeId: r.store_id,
  amount: r.amount,
  redeemedAt: r.redeemed_at,
  customerId: r.customer_id,
  createdAt: r.created_at,
});

export function insertRedemption(db: Db, r: RedemptionRecord): RedemptionRecord {
  db.prepare(
    `INSERT INTO redemptions (id, campaign_id, area_id, code, store_id, amount, redeemed_at, customer_id, created_at)
     VALUES (@id, @campaignId, @areaId, @code, @storeId, @amount, @redeemedAt, @customerId, @createdAt)`,
  ).run(r);
  return r;
}

export interface RedemptionPageQuery {
  campaignId: string;
  /** Only redemptions at these stores; null for all. */
  storeIds: readonly string[] | null;
  /** The last row of the previous page: newer rows, or the same instant with a larger id, are skipped. */
  after: { redeemedAt: string; id: string } | null;
  limit: number;
}

/** A campaign's redemptions, newest first (then by id, descending), a page at a time. */
export function pageRedemptions(db: Db, q: RedemptionPageQuery): RedemptionRecord[] {
  const rows = db
    .prepare(
      `SELECT * FROM redemptions
       WHERE campaign_id = @campaignId
         AND (@stores IS NULL OR store_id IN (SELECT value FROM json_each(@stores)))
         AND (@afterAt IS NULL OR redeemed_at < @afterAt OR (redeemed_at = @afterAt AND id < @afterId))
       ORDER BY redeemed_at DESC, id DESC LIMIT @limit`,
    )
    .all({
      campaignId: q.campaignId,
      stores: q.storeIds === null ? null : JSON.stringify(q.storeIds),
      afterAt: q.after?.redeemedAt ?? null,
      afterId: q.after?.id ?? null,
      limit: q.limit,
    }) as RedemptionRow[];
  return rows.map(toRecord);
}

/** Every redemption of a campaign (at these stores, or all), for its results. */
export function campaignRedemptions(
  db: Db,
  campaignId: string,
  storeIds: readonly string[] | null,
): { amount: number; redeemedAt: string; customerId: string | null }[] {
  return db
    .prepare(
      `SELECT amount, redeemed_at AS redeemedAt, customer_id AS customerId FROM redemptions
       WHERE campaign_id = @campaignId AND (@stores IS NULL OR store_id IN (SELECT value FROM json_each(@stores)))`,
    )
    .all({ campaignId, stores: storeIds === null ? null : JSON.stringify(storeIds) }) as {
    amount: number;
    redeemedAt: string;
    customerId: string | null;
  }[];
}
