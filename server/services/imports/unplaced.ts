// "Needs a place": imported customers and stores with an address but no coordinates. Listed in pages, placed (by the
// geocoder, or a person clicking the map) — which moves the row into its real table, where the index and tiles pick
// it up — or discarded. A customer's row is personal data: erasure removes it (eraseUnplacedCustomer).
import type { Db } from '../../db/connection.js';
import { recordAudit } from '../../db/repos/audit.js';
import {
  countUnplaced,
  deleteUnplaced,
  findUnplaced,
  listUnplaced,
  type UnplacedKind,
  type UnplacedRow,
} from '../../db/repos/unplaced-imports.js';
import type { UnplacedRecord } from '../../domain/import/rows.js';
import type { AnyImportRecord } from '../../domain/import/records.js';
import type { UnplacedItem, UnplacedList } from '../../domain/schemas/unplaced.js';
import { ServiceError } from '../errors.js';
import { recordErasedIds } from '../customers/erased-ids.js';
import { prepareRecordWriter } from './write-record.js';
import type { Written } from './pipeline.js';

export interface UnplacedDeps {
  db: Db;
  clock: () => Date;
  /** The index, tiles and caches follow a row that got its place (services/imports/refresh.ts). */
  afterCommit: (kind: UnplacedKind, written: Written) => void;
}

/**
 * Moves a waiting row into its table at `point`, in one transaction; a home store deleted since the import is
 * dropped rather than failing. Returns null when the row is gone (placed, discarded or erased meanwhile).
 */
export function placeRow(
  deps: UnplacedDeps,
  row: Pick<UnplacedRow, 'kind' | 'id'>,
  point: [number, number],
): 'inserted' | 'updated' | null {
  const { db } = deps;
  const result = db.transaction(() => {
    const current = findUnplaced(db, row.kind, row.id);
    if (!current) return null;
    const record = JSON.parse(current.record) as UnplacedRecord & { homeStoreId?: string | null };
    if (
      record.homeStoreId &&
      !db.prepare('SELECT 1 FROM stores WHERE id = ?').get(record.homeStoreId)
    )
      record.homeStoreId = null;
    const writer = prepareRecordWriter(db, row.kind, { jobId: null, unplacedState: 'manual' });
    return writer.placed(
      [{ ...record, location: point } as AnyImportRecord],
      deps.clock().toISOString(),
    );
  })();
  if (!result) return null;
  deps.afterCommit(row.kind, { ids: [row.id], customers: result.customers, final: true });
  return result.inserted ? 'inserted' : 'updated';
}

const toItem = (row: UnplacedRow): UnplacedItem => {
  const record = JSON.parse(row.record) as { name?: string; firstName?: string };
  return {
    kind: row.kind,
    id: row.id,
    name: (row.kind === 'stores' ? record.name : record.firstName) ?? '',
    address: row.address,
    state: row.state,
    jobId: row.job_id,
    createdAt: row.created_at,
  };
};

const unknownRow = (kind: string, id: string) =>
  new ServiceError('not-found', `No ${kind} row with id ${id} needs a place`, [
    { field: 'params.id', code: 'not_found', message: 'unknown row' },
  ]);

export function createUnplacedService(deps: UnplacedDeps) {
  const { db } = deps;
  return {
    /** A page after the row `afterSeq`; `lastSeq` is the page's last row when more follow (the next cursor). */
    list(query: {
      kind?: UnplacedKind | undefined;
      limit: number;
      afterSeq: number;
    }): Omit<UnplacedList, 'nextCursor'> & { lastSeq: number | null } {
      const kind = query.kind ?? null;
      const rows = listUnplaced(db, { kind, afterSeq: query.afterSeq, limit: query.limit + 1 });
      const page = rows.slice(0, query.limit);
      const { total, queued } = countUnplaced(db, { kind });
      return {
        items: page.map(toItem),
        total,
        geocoding: queued,
        lastSeq: rows.length > query.limit ? page[page.length - 1]!.seq : null,
      };
    },

    place(kind: UnplacedKind, id: string, point: [number, number]) {
      const result = placeRow(deps, { kind, id }, point);
      if (!result) throw unknownRow(kind, id);
      return { kind, id, result };
    },

    discard(kind: UnplacedKind, id: string): void {
      if (!deleteUnplaced(db, kind, id)) throw unknownRow(kind, id);
    },
  };
}

/**
 * Erases a customer who exists only as a row waiting for a place: the row goes, a keyed hash of the id stays (a
 * re-import cannot bring them back) and the audit log records the erasure without naming them. False when there was
 * no such row.
 */
export function eraseUnplacedCustomer(
  db: Db,
  id: string,
  audit: { at: Date; actorId: string | null; actor: string },
): boolean {
  return db.transaction(() => {
    if (!deleteUnplaced(db, 'customers', id)) return false;
    recordErasedIds(db, [id]);
    recordAudit(db, {
      at: audit.at.toISOString(),
      actorId: audit.actorId,
      actor: audit.actor,
      action: 'customer.erase',
      targetType: 'customer',
      targetId: null,
      detail: { count: 1, unplaced: true },
    });
    return true;
  })();
}

export type UnplacedService = ReturnType<typeof createUnplacedService>;
