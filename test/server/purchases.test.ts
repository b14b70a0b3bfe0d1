// POST /api/purchases against a real server, and the one truth it feeds: each customer's behaviour aggregate equals a
// from-scratch GROUP BY over the purchases after API posts, re-posts, updates, a moved purchase, an import and an
// erasure; the in-memory index follows at once; a bad row writes nothing; only the purchases:write scope may post.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { expectProblem } from '../helpers/problem.js';
import type { Audience } from '../../server/domain/schemas/audience.js';
import type { AreaGeometry } from '../../server/domain/schemas/geojson.js';

let server: TestServer;
let secret: string;

const city: AreaGeometry = {
  type: 'Polygon',
  coordinates: [
    [
      [12.5, 52.0],
      [14.5, 52.0],
      [14.5, 53.0],
      [12.5, 53.0],
      [12.5, 52.0],
    ],
  ],
};

beforeAll(async () => {
  server = await startTestServer({ customers: 300 });
  const response = await server.fetch('/api/tokens', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'till', scopes: ['purchases:write'] }),
  });
  expect(response.status).toBe(201);
  secret = ((await response.json()) as { secret: string }).secret;
});
afterAll(async () => {
  await server?.close();
});

/** A till's request: the token, no cookie. */
const till = (body: unknown, token = secret) =>
  fetch(`${server.url}/api/purchases`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
const withDb = <T>(f: (db: Database.Database) => T): T => {
  const db = new Database(server.dbFile, { readonly: true });
  try {
    return f(db);
  } finally {
    db.close();
  }
};
const purchaseCount = () =>
  withDb((db) => db.prepare('SELECT count(*) FROM purchases').pluck().get() as number);
const audience = async (segment: unknown) => {
  const response = await server.fetch('/api/audience', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ geometry: city, segment }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Audience;
};

/** The aggregate, the categories and the customers' summary, each against a from-scratch GROUP BY over purchases. */
function expectInStep() {
  withDb((db) => {
    const fresh = db
      .prepare(
        `SELECT customer_id AS id, count(*) AS visits, sum(CAST(round(amount * 100) AS INTEGER)) AS cents,
           sum(coalesce(discount, 0) > 0) AS discounted, min(purchased_at) AS firstAt, max(purchased_at) AS lastAt
         FROM purchases WHERE customer_id IS NOT NULL GROUP BY customer_id ORDER BY customer_id`,
      )
      .all();
    const kept = db
      .prepare(
        `SELECT customer_id AS id, visits, spend_cents AS cents, discounted, first_at AS firstAt, last_at AS lastAt
         FROM customer_behaviour ORDER BY customer_id`,
      )
      .all();
    expect(kept).toEqual(fresh);
    expect(
      db
        .prepare('SELECT customer_id, category, last_at FROM customer_categories ORDER BY 1, 2')
        .all(),
    ).toEqual(
      db
        .prepare(
          `SELECT customer_id, product_category AS category, max(purchased_at) AS last_at FROM purchases
           WHERE customer_id IS NOT NULL AND product_category IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2`,
        )
        .all(),
    );
    const summaries = db
      .prepare(
        `SELECT id, visits, total_spend AS spend, last_purchase_at AS last, last_purchase_day AS day FROM customers
         WHERE id IN (SELECT customer_id FROM purchases) ORDER BY id`,
      )
      .all();
    expect(summaries).toEqual(
      (fresh as { id: string; visits: number; cents: number; lastAt: string }[])
        .filter((f) => summaries.some((s) => (s as { id: string }).id === f.id))
        .map((f) => ({
          id: f.id,
          visits: f.visits,
          spend: f.cents / 100,
          last: f.lastAt.slice(0, 10),
          day: Math.floor(Date.parse(f.lastAt.slice(0, 10)) / 86_400_000),
        })),
    );
  });
}

const purchase = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  customerId: 'C0000001',
  storeId: 'st-01',
  purchasedAt: '2026-11-20T09:30:00Z',
  amount: 12.4,
  ...extra,
});

