// POST /api/events/sites against a real server with a fresh, seeded SQLite file: each candidate site's counts checked
// against an independent great-circle count over the customers and against the event reach endpoint, the best site,
// validation naming the field, and the scoping and small-group hiding of store managers and aggregate roles.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { distance } from '@turf/turf';
import { startTestServer, type SignedInFetch, type TestServer } from '../helpers/server.js';
import { expectProblem } from '../helpers/problem.js';
import { bestSite } from '../../server/services/events/reach.js';

interface Site {
  index: number;
  label: string | null;
  location: { type: 'Point'; coordinates: [number, number] };
  count: number | null;
  consented: number | null;
  breakdown: Record<string, { key: string; count: number | null }[]>;
  nearestStore: { id: string; name: string; distanceMeters: number } | null;
}
interface Sites {
  withinMeters: number;
  sites: Site[];
  best: number | null;
  minGroupSize?: number;
}
interface Customer {
  lng: number;
  lat: number;
  consent: number;
  store: string | null;
}

let server: TestServer;
let customers: Customer[];
beforeAll(async () => {
  server = await startTestServer({ customers: 1500 });
  const db = new Database(server.dbFile, { readonly: true });
  try {
    customers = db
      .prepare('SELECT lng, lat, consent, home_store_id AS store FROM customers')
      .all() as Customer[];
  } finally {
    db.close();
  }
});
afterAll(async () => {
  await server?.close();
});

