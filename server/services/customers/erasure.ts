// Erasing customers (on request, or by retention): the rows go in one transaction with their audit entry, then the
// in-memory index and the map tiles drop them, so counts, tiles, lists and exports no longer include them.
// The audit entry never names the customer: an erasure that left their id behind would not be one. Their redemptions
// and purchases are kept without their id (amounts, times and stores stay, so totals do not move).
import type { Db } from '../../db/connection.js';
import { recordAudit } from '../../db/repos/audit.js';
import { anonymisePurchases } from '../../db/repos/purchases.js';
import type { CustomerIndex } from './customer-index.js';
import type { CustomerTiles } from './tiles.js';
import { recordErasedIds } from './erased-ids.js';

export interface ErasureDeps {
  db: Db;
  customerIndex: CustomerIndex;
  customerTiles: CustomerTiles;
}

export interface ErasureAudit {
  at: Date;
  actorId: string | null;
  actor: string;
  action: 'customer.erase' | 'customer.retention';
  detail?: Record<string, unknown>;
}

/** Deletes the customers with these seqs; returns how many there were. No audit entry when there were none. */
export function eraseCustomerSeqs(
  { db, customerIndex, customerTiles }: ErasureDeps,
  seqs: number[],
  audit: ErasureAudit,
): number {
  if (seqs.length === 0) return 0;
  const erased = db.transaction(() => {
    const remove = db.prepare('DELETE FROM customers WHERE seq = ?');
    // Their redemptions stay (a campaign's revenue), no longer saying whose they were.
    const forget = db.prepare(
      'UPDATE redemptions SET customer_id = NULL WHERE customer_id = (SELECT id FROM customers WHERE seq = ?)',
    );
    // A keyed hash of each id stays behind, so a later import cannot bring the customer back (issue 16).
    const idOf = db.prepare('SELECT id FROM customers WHERE seq = ?').pluck();
    const ids = seqs.flatMap((seq) => (idOf.get(seq) as string | undefined) ?? []);
    recordErasedIds(db, ids);
    // Their purchases lose the link to them; the triggers drop their behaviour row with it.
    anonymisePurchases(db, ids);
    // A row of theirs waiting for a place (a later import with only an address) goes too.
    const unplaced = db.prepare(
      "DELETE FROM unplaced_imports WHERE kind = 'customers' AND id = (SELECT id FROM customers WHERE seq = ?)",
    );
    let count = 0;
    for (const seq of seqs) {
      forget.run(seq);
      unplaced.run(seq);
      count += remove.run(seq).changes;
    }
    if (count > 0) {
      recordAudit(db, {
        at: audit.at.toISOString(),
        actorId: audit.actorId,
        actor: audit.actor,
        action: audit.action,
        targetType: 'customer',
        targetId: null,
        detail: { ...audit.detail, count },
      });
    }
    return count;
  })();
  customerIndex.removeSeqs(seqs);
  customerTiles.invalidate();
  return erased;
}
