// Entry point of the demo generator: one fake Berlin workspace, identical for the same (seed, customers, today).
import type { Geometry, Polygon } from 'geojson';
import type { Boundary } from '../domain/schemas/boundary.js';
import type { Customer } from '../domain/schemas/customer.js';
import type { LocalEvent } from '../domain/schemas/event.js';
import type { Store } from '../domain/schemas/store.js';
import { buildGeography, loadCity, type CityData, type CityGeography } from './city.js';
import { generateCustomers } from './customers.js';
import { dayNumber, generateEvents } from './events.js';
import {
  buildNeighbourhoods,
  residentComponents,
  type DensityComponent,
} from './neighbourhoods.js';
import { createRandom, deriveSeed } from './random.js';
import { generateStores } from './stores.js';
import { generateStreets, type StreetNetwork } from './streets.js';

export const DEFAULT_DEMO_CUSTOMERS = 50_000;
export const MAX_DEMO_CUSTOMERS = 1_000_000;
/** Share of customers drawn around stores rather than where people live: regulars cluster near their shop. */
/** The demo city is Berlin: its workspace and its events keep Berlin's clock. */
export const DEMO_TIME_ZONE = 'Europe/Berlin';
const STORE_CLUSTER_SHARE = 0.15;
const STORE_CLUSTER_SIGMA_KM = 0.7;

export interface DemoOptions {
  seed: number;
  customers: number;
  /** `YYYY-MM-DD`; purchase dates, opening dates and events are placed relative to it (no clock reads). */
  today: string;
}

export interface BasemapFeature {
  kind: 'land' | 'water' | 'park';
  name: string;
  geometry: Geometry;
}

export interface DemoWorkspace {
  city: {
    name: string;
    center: [number, number];
    zoom: number;
    bbox: [number, number, number, number];
    outline: Polygon;
    /** The city's IANA time zone: the workspace's, and its events'. */
    timeZone: string;
  };
  stores: Store[];
  boundaries: Boundary[];
  events: LocalEvent[];
  basemap: BasemapFeature[];
  /** Junctions, segments and named streets: drawn by the offline basemap, walked by routing. */
  streets: StreetNetwork;
  /** A fresh, lazy pass over the customers on every call. */
  customers: () => Iterable<Customer>;
  /** Problems the generator worked around (e.g. a neighbourhood turf could not clip). */
  warnings: string[];
}

/**
 * Builds the whole demo workspace; customers are produced lazily.
 * @example generateDemoWorkspace({ seed: 42, customers: 50_000, today: '2026-11-23' }).stores.length // 15
 */
export function generateDemoWorkspace(options: DemoOptions): DemoWorkspace {
  const { seed, today } = options;
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  if (
    !Number.isInteger(options.customers) ||
    options.customers < 0 ||
    options.customers > MAX_DEMO_CUSTOMERS
  ) {
    throw new RangeError(
      `customers must be an integer from 0 to ${MAX_DEMO_CUSTOMERS}, got ${options.customers}`,
    );
  }
  dayNumber(today);
  const city = loadCity();
  const geography = buildGeography(city);
  const { boundaries, warnings } = buildNeighbourhoods({ city, geography });
  const stores = generateStores({
    city,
    geography,
    today,
    random: createRandom(deriveSeed(seed, 'stores')),
  });
  const events = generateEvents({ today, random: createRandom(deriveSeed(seed, 'events')) });
  const residents = residentComponents(city);
  const residentMass = residents.reduce((sum, c) => sum + c.mass, 0);
  const attractiveness = stores.reduce((sum, s) => sum + s.attractiveness, 0) || 1;
  const clusterMass = (residentMass * STORE_CLUSTER_SHARE) / (1 - STORE_CLUSTER_SHARE);
  const components: DensityComponent[] = [
    ...residents,
    ...stores.map((s) => ({
      name: s.id,
      center: s.location,
      sigmaKm: STORE_CLUSTER_SIGMA_KM,
      peak: 0.8,
      mass: (clusterMass * s.attractiveness) / attractiveness,
    })),
  ];
  const basemap: BasemapFeature[] = [
    { kind: 'land', name: city.name, geometry: geography.outline },
    ...geography.water.map((w) => ({ kind: 'water' as const, ...w })),
    ...geography.parks.map((p) => ({ kind: 'park' as const, ...p })),
  ];
  return {
    city: {
      name: city.name,
      center: city.center,
      zoom: city.zoom,
      bbox: geography.bbox,
      outline: geography.outline,
      timeZone: DEMO_TIME_ZONE,
    },
    stores,
    boundaries,
    events,
    basemap,
    streets: streetsOf(seed, city, geography),
    customers: () =>
      generateCustomers({
        count: options.customers,
        today,
        geography,
        stores,
        components,
        random: createRandom(deriveSeed(seed, 'customers')),
      }),
    warnings,
  };
}

function streetsOf(seed: number, city: CityData, geography: CityGeography): StreetNetwork {
  return generateStreets({ city, geography, random: createRandom(deriveSeed(seed, 'streets')) });
}

/** The demo city's streets alone, the same as {@link generateDemoWorkspace} makes for this seed. */
export function generateDemoStreets(seed: number): StreetNetwork {
  const city = loadCity();
  return streetsOf(seed, city, buildGeography(city));
}
