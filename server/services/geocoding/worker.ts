// Looks up the addresses of imported rows waiting for the geocoder, one at a time in the order they came (the rate
// limit makes this slow, so it runs beside the import, not inside it): a found place moves the row into its table,
// "nothing found" and failures leave it under "needs a place" for a person. Rows changed meanwhile (re-imported with
// another address, placed by hand, discarded, erased) are left as they are now. Logs counts only: addresses are
// personal data.
import type { Db } from '../../db/connection.js';
import { findUnplaced, nextQueued, setUnplacedState } from '../../db/repos/unplaced-imports.js';
import type { Logger } from '../../logger.js';
import { placeRow, type UnplacedDeps } from '../imports/unplaced.js';
import type { Geocoder } from './nominatim.js';

export interface GeocodingWorker {
  /** Starts looking up queued rows, unless it is already doing so. */
  kick(): void;
  /** Resolves when no row is queued (tests). */
  idle(): Promise<void>;
  /** Stops after the current request; the rows left stay queued for the next start. */
  stop(): Promise<void>;
}

export function createGeocodingWorker(
  deps: UnplacedDeps & { db: Db; logger: Logger; geocoder: Geocoder },
): GeocodingWorker {
  const { db, logger, geocoder } = deps;
  const stopping = new AbortController();
  let running: Promise<void> | null = null;
  let wanted = false;

  async function drain(): Promise<void> {
    const counts = { placed: 0, notFound: 0, failed: 0 };
    for (;;) {
      wanted = false;
      if (stopping.signal.aborted) break;
      const row = nextQueued(db);
      if (!row) {
        if (wanted) continue;
        break;
      }
      let outcome;
      try {
        outcome = await geocoder.search(row.address, stopping.signal);
      } catch {
        if (stopping.signal.aborted) break;
        outcome = { kind: 'failed' as const, reason: 'geocoder error' };
      }
      const now = findUnplaced(db, row.kind, row.id);
      if (!now || now.state !== 'queued' || now.address !== row.address) continue;
      if (outcome.kind === 'found') {
        if (placeRow(deps, row, outcome.point)) counts.placed++;
      } else {
        setUnplacedState(
          db,
          row.kind,
          row.id,
          outcome.kind === 'not-found' ? 'not_found' : 'failed',
        );
        counts[outcome.kind === 'not-found' ? 'notFound' : 'failed']++;
      }
    }
    if (counts.placed + counts.notFound + counts.failed > 0)
      logger.info('geocoded imported rows', counts);
  }

  return {
    kick() {
      wanted = true;
      if (running || stopping.signal.aborted) return;
      running = drain()
        .catch((error: unknown) =>
          logger.error('geocoding stopped', {
            error: error instanceof Error ? error.name : 'error',
          }),
        )
        .finally(() => {
          running = null;
        });
    },
    async idle() {
      while (running) await running;
    },
    async stop() {
      stopping.abort(new Error('shutting down'));
      await running;
    },
  };
}
