// Fake stores of three fictional brands, run by fictional franchisees, in Berlin's denser neighbourhoods.
import type { Store } from '../domain/schemas/store.js';
import type { CityData, CityGeography, LngLat } from './city.js';
import { addDays, dayNumber } from './events.js';
import { kmPerDegree } from './neighbourhoods.js';
import type { Random } from './random.js';

/** A demo brand: who runs it, what its customers tend to like, what they spend per visit. */
export interface BrandProfile {
  name: string;
  franchisees: string[];
  stores: number;
  interests: string[];
  /** Median visits over a customer's life with the brand, and median spend per visit. */
  medianVisits: number;
  spendPerVisitEur: number;
}

export const BRANDS: readonly BrandProfile[] = [
  {
    name: 'Kiezkaffee',
    franchisees: ['Bohnenwerk Gastro GmbH', 'Kaffeekollektiv Nord UG', 'Spreeröster GmbH & Co. KG'],
    stores: 6,
    interests: ['coffee', 'baking', 'reading', 'board games'],
    medianVisits: 12,
    spendPerVisitEur: 7.5,
  },
  {
    name: 'Radwerk',
    franchisees: ['Pedalpartner GmbH', 'Zweirad Zentrale Ost KG'],
    stores: 5,
    interests: ['cycling', 'running', 'hiking', 'sustainability'],
    medianVisits: 3,
    spendPerVisitEur: 65,
  },
  {
    name: 'Zweite Runde',
    franchisees: ['Kreislauf Mode eG', 'Stoffwechsel Textil GmbH', 'Fundus & Faden UG'],
    stores: 4,
    interests: ['vintage fashion', 'sustainability', 'vinyl records', 'art galleries'],
    medianVisits: 5,
    spendPerVisitEur: 28,
  },
];

const STREETS = [
  'Lindenstraße',
  'Kastanienallee',
  'Ahornweg',
  'Birkenstraße',
  'Gartenstraße',
  'Schulstraße',
  'Marktstraße',
  'Mühlenweg',
  'Parkstraße',
  'Bergstraße',
  'Wiesenweg',
  'Fontanestraße',
  'Uferstraße',
  'Am Kiezplatz',
  'Rosenweg',
];

/** Stores never closer than this to each other, so their markers and trade areas stay apart. */
const MIN_SPACING_KM = 0.4;

/**
 * Stores placed near the seeds of dense neighbourhoods (weighted by density²), never in water or a park.
 * Ids are `st-01`, `st-02`, … in brand order; each brand's first store is its flagship (attractiveness 5).
 * @example generateStores({ city, geography, today: '2026-11-23', random }).length // 15
 */
export function generateStores(options: {
  city: CityData;
  geography: CityGeography;
  today: string;
  random: Random;
}): Store[] {
  const { city, geography, random } = options;
  const scale = kmPerDegree(city.center[1]);
  const placed: LngLat[] = [];
  const farEnough = (p: LngLat) =>
    placed.every(
      (q) => Math.hypot((p[0] - q[0]) * scale.lng, (p[1] - q[1]) * scale.lat) >= MIN_SPACING_KM,
    );
  const stores: Omit<Store, 'id'>[] = [];
  for (const brand of BRANDS) {
    const candidates = [...city.neighbourhoods];
    const franchisees = shuffle(brand.franchisees, random);
    for (let k = 0; k < brand.stores && candidates.length > 0; k++) {
      const index = drawIndex(
        candidates.map((n) => n.density * n.density),
        random,
      );
      const [hood] = candidates.splice(index, 1);
      if (!hood) break;
      const location = placeNear({
        center: hood.center,
        sigmaKm: 0.6,
        scale,
        random,
        ok: (p) => geography.isBuildable(p[0], p[1]) && farEnough(p),
      });
      if (!location) continue;
      placed.push(location);
      stores.push({
        name: `${brand.name} ${hood.name}`,
        brand: brand.name,
        franchisee: franchisees[k % franchisees.length] ?? '',
        address: `${random.pick(STREETS)} ${random.int(1, 180)}, ${hood.postcode} Berlin`,
        attractiveness: k === 0 ? 5 : 1 + drawIndex([1, 2, 3.5, 2.5, 1], random),
        opened: addDays(
          '2010-01-01',
          random.int(0, Math.max(0, dayNumber(options.today) - dayNumber('2010-01-01') - 120)),
        ),
        version: 1,
        location,
      });
    }
  }
  return stores.map((s, i) => ({ id: `st-${String(i + 1).padStart(2, '0')}`, ...s }));
}

/** Rejection-samples a Gaussian around `center`; null when 200 tries all land somewhere unusable. */
function placeNear(options: {
  center: LngLat;
  sigmaKm: number;
  scale: { lng: number; lat: number };
  random: Random;
  ok: (p: LngLat) => boolean;
}): LngLat | null {
  const { center, sigmaKm, scale, random } = options;
  for (let attempt = 0; attempt < 200; attempt++) {
    const p: LngLat = [
      round6(center[0] + (random.normal() * sigmaKm) / scale.lng),
      round6(center[1] + (random.normal() * sigmaKm) / scale.lat),
    ];
    if (options.ok(p)) return p;
  }
  return null;
}

function drawIndex(weights: number[], random: Random): number {
  let target = random.next() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < weights.length; i++) {
    target -= weights[i] ?? 0;
    if (target < 0) return i;
  }
  return weights.length - 1;
}

function shuffle<T>(items: readonly T[], random: Random): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

export function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
