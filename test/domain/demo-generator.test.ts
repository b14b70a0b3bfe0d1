// The demo generator: same inputs give the same fake Berlin, and its people are spread like a real city's.
import {
  area,
  bbox as turfBbox,
  booleanIntersects,
  booleanPointInPolygon,
  distance,
  featureCollection,
  feature,
  intersect,
} from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { Customer } from '../../server/domain/schemas/customer.js';
import { buildGeography, loadCity } from '../../server/demo/city.js';
import { berlinToUtc } from '../../server/demo/events.js';
import {
  generateDemoStreets,
  generateDemoWorkspace,
  type DemoOptions,
} from '../../server/demo/generate.js';
import { densityAt, residentComponents } from '../../server/demo/neighbourhoods.js';

const options: DemoOptions = { seed: 42, customers: 20_000, today: '2026-11-23' };
const ws = generateDemoWorkspace(options);
const customers = [...ws.customers()];
const share = (test: (c: Customer) => boolean) => customers.filter(test).length / customers.length;
const areaOf = (geometry: Polygon | MultiPolygon) => area(feature(geometry));

describe('demo generator determinism', () => {
  it('builds byte-identical stores, boundaries, events and customers from the same options', () => {
    const again = generateDemoWorkspace(options);
    expect(JSON.stringify(again.stores)).toBe(JSON.stringify(ws.stores));
    expect(JSON.stringify(again.boundaries)).toBe(JSON.stringify(ws.boundaries));
    expect(JSON.stringify(again.events)).toBe(JSON.stringify(ws.events));
    expect(JSON.stringify(take(again.customers(), 2000))).toBe(
      JSON.stringify(customers.slice(0, 2000)),
    );
  });

  it('gives the same first customers whatever the total asked for', () => {
    const fewer = generateDemoWorkspace({ ...options, customers: 500 });
    expect([...fewer.customers()]).toEqual(customers.slice(0, 500));
  });

  it('differs for a different seed', () => {
    const other = generateDemoWorkspace({ ...options, seed: 7 });
    expect(JSON.stringify(take(other.customers(), 200))).not.toBe(
      JSON.stringify(customers.slice(0, 200)),
    );
    expect(other.stores.map((s) => s.location)).not.toEqual(ws.stores.map((s) => s.location));
  });

  it('rejects impossible options instead of guessing', () => {
    expect(() => generateDemoWorkspace({ ...options, customers: -1 })).toThrow(/customers/);
    expect(() => generateDemoWorkspace({ ...options, customers: 1.5 })).toThrow(/customers/);
    expect(() => generateDemoWorkspace({ ...options, customers: 1_000_001 })).toThrow(/customers/);
    expect(() => generateDemoWorkspace({ ...options, today: '2026-02-30' })).toThrow(/date/);
  });
});

