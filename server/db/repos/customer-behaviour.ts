// Reading the per-customer behaviour aggregate (migration 014) for the in-memory index and the reference checks.
import type { Db } from '../connection.js';
import type { CustomerBehaviour } from '../../domain/behaviour.js';

/** Behaviour of these customer ids (those with purchase rows), in two queries for the whole list. */
export function readBehaviours(db: Db, ids: readonly string[]): Map<string, CustomerBehaviour> {
  const out = new Map<string, CustomerBehaviour>();
  if (ids.length === 0) return out;
  const list = JSON.stringify(ids);
  const rows = db
    .prepare(
      `SELECT customer_id AS id, discounted, first_at AS firstAt FROM customer_behaviour
       WHERE customer_id IN (SELECT value FROM json_each(?))`,
    )
    .all(list) as { id: string; discounted: number; firstAt: string }[];
  for (const r of rows)
    out.set(r.id, { discounted: r.discounted, firstPurchaseAt: r.firstAt, categories: {} });
  const categories = db
    .prepare(
      `SELECT customer_id AS id, category, last_at AS lastAt FROM customer_categories
       WHERE customer_id IN (SELECT value FROM json_each(?))`,
    )
    .all(list) as { id: string; category: string; lastAt: string }[];
  for (const c of categories) {
    const b = out.get(c.id);
    if (b) b.categories[c.category] = c.lastAt;
  }
  return out;
}
