// The demo's purchase history: every buyer gets as many purchases as their visits, the last on their last purchase
// date; the same seed writes the same history; the behaviour aggregate equals a from-scratch GROUP BY; categories fit
// the brand; discounts, weekday and seasonal patterns, rain and lapsed customers show in the numbers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../server/demo/seed.js';
import { BRAND_PATTERNS, rainyDay } from '../../server/demo/purchases.js';
import { tempDatabase, type TempDatabase } from '../helpers/temp-db.js';

const options = {
  seed: 11,
  customers: 3000,
  today: '2026-11-23',
  now: new Date('2026-11-23T12:00:00Z'),
};
let temp: TempDatabase;

beforeAll(() => {
  temp = tempDatabase('demo-purchases');
  seedDemo(temp.db, options);
});
afterAll(() => temp?.close());

const all = <T>(sql: string) => temp.db.prepare(sql).all() as T[];
const one = <T>(sql: string) => temp.db.prepare(sql).get() as T;

describe('the demo purchase history', () => {
  it('gives every buyer their visits as purchases, the last on their last purchase date', () => {
    const mismatched = one<{ n: number }>(
      `SELECT count(*) AS n FROM customers c LEFT JOIN (
         SELECT customer_id, count(*) AS k, substr(max(purchased_at), 1, 10) AS last, sum(amount) AS spend
         FROM purchases GROUP BY customer_id) p ON p.customer_id = c.id
       WHERE c.visits > 0 AND (p.k IS NOT c.visits OR p.last IS NOT c.last_purchase_at
         OR abs(p.spend - c.total_spend) > 0.005)`,
    );
    expect(mismatched.n).toBe(0);
    const buyers = one<{ n: number }>('SELECT count(*) AS n FROM customers WHERE visits > 0').n;
    expect(buyers).toBeGreaterThan(2500);
    // Never-bought customers have no purchases.
    expect(
      one<{ n: number }>(
        'SELECT count(*) AS n FROM purchases WHERE customer_id IN (SELECT id FROM customers WHERE visits = 0)',
      ).n,
    ).toBe(0);
  });

  it('is the same for the same seed', () => {
    const checksum = () =>
      temp.db
        .prepare(
          "SELECT count(*) AS n, sum(amount) AS amount, group_concat(substr(purchased_at, 1, 16), '') AS at FROM (SELECT * FROM purchases ORDER BY id LIMIT 2000)",
        )
        .get();
    const first = checksum();
    seedDemo(temp.db, { ...options, replace: true });
    expect(checksum()).toEqual(first);
  });

  it('keeps the behaviour aggregate equal to a from-scratch GROUP BY', () => {
    const fresh = all(
      `SELECT customer_id, count(*) AS visits, sum(CAST(round(amount * 100) AS INTEGER)) AS cents,
         sum(coalesce(discount, 0) > 0) AS discounted, min(purchased_at) AS first, max(purchased_at) AS last
       FROM purchases GROUP BY customer_id ORDER BY customer_id`,
    );
    const kept = all(
      `SELECT customer_id, visits, spend_cents AS cents, discounted, first_at AS first, last_at AS last
       FROM customer_behaviour ORDER BY customer_id`,
    );
    expect(kept).toEqual(fresh);
  });

  it("sells each brand's own categories, with a discount on a share of purchases", () => {
    const rows = all<{ brand: string; category: string }>(
      `SELECT DISTINCT s.brand, p.product_category AS category FROM purchases p JOIN stores s ON s.id = p.store_id`,
    );
    for (const { brand, category } of rows)
      expect(BRAND_PATTERNS[brand]!.categories.map(([key]) => key)).toContain(category);
    const share = one<{ share: number }>(
      'SELECT avg(coalesce(discount, 0) > 0) AS share FROM purchases',
    ).share;
    expect(share).toBeGreaterThan(0.05);
    expect(share).toBeLessThan(0.4);
    // Price sensitivity differs between customers: some rarely use an offer, some mostly.
    const levels = one<{ low: number; high: number }>(
      `SELECT sum(discounted * 1.0 / visits < 0.2) AS low, sum(discounted * 1.0 / visits >= 0.5) AS high
       FROM customer_behaviour WHERE visits >= 5`,
    );
    expect(levels.low).toBeGreaterThan(0);
    expect(levels.high).toBeGreaterThan(0);
  });

  it('shows the weekday, season and rain patterns, and customers who lapsed', () => {
    const byWeekday = (brand: string) =>
      all<{ weekday: string; n: number }>(
        `SELECT strftime('%w', purchased_at) AS weekday, count(*) AS n FROM purchases p
         JOIN stores s ON s.id = p.store_id WHERE s.brand = '${brand}' AND p.id NOT LIKE '%-001'
         GROUP BY weekday`,
      ).reduce<Record<string, number>>((m, r) => ({ ...m, [r.weekday]: r.n }), {});
    // Bike shops are busiest on Saturday, cafés on weekdays more than Sunday.
    const bikes = byWeekday('Radwerk');
    expect(bikes['6']!).toBeGreaterThan(bikes['2']!);
    const cafe = byWeekday('Kiezkaffee');
    expect(cafe['2']!).toBeGreaterThan(cafe['0']!);
    const season = all<{ summer: number }>(
      `SELECT avg(strftime('%m', purchased_at) IN ('05', '06', '07')) AS summer FROM purchases p
       JOIN stores s ON s.id = p.store_id WHERE s.brand = 'Radwerk' AND p.id NOT LIKE '%-001'`,
    )[0]!.summer;
    expect(season).toBeGreaterThan(3 / 12);
    // Rain: the café's share of purchases on rainy days is above the bike shop's.
    const rainShare = (brand: string) => {
      const days = all<{ day: string }>(
        `SELECT substr(purchased_at, 1, 10) AS day FROM purchases p JOIN stores s ON s.id = p.store_id
         WHERE s.brand = '${brand}' AND p.id NOT LIKE '%-001'`,
      );
      return days.filter((d) => rainyDay(Date.parse(d.day) / 86_400_000)).length / days.length;
    };
    expect(rainShare('Kiezkaffee')).toBeGreaterThan(rainShare('Radwerk') + 0.05);
    const lapsed = one<{ n: number }>(
      "SELECT count(*) AS n FROM customers WHERE visits > 0 AND last_purchase_at < '2026-05-01'",
    ).n;
    expect(lapsed).toBeGreaterThan(100);
  });
});
