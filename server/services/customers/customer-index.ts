// Every customer in memory, columnar, for audience scans; built from SQLite at start-up and kept in step with
// customer writes through upsert / remove (imports and erasure call these after their transaction commits).
import type { Db } from '../../db/connection.js';
import { readBehaviours } from '../../db/repos/customer-behaviour.js';
import { findCustomer } from '../../db/repos/customers.js';
import { packTraits, unpackTraits } from '../../domain/customer-traits.js';
import type { CustomerBehaviour } from '../../domain/behaviour.js';
import type { RfmThresholds } from '../../domain/rfm.js';
import type { Customer } from '../../domain/schemas/customer.js';
import { purchaseDay } from '../../domain/segment.js';
import {
  allocRows,
  columnBytes,
  layOut,
  MAX_CATEGORIES,
  NEVER,
  packCategory,
  PAIRS,
  unpackCategoryCode,
  ROWS,
  type IndexColumns,
  type Rows,
} from './columns.js';
import { rfmThresholdsOf } from './rfm-thresholds.js';
import { interestWords, readRows, readTerms } from './rows.js';

export interface IndexedCustomer extends Customer {
  /** The customers table's rowid. */
  seq: number;
  /** What their purchase rows add (absent or null: none). */
  behaviour?: CustomerBehaviour | null;
}

/** code → value; code k of `stores` is stores[k - 1] (0 = no home store). */
export interface Dictionaries {
  jobs: Dictionary;
  industries: Dictionary;
  stores: Dictionary;
  interests: Dictionary;
  /** Product categories of purchases. */
  categories: Dictionary;
}

export class Dictionary {
  readonly values: string[] = [];
  private readonly codes = new Map<string, number>();
  /** A dictionary whose code k is values[k]. */
  static of(values: string[]): Dictionary {
    const d = new Dictionary();
    for (const v of values) d.code(v);
    return d;
  }
  code(value: string): number {
    let c = this.codes.get(value);
    if (c === undefined) {
      c = this.values.length;
      this.codes.set(value, c);
      this.values.push(value);
    }
    return c;
  }
  find(value: string): number | undefined {
    return this.codes.get(value);
  }
}

export interface Facet {
  key: string;
  count: number;
}
export interface Facets {
  jobTitles: Facet[];
  industries: Facet[];
  interests: Facet[];
  stores: Facet[];
  /** Customers who ever bought each product category. */
  productCategories: Facet[];
}

export interface CustomerIndex {
  /** The current columns; replaced (new generation) when the index compacts or grows. */
  readonly columns: IndexColumns;
  readonly dictionaries: Dictionaries;
  /** Customers currently indexed. */
  readonly size: number;
  /** Moves on every upsert and removal: a key for caches of figures over all customers (white space). */
  readonly changes: number;
  /**
   * Adds customers or replaces them (by seq), wherever they now live. `bulk` (an import's batches) lets the unsorted
   * tail grow to a quarter of the sorted rows before a compaction, so a million-row import re-sorts a few dozen times
   * rather than a few hundred; call settle() after the last batch.
   */
  upsert(customers: IndexedCustomer[], options?: { bulk?: boolean }): void;
  /** After bulk upserts: compacts when the tail is longer than ordinary upserts would let it grow. */
  settle(): void;
  /** Re-reads these customers from the database and upserts those that exist. Returns how many it found. */
  upsertFromDb(ids: string[], options?: { bulk?: boolean }): number;
  /** Drops customers by seq; returns how many were indexed. */
  removeSeqs(seqs: number[]): number;
  /** Drops customers by id; looks their seq up in the database, so call it before the rows are deleted. */
  remove(ids: string[]): number;
  /** Facets over every customer, or only those whose home store is one of `storeIds`. */
  facets(storeIds?: string[] | null): Facets;
  /** Memory the columns take per indexed customer. */
  bytesPerCustomer(): number;
  /** The RFM quintile cuts over the indexed buyers; recomputed only after the index changed. */
  rfmThresholds(): RfmThresholds;
}