describe('POST /api/purchases', () => {
  it('records one purchase for a till token, and the customer and index follow', async () => {
    const response = await till(purchase('T-1', { productCategory: 'p19-tea', discount: 1.5 }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ inserted: 1, updated: 0, unchanged: 0 });
    expectInStep();
    const inIndex = await audience({ productCategories: ['p19-tea'] });
    expect(inIndex.count).toBe(1);
  });

  it('is idempotent by the till id: the same content changes nothing, other content updates', async () => {
    const before = withDb((db) =>
      db.prepare("SELECT * FROM customer_behaviour WHERE customer_id = 'C0000001'").get(),
    );
    const again = await till(purchase('T-1', { productCategory: 'p19-tea', discount: 1.5 }));
    expect(await again.json()).toEqual({ inserted: 0, updated: 0, unchanged: 1 });
    expect(
      withDb((db) =>
        db.prepare("SELECT * FROM customer_behaviour WHERE customer_id = 'C0000001'").get(),
      ),
    ).toEqual(before);
    // The same instant in another offset is the same purchase.
    const offset = await till(
      purchase('T-1', {
        productCategory: 'p19-tea',
        discount: 1.5,
        purchasedAt: '2026-11-20T10:30:00+01:00',
      }),
    );
    expect(await offset.json()).toEqual({ inserted: 0, updated: 0, unchanged: 1 });

    const changed = await till(purchase('T-1', { amount: 20, productCategory: 'p19-cake' }));
    expect(await changed.json()).toEqual({ inserted: 0, updated: 1, unchanged: 0 });
    expectInStep();
    expect((await audience({ productCategories: ['p19-tea'] })).count).toBe(0);
    expect((await audience({ productCategories: ['p19-cake'] })).count).toBe(1);
  });

  it('takes a batch, and a purchase moved to another customer leaves both right', async () => {
    const response = await till({
      purchases: [
        purchase('T-2', { customerId: 'C0000002', amount: 3.33 }),
        purchase('T-3', {
          customerId: 'C0000002',
          amount: 0.1,
          purchasedAt: '2026-01-02T00:00:00Z',
        }),
        purchase('T-4', { customerId: 'C0000003', amount: 0.2, discount: 0.05 }),
      ],
    });
    expect(await response.json()).toEqual({ inserted: 3, updated: 0, unchanged: 0 });
    expectInStep();
    const moved = await till(purchase('T-3', { customerId: 'C0000003', amount: 0.1 }));
    expect(await moved.json()).toEqual({ inserted: 0, updated: 1, unchanged: 0 });
    expectInStep();
  });

  it('a bad row anywhere in a batch writes nothing and names the row and field', async () => {
    const before = purchaseCount();
    await expectProblem(
      await till({ purchases: [purchase('T-5'), purchase('T-6', { amount: -1 })] }),
      422,
      'body.purchases.1.amount',
    );
    await expectProblem(
      await till({ purchases: [purchase('T-5'), purchase('T-6', { storeId: 'nope' })] }),
      422,
      'body.purchases.1.storeId',
    );
    await expectProblem(
      await till(purchase('T-5', { purchasedAt: 'yesterday' })),
      422,
      'body.purchasedAt',
    );
    await expectProblem(
      await till({ purchases: Array.from({ length: 1001 }, (_, i) => purchase(`B-${i}`)) }),
      422,
      'body.purchases',
    );
    expect(purchaseCount()).toBe(before);
  });

  it('only the purchases:write scope and roles that hold it may post', async () => {
    const response = await server.fetch('/api/tokens', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'reader', scopes: ['audience:read'] }),
    });
    const reader = ((await response.json()) as { secret: string }).secret;
    await expectProblem(await till(purchase('T-7'), reader), 403);
    const marketer = await server.as('marketer');
    await expectProblem(
      await marketer('/api/purchases', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(purchase('T-7')),
      }),
      403,
    );
    expect(withDb((db) => db.prepare("SELECT 1 FROM purchases WHERE id = 'T-7'").get())).toBe(
      undefined,
    );
  });
});

