// The customer change log costs nothing in one process and one row per customer write in a cluster: start-up turns it
// on only for CATCHMENT_WORKERS > 1, and a purchase logs its customer once (not again for the day a trigger derives).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../server/env.js';
import { prepareDatabase } from '../../server/prepare.js';
import { setCustomerChangeLog } from '../../server/db/repos/customer-changes.js';
import { preparePurchaseUpsert } from '../../server/db/repos/purchases.js';
import { tempDatabase, type TempDatabase } from '../helpers/temp-db.js';

let temp: TempDatabase;
beforeEach(() => {
  temp = tempDatabase('change-log');
});
afterEach(() => temp.close());

const logged = () =>
  temp.db.prepare('SELECT seq FROM customer_changes ORDER BY n').pluck().all() as number[];
const enabled = () =>
  temp.db.prepare('SELECT enabled FROM customer_change_log').pluck().get() as number;

/** A customer, two purchases of theirs, an edit and a delete: every kind of customer write. */
function writeEverything(): number {
  const { lastInsertRowid } = temp.db
    .prepare(
      "INSERT INTO customers (id, lng, lat, updated_at) VALUES ('C1', 13.4, 52.5, '2026-01-01')",
    )
    .run();
  const upsert = preparePurchaseUpsert(temp.db);
  for (const [id, at] of [
    ['p1', '2026-03-01T10:00:00.000Z'],
    ['p2', '2026-03-05T10:00:00.000Z'],
  ])
    upsert([
      {
        id: id!,
        customerId: 'C1',
        storeId: 's1',
        purchasedAt: at!,
        amount: 12.5,
        discount: null,
        productCategory: 'coffee',
      },
    ]);
  temp.db.prepare("UPDATE customers SET first_name = 'Ada' WHERE id = 'C1'").run();
  temp.db.prepare("DELETE FROM customers WHERE id = 'C1'").run();
  return Number(lastInsertRowid);
}

describe('customer change log', () => {
  it('logs each customer write once while on: the insert, each purchase, the edit and the delete', () => {
    const seq = writeEverything();
    expect(logged()).toEqual([seq, seq, seq, seq, seq]);
  });

  it('writes nothing while off', () => {
    setCustomerChangeLog(temp.db, false);
    writeEverything();
    expect(logged()).toEqual([]);
  });

  it('is turned on by a cluster start and off by a single-process start', async () => {
    const start = async (workers: string) => {
      const parsed = parseConfig({
        CATCHMENT_DB: temp.file,
        CATCHMENT_DEMO: '0',
        CATCHMENT_WORKERS: workers,
        CATCHMENT_ADMIN_EMAIL: 'owner@example.test',
        CATCHMENT_ADMIN_PASSWORD: 'owner-password-for-tests',
      });
      if (!parsed.ok) throw new Error(parsed.errors.join('; '));
      const silent = { info: () => {}, error: () => {} };
      await prepareDatabase(temp.db, parsed.config, {
        logger: silent,
        clock: () => new Date('2026-11-23T12:00:00Z'),
        announce: () => {},
      });
      return enabled();
    };
    expect(await start('1')).toBe(0);
    expect(await start('2')).toBe(1);
    expect(await start('1')).toBe(0);
  });
});
