// Row checks that need the database: duplicate ids within the file, erased customers, unknown home stores.
import type { Db } from '../../db/connection.js';
import type { ImportKind } from '../../domain/import/fields.js';
import type {
  AnyImportRecord,
  CustomerImport,
  PurchaseImport,
} from '../../domain/import/records.js';
import type { CodedFieldError } from '../../domain/schemas/problem.js';
import { erasedIdCheck } from '../customers/erased-ids.js';
import { IdSet } from '../../domain/import/id-set.js';

export const ERASED_MESSAGE = 'this customer was erased and cannot be imported again';

export interface RecordChecks {
  /** The errors of a record that reads well on its own but cannot be applied. */
  (record: AnyImportRecord): CodedFieldError[];
  /** Notes an id read by an earlier run of the job (resume), so a later duplicate of it is still reported. */
  remember(id: string): void;
  /** Between batches: looks again whether anyone was erased meanwhile (another thread may have erased them). */
  refresh(): void;
}

/** The checks of one job. */
export function recordChecks(db: Db, kind: ImportKind): RecordChecks {
  const seen = new IdSet();
  const erased =
    kind === 'customers' || kind === 'purchases'
      ? erasedIdCheck(db)
      : Object.assign(() => false, { refresh: () => undefined });
  const stores = new Set(db.prepare('SELECT id FROM stores').pluck().all() as string[]);
  const check = (record: AnyImportRecord): CodedFieldError[] => {
    const errors: CodedFieldError[] = [];
    if (!seen.add(record.id))
      errors.push({
        field: 'id',
        code: 'duplicate_id',
        message: `duplicate id ${record.id} in this file`,
      });
    if (kind === 'customers') {
      const customer = record as CustomerImport;
      if (erased(customer.id))
        errors.push({ field: 'id', code: 'erased_customer', message: ERASED_MESSAGE });
      if (customer.homeStoreId !== null && !stores.has(customer.homeStoreId))
        errors.push({
          field: 'homeStoreId',
          code: 'unknown_store',
          message: 'no store has this id',
        });
    }
    if (kind === 'purchases' && erased((record as PurchaseImport).customerId))
      errors.push({ field: 'customerId', code: 'erased_customer', message: ERASED_MESSAGE });
    if (kind === 'stores') stores.add(record.id);
    return errors;
  };
  return Object.assign(check, {
    remember: (id: string) => void seen.add(id),
    refresh: () => erased.refresh(),
  });
}
