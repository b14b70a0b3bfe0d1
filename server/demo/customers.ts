// Fake customers, produced lazily one at a time so a million of them never sit in memory together.
import type { Customer, Gender, LoyaltyTier } from '../domain/schemas/customer.js';
import type { CityGeography } from './city.js';
import { addDays } from './events.js';
import { kmPerDegree, type DensityComponent } from './neighbourhoods.js';
import { cumulative, pickWeighted, type Random } from './random.js';
import { BRANDS, round6 } from './stores.js';
import type { Store } from '../domain/schemas/store.js';

const words = (text: string) => text.trim().split(/\s*,\s*/);
const FEMALE =
  words(`Anna, Lena, Mia, Emma, Sophie, Marie, Hannah, Lea, Clara, Greta, Ayşe, Elif, Zeynep, Fatma, Leyla, Amira,
  Yasmin, Nour, Aleksandra, Kasia, Olga, Natalia, Irina, Linh, Mai, Thu, Sofia, Giulia, Chiara, Lucía, Carmen, Inês, Chloé,
  Emily, Grace, Aisha, Amina, Priya, Ananya, Mei, Yuki, Noa, Tamar, Ingrid, Astrid, Maja, Ewa, Dilara, Rania, Svetlana`);
const MALE =
  words(`Lukas, Felix, Jonas, Paul, Leon, Max, Finn, Emil, Ben, Moritz, Mehmet, Emre, Can, Deniz, Murat, Ahmad,
  Omar, Karim, Youssef, Samir, Piotr, Tomasz, Kamil, Dmitri, Sergei, Andrei, Minh, Duc, Huy, Marco, Luca, Matteo, Javier,
  Diego, João, Pierre, Hugo, James, Noah, Kwame, Kofi, Arjun, Rohan, Wei, Kenji, David, Erik, Lars, Jakub, Tariq`);
const ANYONE = [
  ...FEMALE,
  ...MALE,
  ...words('Alex, Kim, Robin, Sasha, Charlie, Jona, Noor, Eden, Toni'),
];
/** Email local parts: lower case ASCII (Ayşe → ayse, João → joao). */
const SLUGS = new Map(
  ANYONE.map((n) => [
    n,
    n
      .toLowerCase()
      .normalize('NFD')
      .replace(/ß/g, 'ss')
      .replace(/[^a-z]/g, ''),
  ]),
);

const JOBS: Record<string, string[]> = {
  'Information technology': words(
    'Software developer, Data analyst, IT administrator, Product manager, UX designer',
  ),
  Healthcare: words('Nurse, Physician, Physiotherapist, Pharmacist, Medical assistant'),
  Education: words('Teacher, Kindergarten teacher, Lecturer, School social worker'),
  Retail: words('Sales assistant, Store manager, Visual merchandiser'),
  Hospitality: words('Chef, Barista, Hotel receptionist, Restaurant manager'),
  'Creative industries': words('Graphic designer, Photographer, Musician, Journalist, Copywriter'),
  'Finance and insurance': words('Accountant, Bank clerk, Insurance broker, Financial analyst'),
  'Public administration': words('Civil servant, Caseworker, Police officer'),
  'Construction and trades': words('Electrician, Carpenter, Plumber, Architect, Site manager'),
  'Transport and logistics': words('Bus driver, Courier, Warehouse operative, Logistics planner'),
  Manufacturing: words('Mechanical engineer, Production worker, Quality inspector'),
  'Research and science': words('Research scientist, Lab technician, Doctoral researcher'),
  'Legal and consulting': words('Lawyer, Management consultant, Paralegal'),
  'Social work and care': words('Social worker, Elderly carer, Youth worker'),
  'Not in employment': words('Job seeker, Parental leave, Homemaker'),
};
const INDUSTRIES = Object.keys(JOBS);
const INDUSTRY_WEIGHTS = cumulative([10, 12, 8, 9, 7, 7, 5, 9, 6, 6, 4, 4, 4, 6, 3]);

const INTERESTS =
  words(`cycling, coffee, vintage fashion, running, yoga, gardening, cooking, craft beer, live music, techno,
  theatre, art galleries, photography, board games, football, hiking, sustainability, reading, cinema, baking, swimming,
  travel, vinyl records, DIY, pets, wine`);
const INTEREST_WEIGHTS = interestWeightTable();
/** Every word the demo stores for these fields, as stored: the client shows them under `data.<kind>.<value>`. */
export const DEMO_VOCABULARY = {
  industry: INDUSTRIES,
  job: [...Object.values(JOBS).flat(), 'Employee', 'Retiree', 'Student'],
  interest: INTERESTS,
} as const;
const BRAND_INDEX = new Map(BRANDS.map((b, i) => [b.name, i + 1]));
const BRAND_BY_NAME = new Map(BRANDS.map((b) => [b.name, b]));

