// Campaigns table access, with the areas each targets. Every function takes the Db so callers choose the transaction.
import type { Db } from '../connection.js';
import type {
  CampaignRecord,
  CampaignStatus,
  Channel,
  FrequencyCap,
  Offer,
  Trigger,
  TriggerMode,
} from '../../domain/schemas/campaign.js';
import type { Segment } from '../../domain/schemas/segment.js';

/** A stored campaign: the API's shape, with who created it (store managers edit only their own). */
export type { CampaignRecord };

/** The fields a write sets (everything but identity, version and timestamps). */
export type CampaignValues = Omit<CampaignRecord, 'id' | 'version' | 'createdAt' | 'updatedAt'>;

interface CampaignRow {
  id: string;
  name: string;
  segment: string;
  offer: string;
  offer_code: string;
  channel: Channel;
  starts_at: string;
  ends_at: string;
  timezone: string;
  status: CampaignStatus;
  triggers: string;
  trigger_mode: TriggerMode;
  frequency_cap: string | null;
  holdout_percent: number;
  owner_id: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  area_ids: string;
}

function toRecord(row: CampaignRow): CampaignRecord {
  return {
    id: row.id,
    name: row.name,
    areaIds: JSON.parse(row.area_ids) as string[],
    segment: JSON.parse(row.segment) as Segment,
    offer: JSON.parse(row.offer) as Offer,
    channel: row.channel,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    timezone: row.timezone,
    status: row.status,
    triggers: JSON.parse(row.triggers) as Trigger[],
    triggerMode: row.trigger_mode,
    frequencyCap:
      row.frequency_cap === null ? null : (JSON.parse(row.frequency_cap) as FrequencyCap),
    holdoutPercent: row.holdout_percent,
    owner: row.owner_id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const SELECT = `SELECT c.*, (SELECT json_group_array(area_id) FROM (SELECT area_id FROM campaign_areas WHERE campaign_id = c.id ORDER BY position)) AS area_ids
  FROM campaigns c`;

export interface CampaignFilter {
  statuses?: readonly CampaignStatus[] | undefined;
}

/** Campaigns by name (then id), optionally only those in some statuses. */
export function listCampaigns(db: Db, filter: CampaignFilter = {}): CampaignRecord[] {
  const statuses = filter.statuses?.length ? JSON.stringify(filter.statuses) : null;
  const rows = db
    .prepare(
      `${SELECT} WHERE (@statuses IS NULL OR c.status IN (SELECT value FROM json_each(@statuses))) ORDER BY c.name, c.id`,
    )
    .all({ statuses }) as CampaignRow[];
  return rows.map(toRecord);
}

export function findCampaign(db: Db, id: string): CampaignRecord | undefined {
  const row = db.prepare(`${SELECT} WHERE c.id = ?`).get(id) as CampaignRow | undefined;
  return row && toRecord(row);
}

/** Campaigns other than `exceptId` in one of `statuses` whose offer code is `code` (codes are stored in capitals). */
export function campaignsWithCode(
  db: Db,
  code: string,
  statuses: readonly CampaignStatus[],
  exceptId: string | null,
): { id: string; name: string }[] {
  return db
    .prepare(
      `SELECT id, name FROM campaigns
       WHERE offer_code = @code AND status IN (SELECT value FROM json_each(@statuses)) AND (@exceptId IS NULL OR id <> @exceptId)
       ORDER BY name, id`,
    )
    .all({ code: code.toUpperCase(), statuses: JSON.stringify(statuses), exceptId }) as {
    id: string;
    name: string;
  }[];
}

function params(values: CampaignValues) {
  return {
    name: values.name,
    segment: JSON.stringify(values.segment),
    offer: JSON.stringify(values.offer),
    offer_code: values.offer.code.toUpperCase(),
    channel: values.channel,
    starts_at: values.startsAt,
    ends_at: values.endsAt,
    timezone: values.timezone,
    status: values.status,
    triggers: JSON.stringify(values.triggers),
    trigger_mode: values.triggerMode,
    frequency_cap: values.frequencyCap === null ? null : JSON.stringify(values.frequencyCap),
    holdout_percent: values.holdoutPercent,
    owner_id: values.owner,
  };
}

function writeAreas(db: Db, id: string, areaIds: readonly string[]): void {
  db.prepare('DELETE FROM campaign_areas WHERE campaign_id = ?').run(id);
  const insert = db.prepare(
    'INSERT INTO campaign_areas (campaign_id, area_id, position) VALUES (?, ?, ?)',
  );
  areaIds.forEach((areaId, position) => insert.run(id, areaId, position));
}

export function insertCampaign(
  db: Db,
  id: string,
  values: CampaignValues,
  now: Date,
): CampaignRecord {
  const at = now.toISOString();
  db.prepare(
    `INSERT INTO campaigns (id, name, segment, offer, offer_code, channel, starts_at, ends_at, timezone, status, triggers, trigger_mode, frequency_cap,
       holdout_percent, owner_id, version, created_at, updated_at)
     VALUES (@id, @name, @segment, @offer, @offer_code, @channel, @starts_at, @ends_at, @timezone, @status, @triggers, @trigger_mode, @frequency_cap,
       @holdout_percent, @owner_id, 1, @at, @at)`,
  ).run({ id, ...params(values), at });
  writeAreas(db, id, values.areaIds);
  return findCampaign(db, id)!;
}

/** Applies the values only when `version` still matches; false when someone else saved first (or it is gone). */
export function updateCampaign(
  db: Db,
  id: string,
  values: CampaignValues,
  version: number,
  now: Date,
): boolean {
  const result = db
    .prepare(
      `UPDATE campaigns SET name = @name, segment = @segment, offer = @offer, offer_code = @offer_code, channel = @channel, starts_at = @starts_at,
         ends_at = @ends_at, timezone = @timezone, status = @status, triggers = @triggers, trigger_mode = @trigger_mode, frequency_cap = @frequency_cap,
         holdout_percent = @holdout_percent, owner_id = @owner_id, version = version + 1, updated_at = @at
       WHERE id = @id AND version = @version`,
    )
    .run({ id, version, ...params(values), at: now.toISOString() });
  if (result.changes !== 1) return false;
  writeAreas(db, id, values.areaIds);
  return true;
}

export function deleteCampaign(db: Db, id: string): boolean {
  return db.prepare('DELETE FROM campaigns WHERE id = ?').run(id).changes === 1;
}

/** How many activations and redemptions a campaign has: its history, which deleting would lose. */
export function campaignHistory(db: Db, id: string): { activations: number; redemptions: number } {
  return db
    .prepare(
      'SELECT (SELECT count(*) FROM activations WHERE campaign_id = @id) AS activations, (SELECT count(*) FROM redemptions WHERE campaign_id = @id) AS redemptions',
    )
    .get({ id }) as { activations: number; redemptions: number };
}
