// A plausible till history for every demo customer: as many purchases as their visits, the last on their last
// purchase date, the rest spread back over their time as a customer. Days are drawn by a per-store weight that
// mixes the brand's season and weekday pattern, rain (coffee up, bikes down) and demo events near the store; a
// share of purchases carries a discount (each customer has their own appetite for offers); categories fit the brand.
import type { LocalEvent } from '../domain/schemas/event.js';
import type { Customer } from '../domain/schemas/customer.js';
import type { Store } from '../domain/schemas/store.js';
import type { PurchaseRow } from '../db/repos/purchases.js';
import { addDays, dayNumber } from './events.js';
import { kmPerDegree } from './neighbourhoods.js';
import { createRandom, cumulative, deriveSeed, pickWeighted, type Random } from './random.js';

/** History reaches this far back (the customer generator clamps last purchases to the same range). */
const HISTORY_DAYS = 1000;
const EVENT_RADIUS_KM = 1.5;

interface BrandPattern {
  /** Stable category keys (shown through 'data.productCategory.<key>') with their odds. */
  categories: [string, number][];
  /** Relative visits by month, January first. */
  months: number[];
  /** Relative visits by weekday, Sunday first. */
  weekdays: number[];
  /** Visits on a rainy day relative to a dry one. */
  rain: number;
  /** Opening hours in UTC (Berlin's winter clock less one), a visit drawn between them. */
  hours: [number, number];
}

export const BRAND_PATTERNS: Record<string, BrandPattern> = {
  Kiezkaffee: {
    categories: [
      ['coffee', 50],
      ['pastry', 25],
      ['breakfast', 15],
      ['beans', 10],
    ],
    months: [1.2, 1.15, 1.05, 1, 0.95, 0.85, 0.8, 0.8, 0.95, 1.05, 1.15, 1.25],
    weekdays: [0.7, 1.15, 1.1, 1.1, 1.1, 1.05, 0.8],
    rain: 1.3,
    hours: [6, 16],
  },
  Radwerk: {
    categories: [
      ['bikes', 10],
      ['parts', 35],
      ['repairs', 35],
      ['gear', 20],
    ],
    months: [0.4, 0.5, 0.9, 1.4, 1.6, 1.5, 1.4, 1.3, 1.1, 0.8, 0.5, 0.6],
    weekdays: [0.2, 0.9, 0.9, 1, 1, 1.2, 1.8],
    rain: 0.55,
    hours: [9, 18],
  },
  'Zweite Runde': {
    categories: [
      ['clothing', 55],
      ['shoes', 20],
      ['bags', 10],
      ['records', 15],
    ],
    months: [0.8, 0.75, 1.1, 1.15, 1, 0.9, 0.85, 0.9, 1.2, 1.15, 1.1, 1.3],
    weekdays: [0.3, 0.8, 0.85, 0.9, 1, 1.3, 1.9],
    rain: 1.1,
    hours: [10, 18],
  },
};

/** Every product category the demo writes, for the catalogs and the segment builder. */
export const DEMO_PRODUCT_CATEGORIES = Object.values(BRAND_PATTERNS).flatMap((b) =>
  b.categories.map(([key]) => key),
);

/** Offer appetite: the share of a customer's purchases with a discount (most rarely use one). */
const APPETITES = [0.02, 0.1, 0.3, 0.6];
const APPETITE_ODDS = cumulative([40, 30, 20, 10]);
const DISCOUNT_RATES = [0.1, 0.15, 0.2];

export interface HistoryOptions {
  seed: number;
  today: string;
  stores: readonly Store[];
  events: readonly LocalEvent[];
}

/** Whether it rained on a day (about a third of days, more in autumn and winter); the same for every seed. */
export function rainyDay(day: number): boolean {
  const month = new Date(day * 86_400_000).getUTCMonth();
  const odds = [0.4, 0.35, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.35, 0.4, 0.4][month] as number;
  return createRandom(day).next() < odds;
}

/**
 * A generator of each customer's purchases (call it once per workspace, then per customer, in customer order).
 * @example const historyOf = purchaseHistories(options); [...historyOf(customer)].length === customer.visits
 */
