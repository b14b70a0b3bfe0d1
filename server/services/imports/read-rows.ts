// Reading an uploaded file into checked rows, a batch at a time: open the table, resolve the mapping, read each row
// into a record or its errors, and check it against the file and the database (duplicates, erased customers,
// unknown stores). It only reads the database, so for big files it runs in a worker thread with its own connection
// (read-worker.ts) while the import's thread writes; small files are read in the import's thread.
import type { Db } from '../../db/connection.js';
import type { RejectRow } from '../../db/repos/import-jobs.js';
import type { ImportKind } from '../../domain/import/fields.js';
import type { ImportMapping } from '../../domain/import/mapping.js';
import type { AnyImportRecord } from '../../domain/import/records.js';
import { planRows, readRow, type UnplacedRecord } from '../../domain/import/rows.js';
import type { CodedFieldError } from '../../domain/schemas/problem.js';
import { ServiceError } from '../errors.js';
import { recordChecks } from './checks.js';
import { openTable, type SourceFormat } from './table.js';

export interface ReadSource {
  file: string;
  format: SourceFormat;
  sheet: string | null;
  kind: ImportKind;
  mapping: ImportMapping;
  /** Rows up to this one were committed by an earlier run (resume): only their ids are passed on. */
  afterRow: number;
  batchRows: number;
}

/** A row read well: with its place, or with only an address (it waits for a place). */
export type GoodRow =
  | { row: number; record: AnyImportRecord }
  | { row: number; unplaced: UnplacedRecord; address: string };

export interface RowBatch {
  good: GoodRow[];
  bad: RejectRow[];
  bytesDone: number;
  /** The last row number read, good or bad. */
  lastRow: number;
}

const CONTENT_TYPES: Record<SourceFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  geojson: 'application/geo+json',
  csv: 'text/csv',
};

/** The file's rows in batches of `batchRows` read rows (the last batch, perhaps empty, carries the final byte count). */
export async function* readRowBatches(db: Db, source: ReadSource): AsyncGenerator<RowBatch> {
  const table = await openTable(source.file, {
    contentType: CONTENT_TYPES[source.format],
    sheet: source.sheet ?? undefined,
  });
  const planned = planRows(source.kind, table.headers, source.mapping);
  if (!planned.ok)
    throw new ServiceError(
      'invalid',
      'The mapping leaves required fields without a column',
      planned.errors,
    );
  const { plan } = planned;
  const check = recordChecks(db, source.kind);
  const idColumn = plan.index.get('id') ?? -1;
  let batch: RowBatch = { good: [], bad: [], bytesDone: 0, lastRow: source.afterRow };
  for await (const { row, cells } of table.rows) {
    if (row <= source.afterRow) {
      const id = cells[idColumn]?.trim();
      if (id) check.remember(id);
      continue;
    }
    const result = readRow(plan, cells, row);
    const read: GoodRow | null = !result.ok
      ? null
      : 'record' in result
        ? { row, record: result.record }
        : { row, unplaced: result.unplaced, address: result.address };
    const errors = read
      ? check(('record' in read ? read.record : read.unplaced) as AnyImportRecord)
      : (result as { errors: CodedFieldError[] }).errors;
    if (read && errors.length === 0) batch.good.push(read);
    else batch.bad.push({ row, errors, raw: cells });
    batch.lastRow = row;
    if (batch.good.length + batch.bad.length >= source.batchRows) {
      batch.bytesDone = table.bytesDone();
      yield batch;
      check.refresh();
      batch = { good: [], bad: [], bytesDone: 0, lastRow: row };
    }
  }
  batch.bytesDone = table.bytesTotal;
  yield batch;
}
