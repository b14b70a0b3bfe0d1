// Reads customers from SQLite into staging rows for the in-memory customer index, numbers only: the columns migration
// 003 keeps (codes for text, packed traits, purchase day); turning a million rows' text into JS strings and
// evaluating CASE and date expressions per row cost ~2.5 s of a 3 s build.
// One scan through a registered SQL function: no row objects, ~0.8 µs per customer.
import type { Db } from '../../db/connection.js';
import { parseInterests } from '../../db/repos/customers.js';
import { allocRows, NEVER, packCategory, type Rows } from './columns.js';

/** The index's dictionaries as the tables number them, and how to turn a table code into a dictionary code. */
export interface Terms {
  jobs: string[];
  industries: string[];
  /** Home stores; a customer's store code k means stores[k - 1], 0 none. */
  stores: string[];
  /** interests[k] has bit k, i.e. customer_interests code k + 1. */
  interests: string[];
  /** customer_terms code → dictionary code (store codes already + 1). */
  termCodes: Int32Array;
}

/** Stands in for a missing interest code so later interests keep their bits; no customer carries it. */
const unusedInterest = (code: number) => `\u0000unused ${code}`;

export function readTerms(db: Db): Terms {
  const terms = db.prepare('SELECT code, kind, value FROM customer_terms ORDER BY code').all() as {
    code: number;
    kind: 'job' | 'industry' | 'store';
    value: string;
  }[];
  const lists = { job: [] as string[], industry: [] as string[], store: [] as string[] };
  const termCodes = new Int32Array((terms.at(-1)?.code ?? 0) + 1).fill(-1);
  for (const { code, kind, value } of terms) {
    termCodes[code] = lists[kind].length + (kind === 'store' ? 1 : 0);
    lists[kind].push(value);
  }
  const interests: string[] = [];
  for (const { code, name } of db
    .prepare('SELECT code, name FROM customer_interests ORDER BY code')
    .all() as { code: number; name: string }[]) {
    while (interests.length < code - 1) interests.push(unusedInterest(interests.length + 1));
    interests.push(name);
  }
  return { jobs: lists.job, industries: lists.industry, stores: lists.store, interests, termCodes };
}

/** Interest words per customer for a dictionary of `interests` entries. */
export function interestWords(interests: number): number {
  return Math.max(1, Math.ceil(interests / 32));
}

const COLUMNS = `seq, lng, lat, total_spend, traits, last_purchase_day, job_code, industry_code, store_code,
  interest_mask & 4294967295, (interest_mask >> 32) & 4294967295, CASE WHEN interest_mask IS NULL THEN interests END,
  customers.visits, b.discounted, unixepoch(substr(b.first_at, 1, 10)) / 86400`;

/**
 * Every customer, in seq order, with the dictionary codes of `terms`, their behaviour, and their product categories
 * coded by `categoryCode` (most recent first).
 */
export function readRows(db: Db, terms: Terms, categoryCode: (category: string) => number): Rows {
  const n = db.prepare('SELECT count(*) FROM customers').pluck().get() as number;
  const words = interestWords(terms.interests.length);
  const rows = allocRows(n, words);
  const { termCodes } = terms;
  let interestCodes: Map<string, number> | undefined;
  let i = 0;
  // Fixed parameters, not varargs: this runs once per customer and must not allocate.
  const collect = (
    seq: number,
    lng: number,
    lat: number,
    spend: number,
    traits: number,
    lastDay: number | null,
    job: number,
    industry: number,
    store: number | null,
    maskLow: number | null,
    maskHigh: number | null,
    interestsText: string | null,
    visits: number,
    discounted: number | null,
    firstDay: number | null,
  ) => {
    // A write between the count and the scan could add rows; those wait for the next upsert or rebuild.
    if (i >= n) return 0;
    rows.seq[i] = seq;
    rows.lng[i] = lng;
    rows.lat[i] = lat;
    rows.spend[i] = spend;
    // unpackTraits() inline: this runs once per customer and must not allocate.
    rows.age[i] = traits & 0xff;
    rows.gender[i] = (traits >> 8) & 3;
    rows.loyalty[i] = (traits >> 10) & 3;
    rows.consent[i] = (traits >> 12) & 1;
    rows.lastDay[i] = lastDay ?? NEVER;
    rows.job[i] = termCodes[job] as number;
    rows.industry[i] = termCodes[industry] as number;
    rows.store[i] = store === null ? 0 : (termCodes[store] as number);
    if (interestsText === null) {
      rows.interests[i * words] = maskLow ?? 0;
      if (words > 1) rows.interests[i * words + 1] = maskHigh ?? 0;
    } else {
      interestCodes ??= new Map(terms.interests.map((name, code) => [name, code]));
      for (const name of parseInterests(interestsText)) {
        const code = interestCodes.get(name);
        if (code !== undefined) rows.interests[i * words + (code >>> 5)]! |= 1 << (code & 31);
      }
    }
    rows.visits[i] = visits;
    rows.discounted[i] = discounted ?? 0;
    rows.firstDay[i] = firstDay ?? NEVER;
    i++;
    return 0;
  };
  db.function(
    'catchment_collect_customer',
    { deterministic: false },
    collect as (...args: unknown[]) => number,
  );
  db.prepare(
    `SELECT count(catchment_collect_customer(${COLUMNS})) FROM customers
     LEFT JOIN customer_behaviour b ON b.customer_id = customers.id ORDER BY seq`,
  )
    .pluck()
    .get();
  rows.count = i;
  readCategories(db, rows, categoryCode);
  return rows;
}

/** Fills the rows' category pairs (rows in seq order; the pairs come in seq order too, so one walk places them). */
function readCategories(db: Db, rows: Rows, categoryCode: (category: string) => number): void {
  const pairs: number[] = [];
  let row = 0;
  const collect = (seq: number, category: string, day: number) => {
    while (row < rows.count && (rows.seq[row] as number) < seq) rows.catStart[++row] = pairs.length;
    if (row < rows.count && rows.seq[row] === seq)
      pairs.push(packCategory(categoryCode(category), day));
    return 0;
  };
  db.function(
    'catchment_collect_category',
    { deterministic: false },
    collect as (...args: unknown[]) => number,
  );
  db.prepare(
    `SELECT count(catchment_collect_category(c.seq, k.category, unixepoch(substr(k.last_at, 1, 10)) / 86400))
     FROM customers c JOIN customer_categories k ON k.customer_id = c.id ORDER BY c.seq`,
  )
    .pluck()
    .get();
  while (row < rows.count) rows.catStart[++row] = pairs.length;
  rows.catPairs = Uint32Array.from(pairs);
}
