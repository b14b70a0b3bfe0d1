// One leader among the server processes on a database runs the background jobs (trigger scheduler, webhook polling,
// feed sync, retention, geocoding). Leadership is a lease row in SQLite (repos/leader-lease.ts): the holder renews it
// every RENEW_MS; when it stops renewing (killed, hung, its disk gone) any process takes the row over once it has
// expired, i.e. within LEASE_MS + RENEW_MS. No process talks to another, so this also works when the cluster's primary
// is gone, and on one process it costs one small write every RENEW_MS.
import type { Db } from '../../db/connection.js';
import { claimLease, releaseLease } from '../../db/repos/leader-lease.js';
import type { Logger } from '../../logger.js';

/** How long a lease lasts without renewal. Five missed renewals before anyone else may take over. */
export const LEASE_MS = 10_000;
/** How often every process tries to take or renew the lease. */
export const RENEW_MS = 2_000;

export interface LeadershipOptions {
  db: Db;
  /** This process's name in the lease row (worker id and pid). */
  holder: string;
  logger: Logger;
  /** Starts the leader's jobs; returns what stops them. Called on gaining the lease, the stop on losing it. */
  lead: () => () => void;
  leaseMs?: number;
  renewMs?: number;
  /** Wall time in ms; the lease is about real time even when the app runs on a test clock. */
  now?: () => number;
}

export interface Leadership {
  isLeader(): boolean;
  /** Stops renewing, stops the jobs and releases the lease so another process takes over at its next try. */
  stop(): void;
}

export function startLeadership(options: LeadershipOptions): Leadership {
  const { db, holder, logger } = options;
  const leaseMs = options.leaseMs ?? LEASE_MS;
  const renewMs = options.renewMs ?? RENEW_MS;
  const now = options.now ?? Date.now;
  let stopJobs: (() => void) | null = null;
  /** Until when our last successful claim holds: past it we step down even if the renewal failed with an error. */
  let heldUntil = 0;

  const stepDown = (reason: string) => {
    if (!stopJobs) return;
    const stop = stopJobs;
    stopJobs = null;
    stop();
    logger.info('leader lease lost', { holder, reason });
  };

  const tick = () => {
    const t = now();
    let held: boolean;
    try {
      held = claimLease(db, holder, t, t + leaseMs);
    } catch (error) {
      // A busy or failing database: keep leading only while the lease we hold lasts.
      logger.error('leader lease renewal failed', {
        error: error instanceof Error ? error.message : String(error),
      });
      if (t >= heldUntil) stepDown('renewal failed');
      return;
    }
    if (!held) return stepDown('taken by another process');
    heldUntil = t + leaseMs;
    if (!stopJobs) {
      logger.info('leader lease taken', { holder });
      stopJobs = options.lead();
    }
  };

  // The first try is synchronous, so a single process starts its jobs before it serves (as before cluster mode).
  tick();
  const timer = setInterval(tick, renewMs);
  timer.unref();

  return {
    isLeader: () => stopJobs !== null,
    stop() {
      clearInterval(timer);
      const wasLeader = stopJobs !== null;
      stepDown('shutting down');
      if (wasLeader && db.open) releaseLease(db, holder);
    },
  };
}
