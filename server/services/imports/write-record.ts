// Writing one imported record: with a place it is upserted into its table (and leaves "needs a place" if it waited
// there); without one it waits in unplaced_imports for the geocoder or a person. Prepared once per job.
import type { Db } from '../../db/connection.js';
import { prepareUpsert } from '../../db/repos/import-upserts.js';
import {
  prepareUnplacedWrite,
  type UnplacedKind,
  type UnplacedState,
} from '../../db/repos/unplaced-imports.js';
import { hasPoint, type ImportKind } from '../../domain/import/fields.js';
import type { AnyImportRecord } from '../../domain/import/records.js';
import type { UnplacedRecord } from '../../domain/import/rows.js';

export interface RecordWriter {
  placed(record: AnyImportRecord, now: string): 'inserted' | 'updated';
  unplaced(record: UnplacedRecord, address: string, now: string): void;
}

export function prepareRecordWriter(
  db: Db,
  kind: ImportKind,
  options: { jobId: string | null; unplacedState: UnplacedState },
): RecordWriter {
  const upsert = prepareUpsert(db, kind);
  const keep = prepareUnplacedWrite(db);
  const leave = db.prepare('DELETE FROM unplaced_imports WHERE kind = ? AND id = ?');
  return {
    placed(record, now) {
      if (hasPoint(kind)) leave.run(kind, record.id);
      return upsert(record as never, now);
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
