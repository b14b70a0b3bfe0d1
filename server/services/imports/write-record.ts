// Writing imported records: those with a place are upserted into their table a batch at a time (and leave "needs a
// place" if they waited there); one without a place waits in unplaced_imports for the geocoder or a person.
// Prepared once per job; call inside its transactions.
import type { Db } from '../../db/connection.js';
import { prepareUpsert, type UpsertResult } from '../../db/repos/import-upserts.js';
import {
  prepareUnplacedWrite,
  type UnplacedKind,
  type UnplacedState,
} from '../../db/repos/unplaced-imports.js';
import { hasPoint, type ImportKind } from '../../domain/import/fields.js';
import type { AnyImportRecord } from '../../domain/import/records.js';
import type { UnplacedRecord } from '../../domain/import/rows.js';

export interface RecordWriter {
  placed(records: readonly AnyImportRecord[], now: string): UpsertResult;
  unplaced(record: UnplacedRecord, address: string, now: string): void;
}

export function prepareRecordWriter(
  db: Db,
  kind: ImportKind,
  options: { jobId: string | null; unplacedState: UnplacedState },
): RecordWriter {
  const upsert = prepareUpsert(db, kind);
  const keep = prepareUnplacedWrite(db);
  const anyWaiting = db
    .prepare('SELECT EXISTS (SELECT 1 FROM unplaced_imports WHERE kind = ?)')
    .pluck();
  const leave = db.prepare(
    'DELETE FROM unplaced_imports WHERE kind = ? AND id IN (SELECT value FROM json_each(?))',
  );
  return {
    placed(records, now) {
      // Most imports have nobody waiting for a place: one look, not a delete per row.
      if (hasPoint(kind) && records.length && anyWaiting.get(kind) === 1)
        leave.run(kind, JSON.stringify(records.map((r) => r.id)));
      return upsert(records as never, now);
    },
    unplaced(record, address, now) {
      if (!hasPoint(kind)) throw new Error(`${kind} rows always have a place`);
      keep({
        kind: kind as UnplacedKind,
        id: record.id,
        record,
        address,
        state: options.unplacedState,
        jobId: options.jobId,
        now,
      });
    },
  };
}