const AGE_BANDS: [number, number][] = [
  [18, 24],
  [25, 34],
  [35, 44],
  [45, 54],
  [55, 64],
  [65, 74],
  [75, 90],
];
const GENDERS = cumulative([49, 48, 1, 2]);
const GENDER_NAMES: Gender[] = ['female', 'male', 'diverse', 'unknown'];
const INTEREST_COUNTS = cumulative([20, 30, 25, 15, 10]);
/** Last purchases further back than this are clamped: CRMs purge older history. */
const MAX_DAYS_AGO = 1000;
const TIER_RANK: Record<LoyaltyTier, number> = { none: 0, bronze: 1, silver: 2, gold: 3 };
/** Quantiles of a standard normal: 50 % none, 25 % bronze, 15 % silver, 10 % gold. */
const TIER_CUTS: [number, LoyaltyTier][] = [
  [1.2816, 'gold'],
  [0.6745, 'silver'],
  [0, 'bronze'],
];

export interface CustomerOptions {
  count: number;
  today: string;
  random: Random;
  geography: CityGeography;
  stores: readonly Store[];
  /** Where people live (residents) and where extra customers gather (around stores). */
  components: readonly DensityComponent[];
}

/**
 * Yields `count` customers; the first N are the same whatever `count` is.
 * @example [...generateCustomers({ ...options, count: 2 })].map((c) => c.id) // ['C0000001', 'C0000002']
 */
export function* generateCustomers(options: CustomerOptions): Generator<Customer> {
  const { random, geography, stores, components } = options;
  const weights = cumulative(components.map((c) => c.mass));
  const scale = kmPerDegree(geography.bbox[1] / 2 + geography.bbox[3] / 2);
  // Per-customer work stays allocation-light: a million customers should take seconds, not minutes.
  const ageBands = components.map((c) => ageBandWeights(Math.min(1, c.peak)));
  const pastDays = Array.from({ length: MAX_DAYS_AGO + 1 }, (_, d) => addDays(options.today, -d));
  const context = { random, pastDays };
  for (let i = 1; i <= options.count; i++) {
    let lng = 0;
    let lat = 0;
    let k = 0;
    let attempts = 0;
    do {
      // Only a broken city file (every bump in water or outside) could loop forever; fail loudly instead.
      if (++attempts > 10_000)
        throw new Error('Demo city: no buildable land near the density components');
      k = pickWeighted(weights, random);
      const component = components[k] as DensityComponent;
      lng = round6(component.center[0] + (random.normal() * component.sigmaKm) / scale.lng);
      lat = round6(component.center[1] + (random.normal() * component.sigmaKm) / scale.lat);
    } while (!geography.isBuildable(lng, lat));
    const [nearest, second] = twoNearest(stores, lng, lat, scale);
    const roll = random.next();
    const home =
      roll < 0.8 ? nearest : roll < 0.95 ? second : stores.length > 0 ? random.pick(stores) : null;
    yield customer(i, [lng, lat], ageBands[k] as Float64Array, home ?? null, context);
  }
}

function twoNearest(
  stores: readonly Store[],
  lng: number,
  lat: number,
  scale: { lng: number; lat: number },
): [Store?, Store?] {
  let best: Store | undefined;
  let next: Store | undefined;
  let bestD = Infinity;
  let nextD = Infinity;
  for (const s of stores) {
    const dx = (s.location[0] - lng) * scale.lng;
    const dy = (s.location[1] - lat) * scale.lat;
    const d = dx * dx + dy * dy;
    if (d < bestD) [next, nextD, best, bestD] = [best, bestD, s, d];
    else if (d < nextD) [next, nextD] = [s, d];
  }
  return [best, next ?? best];
}

/** Dense places skew young: more 18–44-year-olds, fewer over 65. */
function ageBandWeights(urbanity: number): Float64Array {
  return cumulative(
    [10, 20, 19, 16, 15, 11, 9].map(
      (w, b) => w * (b < 3 ? 1 + 0.6 * urbanity : b >= 5 ? 1 - 0.4 * urbanity : 1),
    ),
  );
}

