// The import pipeline: batches of read and checked rows (read-rows.ts) → upserts, with progress saved after each.
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
} from '../../db/repos/import-jobs.js';
import type { UpsertResult } from '../../db/repos/import-upserts.js';
import type { ImportKind } from '../../domain/import/fields.js';
import type { AnyImportRecord } from '../../domain/import/records.js';
import type { GoodRow, RowBatch } from './read-rows.js';
import { prepareRecordWriter } from './write-record.js';

/** Staged rows read back per query when a strict job applies them (the job's batch size is the service's limit). */
const STAGED_CHUNK = 5000;

export interface Written {
  ids: string[];
  /** Customers: each with its seq, so the in-memory index follows without reading them back. */
  customers?: UpsertResult['customers'];
  /** Purchases: the customers whose behaviour may have changed. */
  customerIds?: string[];
  /** The job's last commit. */
  final?: boolean;
}

export interface PipelineDeps {
  db: Db;
  clock: () => Date;
  /** Called after each commit with what it wrote (the index, tiles and caches follow). */
  afterCommit: (kind: ImportKind, written: Written) => void;
  /** The geocoder's queue, when one is configured: rows with only an address wait for it (else for a person). */
  geocoding?: { kick(): void } | null;
}

const placedRecords = (good: readonly GoodRow[]): AnyImportRecord[] =>
  good.flatMap((g) => ('record' in g ? [g.record] : []));

export interface PipelineJob {
  id: string;
  kind: ImportKind;
  mode: 'lenient' | 'strict';
  /** The file's rows, read and checked (read-rows.ts), in batches; after the last committed row on a resume. */
  batches: AsyncIterable<RowBatch>;
  progress: JobProgress;
  signal: AbortSignal;
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
  const progress = { ...job.progress };
  let written: Written = { ids: [] };
  let waiting = 0;

  const commit = db.transaction(({ good, bad, lastRow, bytesDone }: RowBatch) => {
    const now = clock().toISOString();
    if (job.mode === 'lenient') {
      const records = placedRecords(good);
      const result = writer.placed(records, now);
      progress.inserted += result.inserted;
      progress.updated += result.updated;
      written = {
        ids: records.map((r) => r.id),
        customers: result.customers,
        customerIds: result.customerIds,
      };
      for (const g of good) if ('unplaced' in g) writer.unplaced(g.unplaced, g.address, now);
      waiting = good.length - records.length;
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
    progress.bytes_done = bytesDone;
    progress.last_committed_row = lastRow;
    saveJobProgress(db, job.id, progress, now);
  });

  for await (const batch of job.batches) {
    commit(batch);
    if (job.mode === 'lenient' && written.ids.length) deps.afterCommit(job.kind, written);
    if (job.mode === 'lenient' && waiting > 0) deps.geocoding?.kick();
    await yieldToEventLoop();
    if (job.signal.aborted) break;
  }
  if (job.signal.aborted) {
    if (job.mode === 'strict') dropStaged(db, job.id);
    return 'cancelled';
  }
  if (job.mode === 'lenient') {
    deps.afterCommit(job.kind, { ids: [], final: true });
    return 'done';
  }
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
  const written: Required<Written> = { ids: [], customers: [], customerIds: [], final: true };
  let waiting = 0;
  db.transaction(() => {
    const now = clock().toISOString();
    let after = 0;
    for (;;) {
      const chunk = stagedRecords(db, job.id, after, STAGED_CHUNK);
      if (chunk.length === 0) break;
      const staged = chunk.map(({ record }) => JSON.parse(record) as GoodRow);
      const records = placedRecords(staged);
      const result = writer.placed(records, now);
      progress.inserted += result.inserted;
      progress.updated += result.updated;
      for (const r of records) written.ids.push(r.id);
      for (const c of result.customers ?? []) written.customers.push(c);
      for (const id of result.customerIds ?? []) written.customerIds.push(id);
      for (const g of staged)
        if ('unplaced' in g) {
          writer.unplaced(g.unplaced, g.address, now);
          waiting++;
        }
      after = chunk[chunk.length - 1]!.row;
    }
    dropStaged(db, job.id);
    saveJobProgress(db, job.id, progress, now);
  })();
  deps.afterCommit(job.kind, written);
  if (waiting > 0) deps.geocoding?.kick();
}