const post = (fetcher: SignedInFetch, path: string, body: unknown) =>
  fetcher(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
const compare = async (body: unknown, fetcher: SignedInFetch = server.fetch) => {
  const response = await post(fetcher, '/api/events/sites', body);
  expect(response.status).toBe(200);
  return (await response.json()) as Sites;
};

/** Independently: great-circle distance over every customer. The 64-step circle is inscribed, so points in the last
 *  0.2% of the radius may fall either way. */
function within(
  center: [number, number],
  radius: number,
  keep: (c: Customer) => boolean = () => true,
) {
  const near = customers
    .filter(keep)
    .map((c) => ({ ...c, meters: distance(center, [c.lng, c.lat], { units: 'meters' }) }));
  const surely = near.filter((c) => c.meters <= radius * 0.998);
  const maybe = near.filter((c) => c.meters <= radius);
  return {
    surely: surely.length,
    maybe: maybe.length,
    surelyConsented: surely.filter((c) => c.consent === 1).length,
    maybeConsented: maybe.filter((c) => c.consent === 1).length,
  };
}

/** The best site recomputed from the answer: most consented, then most customers, then the lower index. */
function expectedBest(sites: Site[]): number | null {
  const shown = sites.filter((s) => s.count !== null);
  if (shown.length === 0) return null;
  return [...shown].sort(
    (a, b) => (b.consented ?? -1) - (a.consented ?? -1) || b.count! - a.count! || a.index - b.index,
  )[0]!.index;
}

const centre: [number, number] = [13.4132, 52.5389];
const west: [number, number] = [13.3928, 52.5138];
const edge: [number, number] = [13.2, 52.43];

describe('comparing candidate sites', () => {
  it('counts each site like an independent count and like the event reach, and names the best', async () => {
    const radius = 2000;
    const answer = await compare({
      sites: [
        { lng: edge[0], lat: edge[1], label: 'Edge of town' },
        { lng: centre[0], lat: centre[1] },
        { lng: west[0], lat: west[1], label: 'Market' },
      ],
      withinMeters: radius,
    });
    expect(answer.withinMeters).toBe(radius);
    expect(answer.minGroupSize).toBeUndefined();
    expect(answer.sites.map((s) => [s.index, s.label])).toEqual([
      [0, 'Edge of town'],
      [1, null],
      [2, 'Market'],
    ]);

    const stores = (
      (await (await server.fetch('/api/stores')).json()) as {
        features: {
          geometry: { coordinates: [number, number] };
          properties: { id: string; name: string };
        }[];
      }
    ).features;
    for (const [site, center] of answer.sites.map(
      (s, i) => [s, [edge, centre, west][i]!] as const,
    )) {
      expect(site.location).toEqual({ type: 'Point', coordinates: center });
      const expected = within(center, radius);
      expect(site.count).toBeGreaterThanOrEqual(expected.surely);
      expect(site.count).toBeLessThanOrEqual(expected.maybe);
      expect(site.consented).toBeGreaterThanOrEqual(expected.surelyConsented);
      expect(site.consented).toBeLessThanOrEqual(expected.maybeConsented);
      expect(site.breakdown.ageBands!.reduce((sum, b) => sum + (b.count ?? 0), 0)).toBe(site.count);

      // Exactly what the reach of an event at that place says.
      const event = (await (
        await post(server.fetch, '/api/events', {
          name: 'Candidate',
          category: 'promo',
          location: { type: 'Point', coordinates: center },
          startsAt: '2026-12-05T10:00:00Z',
          endsAt: '2026-12-05T18:00:00Z',
          timezone: 'Europe/Berlin',
        })
      ).json()) as { id: string };
      const reach = (await (
        await server.fetch(`/api/events/${event.id}/reach?withinMeters=${radius}`)
      ).json()) as {
        count: number;
        consented: number;
        breakdown: unknown;
        nearestStores: unknown[];
      };
      expect([site.count, site.consented, site.breakdown, site.nearestStore]).toEqual([
        reach.count,
        reach.consented,
        reach.breakdown,
        reach.nearestStores[0],
      ]);
      await server.fetch(`/api/events/${event.id}`, { method: 'DELETE' });

      const nearest = stores
        .map((s) => ({
          id: s.properties.id,
          name: s.properties.name,
          distanceMeters: Math.round(distance(center, s.geometry.coordinates, { units: 'meters' })),
        }))
        .sort((a, b) => a.distanceMeters - b.distanceMeters || a.id.localeCompare(b.id))[0];
      expect(site.nearestStore).toEqual(nearest);
    }
    expect(answer.sites[1]!.count).toBeGreaterThan(20);
    expect(answer.best).toBe(expectedBest(answer.sites));
    expect(answer.best).not.toBeNull();
  });

  it('applies the segment, defaults to 800 m and breaks ties by the lower index', async () => {
    const site = { lng: centre[0], lat: centre[1] };
    const all = await compare({ sites: [site, { lng: west[0], lat: west[1] }] });
    expect(all.withinMeters).toBe(800);
    const consentedOnly = await compare({
      sites: [site, { lng: west[0], lat: west[1] }],
      segment: { consentedOnly: true },
    });
    expect(consentedOnly.sites.map((s) => s.count)).toEqual(all.sites.map((s) => s.consented));

    // Duplicates are allowed and count the same; the tie goes to the first.
    const twice = await compare({ sites: [{ lng: west[0], lat: west[1] }, site, site] });
    expect(twice.sites[1]!.count).toBe(twice.sites[2]!.count);
    expect(twice.sites[1]!.count).toBe(all.sites[0]!.count);
    const expected =
      twice.sites[0]!.consented! > twice.sites[1]!.consented! ||
      (twice.sites[0]!.consented === twice.sites[1]!.consented &&
        twice.sites[0]!.count! >= twice.sites[1]!.count!)
        ? 0
        : 1;
    expect(twice.best).toBe(expected);
  });

  it('refuses bad input, naming the field', async () => {
    const ok = { lng: centre[0], lat: centre[1] };
    await expectProblem(
      await post(server.fetch, '/api/events/sites', { sites: [ok, { lng: 200, lat: 52.5 }] }),
      422,
      'body.sites.1.lng',
    );
    await expectProblem(
      await post(server.fetch, '/api/events/sites', { sites: [{ lng: 13.4, lat: -91 }, ok] }),
      422,
      'body.sites.0.lat',
    );
    await expectProblem(
      await post(server.fetch, '/api/events/sites', { sites: [ok] }),
      422,
      'body.sites',
    );
    await expectProblem(
      await post(server.fetch, '/api/events/sites', { sites: Array.from({ length: 6 }, () => ok) }),
      422,
      'body.sites',
    );
    await expectProblem(
      await post(server.fetch, '/api/events/sites', { sites: [ok, ok], withinMeters: 10 }),
      422,
      'body.withinMeters',
    );
    await expectProblem(
      await post(server.fetch, '/api/events/sites', { sites: [ok, ok], withinMeters: 9000 }),
      422,
      'body.withinMeters',
    );
    await expectProblem(
      await post(server.fetch, '/api/events/sites', {
        sites: [ok, ok],
        segment: { genders: ['robot'] },
      }),
      422,
      'body.segment.genders.0',
    );
    await expectProblem(
      await post(server.fetch, '/api/events/sites', { sites: [ok, { lng: '13.4', lat: 52.5 }] }),
      422,
      'body.sites.1.lng',
    );
  });

  it('scopes store managers and hides small groups from aggregate roles', async () => {
    const radius = 2000;
    const body = {
      sites: [
        { lng: centre[0], lat: centre[1] },
        { lng: west[0], lat: west[1] },
      ],
      withinMeters: radius,
    };
    const owner = await compare(body);

    const stores = (
      (await (await server.fetch('/api/stores')).json()) as {
        features: { properties: { id: string } }[];
      }
    ).features;
    const storeId = stores[0]!.properties.id;
    const manager = await compare(body, await server.as('store_manager', { storeIds: [storeId] }));
    for (const [site, center] of manager.sites.map((s, i) => [s, [centre, west][i]!] as const)) {
      const expected = within(center, radius, (c) => c.store === storeId);
      expect(site.count).toBeGreaterThanOrEqual(expected.surely);
      expect(site.count).toBeLessThanOrEqual(expected.maybe);
    }
    expect(manager.best).toBe(expectedBest(manager.sites));

    const viewer = await server.as('viewer');
    const aggregate = await compare(body, viewer);
    const k = aggregate.minGroupSize!;
    expect(k).toBeGreaterThan(0);
    expect(aggregate.sites.map((s) => s.count)).toEqual(
      owner.sites.map((s) => (s.count! < k ? null : s.count)),
    );
    expect(aggregate.sites.map((s) => s.consented)).toEqual(
      owner.sites.map((s) => (s.consented! < k ? null : s.consented)),
    );

    // 50 m around a point with nobody near: every count hidden, so no best.
    const tinyBody = {
      sites: [
        { lng: edge[0], lat: edge[1] },
        { lng: 13.25, lat: 52.45 },
      ],
      withinMeters: 50,
    };
    const tinyOwner = await compare(tinyBody);
    expect(tinyOwner.sites.every((s) => s.count! < k)).toBe(true);
    const tiny = await compare(tinyBody, viewer);
    expect(tiny.sites.map((s) => [s.count, s.consented])).toEqual([
      [null, null],
      [null, null],
    ]);
    for (const site of tiny.sites)
      expect(site.breakdown.ageBands!.every((b) => b.count === null || b.count >= k)).toBe(true);
    expect(tiny.best).toBeNull();
    expect(tinyOwner.best).toBe(expectedBest(tinyOwner.sites));
  });
});

describe('the best site', () => {
  it('has the most consented customers, then the most customers, then the lower index; hidden counts never win', () => {
    expect(
      bestSite([
        { count: 100, consented: 40 },
        { count: 90, consented: 50 },
      ]),
    ).toBe(1);
    expect(
      bestSite([
        { count: 100, consented: 50 },
        { count: 120, consented: 50 },
      ]),
    ).toBe(1);
    expect(
      bestSite([
        { count: 120, consented: 50 },
        { count: 120, consented: 50 },
        { count: 130, consented: 50 },
      ]),
    ).toBe(2);
    expect(
      bestSite([
        { count: 120, consented: 50 },
        { count: 120, consented: 50 },
      ]),
    ).toBe(0);
    // A hidden consented count is below the threshold, so below every shown one.
    expect(
      bestSite([
        { count: 200, consented: null },
        { count: 40, consented: 12 },
      ]),
    ).toBe(1);
    expect(
      bestSite([
        { count: null, consented: null },
        { count: 30, consented: null },
        { count: 40, consented: null },
      ]),
    ).toBe(2);
    expect(
      bestSite([
        { count: null, consented: null },
        { count: null, consented: null },
      ]),
    ).toBeNull();
  });
});
