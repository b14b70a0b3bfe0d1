// Import jobs, their rejected rows, the staged rows of strict jobs, and saved column mappings.
import type { Db } from '../connection.js';
import type { FieldError } from '../../domain/schemas/problem.js';

export type JobState = 'queued' | 'running' | 'done' | 'failed' | 'cancelled' | 'interrupted';

export interface ImportJobRow {
  id: string;
  kind: string;
  mode: string;
  state: JobState;
  format: string;
  sheet: string | null;
  file_path: string | null;
  bytes_total: number;
  bytes_done: number;
  rows_done: number;
  inserted: number;
  updated: number;
  rejected_count: number;
  last_committed_row: number;
  headers: string;
  mapping: string;
  warnings: string;
  error: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export type NewImportJob = Pick<
  ImportJobRow,
  | 'id'
  | 'kind'
  | 'mode'
  | 'format'
  | 'sheet'
  | 'file_path'
  | 'bytes_total'
  | 'headers'
  | 'mapping'
  | 'warnings'
  | 'created_by'
  | 'created_at'
>;

export function insertImportJob(db: Db, job: NewImportJob): void {
  db.prepare(
    `INSERT INTO import_jobs (id, kind, mode, state, format, sheet, file_path, bytes_total, headers, mapping, warnings, created_by, created_at, updated_at, runner_pid)
     VALUES (@id, @kind, @mode, 'queued', @format, @sheet, @file_path, @bytes_total, @headers, @mapping, @warnings, @created_by, @created_at, @created_at, @runner_pid)`,
  ).run({ ...job, runner_pid: process.pid });
}

export function findImportJob(db: Db, id: string): ImportJobRow | undefined {
  return db.prepare('SELECT * FROM import_jobs WHERE id = ?').get(id) as ImportJobRow | undefined;
}

export function listImportJobs(db: Db, createdBy: string | null, limit = 50): ImportJobRow[] {
  return db
    .prepare(
      'SELECT * FROM import_jobs WHERE created_by IS ? ORDER BY created_at DESC, rowid DESC LIMIT ?',
    )
    .all(createdBy, limit) as ImportJobRow[];
}

export interface JobProgress {
  bytes_done: number;
  rows_done: number;
  inserted: number;
  updated: number;
  rejected_count: number;
  last_committed_row: number;
}

export function saveJobProgress(db: Db, id: string, progress: JobProgress, at: string): void {
  db.prepare(
    `UPDATE import_jobs SET bytes_done = @bytes_done, rows_done = @rows_done, inserted = @inserted, updated = @updated,
       rejected_count = @rejected_count, last_committed_row = @last_committed_row, updated_at = @at WHERE id = @id`,
  ).run({ ...progress, id, at });
}

/** Sets a job's state; a queued or running job is this process's from then on (see interruptJobsOfProcess). */
export function setJobState(
  db: Db,
  id: string,
  state: JobState,
  at: string,
  error: string | null = null,
): void {
  db.prepare(
    'UPDATE import_jobs SET state = ?, error = ?, updated_at = ?, runner_pid = ? WHERE id = ?',
  ).run(state, error, at, state === 'queued' || state === 'running' ? process.pid : null, id);
}

export function setJobWarnings(db: Db, id: string, warnings: string): void {
  db.prepare('UPDATE import_jobs SET warnings = ? WHERE id = ?').run(warnings, id);
}

export function clearJobFile(db: Db, id: string): void {
  db.prepare('UPDATE import_jobs SET file_path = NULL WHERE id = ?').run(id);
}

/** Jobs the last process left running are interrupted; staged rows of strict jobs are dropped (nothing was applied). */
export function interruptRunningJobs(db: Db, at: string): number {
  return db.transaction(() => {
    db.prepare('DELETE FROM import_staging').run();
    return db
      .prepare(
        "UPDATE import_jobs SET state = 'interrupted', runner_pid = NULL, updated_at = ? WHERE state IN ('queued', 'running')",
      )
      .run(at).changes;
  })();
}

/**
 * In cluster mode, when a worker dies: its queued and running jobs are interrupted (to be resumed) and their staged
 * rows dropped, as interruptRunningJobs does for the whole file at a single process's start.
 */
export function interruptJobsOfProcess(db: Db, pid: number, at: string): number {
  return db.transaction(() => {
    const owned = "state IN ('queued', 'running') AND runner_pid = ?";
    db.prepare(
      `DELETE FROM import_staging WHERE job_id IN (SELECT id FROM import_jobs WHERE ${owned})`,
    ).run(pid);
    return db
      .prepare(
        `UPDATE import_jobs SET state = 'interrupted', runner_pid = NULL, updated_at = ? WHERE ${owned}`,
      )
      .run(at, pid).changes;
  })();
}

export interface RejectRow {
  row: number;
  errors: FieldError[];
  raw: string[];
}

export function insertRejects(db: Db, jobId: string, rejects: readonly RejectRow[]): void {
  const insert = db.prepare(
    'INSERT OR REPLACE INTO import_rejects (job_id, row, errors, raw) VALUES (?, ?, ?, ?)',
  );
  for (const r of rejects)
    insert.run(jobId, r.row, JSON.stringify(r.errors), JSON.stringify(r.raw));
}

export function listRejects(db: Db, jobId: string, afterRow: number, limit: number): RejectRow[] {
  const rows = db
    .prepare(
      'SELECT row, errors, raw FROM import_rejects WHERE job_id = ? AND row > ? ORDER BY row LIMIT ?',
    )
    .all(jobId, afterRow, limit) as { row: number; errors: string; raw: string }[];
  return rows.map((r) => ({
    row: r.row,
    errors: JSON.parse(r.errors) as FieldError[],
    raw: JSON.parse(r.raw) as string[],
  }));
}

export function stageRecords(
  db: Db,
  jobId: string,
  records: readonly { row: number; record: unknown }[],
): void {
  const insert = db.prepare(
    'INSERT OR REPLACE INTO import_staging (job_id, row, record) VALUES (?, ?, ?)',
  );
  for (const r of records) insert.run(jobId, r.row, JSON.stringify(r.record));
}

export function stagedRecords(
  db: Db,
  jobId: string,
  afterRow: number,
  limit: number,
): { row: number; record: string }[] {
  return db
    .prepare(
      'SELECT row, record FROM import_staging WHERE job_id = ? AND row > ? ORDER BY row LIMIT ?',
    )
    .all(jobId, afterRow, limit) as { row: number; record: string }[];
}

export function dropStaged(db: Db, jobId: string): void {
  db.prepare('DELETE FROM import_staging WHERE job_id = ?').run(jobId);
}

export function insertMapping(
  db: Db,
  m: { id: string; kind: string; headerKey: string; mapping: string; createdAt: string },
): void {
  db.prepare(
    'INSERT INTO import_mappings (id, kind, header_key, mapping, created_at) VALUES (?, ?, ?, ?, ?)',
  ).run(m.id, m.kind, m.headerKey, m.mapping, m.createdAt);
}

export function findMapping(
  db: Db,
  id: string,
): { id: string; kind: string; mapping: string } | undefined {
  return db.prepare('SELECT id, kind, mapping FROM import_mappings WHERE id = ?').get(id) as
    { id: string; kind: string; mapping: string } | undefined;
}

export function findMappingByHeaders(
  db: Db,
  kind: string,
  headerKey: string,
): { id: string; mapping: string } | undefined {
  return db
    .prepare(
      'SELECT id, mapping FROM import_mappings WHERE kind = ? AND header_key = ? ORDER BY created_at DESC, rowid DESC LIMIT 1',
    )
    .get(kind, headerKey) as { id: string; mapping: string } | undefined;
}
