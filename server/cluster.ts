// Cluster mode (CATCHMENT_WORKERS > 1): this primary prepares the database, forks one worker per slot, and serves
// nothing itself. The workers share the port through node:cluster (the primary accepts and hands connections round
// the workers). A worker that dies is forked again in its slot, after a back-off when it keeps dying at start. Which
// worker runs the background jobs is settled by the lease in SQLite (services/cluster/leadership.ts), not here.
import cluster, { type Worker } from 'node:cluster';
import type { Config } from './env.js';
import type { Logger } from './logger.js';
import { prepareForWorkers } from './prepare.js';
import { openDatabase } from './db/connection.js';
import { interruptJobsOfProcess } from './db/repos/import-jobs.js';

/** Tells a forked process which slot it fills (1…N); it shows in the Catchment-Worker header. */
export const WORKER_ID_ENV = 'CATCHMENT_WORKER_ID';

/** What a worker sends the primary once it listens. */
export interface ListeningMessage {
  type: 'catchment:listening';
  url: string;
}

export const isListeningMessage = (m: unknown): m is ListeningMessage =>
  typeof m === 'object' && m !== null && (m as { type?: unknown }).type === 'catchment:listening';

/** A worker that dies sooner than this after its start is restarted after a growing pause. */
const CRASH_LOOP_MS = 5_000;
const FIRST_PAUSE_MS = 500;
const MAX_PAUSE_MS = 30_000;
const STOP_GRACE_MS = 10_000;

export interface PrimaryOptions {
  config: Config;
  logger: Logger;
  /** Called once, when every worker listens for the first time. */
  onReady: (url: string) => void;
}

export async function runPrimary({ config, logger, onReady }: PrimaryOptions) {
  await prepareForWorkers(config, { logger, clock: () => new Date() });
  const slots = new Map<Worker, { id: number; startedAt: number }>();
  const pauses = new Map<number, number>();
  const listening = new Set<number>();
  let ready = false;
  let stopping = false;

  const fork = (id: number) => {
    const worker = cluster.fork({ [WORKER_ID_ENV]: String(id) });
    slots.set(worker, { id, startedAt: Date.now() });
    worker.on('message', (message: unknown) => {
      if (!isListeningMessage(message)) return;
      listening.add(id);
      if (!ready && listening.size === config.workers) {
        ready = true;
        onReady(message.url);
      }
    });
  };

  /** A dead worker's import jobs would show "running" for ever: interrupted, they can be resumed on another. */
  const releaseJobsOf = (pid: number | undefined) => {
    if (pid === undefined) return;
    const db = openDatabase(config.dbFile);
    try {
      const jobs = interruptJobsOfProcess(db, pid, new Date().toISOString());
      if (jobs) logger.info('import jobs of a dead worker interrupted', { pid, jobs });
    } catch (error) {
      logger.error('could not interrupt the import jobs of a dead worker', {
        pid,
        error: String(error),
      });
    } finally {
      // A plain close: a checkpoint here would hold the primary, which hands out every connection, behind the writers.
      db.close();
    }
  };

  cluster.on('exit', (worker, code, signal) => {
    const slot = slots.get(worker);
    slots.delete(worker);
    releaseJobsOf(worker.process.pid);
    if (!slot || stopping) return;
    const crashLoop = Date.now() - slot.startedAt < CRASH_LOOP_MS;
    const pause = crashLoop
      ? Math.min(MAX_PAUSE_MS, (pauses.get(slot.id) ?? FIRST_PAUSE_MS) * 2)
      : 0;
    pauses.set(slot.id, pause || FIRST_PAUSE_MS);
    logger.error('worker died; starting it again', {
      worker: slot.id,
      pid: worker.process.pid,
      code,
      signal,
      pauseMs: pause,
    });
    setTimeout(() => {
      if (!stopping) fork(slot.id);
    }, pause);
  });

  for (let id = 1; id <= config.workers; id++) fork(id);

  /** Asks every worker to finish its requests and stop; kills those still running after STOP_GRACE_MS. */
  const stop = () =>
    new Promise<void>((resolve) => {
      stopping = true;
      const workers = [...slots.keys()];
      if (workers.length === 0) return resolve();
      let left = workers.length;
      for (const worker of workers) {
        worker.once('exit', () => {
          if (--left === 0) resolve();
        });
        worker.process.kill('SIGTERM');
      }
      setTimeout(
        () => workers.forEach((w) => w.isDead() || w.process.kill('SIGKILL')),
        STOP_GRACE_MS,
      ).unref();
    });
  return { stop };
}