/**
 * Builds the index from the customers table: ~1 s for a million customers on one thread. Reading in worker threads
 * was tried and dropped: a worker takes 0.5–0.8 s to start under tsx, by which time this thread has read nearly all.
 */
export function buildCustomerIndex(db: Db): CustomerIndex {
  const terms = readTerms(db);
  const dictionaries: Dictionaries = {
    jobs: Dictionary.of(terms.jobs),
    industries: Dictionary.of(terms.industries),
    stores: Dictionary.of(terms.stores),
    interests: Dictionary.of(terms.interests),
    categories: new Dictionary(),
  };
  const rows = readRows(db, terms, (category) => dictionaries.categories.code(category));
  return new ColumnarCustomerIndex(db, dictionaries, rows);
}

/** Tail rows beyond this share of the index trigger a compaction (re-sort), so scans stay cell-local. */
const TAIL_SHARE = 1 / 32;
const MIN_TAIL = 4096;
/** During bulk upserts the tail may grow to a quarter of the sorted rows (and the columns get that much headroom). */
const BULK_TAIL_SHARE = 0.25;

class ColumnarCustomerIndex implements CustomerIndex {
  columns!: IndexColumns;
  /** Rows of the sorted region in seq order, for finding a customer's row by binary search. */
  private baseBySeq!: Int32Array;
  /** seq → row for rows appended since the last compaction (the newest wins). */
  private tail = new Map<number, number>();
  private live = 0;
  private generation = 0;
  changes = 0;
  private rfm: { changes: number; thresholds: RfmThresholds } | null = null;

  constructor(
    private readonly db: Db,
    readonly dictionaries: Dictionaries,
    rows: Rows,
  ) {
    this.install(rows);
  }

  get size(): number {
    return this.live;
  }

  private install(rows: Rows, headroom = TAIL_SHARE): void {
    const d = this.dictionaries;
    const capacity = Math.ceil(rows.count * (1 + headroom)) + MIN_TAIL;
    const sizes = {
      jobs: d.jobs.values.length,
      industries: d.industries.values.length,
      stores: d.stores.values.length,
    };
    const { columns, rowOfInput } = layOut(rows, capacity, sizes, ++this.generation);
    this.columns = columns;
    this.baseBySeq = rowOfInput;
    this.tail = new Map();
    this.live = rows.count;
  }

  /** Live rows in seq order, with room for `words` interest words, for a fresh layout. */
  private gather(words: number): Rows {
    const c = this.columns;
    const tailRows = [...this.tail.values()]
      .filter((r) => c.alive[r] === 1)
      .sort((a, b) => (c.seq[a] as number) - (c.seq[b] as number));
    const rows = allocRows(this.live, words, Atomics.load(c.meta, PAIRS));
    let i = 0;
    let t = 0;
    let p = 0;
    const take = (r: number) => {
      rows.seq[i] = c.seq[r] as number;
      rows.lng[i] = c.lng[r] as number;
      rows.lat[i] = c.lat[r] as number;
      rows.spend[i] = c.spend[r] as number;
      rows.age[i] = c.age[r] as number;
      rows.gender[i] = c.gender[r] as number;
      rows.loyalty[i] = c.loyalty[r] as number;
      rows.consent[i] = c.consent[r] as number;
      rows.lastDay[i] = c.lastDay[r] as number;
      rows.job[i] = c.job[r] as number;
      rows.industry[i] = c.industry[r] as number;
      rows.store[i] = c.store[r] as number;
      for (let w = 0; w < c.words; w++)
        rows.interests[i * words + w] = c.interests[r * c.words + w] as number;
      rows.visits[i] = c.visits[r] as number;
      rows.discounted[i] = c.discounted[r] as number;
      rows.firstDay[i] = c.firstDay[r] as number;
      const start = c.catStart[r] as number;
      for (let k = 0; k < (c.catCount[r] as number); k++)
        rows.catPairs[p++] = c.catPairs[start + k] as number;
      i++;
      rows.catStart[i] = p;
    };
    for (const r of this.baseBySeq) {
      if (c.alive[r] !== 1) continue;
      while (t < tailRows.length && (c.seq[tailRows[t]!] as number) < (c.seq[r] as number))
        take(tailRows[t++]!);
      take(r);
    }
    while (t < tailRows.length) take(tailRows[t++]!);
    rows.count = i;
    return rows;
  }