export function purchaseHistories(
  options: HistoryOptions,
): (customer: Customer) => Generator<PurchaseRow> {
  const random = createRandom(deriveSeed(options.seed, 'purchases'));
  const firstDay = dayNumber(options.today) - HISTORY_DAYS;
  const weights = new Map(options.stores.map((s) => [s.id, dayWeights(s, firstDay, options)]));
  const byBrand = new Map<string, Store[]>();
  for (const s of options.stores) byBrand.set(s.brand, [...(byBrand.get(s.brand) ?? []), s]);
  const categoryOdds = new Map(
    Object.entries(BRAND_PATTERNS).map(([brand, p]) => [
      brand,
      cumulative(p.categories.map((c) => c[1])),
    ]),
  );
  const storeOf = new Map(options.stores.map((s) => [s.id, s]));
  // Strings built once: a 50k-customer demo writes half a million purchases.
  const dates = Array.from({ length: HISTORY_DAYS + 1 }, (_, d) =>
    addDays(options.today, d - HISTORY_DAYS),
  );
  const times = Array.from({ length: 24 * 60 }, (_, m) => `T${clock(m)}:00.000Z`);
  return function* history(customer) {
    const home = customer.homeStoreId ? storeOf.get(customer.homeStoreId) : undefined;
    if (!home || customer.visits === 0 || !customer.lastPurchaseAt) return;
    const pattern = BRAND_PATTERNS[home.brand] ?? BRAND_PATTERNS.Kiezkaffee!;
    const last = dayNumber(customer.lastPurchaseAt) - firstDay;
    // Most have been customers for months; some only weeks ("new customers").
    const tenure = random.chance(0.08)
      ? random.int(0, 45)
      : 60 + Math.floor(-Math.log(1 - random.next()) * 300);
    const first = Math.max(0, last - (customer.visits === 1 ? 0 : tenure));
    const appetite = APPETITES[pickWeighted(APPETITE_ODDS, random)] as number;
    const perVisit = customer.totalSpend / customer.visits;
    const sisters = byBrand.get(home.brand) ?? [home];
    for (let k = 0; k < customer.visits; k++) {
      const store = random.chance(0.9) ? home : random.pick(sisters);
      const cum = weights.get(store.id)!;
      const day = k === 0 ? last : drawDay(cum, first, last, random);
      const amount = Math.max(
        0.5,
        Math.round(perVisit * Math.exp(0.3 * random.normal()) * 100) / 100,
      );
      const discounted = random.chance(appetite);
      const minute = random.int(pattern.hours[0] * 60, pattern.hours[1] * 60 - 1);
      yield {
        id: `dp-${customer.id}-${String(k + 1).padStart(3, '0')}`,
        customerId: customer.id,
        storeId: store.id,
        purchasedAt: `${dates[day]}${times[minute]}`,
        amount,
        discount: discounted
          ? Math.round(amount * (random.pick(DISCOUNT_RATES) as number) * 100) / 100
          : null,
        productCategory:
          pattern.categories[
            pickWeighted(categoryOdds.get(home.brand) ?? cumulative([1]), random)
          ]![0],
      };
    }
  };
}

const clock = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/** A day in [first, last] in proportion to the store's day weights (binary search on their running sum). */
function drawDay(cum: Float64Array, first: number, last: number, random: Random): number {
  const below = first > 0 ? (cum[first - 1] as number) : 0;
  const target = below + random.next() * ((cum[last] as number) - below);
  let lo = first;
  let hi = last;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((cum[mid] as number) > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Running sum of a store's weight per day of the history: season × weekday × rain × events nearby. */
function dayWeights(store: Store, firstDay: number, options: HistoryOptions): Float64Array {
  const pattern = BRAND_PATTERNS[store.brand] ?? BRAND_PATTERNS.Kiezkaffee!;
  const scale = kmPerDegree(store.location[1]);
  const near = options.events
    .filter(
      (e) =>
        Math.hypot(
          (e.location[0] - store.location[0]) * scale.lng,
          (e.location[1] - store.location[1]) * scale.lat,
        ) <= EVENT_RADIUS_KM,
    )
    .map((e) => ({
      from: Math.floor(Date.parse(e.startsAt) / 86_400_000),
      to: Math.floor(Date.parse(e.endsAt) / 86_400_000),
      lift: 1 + Math.min(1, (e.expectedAttendance ?? 1000) / 5000),
    }));
  const cum = new Float64Array(HISTORY_DAYS + 1);
  let total = 0;
  for (let d = 0; d <= HISTORY_DAYS; d++) {
    const day = firstDay + d;
    const date = new Date(day * 86_400_000);
    let w =
      (pattern.months[date.getUTCMonth()] as number) *
      (pattern.weekdays[date.getUTCDay()] as number) *
      (rainyDay(day) ? pattern.rain : 1);
    for (const e of near) if (day >= e.from && day <= e.to) w *= e.lift;
    total += w;
    cum[d] = total;
  }
  return cum;
}
