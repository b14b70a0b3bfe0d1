// Removing the demo city from a workspace: the rows go in one transaction with their audit entry, then the in-memory
// customer index and the map tiles drop the demo customers (the offer engine reloads by itself: deleting events bumps
// its data version).
import type { Db } from '../../db/connection.js';
import { recordAudit } from '../../db/repos/audit.js';
import {
  countDemoRows,
  deleteDemoRows,
  demoCustomerSeqs,
  demoSeededAt,
} from '../../db/repos/demo.js';
import type { DemoData } from '../../domain/schemas/demo.js';
import type { CustomerIndex } from '../customers/customer-index.js';
import type { CustomerTiles } from '../customers/tiles.js';

export interface DemoDeps {
  db: Db;
  customerIndex: CustomerIndex;
  customerTiles: CustomerTiles;
}

const none = { stores: 0, customers: 0, boundaries: 0, events: 0 };

/** What "Remove demo data" would remove now. */
export function describeDemo(db: Db): DemoData {
  const seededAt = demoSeededAt(db);
  return seededAt ? { present: true, ...countDemoRows(db, seededAt) } : { present: false, ...none };
}

/** Removes the demo rows and says how many of each went; a workspace without the demo answers zeros. */
export function removeDemo(
  { db, customerIndex, customerTiles }: DemoDeps,
  audit: { at: Date; actorId: string; actor: string },
): DemoData {
  let seqs: number[] = [];
  const removed = db.transaction(() => {
    const seededAt = demoSeededAt(db);
    if (!seededAt) return none;
    seqs = demoCustomerSeqs(db, seededAt);
    const counts = deleteDemoRows(db, seededAt, audit.at.toISOString());
    recordAudit(db, {
      at: audit.at.toISOString(),
      actorId: audit.actorId,
      actor: audit.actor,
      action: 'workspace.remove-demo',
      targetType: 'workspace',
      targetId: null,
      detail: { ...counts },
    });
    return counts;
  })();
  if (seqs.length) {
    customerIndex.removeSeqs(seqs);
    customerTiles.invalidate();
  }
  return { present: false, ...removed };
}
