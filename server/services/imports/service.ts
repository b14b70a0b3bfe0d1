// Imports as a service: preview a file, save mappings, run an import (inline for small files, as a job otherwise),
// list, cancel and resume jobs. The routes stay thin; everything here works on a file already saved in the jobs folder.
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import {
  clearJobFile,
  findImportJob,
  findMapping,
  findMappingByHeaders,
  insertImportJob,
  insertMapping,
  interruptRunningJobs,
  listImportJobs,
  listRejects,
  setJobState,
  type ImportJobRow,
  type RejectRow,
} from '../../db/repos/import-jobs.js';
import { importFields, type ImportKind } from '../../domain/import/fields.js';
import { guessMapping } from '../../domain/import/guess.js';
import { headerSetText, rekeyMapping, type ImportMapping } from '../../domain/import/mapping.js';
import { planRows } from '../../domain/import/rows.js';
import { erasedIdHasher } from '../customers/erased-ids.js';
import type { FieldError } from '../../domain/schemas/problem.js';
import type { Logger } from '../../logger.js';
import { ServiceError } from '../errors.js';
import { recordAudit } from '../../db/repos/audit.js';
import { countUnplaced } from '../../db/repos/unplaced-imports.js';
import { runPipeline, type PipelineDeps } from './pipeline.js';
import { readRowBatchesInWorker } from './read-in-worker.js';
import { readRowBatches, type ReadSource } from './read-rows.js';
import { sampleTable, sampleWarnings, workspaceExtent, type ImportWarning } from './sample.js';
import type { SourceFormat } from './table.js';

export interface ImportLimits {
  /** Largest file taken (413 above). */
  maxBytes: number;
  /** Files up to this size are imported while the request waits; larger ones become a job (202). */
  inlineMaxBytes: number;
  batchRows: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxBytes: 200 * 1024 * 1024,
  inlineMaxBytes: 5 * 1024 * 1024,
  // Rows per committed batch: a crash loses at most one. Larger batches commit less often but hold more in memory
  // (20,000 took the import of a million customers from about 800 to 930 MB).
  batchRows: 5000,
};

export interface ImportServiceDeps extends PipelineDeps {
  /** The database file, for the reader thread's own connection; null (in memory) reads in this thread. */
  dbFile: string | null;
  logger: Logger;
  jobsDir: string;
  limits: ImportLimits;
}

export interface ImportJobView {
  id: string;
  kind: ImportKind;
  mode: 'lenient' | 'strict';
  state: ImportJobRow['state'];
  rowsDone: number;
  bytesDone: number;
  bytesTotal: number;
  etaSeconds: number | null;
  inserted: number;
  updated: number;
  rejected: number;
  /** Rows of this job still without a place: the geocoder is looking up `geocoding` of them, a person places the rest. */
  needsPlace: number;
  geocoding: number;
  error: string | null;
  /** A finished job's first rejected rows with their reasons (not the rows' contents), for its report. */
  firstRejected: { row: number; errors: FieldError[] }[];
  createdAt: string;
  updatedAt: string;
}

/** How many rejected rows a finished job's view names; the rest are in its rejected.csv. */
export const FIRST_REJECTED_ROWS = 10;
const FINISHED: readonly string[] = ['done', 'failed', 'cancelled', 'interrupted'];

export interface ImportRequest {
  kind: ImportKind;
  file: string;
  contentType: string;
  sheet?: string | undefined;
}

const PREVIEW_ROWS = 20;
const WARNING_SAMPLE_ROWS = 500;
const headerKey = (headers: readonly string[]) =>
  createHash('sha256').update(headerSetText(headers)).digest('hex');