describe('customers and their purchases', () => {
  const importCsv = async (kind: string, csv: string) => {
    const response = await server.fetch(`/api/import/${kind}`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/csv' },
      body: csv,
    });
    expect(response.status, await response.clone().text()).toBe(200);
    return response.json();
  };

  it('a summary-only customer keeps their imported figures until their first purchase replaces them', async () => {
    await importCsv(
      'customers',
      'id,lat,lng,visits,totalSpend,lastPurchaseAt\nS-1,52.52,13.40,5,100,2026-10-01\n',
    );
    const row = () =>
      withDb((db) =>
        db
          .prepare(
            "SELECT visits, total_spend AS spend, last_purchase_at AS last FROM customers WHERE id = 'S-1'",
          )
          .get(),
      );
    expect(row()).toEqual({ visits: 5, spend: 100, last: '2026-10-01' });
    // Behaviour needs purchase rows: a price-sensitivity filter does not match them, RFM (from the summary) can.
    expect((await audience({ priceSensitivities: ['low', 'medium', 'high'] })).count).toBe(
      withDb(
        (db) =>
          db
            .prepare(
              `SELECT count(*) FROM customers c JOIN customer_behaviour b ON b.customer_id = c.id`,
            )
            .pluck()
            .get() as number,
      ),
    );
    await till(purchase('S-P1', { customerId: 'S-1', amount: 8 }));
    // Replaced, not added to: the summary already counted purchases we do not have.
    expect(row()).toEqual({ visits: 1, spend: 8, last: '2026-11-20' });
    // A later customer import no longer overwrites what the purchases say.
    await importCsv(
      'customers',
      'id,lat,lng,visits,totalSpend,lastPurchaseAt\nS-1,52.52,13.40,9,900,2026-11-22\n',
    );
    expect(row()).toEqual({ visits: 1, spend: 8, last: '2026-11-20' });
    expectInStep();
  });

  it('purchases imported before their customer give the new customer their summary', async () => {
    await importCsv(
      'purchases',
      'id,customerId,storeId,purchasedAt,amount,discount,productCategory\n' +
        'I-1,S-2,st-02,2026-11-01T08:00:00Z,4.5,0.5,p19-bread\n' +
        'I-2,S-2,st-02,2026-11-08T08:00:00Z,5.5,,p19-bread\n',
    );
    await importCsv('customers', 'id,lat,lng,visits,totalSpend\nS-2,52.5,13.41,40,400\n');
    expect(
      withDb((db) =>
        db.prepare("SELECT visits, total_spend AS spend FROM customers WHERE id = 'S-2'").get(),
      ),
    ).toEqual({ visits: 2, spend: 10 });
    expectInStep();
    expect((await audience({ productCategories: ['p19-bread'] })).count).toBe(1);
    expect(
      (await audience({ priceSensitivities: ['high'], productCategories: ['p19-bread'] })).count,
    ).toBe(1);
  });

  it('erasure keeps the purchases and their totals but not the person', async () => {
    const totals = () =>
      withDb((db) =>
        db.prepare('SELECT count(*) AS n, sum(amount) AS amount FROM purchases').get(),
      );
    const before = totals();
    const response = await server.fetch('/api/customers/S-2', { method: 'DELETE' });
    expect(response.status).toBeLessThan(300);
    expect(totals()).toEqual(before);
    withDb((db) => {
      for (const table of ['purchases', 'customer_behaviour', 'customer_categories'])
        expect(
          db.prepare(`SELECT count(*) FROM ${table} WHERE customer_id = 'S-2'`).pluck().get(),
        ).toBe(0);
      expect(
        db.prepare("SELECT customer_id FROM purchases WHERE id IN ('I-1', 'I-2')").pluck().all(),
      ).toEqual([null, null]);
    });
    expectInStep();
    expect((await audience({ productCategories: ['p19-bread'] })).count).toBe(0);
    // A till cannot bring them back.
    await expectProblem(await till(purchase('I-3', { customerId: 'S-2' })), 422, 'body.customerId');
  });
});
