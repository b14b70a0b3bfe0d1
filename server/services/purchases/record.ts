// Recording purchases from tills (POST /api/purchases): checked whole first (a bad row writes nothing), written in one
// transaction whose triggers keep each customer's behaviour in step, then the in-memory index re-reads the customers
// whose behaviour moved, so audiences and RFM cells follow at once.
import type { Db } from '../../db/connection.js';
import { preparePurchaseUpsert, type PurchaseRow } from '../../db/repos/purchases.js';
import { PURCHASE_BATCH_MAX, type PurchaseCreate } from '../../domain/schemas/purchase.js';
import type { CustomerIndex } from '../customers/customer-index.js';
import { erasedIdCheck } from '../customers/erased-ids.js';
import type { CustomerTiles } from '../customers/tiles.js';
import { ServiceError, type CodedFieldError } from '../errors.js';

export interface PurchaseDeps {
  db: Db;
  customerIndex: CustomerIndex;
  customerTiles: CustomerTiles;
}

/** `fieldPrefix` names a row in errors: 'body' for a single purchase, 'body.purchases.3' for a batch's fourth. */
export function recordPurchases(
  { db, customerIndex, customerTiles }: PurchaseDeps,
  purchases: readonly PurchaseCreate[],
  fieldPrefix: (row: number) => string,
): { inserted: number; updated: number; unchanged: number } {
  if (purchases.length > PURCHASE_BATCH_MAX)
    throw new ServiceError(
      'invalid',
      `At most ${PURCHASE_BATCH_MAX} purchases per request; send the rest in further requests or import a file.`,
      [
        {
          field: 'body.purchases',
          code: 'too_big',
          origin: 'array',
          maximum: PURCHASE_BATCH_MAX,
          message: `more than ${PURCHASE_BATCH_MAX} purchases`,
        },
      ],
    );
  const rows: PurchaseRow[] = purchases.map((p) => ({
    id: p.id,
    customerId: p.customerId,
    storeId: p.storeId,
    // One spelling per instant, so a re-post in another offset is the same purchase.
    purchasedAt: new Date(p.purchasedAt).toISOString(),
    amount: p.amount,
    discount: p.discount ?? null,
    productCategory: p.productCategory ?? null,
  }));
  const result = db.transaction(() => {
    refuseBadRows(db, rows, fieldPrefix);
    return preparePurchaseUpsert(db)(rows);
  })();
  if (result.customerIds.length) {
    customerIndex.upsertFromDb(result.customerIds);
    customerTiles.invalidate();
  }
  return { inserted: result.inserted, updated: result.updated, unchanged: result.unchanged };
}

function refuseBadRows(db: Db, rows: readonly PurchaseRow[], fieldPrefix: (row: number) => string) {
  const storeExists = db.prepare('SELECT 1 FROM stores WHERE id = ?').pluck();
  const erased = erasedIdCheck(db);
  const errors: CodedFieldError[] = [];
  rows.forEach((row, i) => {
    if (storeExists.get(row.storeId) === undefined)
      errors.push({
        field: `${fieldPrefix(i)}.storeId`,
        code: 'unknown_store',
        message: `no store with id ${row.storeId}`,
      });
    // An erased customer does not come back through a till (as an import refuses them too).
    if (erased(row.customerId))
      errors.push({
        field: `${fieldPrefix(i)}.customerId`,
        code: 'erased_customer',
        message: 'this customer was erased',
      });
  });
  if (errors.length)
    throw new ServiceError(
      'invalid',
      `${errors.length === 1 ? 'A purchase names' : `${errors.length} fields name`} something this workspace does not accept; nothing was written.`,
      errors,
    );
}