export function createImportService(deps: ImportServiceDeps) {
  const { db, clock, logger, limits } = deps;
  mkdirSync(deps.jobsDir, { recursive: true });
  const running = new Map<string, AbortController>();
  let queue: Promise<unknown> = Promise.resolve();
  let stopping = false;
  /** The audit log's actor label (an email or token name) of jobs started or resumed by this process. */
  const actors = new Map<string, string>();

  const waiting = (jobId: string) => {
    const { total, queued } = countUnplaced(db, { jobId });
    return { needsPlace: total - queued, geocoding: queued };
  };

  const view = (job: ImportJobRow): ImportJobView => {
    let etaSeconds: number | null = null;
    if (job.state === 'running' && job.bytes_done > 0 && job.bytes_total > job.bytes_done) {
      const elapsed = (clock().getTime() - Date.parse(job.created_at)) / 1000;
      etaSeconds = Math.max(
        0,
        Math.round((elapsed / job.bytes_done) * (job.bytes_total - job.bytes_done)),
      );
    }
    return {
      id: job.id,
      kind: job.kind as ImportKind,
      mode: job.mode as 'lenient' | 'strict',
      state: job.state,
      rowsDone: job.rows_done,
      bytesDone: job.bytes_done,
      bytesTotal: job.bytes_total,
      etaSeconds,
      inserted: job.inserted,
      updated: job.updated,
      rejected: job.rejected_count,
      ...waiting(job.id),
      error: job.error,
      firstRejected:
        FINISHED.includes(job.state) && job.rejected_count > 0
          ? listRejects(db, job.id, 0, FIRST_REJECTED_ROWS).map(({ row, errors }) => ({
              row,
              errors,
            }))
          : [],
      createdAt: job.created_at,
      updatedAt: job.updated_at,
    };
  };

  const savedMapping = (kind: ImportKind, headers: readonly string[]) => {
    const saved = findMappingByHeaders(db, kind, headerKey(headers));
    return saved ? { id: saved.id, mapping: JSON.parse(saved.mapping) as ImportMapping } : null;
  };

  const mappingFor = (
    kind: ImportKind,
    headers: string[],
    rows: string[][],
    mappingId?: string,
  ) => {
    if (mappingId !== undefined) {
      const found = findMapping(db, mappingId);
      if (!found || found.kind !== kind)
        throw new ServiceError('invalid', `No saved ${kind} mapping with id ${mappingId}`, [
          { field: 'query.mappingId', code: 'not_found', message: 'unknown mapping' },
        ]);
      return { id: found.id, mapping: JSON.parse(found.mapping) as ImportMapping };
    }
    const saved = savedMapping(kind, headers);
    return saved
      ? { id: saved.id, mapping: rekeyMapping(saved.mapping, headers) }
      : { id: null, mapping: guessMapping(kind, headers, rows) };
  };

  async function run(jobId: string): Promise<void> {
    const job = findImportJob(db, jobId);
    if (!job || !job.file_path || stopping) return;
    const controller = new AbortController();
    running.set(jobId, controller);
    const at = () => clock().toISOString();
    setJobState(db, jobId, 'running', at());
    try {
      const source: ReadSource = {
        file: job.file_path,
        format: job.format as SourceFormat,
        sheet: job.sheet,
        kind: job.kind as ImportKind,
        mapping: JSON.parse(job.mapping) as ImportMapping,
        afterRow: job.last_committed_row,
        batchRows: limits.batchRows,
      };
      // A big file is read and checked on another core while this thread writes; the worker's connection only
      // reads, so the keyed-hash secret it reads is made here first.
      erasedIdHasher(db);
      const inWorker = job.bytes_total > limits.inlineMaxBytes && deps.dbFile !== null;
      const outcome = await runPipeline(deps, {
        id: jobId,
        kind: job.kind as ImportKind,
        mode: job.mode as 'lenient' | 'strict',
        batches: inWorker
          ? readRowBatchesInWorker(deps.dbFile!, source)
          : readRowBatches(db, source),
        progress: {
          bytes_done: job.bytes_done,
          rows_done: job.rows_done,
          inserted: job.inserted,
          updated: job.updated,
          rejected_count: job.rejected_count,
          last_committed_row: job.last_committed_row,
        },
        signal: controller.signal,
      });
      // Stopped by a shutdown rather than a person: interrupted, so it can be resumed after the restart.
      const cancelled = stopping ? 'interrupted' : 'cancelled';
      const state = outcome === 'done' ? 'done' : outcome === 'cancelled' ? cancelled : 'failed';
      const error =
        outcome === 'rejected' ? 'Some rows are invalid; in strict mode nothing was applied' : null;
      const done = db.transaction(() => {
        setJobState(db, jobId, state, at(), error);
        const finished = findImportJob(db, jobId)!;
        // Who imported what, by counts: never rows or ids (personal data).
        recordAudit(db, {
          at: at(),
          actorId: finished.created_by,
          actor: actors.get(jobId) ?? 'import',
          action: `import.${finished.kind}`,
          targetType: 'import_job',
          targetId: jobId,
          detail: {
            mode: finished.mode,
            state,
            rows: finished.rows_done,
            inserted: finished.inserted,
            updated: finished.updated,
            rejected: finished.rejected_count,
          },
        });
        return finished;
      })();
      // Counts only: rows and ids are personal data.
      logger.info('import finished', {
        kind: job.kind,
        mode: job.mode,
        state,
        rows: done.rows_done,
        inserted: done.inserted,
        updated: done.updated,
        rejected: done.rejected_count,
      });
    } catch (error) {
      const message =
        error instanceof ServiceError ? error.detail : 'The import failed on our side';
      if (!(error instanceof ServiceError))
        logger.error('import failed', {
          kind: job.kind,
          error: error instanceof Error ? error.name : 'error',
        });
      setJobState(db, jobId, 'failed', at(), message);
    } finally {
      running.delete(jobId);
      actors.delete(jobId);
      const final = findImportJob(db, jobId);
      if (final && final.state !== 'interrupted' && final.file_path) {
        rmSync(final.file_path, { force: true });
        clearJobFile(db, jobId);
      }
    }
  }

  const enqueue = (jobId: string) => {
    queue = queue.then(() => run(jobId)).catch(() => undefined);
    return queue;
  };

  return {
    limits,
    jobsDir: deps.jobsDir,

    /** Headers, first rows, the saved or guessed mapping, the fields and the warnings of an uploaded file. */
    async preview(kind: ImportKind, file: string, contentType: string, sheet?: string) {
      const sample = await sampleTable(file, { contentType, sheet }, PREVIEW_ROWS);
      const { id, mapping } = mappingFor(kind, sample.headers, sample.rows);
      const format: SourceFormat = sample.format;
      return {
        format,
        ...(sample.encoding ? { encoding: sample.encoding } : {}),
        ...(sample.delimiter ? { delimiter: sample.delimiter } : {}),
        ...(sample.sheets ? { sheets: sample.sheets } : {}),
        headers: sample.headers,
        rows: sample.rows.map((cells) => sample.headers.map((_, i) => cells[i] ?? '')),
        mapping,
        savedMappingId: id,
        fields: importFields[kind].map(({ values, ...f }) => ({
          ...f,
          ...(values ? { values: [...values] } : {}),
        })),
        warnings: sampleWarnings(kind, sample.headers, sample.rows, mapping, workspaceExtent(db)),
      };
    },

    saveMapping(kind: ImportKind, headers: string[], mapping: ImportMapping): { id: string } {
      const id = `map-${randomUUID()}`;
      insertMapping(db, {
        id,
        kind,
        headerKey: headerKey(headers),
        mapping: JSON.stringify(mapping),
        createdAt: clock().toISOString(),
      });
      return { id };
    },

    /**
     * Starts an import of a saved upload. Small files finish before this returns (`inline`); larger ones run as a
     * queued job. Throws 422 when the file cannot be read or the mapping leaves a required field without a column.
     */
    async start(
      request: ImportRequest & {
        mode: 'lenient' | 'strict';
        mappingId?: string | undefined;
        createdBy: string | null;
        /** For the audit log: the caller's email or token name. */
        actor?: string;
        bytes: number;
      },
    ) {
      const sample = await sampleTable(
        request.file,
        { contentType: request.contentType, sheet: request.sheet },
        WARNING_SAMPLE_ROWS,
      );
      const { mapping } = mappingFor(
        request.kind,
        sample.headers,
        sample.rows.slice(0, 200),
        request.mappingId,
      );
      const planned = planRows(request.kind, sample.headers, mapping);
      if (!planned.ok)
        throw new ServiceError(
          'invalid',
          'The file has no column for some required fields; map them first',
          planned.errors.map((e) => ({ ...e, field: `mapping.${e.field}` })),
        );
      const warnings = sampleWarnings(
        request.kind,
        sample.headers,
        sample.rows,
        mapping,
        workspaceExtent(db),
      );
      const id = `imp-${randomUUID()}`;
      insertImportJob(db, {
        id,
        kind: request.kind,
        mode: request.mode,
        format: sample.format,
        sheet: request.sheet ?? null,
        file_path: request.file,
        bytes_total: request.bytes,
        headers: JSON.stringify(sample.headers),
        mapping: JSON.stringify(mapping),
        warnings: JSON.stringify(warnings),
        created_by: request.createdBy,
        created_at: clock().toISOString(),
      });
      if (request.actor) actors.set(id, request.actor);
      if (request.bytes > limits.inlineMaxBytes) {
        void enqueue(id);
        return { inline: false as const, job: view(findImportJob(db, id)!) };
      }
      await run(id);
      const job = findImportJob(db, id)!;
      if (job.state === 'failed' && job.rejected_count === 0)
        throw new ServiceError('invalid', job.error ?? 'The import failed', [
          { field: 'body', code: 'import_failed', message: job.error ?? 'import failed' },
        ]);
      const rejected = listRejects(db, id, 0, Number.MAX_SAFE_INTEGER).map(({ row, errors }) => ({
        row,
        errors,
      }));
      return {
        inline: true as const,
        job: view(job),
        inserted: job.inserted,
        updated: job.updated,
        rejected,
        ...waiting(id),
        warnings,
      };
    },

    list(createdBy: string | null): ImportJobView[] {
      return listImportJobs(db, createdBy).map(view);
    },

    get(id: string, createdBy: string | null): ImportJobView {
      return view(ownJob(id, createdBy));
    },

    warnings(id: string): ImportWarning[] {
      return JSON.parse(findImportJob(db, id)?.warnings ?? '[]') as ImportWarning[];
    },

    cancel(id: string, createdBy: string | null): void {
      const job = ownJob(id, createdBy);
      if (['done', 'failed', 'cancelled'].includes(job.state)) return;
      running.get(id)?.abort();
      if (!running.has(id)) {
        setJobState(db, id, 'cancelled', clock().toISOString());
        if (job.file_path) rmSync(job.file_path, { force: true });
        clearJobFile(db, id);
      }
    },

    resume(id: string, createdBy: string | null, actor?: string): ImportJobView {
      const job = ownJob(id, createdBy);
      if (actor) actors.set(id, actor);
      if (job.state !== 'interrupted' || !job.file_path)
        throw new ServiceError(
          'conflict',
          `Only an interrupted job can be resumed; this one is ${job.state}`,
          [{ field: 'params.id', code: 'job_state', message: `job is ${job.state}` }],
        );
      // A strict job left nothing behind: it starts over. A lenient one continues after its last committed batch.
      if (job.mode === 'strict')
        db.prepare(
          'UPDATE import_jobs SET rows_done = 0, bytes_done = 0, inserted = 0, updated = 0, rejected_count = 0, last_committed_row = 0 WHERE id = ?',
        ).run(id);
      setJobState(db, id, 'queued', clock().toISOString());
      void enqueue(id);
      return view(findImportJob(db, id)!);
    },

    /** The rejected rows of a job: headers and reject rows, read in pages. */
    rejects(
      id: string,
      createdBy: string | null,
    ): { headers: string[]; pages: () => Generator<RejectRow[]> } {
      const job = ownJob(id, createdBy);
      return {
        headers: JSON.parse(job.headers) as string[],
        *pages() {
          let after = 0;
          for (;;) {
            const page = listRejects(db, id, after, 1000);
            if (page.length === 0) return;
            yield page;
            after = page[page.length - 1]!.row;
          }
        },
      };
    },

    /** At start-up: jobs the last process left running are interrupted. */
    recover(): number {
      return interruptRunningJobs(db, clock().toISOString());
    },

    /** Waits for queued jobs (tests, shutdown). */
    idle: () => queue,

    /** At shutdown: running jobs stop after their current batch and are left interrupted; queued ones wait. */
    async stop(): Promise<void> {
      stopping = true;
      for (const controller of running.values()) controller.abort();
      await Promise.race([queue, new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
    },
  };

  function ownJob(id: string, createdBy: string | null): ImportJobRow {
    const job = findImportJob(db, id);
    if (!job || job.created_by !== createdBy)
      throw new ServiceError('not-found', `No import job with id ${id}`, [
        { field: 'params.id', code: 'not_found', message: 'unknown job' },
      ]);
    return job;
  }
}

export type ImportService = ReturnType<typeof createImportService>;
export type { FieldError };
