// Activations (intervals a campaign's offer was live in an area) and the instant each campaign was last evaluated.
// Every function takes the Db so callers choose the transaction.
import type { Db } from '../connection.js';
import type { Reason } from '../../domain/campaigns/index.js';
import type { Activation } from '../../domain/schemas/activation.js';

/** A stored activation: the API's shape. */
export type ActivationRecord = Activation;

interface ActivationRow {
  id: number;
  campaign_id: string;
  area_id: string;
  started_at: string;
  ended_at: string | null;
  reasons: string;
  end_reasons: string | null;
}

const toRecord = (row: ActivationRow): ActivationRecord => ({
  id: row.id,
  campaignId: row.campaign_id,
  areaId: row.area_id,
  startedAt: row.started_at,
  endedAt: row.ended_at,
  reasons: JSON.parse(row.reasons) as Reason[],
  endReasons: row.end_reasons === null ? null : (JSON.parse(row.end_reasons) as Reason[]),
});

/** Every open activation (the offers live since the last evaluation). */
export function openActivations(db: Db): ActivationRecord[] {
  return (
    db
      .prepare('SELECT * FROM activations WHERE ended_at IS NULL ORDER BY campaign_id, area_id')
      .all() as ActivationRow[]
  ).map(toRecord);
}

/** A campaign's activations, newest first, at most `limit`. */
export function campaignActivations(db: Db, campaignId: string, limit = 500): ActivationRecord[] {
  return (
    db
      .prepare(
        'SELECT * FROM activations WHERE campaign_id = ? ORDER BY started_at DESC, id DESC LIMIT ?',
      )
      .all(campaignId, limit) as ActivationRow[]
  ).map(toRecord);
}

export function openActivation(
  db: Db,
  campaignId: string,
  areaId: string,
  startedAt: string,
  reasons: Reason[],
): number {
  return Number(
    db
      .prepare(
        'INSERT INTO activations (campaign_id, area_id, started_at, reasons) VALUES (?, ?, ?, ?)',
      )
      .run(campaignId, areaId, startedAt, JSON.stringify(reasons)).lastInsertRowid,
  );
}

export function closeActivation(db: Db, id: number, endedAt: string, endReasons: Reason[]): void {
  db.prepare(
    'UPDATE activations SET ended_at = ?, end_reasons = ? WHERE id = ? AND ended_at IS NULL',
  ).run(endedAt, JSON.stringify(endReasons), id);
}

/** When each campaign was last evaluated (UTC ISO), by campaign id. */
export function lastEvaluations(db: Db): Map<string, string> {
  const rows = db.prepare('SELECT campaign_id, evaluated_at FROM campaign_evaluations').all() as {
    campaign_id: string;
    evaluated_at: string;
  }[];
  return new Map(rows.map((r) => [r.campaign_id, r.evaluated_at]));
}

export function recordEvaluation(db: Db, campaignId: string, at: string): void {
  db.prepare(
    'INSERT INTO campaign_evaluations (campaign_id, evaluated_at) VALUES (?, ?) ON CONFLICT (campaign_id) DO UPDATE SET evaluated_at = excluded.evaluated_at',
  ).run(campaignId, at);
}
