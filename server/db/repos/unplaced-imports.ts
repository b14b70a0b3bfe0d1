// Imported customers and stores waiting for a place (migration 012): written by the import pipeline, read by the
// geocoding worker and the "needs a place" routes.
import type { Db } from '../connection.js';
import type { UnplacedKind, UnplacedState } from '../../domain/schemas/unplaced.js';

export type { UnplacedKind, UnplacedState };

export interface UnplacedRow {
  kind: UnplacedKind;
  id: string;
  record: string;
  address: string;
  state: UnplacedState;
  job_id: string | null;
  created_at: string;
}

/** Prepared once per job: keeps a row without a place (a re-import of the same id replaces it). */
export function prepareUnplacedWrite(db: Db) {
  const write = db.prepare(
    `INSERT INTO unplaced_imports (kind, id, record, address, state, job_id, created_at)
     VALUES (@kind, @id, @record, @address, @state, @jobId, @now)
     ON CONFLICT(kind, id) DO UPDATE SET record = excluded.record, address = excluded.address,
       state = excluded.state, job_id = excluded.job_id`,
  );
  return (row: {
    kind: UnplacedKind;
    id: string;
    record: unknown;
    address: string;
    state: UnplacedState;
    jobId: string | null;
    now: string;
  }) => void write.run({ ...row, record: JSON.stringify(row.record) });
}

export function findUnplaced(db: Db, kind: UnplacedKind, id: string): UnplacedRow | undefined {
  return db.prepare('SELECT * FROM unplaced_imports WHERE kind = ? AND id = ?').get(kind, id) as
    UnplacedRow | undefined;
}

export function deleteUnplaced(db: Db, kind: UnplacedKind, id: string): boolean {
  return (
    db.prepare('DELETE FROM unplaced_imports WHERE kind = ? AND id = ?').run(kind, id).changes > 0
  );
}

/** The oldest row waiting for the geocoder. */
export function nextQueued(db: Db): UnplacedRow | undefined {
  return db
    .prepare(
      "SELECT * FROM unplaced_imports WHERE state = 'queued' ORDER BY created_at, rowid LIMIT 1",
    )
    .get() as UnplacedRow | undefined;
}

export function setUnplacedState(
  db: Db,
  kind: UnplacedKind,
  id: string,
  state: UnplacedState,
): void {
  db.prepare('UPDATE unplaced_imports SET state = ? WHERE kind = ? AND id = ?').run(
    state,
    kind,
    id,
  );
}

/** Without a geocoder, rows a geocoder was to look up wait for a person instead. */
export function queuedToManual(db: Db): number {
  return db.prepare("UPDATE unplaced_imports SET state = 'manual' WHERE state = 'queued'").run()
    .changes;
}

/** A page of rows in the order they came, after the row `afterSeq` (a rowid); optionally of one kind. */
export function listUnplaced(
  db: Db,
  options: { kind: UnplacedKind | null; afterSeq: number; limit: number },
): (UnplacedRow & { seq: number })[] {
  return db
    .prepare(
      `SELECT rowid AS seq, * FROM unplaced_imports WHERE (@kind IS NULL OR kind = @kind) AND rowid > @afterSeq
       ORDER BY rowid LIMIT @limit`,
    )
    .all(options) as (UnplacedRow & { seq: number })[];
}

/** How many rows wait, and how many of them the geocoder still has to look up; of one job, or of all. */
export function countUnplaced(
  db: Db,
  filter: { jobId?: string | null; kind?: UnplacedKind | null } = {},
): { total: number; queued: number } {
  return db
    .prepare(
      `SELECT count(*) AS total, coalesce(sum(state = 'queued'), 0) AS queued FROM unplaced_imports
       WHERE (@jobId IS NULL OR job_id = @jobId) AND (@kind IS NULL OR kind = @kind)`,
    )
    .get({ jobId: filter.jobId ?? null, kind: filter.kind ?? null }) as {
    total: number;
    queued: number;
  };
}