function customer(
  index: number,
  location: [number, number],
  ageBands: Float64Array,
  home: Store | null,
  { random, pastDays }: { random: Random; pastDays: string[] },
): Customer {
  const gender = GENDER_NAMES[pickWeighted(GENDERS, random)] ?? 'unknown';
  const firstName = random.pick(gender === 'female' ? FEMALE : gender === 'male' ? MALE : ANYONE);
  const [lo, hi] = AGE_BANDS[pickWeighted(ageBands, random)] ?? [18, 90];
  const age = random.chance(0.01) ? null : random.int(lo, hi);
  const [industry, jobTitle] = job(age, random);
  const brand = home ? BRAND_BY_NAME.get(home.brand) : undefined;
  // One latent "engagement" drives tier, visits, spend, recency and consent together, as it would in a real CRM.
  const engagement = random.normal();
  const tier = TIER_CUTS.find(([cut]) => engagement >= cut)?.[1] ?? 'none';
  const neverBought = engagement + 0.3 * random.normal() < -1.6;
  const visits = neverBought
    ? 0
    : Math.max(
        1,
        Math.round(
          (brand?.medianVisits ?? 5) * Math.exp(0.75 * engagement + 0.35 * random.normal()),
        ),
      );
  const perVisit = (brand?.spendPerVisitEur ?? 20) * Math.exp(0.35 * random.normal());
  const daysAgo = Math.min(
    MAX_DAYS_AGO,
    Math.floor(-Math.log(1 - random.next()) * 110 * Math.exp(-0.5 * engagement)),
  );
  const slug = SLUGS.get(firstName) ?? 'customer';
  return {
    id: `C${String(index).padStart(7, '0')}`,
    location,
    firstName,
    email: `${slug}.${String(index).padStart(4, '0')}@${random.chance(0.7) ? 'example.com' : 'example.org'}`,
    phone: `+49 30 555 ${String(random.int(0, 99999)).padStart(5, '0')}`,
    age,
    gender,
    jobTitle,
    industry,
    interests: interests(
      INTEREST_WEIGHTS[(BRAND_INDEX.get(home?.brand ?? '') ?? 0) * 3 + ageGroup(age)],
      random,
    ),
    loyaltyTier: tier,
    visits,
    totalSpend: Math.round(visits * perVisit * 100) / 100,
    lastPurchaseAt: visits === 0 ? null : (pastDays[daysAgo] ?? null),
    consent: random.chance(0.6 + 0.08 * TIER_RANK[tier]),
    homeStoreId: visits === 0 ? null : (home?.id ?? null),
  };
}

function job(age: number | null, random: Random): [string, string] {
  if (age !== null && age >= 67 && (age >= 75 || random.chance(0.85)))
    return ['Not in employment', 'Retiree'];
  if (age !== null && age <= 24 && random.chance(0.55)) return ['Education', 'Student'];
  const industry = INDUSTRIES[pickWeighted(INDUSTRY_WEIGHTS, random)] ?? 'Retail';
  return [industry, random.pick(JOBS[industry] ?? ['Employee'])];
}

/** 0 young (< 35), 1 middle (or unknown), 2 older (55+). */
function ageGroup(age: number | null): number {
  return age === null || (age >= 35 && age < 55) ? 1 : age < 35 ? 0 : 2;
}

/** Interest odds per (no brand or brand 1–3) × age group: the brand's interests ×4, the age group's ×2.5. Built once. */
function interestWeightTable(): number[][] {
  const young = new Set(
    words('techno, live music, craft beer, vintage fashion, running, yoga, travel, cinema'),
  );
  const older = new Set(words('gardening, theatre, reading, hiking, wine, cooking, swimming'));
  return [undefined, ...BRANDS].flatMap((brand) =>
    [0, 1, 2].map((group) =>
      INTERESTS.map((name) => {
        const byAge = (group === 0 && young.has(name)) || (group === 2 && older.has(name));
        return (brand?.interests.includes(name) ? 4 : 1) * (byAge ? 2.5 : 1);
      }),
    ),
  );
}

/** 1–5 distinct interests, drawn without replacement from the odds of the customer's group. */
function interests(odds: number[] | undefined, random: Random): string[] {
  const weights = odds ? odds.slice() : INTERESTS.map(() => 1);
  const chosen: string[] = [];
  let total = weights.reduce((a, b) => a + b, 0);
  for (let k = pickWeighted(INTEREST_COUNTS, random) + 1; k > 0; k--) {
    let target = random.next() * total;
    let i = 0;
    while (i < weights.length - 1 && (target -= weights[i] ?? 0) >= 0) i++;
    while (i > 0 && !((weights[i] ?? 0) > 0)) i--; // rounding can run past the end onto a taken one
    chosen.push(INTERESTS[i] ?? 'coffee');
    total -= weights[i] ?? 0;
    weights[i] = 0;
  }
  return chosen;
}