  private compact(words = this.columns.words, headroom = TAIL_SHARE): void {
    // Pairs of dead rows are dropped here; the pool is sized from the live ones.
    this.install(this.gather(words), headroom);
  }

  settle(): void {
    if (this.tail.size > Math.max(MIN_TAIL, this.live * TAIL_SHARE)) this.compact();
  }

  private findRow(seq: number): number {
    const c = this.columns;
    const t = this.tail.get(seq);
    if (t !== undefined && c.alive[t] === 1) return t;
    let lo = 0;
    let hi = this.baseBySeq.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const row = this.baseBySeq[mid] as number;
      const s = c.seq[row] as number;
      if (s === seq) return c.alive[row] === 1 ? row : -1;
      if (s < seq) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  upsert(customers: IndexedCustomer[], { bulk = false } = {}): void {
    if (customers.length > 0) this.changes++;
    const share = bulk ? BULK_TAIL_SHARE : TAIL_SHARE;
    for (const customer of customers) {
      const d = this.dictionaries;
      const job = d.jobs.code(customer.jobTitle);
      const industry = d.industries.code(customer.industry);
      const store = customer.homeStoreId == null ? 0 : d.stores.code(customer.homeStoreId) + 1;
      const interests = [...new Set(customer.interests)].map((name) => d.interests.code(name));
      const words = interestWords(d.interests.values.length);
      const pairs = categoryPairs(customer.behaviour, d.categories);
      const c0 = this.columns;
      const tooNarrow = (a: Uint16Array | Uint32Array, code: number) =>
        a instanceof Uint16Array && code >= 0xffff;
      const full =
        Atomics.load(c0.meta, ROWS) >= c0.capacity ||
        Atomics.load(c0.meta, PAIRS) + pairs.length > c0.catPairs.length ||
        this.tail.size >= Math.max(MIN_TAIL, this.live * share);
      if (
        full ||
        words > c0.words ||
        tooNarrow(c0.job, job) ||
        tooNarrow(c0.industry, industry) ||
        tooNarrow(c0.store, store)
      )
        this.compact(words, share);

      const old = this.findRow(customer.seq);
      const c = this.columns;
      const r = Atomics.load(c.meta, ROWS);
      c.seq[r] = customer.seq;
      c.lng[r] = customer.location[0];
      c.lat[r] = customer.location[1];
      c.spend[r] = customer.totalSpend;
      const traits = unpackTraits(packTraits(customer));
      c.age[r] = traits.age;
      c.gender[r] = traits.gender;
      c.loyalty[r] = traits.loyalty;
      c.consent[r] = traits.consent;
      c.lastDay[r] = purchaseDay(customer.lastPurchaseAt) ?? NEVER;
      c.job[r] = job;
      c.industry[r] = industry;
      c.store[r] = store;
      c.interests.fill(0, r * c.words, (r + 1) * c.words);
      for (const code of interests) c.interests[r * c.words + (code >>> 5)]! |= 1 << (code & 31);
      c.visits[r] = customer.visits;
      c.discounted[r] = customer.behaviour?.discounted ?? 0;
      c.firstDay[r] = purchaseDay(customer.behaviour?.firstPurchaseAt) ?? NEVER;
      const p = Atomics.load(c.meta, PAIRS);
      c.catPairs.set(pairs, p);
      c.catStart[r] = p;
      c.catCount[r] = pairs.length;
      Atomics.store(c.meta, PAIRS, p + pairs.length);
      // The old row dies before the new one appears: a scan running meanwhile may miss the customer, never count them twice.
      if (old >= 0) c.alive[old] = 0;
      else this.live++;
      c.alive[r] = 1;
      Atomics.store(c.meta, ROWS, r + 1);
      this.tail.set(customer.seq, r);
    }
  }

  upsertFromDb(ids: string[], options: { bulk?: boolean } = {}): number {
    const seqOf = this.db.prepare('SELECT seq FROM customers WHERE id = ?').pluck();
    const found: IndexedCustomer[] = [];
    const behaviours = readBehaviours(this.db, ids);
    for (const id of ids) {
      const seq = seqOf.get(id) as number | undefined;
      const customer = seq === undefined ? undefined : findCustomer(this.db, id);
      if (seq !== undefined && customer)
        found.push({ ...customer, seq, behaviour: behaviours.get(id) ?? null });
    }
    this.upsert(found, options);
    return found.length;
  }

  removeSeqs(seqs: number[]): number {
    this.changes++;
    let removed = 0;
    for (const seq of seqs) {
      const row = this.findRow(seq);
      if (row < 0) continue;
      this.columns.alive[row] = 0;
      this.tail.delete(seq);
      this.live--;
      removed++;
    }
    return removed;
  }

  remove(ids: string[]): number {
    const seqOf = this.db.prepare('SELECT seq FROM customers WHERE id = ?').pluck();
    return this.removeSeqs(
      ids
        .map((id) => seqOf.get(id) as number | undefined)
        .filter((s): s is number => s !== undefined),
    );
  }

  facets(storeIds: string[] | null = null): Facets {
    const c = this.columns;
    const d = this.dictionaries;
    // Store codes are offset by one (0 is "no home store").
    let storeOk: Uint8Array | null = null;
    if (storeIds) {
      storeOk = new Uint8Array(d.stores.values.length + 1);
      for (const id of storeIds) {
        const code = d.stores.find(id);
        if (code !== undefined) storeOk[code + 1] = 1;
      }
    }
    const jobs = new Uint32Array(d.jobs.values.length);
    const industries = new Uint32Array(d.industries.values.length);
    const stores = new Uint32Array(d.stores.values.length + 1);
    const interests = new Uint32Array(c.words * 32);
    const categories = new Uint32Array(d.categories.values.length);
    const rows = Atomics.load(c.meta, ROWS);
    for (let i = 0; i < rows; i++) {
      if (c.alive[i] !== 1) continue;
      if (storeOk && storeOk[c.store[i] as number] !== 1) continue;
      jobs[c.job[i] as number]!++;
      industries[c.industry[i] as number]!++;
      stores[c.store[i] as number]!++;
      const start = c.catStart[i] as number;
      for (let k = start; k < start + (c.catCount[i] as number); k++)
        categories[unpackCategoryCode(c.catPairs[k] as number)]!++;
      for (let w = 0; w < c.words; w++) {
        let bits = c.interests[i * c.words + w] as number;
        while (bits !== 0) {
          const low = bits & -bits;
          interests[w * 32 + 31 - Math.clz32(low)]!++;
          bits ^= low;
        }
      }
    }
    const list = (values: string[], counts: Uint32Array, offset = 0) =>
      values
        .map((key, k) => ({ key, count: counts[k + offset] as number }))
        .filter((f) => f.count > 0 && f.key !== '')
        .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
    return {
      jobTitles: list(d.jobs.values, jobs),
      industries: list(d.industries.values, industries),
      interests: list(d.interests.values, interests),
      stores: list(d.stores.values, stores, 1),
      productCategories: list(d.categories.values, categories),
    };
  }

  rfmThresholds(): RfmThresholds {
    if (this.rfm?.changes !== this.changes)
      this.rfm = { changes: this.changes, thresholds: rfmThresholdsOf(this.columns) };
    return this.rfm.thresholds;
  }

  bytesPerCustomer(): number {
    return (columnBytes(this.columns) + this.baseBySeq.byteLength) / Math.max(1, this.live);
  }
}

/** A customer's categories as index pairs, most recently bought first, at most MAX_CATEGORIES. */
function categoryPairs(
  behaviour: CustomerBehaviour | null | undefined,
  categories: Dictionary,
): number[] {
  if (!behaviour) return [];
  return Object.entries(behaviour.categories)
    .map(([category, at]) => ({ code: categories.code(category), day: purchaseDay(at) ?? 0 }))
    .sort((a, b) => b.day - a.day)
    .slice(0, MAX_CATEGORIES)
    .map(({ code, day }) => packCategory(code, day));
}
