// The import pipeline: rows → records → checks → upserts in batches, with progress saved after every batch.
// Lenient jobs commit each batch (good rows, their rejects and the progress together), so a crash leaves whole batches
// and a resume continues after the last committed row. Strict jobs stage the good rows and apply them in one
// transaction at the end, only when no row was bad: a crash or a bad row leaves the data as it was.
import type { Db } from '../../db/connection.js';
import {
  dropStaged,
  insertRejects,
  saveJobProgress,
  stageRecords,
  stagedRecords,
  type JobProgress,
  type RejectRow,
} from '../../db/repos/import-jobs.js';
import type { ImportKind } from '../../domain/import/fields.js';
import type { AnyImportRecord } from '../../domain/import/records.js';
import { readRow, type RowPlan, type UnplacedRecord } from '../../domain/import/rows.js';
import type { Table } from './table.js';
import { recordChecks } from './checks.js';
import { prepareRecordWriter } from './write-record.js';

export const BATCH_ROWS = 5000;

export interface PipelineDeps {
  db: Db;
  clock: () => Date;
  /** Called after each commit with the ids it wrote (the index, tiles and caches follow). */
  afterCommit: (kind: ImportKind, ids: string[]) => void;
  /** The geocoder's queue, when one is configured: rows with only an address wait for it (else for a person). */
  geocoding?: { kick(): void } | null;
}

/** A row read well: with its place, or with only an address. */
type GoodRow =
  | { row: number; record: AnyImportRecord }
  | { row: number; unplaced: UnplacedRecord; address: string };

export interface PipelineJob {
  id: string;
  kind: ImportKind;
  mode: 'lenient' | 'strict';
  plan: RowPlan;
  table: Table;
  /** Rows up to this one were committed by an earlier run (resume). */
  afterRow: number;
  progress: JobProgress;
  signal: AbortSignal;
  batchRows?: number;
}

export type PipelineOutcome = 'done' | 'rejected' | 'cancelled';

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Runs the job to its end; the caller sets the job's state from the outcome. */
export async function runPipeline(deps: PipelineDeps, job: PipelineJob): Promise<PipelineOutcome> {
  const { db, clock } = deps;
  const writer = prepareRecordWriter(db, job.kind, {
    jobId: job.id,
    unplacedState: deps.geocoding ? 'queued' : 'manual',
  });
  const check = recordChecks(db, job.kind);
  const batchRows = job.batchRows ?? BATCH_ROWS;
  const progress = { ...job.progress };
  let good: GoodRow[] = [];
  let bad: RejectRow[] = [];
  let lastRow = job.afterRow;

  const commit = db.transaction(() => {
    const now = clock().toISOString();
    if (job.mode === 'lenient') {
      for (const g of good)
        if ('record' in g) progress[writer.placed(g.record, now)]++;
        else writer.unplaced(g.unplaced, g.address, now);
      // Staged whole (with or without a place), read back as GoodRow by applyStaged.
    } else
      stageRecords(
        db,
        job.id,
        good.map((g) => ({ row: g.row, record: g })),
      );
    insertRejects(db, job.id, bad);
    progress.rejected_count += bad.length;
    progress.rows_done += good.length + bad.length;
    progress.bytes_done = job.table.bytesDone();
    progress.last_committed_row = lastRow;
    saveJobProgress(db, job.id, progress, now);
  });
  const flush = async () => {
    commit();
    const placed = good.flatMap((g) => ('record' in g ? [g.record.id] : []));
    if (job.mode === 'lenient' && placed.length) deps.afterCommit(job.kind, placed);
    if (job.mode === 'lenient' && placed.length < good.length) deps.geocoding?.kick();
    good = [];
    bad = [];
    await yieldToEventLoop();
  };

  for await (const { row, cells } of job.table.rows) {
    if (row <= job.afterRow) {
      const id = cells[job.plan.index.get('id') ?? -1]?.trim();
      if (id) check.remember(id);
      continue;
    }
    const result = readRow(job.plan, cells, row);
    const read: GoodRow | null = !result.ok
      ? null
      : 'record' in result
        ? { row, record: result.record }
        : { row, unplaced: result.unplaced, address: result.address };
    const errors = read ? check(('record' in read ? read.record : read.unplaced) as never) : [];
    if (read && errors.length === 0) good.push(read);
    else bad.push({ row, errors: result.ok ? errors : result.errors, raw: cells });
    lastRow = row;
    if (good.length + bad.length >= batchRows) {
      await flush();
      if (job.signal.aborted) break;
    }
  }
  if (job.signal.aborted) {
    if (job.mode === 'strict') dropStaged(db, job.id);
    return 'cancelled';
  }
  progress.bytes_done = job.table.bytesTotal;
  await flush();
  if (job.mode === 'lenient') return 'done';
  if (progress.rejected_count > 0) {
    dropStaged(db, job.id);
    return 'rejected';
  }
  applyStaged(deps, job, progress);
  return 'done';
}

/** Applies a strict job's staged rows in one transaction, then drops them. */
function applyStaged(deps: PipelineDeps, job: PipelineJob, progress: JobProgress): void {
  const { db, clock } = deps;
  const writer = prepareRecordWriter(db, job.kind, {
    jobId: job.id,
    unplacedState: deps.geocoding ? 'queued' : 'manual',
  });
  const ids: string[] = [];
  let waiting = 0;
  db.transaction(() => {
    const now = clock().toISOString();
    let after = 0;
    for (;;) {
      const chunk = stagedRecords(db, job.id, after, BATCH_ROWS);
      if (chunk.length === 0) break;
      for (const { row, record } of chunk) {
        const staged = JSON.parse(record) as GoodRow;
        if ('record' in staged) {
          progress[writer.placed(staged.record, now)]++;
          ids.push(staged.record.id);
        } else {
          writer.unplaced(staged.unplaced, staged.address, now);
          waiting++;
        }
        after = row;
      }
    }
    dropStaged(db, job.id);
    saveJobProgress(db, job.id, progress, now);
  })();
  deps.afterCommit(job.kind, ids);
  if (waiting > 0) deps.geocoding?.kick();
}