describe('demo city geography', () => {
  const outline = ws.city.outline;
  const water = ws.basemap.filter((f) => f.kind === 'water');

  it('has at least 12 stores of 2–3 brands, each brand with 2–4 franchisees, on land and inside the city', () => {
    expect(ws.stores.length).toBeGreaterThanOrEqual(12);
    const brands = new Set(ws.stores.map((s) => s.brand));
    expect(brands.size).toBeGreaterThanOrEqual(2);
    expect(brands.size).toBeLessThanOrEqual(3);
    for (const brand of brands) {
      const franchisees = new Set(
        ws.stores.filter((s) => s.brand === brand).map((s) => s.franchisee),
      );
      expect(franchisees.size).toBeGreaterThanOrEqual(2);
      expect(franchisees.size).toBeLessThanOrEqual(4);
    }
    for (const s of ws.stores) {
      expect(s.id).toMatch(/^st-\d{2}$/);
      expect(s.attractiveness).toBeGreaterThanOrEqual(1);
      expect(s.attractiveness).toBeLessThanOrEqual(5);
      expect(s.opened <= options.today).toBe(true);
      expect(booleanPointInPolygon(s.location, outline)).toBe(true);
      expect(water.some((w) => booleanPointInPolygon(s.location, w.geometry as Polygon))).toBe(
        false,
      );
    }
  });

  it('splits the whole city into at least 20 named, populated, non-overlapping neighbourhoods', () => {
    const boundaries = ws.boundaries;
    expect(boundaries.length).toBeGreaterThanOrEqual(20);
    expect(new Set(boundaries.map((b) => b.name)).size).toBe(boundaries.length);
    const total = boundaries.reduce((sum, b) => sum + areaOf(b.geometry as Polygon), 0);
    expect(Math.abs(total / areaOf(outline) - 1)).toBeLessThan(0.005);
    const population = boundaries.reduce((sum, b) => sum + b.population, 0);
    expect(population).toBeGreaterThan(3_700_000);
    expect(population).toBeLessThan(3_900_000);
    for (const b of boundaries)
      expect(Number.isInteger(b.population) && b.population > 0).toBe(true);
    for (let i = 0; i < boundaries.length; i++) {
      for (let j = i + 1; j < boundaries.length; j++) {
        const a = feature(boundaries[i]!.geometry as Polygon);
        const b = feature(boundaries[j]!.geometry as Polygon);
        if (!boxesTouch(a, b) || !booleanIntersects(a, b)) continue;
        const shared = intersect(featureCollection([a, b]));
        expect(
          shared ? area(shared) : 0,
          `${boundaries[i]!.name} × ${boundaries[j]!.name}`,
        ).toBeLessThan(1);
      }
    }
  });

  it('has a dozen demo events in the weeks around today, in Berlin time', () => {
    expect(ws.events.length).toBeGreaterThanOrEqual(12);
    const today = Date.parse(`${options.today}T00:00:00Z`);
    for (const e of ws.events) {
      expect(e.id).toMatch(/^ev-\d{2}$/);
      expect(e).toMatchObject({ source: 'demo', status: null, timezone: 'Europe/Berlin' });
      expect(Date.parse(e.endsAt)).toBeGreaterThan(Date.parse(e.startsAt));
      expect(Math.abs(Date.parse(e.startsAt) - today) / 86_400_000).toBeLessThanOrEqual(42);
    }
    expect(berlinToUtc('2026-07-01', 12)).toBe('2026-07-01T10:00:00Z');
    expect(berlinToUtc('2026-12-01', 12)).toBe('2026-12-01T11:00:00Z');
  });

  it('ships land, water and parks for the offline basemap', () => {
    expect(new Set(ws.basemap.map((f) => f.kind))).toEqual(new Set(['land', 'water', 'park']));
    expect(ws.basemap.filter((f) => f.kind === 'water').map((f) => f.name)).toEqual(
      expect.arrayContaining(['Spree', 'Havel', 'Müggelsee']),
    );
  });

  it('lays a street network over the city: the same for the same seed, named, by class, never in a lake', () => {
    const { nodes, edges, streets } = ws.streets;
    expect(JSON.stringify(generateDemoStreets(options.seed))).toBe(JSON.stringify(ws.streets));
    expect(JSON.stringify(generateDemoStreets(7).streets.slice(0, 20))).not.toBe(
      JSON.stringify(streets.slice(0, 20)),
    );
    expect(new Set(streets.map((s) => s.class))).toEqual(
      new Set(['primary', 'secondary', 'residential']),
    );
    expect(streets.every((s) => s.nodes.length >= 2 && /\S/.test(s.name))).toBe(true);
    // Junctions are on land inside the city; side streets run where people live, so Mitte has many more than Wannsee.
    const geography = buildGeography(loadCity());
    expect(nodes.every((n) => geography.isBuildable(...n.location))).toBe(true);
    expect(edges.every((e) => nodes[e.from - 1] && nodes[e.to - 1])).toBe(true);
    const near = ([lng, lat]: [number, number], km: number) =>
      nodes.filter((n) => distance(n.location, [lng, lat]) < km).length;
    expect(near([13.395, 52.52], 1.5)).toBeGreaterThan(3 * near([13.155, 52.415], 1.5));
    expect(near([13.395, 52.52], 1.5)).toBeGreaterThan(80);
    // No two streets of one name close together: a reader could not tell them apart.
    const middles = streets.map((s) => ({
      name: s.name,
      at: nodes[(s.nodes[s.nodes.length >> 1] as number) - 1]!.location,
    }));
    const twins = middles.filter((a, i) =>
      middles.some((b, j) => j > i && a.name === b.name && distance(a.at, b.at) < 1.5),
    );
    expect(twins).toEqual([]);
  });
});

