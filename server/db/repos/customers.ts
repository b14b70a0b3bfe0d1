// Customers table access: bbox pages in keyset order, single reads, and the compact rows the tile index needs.
import type { Db } from '../connection.js';
import { statement } from '../statements.js';
import type { Bbox } from '../../domain/bbox.js';
import type { Customer, Gender, LoyaltyTier } from '../../domain/schemas/customer.js';

interface CustomerRow {
  seq: number;
  id: string;
  first_name: string;
  email: string;
  phone: string;
  lng: number;
  lat: number;
  age: number | null;
  gender: Gender;
  job_title: string;
  industry: string;
  interests: string;
  loyalty_tier: LoyaltyTier;
  visits: number;
  total_spend: number;
  last_purchase_at: string | null;
  consent: 0 | 1;
  home_store_id: string | null;
}

const columns = `seq, id, first_name, email, phone, lng, lat, age, gender, job_title, industry, interests,
  loyalty_tier, visits, total_spend, last_purchase_at, consent, home_store_id`;

function toCustomer(row: CustomerRow): Customer {
  return {
    id: row.id,
    firstName: row.first_name,
    email: row.email,
    phone: row.phone,
    age: row.age,
    gender: row.gender,
    jobTitle: row.job_title,
    industry: row.industry,
    interests: parseInterests(row.interests),
    loyaltyTier: row.loyalty_tier,
    visits: row.visits,
    totalSpend: row.total_spend,
    lastPurchaseAt: row.last_purchase_at,
    consent: row.consent === 1,
    homeStoreId: row.home_store_id,
    location: [row.lng, row.lat],
  };
}

/** The interests in a customer's interests column (JSON text); anything that is not a list of strings is none. */
export function parseInterests(json: string): string[] {
  // The common shape ["a","b"] without escapes is split directly: a million customers share ~200k distinct lists.
  if (json.startsWith('["') && json.endsWith('"]') && !json.includes('\\')) {
    const parts = json.slice(2, -2).split('","');
    if (parts.every((p) => !p.includes('"'))) return parts;
  }
  if (json === '[]') return [];
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

export interface CustomerPageQuery {
  bbox: Bbox | null;
  afterSeq: number;
  limit: number;
  /** Only customers whose home store is one of these; null for everyone. */
  storeIds?: string[] | null;
}

/** One page in `seq` order; fetches one extra row to know whether another page follows. */
export function pageCustomers(
  db: Db,
  query: CustomerPageQuery,
): { customers: Customer[]; lastSeq: number | null } {
  const { bbox, afterSeq, limit } = query;
  const stores = query.storeIds ? JSON.stringify(query.storeIds) : null;
  const storeFilter =
    'AND (@stores IS NULL OR home_store_id IN (SELECT value FROM json_each(@stores)))';
  const rows = bbox
    ? (statement(
        db,
        `SELECT ${columns} FROM customers WHERE seq IN (
           SELECT seq FROM customers_rtree WHERE min_lng >= @minLng AND max_lng <= @maxLng AND min_lat >= @minLat AND max_lat <= @maxLat)
         AND seq > @afterSeq ${storeFilter} ORDER BY seq LIMIT @limit`,
      ).all({
        minLng: bbox[0],
        minLat: bbox[1],
        maxLng: bbox[2],
        maxLat: bbox[3],
        afterSeq,
        limit: limit + 1,
        stores,
      }) as CustomerRow[])
    : (statement(
        db,
        `SELECT ${columns} FROM customers WHERE seq > @afterSeq ${storeFilter} ORDER BY seq LIMIT @limit`,
      ).all({ afterSeq, limit: limit + 1, stores }) as CustomerRow[]);
  const hasMore = rows.length > limit;
  const page = hasMore ? rows.slice(0, limit) : rows;
  return { customers: page.map(toCustomer), lastSeq: hasMore ? page[page.length - 1]!.seq : null };
}

/**
 * The customers with these seqs (ascending), read by primary key, as a page of at most `limit`: seqs beyond it only
 * tell whether another page follows. Seqs whose customer is gone meanwhile are skipped.
 */
export function pageOfSeqs(
  db: Db,
  seqs: readonly number[],
  limit: number,
): { customers: Customer[]; lastSeq: number | null } {
  const rows = statement(
    db,
    `SELECT ${columns} FROM customers WHERE seq IN (SELECT value FROM json_each(?)) ORDER BY seq`,
  ).all(JSON.stringify(seqs)) as CustomerRow[];
  const hasMore = rows.length > limit;
  const page = hasMore ? rows.slice(0, limit) : rows;
  return { customers: page.map(toCustomer), lastSeq: hasMore ? page[page.length - 1]!.seq : null };
}

export function findCustomer(db: Db, id: string): Customer | undefined {
  const row = statement(db, `SELECT ${columns} FROM customers WHERE id = ?`).get(id) as
    CustomerRow | undefined;
  return row && toCustomer(row);
}

/** A reader of the consented customers among given seqs, in seq order (prepared once, called per batch). */
export function consentedCustomersBySeq(db: Db): (seqs: number[]) => Customer[] {
  const select = db.prepare(
    `SELECT ${columns} FROM customers WHERE seq IN (SELECT value FROM json_each(?)) AND consent = 1 ORDER BY seq`,
  );
  return (seqs) => (select.all(JSON.stringify(seqs)) as CustomerRow[]).map(toCustomer);
}

export interface CustomerPoint {
  id: string;
  seq: number;
  store: string | null;
  lng: number;
  lat: number;
  tier: LoyaltyTier;
  consent: 0 | 1;
}

/** Streams the few columns the map needs, without building full customer objects. */
export function* iterateCustomerPoints(db: Db): Generator<CustomerPoint> {
  yield* db
    .prepare(
      'SELECT id, seq, home_store_id AS store, lng, lat, loyalty_tier AS tier, consent FROM customers ORDER BY seq',
    )
    .iterate() as Iterable<CustomerPoint>;
}

export function countCustomers(db: Db): number {
  return db.prepare('SELECT count(*) FROM customers').pluck().get() as number;
}

export function customerSeq(db: Db, id: string): number | undefined {
  return db.prepare('SELECT seq FROM customers WHERE id = ?').pluck().get(id) as number | undefined;
}

/** Customers whose last purchase (or, without one, last update) was before this UTC day (YYYY-MM-DD). */
export function staleCustomerSeqs(db: Db, beforeDay: string): number[] {
  return db
    .prepare(
      'SELECT seq FROM customers WHERE substr(coalesce(last_purchase_at, updated_at), 1, 10) < ? ORDER BY seq',
    )
    .pluck()
    .all(beforeDay) as number[];
}

/** The customers with these seqs that still exist, with their seq (the index's key). */
export function customersBySeq(db: Db, seqs: number[]): (Customer & { seq: number })[] {
  const rows = db
    .prepare(`SELECT ${columns} FROM customers WHERE seq IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(seqs)) as CustomerRow[];
  return rows.map((row) => ({ ...toCustomer(row), seq: row.seq }));
}