describe('demo customers', () => {
  it('gives every customer every attribute, with fake contact details only', () => {
    const storeIds = new Set(ws.stores.map((s) => s.id));
    const industryOf = new Map<string, string>();
    const problems: string[] = [];
    const check = (ok: boolean, c: Customer, what: string) =>
      ok || problems.push(`${c.id}: ${what}`);
    customers.forEach((c, i) => {
      check(c.id === `C${String(i + 1).padStart(7, '0')}`, c, 'id');
      check(/^[a-z]+\.\d{4,}@example\.(com|org)$/.test(c.email), c, `email ${c.email}`);
      check(/^\+49 30 555 \d{5}$/.test(c.phone), c, `phone ${c.phone}`);
      check(c.firstName.length > 0, c, 'first name');
      check(
        c.age === null || (Number.isInteger(c.age) && c.age >= 18 && c.age <= 90),
        c,
        `age ${c.age}`,
      );
      check(
        c.interests.length >= 1 &&
          c.interests.length <= 5 &&
          new Set(c.interests).size === c.interests.length,
        c,
        'interests',
      );
      check(
        Math.round(c.totalSpend * 100) / 100 === c.totalSpend && c.totalSpend >= 0,
        c,
        `spend ${c.totalSpend}`,
      );
      check(
        c.homeStoreId === null || storeIds.has(c.homeStoreId),
        c,
        `home store ${c.homeStoreId}`,
      );
      check(
        c.lastPurchaseAt === null ||
          (/^\d{4}-\d{2}-\d{2}$/.test(c.lastPurchaseAt) && c.lastPurchaseAt <= options.today),
        c,
        'last purchase',
      );
      // A job title always belongs to the same industry.
      check(
        (industryOf.get(c.jobTitle) ?? c.industry) === c.industry,
        c,
        `${c.jobTitle} in two industries`,
      );
      industryOf.set(c.jobTitle, c.industry);
    });
    expect(problems.slice(0, 10)).toEqual([]);
    expect(industryOf.size).toBeGreaterThanOrEqual(30);
    expect(new Set(industryOf.values()).size).toBeGreaterThanOrEqual(12);
    expect(new Set(customers.flatMap((c) => c.interests)).size).toBeGreaterThanOrEqual(20);
    expect(new Set(customers.map((c) => c.firstName)).size).toBeGreaterThanOrEqual(80);
  });

  it('has about two thirds consenting, and realistic tier, gender and age mixes', () => {
    expect(share((c) => c.consent)).toBeGreaterThan(0.6);
    expect(share((c) => c.consent)).toBeLessThan(0.72);
    const tiers = { none: 0.5, bronze: 0.25, silver: 0.15, gold: 0.1 };
    for (const [tier, expected] of Object.entries(tiers))
      expect(share((c) => c.loyaltyTier === tier)).toBeCloseTo(expected, 1);
    const genders = { female: 0.49, male: 0.48, diverse: 0.01, unknown: 0.02 };
    for (const [gender, expected] of Object.entries(genders))
      expect(Math.abs(share((c) => c.gender === gender) - expected)).toBeLessThan(0.02);
    expect(share((c) => c.age === null)).toBeLessThan(0.03);
    expect(share((c) => c.age !== null && c.age < 30)).toBeGreaterThan(0.1);
    expect(share((c) => c.age !== null && c.age >= 65)).toBeGreaterThan(0.1);
  });

  it('ties spend and visits to the loyalty tier and spreads last purchases so lapsed segments are non-trivial', () => {
    const mean = (tier: string, pick: (c: Customer) => number) => {
      const group = customers.filter((c) => c.loyaltyTier === tier);
      return group.reduce((sum, c) => sum + pick(c), 0) / group.length;
    };
    expect(mean('gold', (c) => c.totalSpend)).toBeGreaterThan(
      2 * mean('none', (c) => c.totalSpend),
    );
    expect(mean('gold', (c) => c.visits)).toBeGreaterThan(mean('silver', (c) => c.visits));
    const lapsed = (days: number) =>
      share((c) => c.lastPurchaseAt !== null && daysBefore(c.lastPurchaseAt) > days);
    expect(lapsed(60)).toBeGreaterThan(0.2);
    expect(lapsed(60)).toBeLessThan(0.8);
    expect(lapsed(180)).toBeGreaterThan(0.05);
    expect(lapsed(90)).toBeGreaterThan(lapsed(180));
    expect(share((c) => c.lastPurchaseAt === null)).toBeGreaterThan(0.01);
  });

  it('places every customer inside the city and never in water', () => {
    const water = ws.basemap.filter((f) => f.kind === 'water').map((f) => f.geometry as Polygon);
    for (const c of customers.slice(0, 2000)) {
      expect(booleanPointInPolygon(c.location, ws.city.outline)).toBe(true);
      expect(water.some((w) => booleanPointInPolygon(c.location, w))).toBe(false);
    }
  });

  it('packs more customers per km² into Mitte than into an outer neighbourhood', () => {
    const perKm2 = (name: string) => {
      const b = ws.boundaries.find((x) => x.name === name)!;
      const inside = customers.filter((c) =>
        booleanPointInPolygon(c.location, b.geometry as Polygon),
      ).length;
      return inside / (areaOf(b.geometry as Polygon) / 1e6);
    };
    expect(perKm2('Mitte')).toBeGreaterThan(5 * perKm2('Frohnau'));
    expect(perKm2('Mitte')).toBeGreaterThan(2 * perKm2('Marzahn'));
  });

  it('puts more customers within 1 km of a store than around a spot far from stores with as many residents', () => {
    const city = loadCity();
    const residents = residentComponents(city);
    const within1Km = (p: [number, number]) =>
      customers.filter((c) => distance(c.location, p, { units: 'kilometers' }) <= 1).length;
    const candidates = grid(ws.city.bbox, 0.01).filter(
      (p) =>
        booleanPointInPolygon(p, ws.city.outline) &&
        ws.stores.every((s) => distance(s.location, p, { units: 'kilometers' }) > 2.5),
    );
    const densities = candidates.map((p) => densityAt(residents, ...p));
    let nearStores = 0;
    let nearSpots = 0;
    for (const s of ws.stores) {
      const target = densityAt(residents, ...s.location);
      let best = 0;
      densities.forEach((d, i) => {
        if (Math.abs(d - target) < Math.abs((densities[best] ?? 0) - target)) best = i;
      });
      const spot = candidates[best]!;
      nearStores += within1Km(s.location);
      nearSpots += within1Km(spot);
    }
    expect(nearStores).toBeGreaterThan(1.25 * nearSpots);
  });
});

function take<T>(items: Iterable<T>, count: number): T[] {
  const out: T[] = [];
  for (const item of items) {
    if (out.length >= count) break;
    out.push(item);
  }
  return out;
}

function daysBefore(day: string): number {
  return (Date.parse(`${options.today}T00:00:00Z`) - Date.parse(`${day}T00:00:00Z`)) / 86_400_000;
}

function boxesTouch(a: Parameters<typeof turfBbox>[0], b: Parameters<typeof turfBbox>[0]): boolean {
  const [a0, a1, a2, a3] = turfBbox(a);
  const [b0, b1, b2, b3] = turfBbox(b);
  return a0 <= b2 && b0 <= a2 && a1 <= b3 && b1 <= a3;
}

function grid(
  [minX, minY, maxX, maxY]: [number, number, number, number],
  step: number,
): [number, number][] {
  const points: [number, number][] = [];
  for (let y = minY; y <= maxY; y += step * 0.6)
    for (let x = minX; x <= maxX; x += step) points.push([x, y]);
  return points;
}
