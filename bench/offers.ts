// Live-offers benchmark at 10,000 areas and 2,500 campaigns (issue 6): the in-process lookup (R-tree + exact test +
// evaluator) against a naive Turf scan over every area, which must give the same offers; then GET /api/offers/live
// on the real server with an API token, loaded by wrk (or a worker thread without it), next to a bare Hono route as the ceiling.
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { booleanPointInPolygon } from '@turf/turf';
import { Hono } from 'hono';
import { closeDatabase, openDatabase, type Db } from '../server/db/connection.js';
import { migrate } from '../server/db/migrate.js';
import { insertArea, listAreas } from '../server/db/repos/areas.js';
import {
  insertCampaign,
  listCampaigns,
  type CampaignRecord,
  type CampaignValues,
} from '../server/db/repos/campaigns.js';
import { insertEvent, listEvents } from '../server/db/repos/events.js';
import { findUserByEmail } from '../server/db/repos/users.js';
import { writeStoredScenario } from '../server/db/repos/weather-scenario.js';
import { evaluateCampaign, type EventForTrigger } from '../server/domain/campaigns/index.js';
import { circlePolygon } from '../server/domain/geometry/circle.js';
import type { Trigger } from '../server/domain/schemas/campaign.js';
import type { AreaGeometry } from '../server/domain/schemas/geojson.js';
import type { WeatherScenario } from '../server/domain/schemas/weather-scenario.js';
import { areaWeatherPoint } from '../server/domain/weather.js';
import { scenarioWeather } from '../server/domain/weather-scenario.js';
import { parseConfig } from '../server/env.js';
import { startServer } from '../server/server.js';
import { userPrincipal } from '../server/services/accounts/auth.js';
import { buildAreaLookup } from '../server/services/areas/lookup.js';
import { createOfferEngine } from '../server/services/campaigns/offer-engine.js';
import { createToken } from '../server/services/accounts/tokens.js';
import { startTsWorker } from '../server/services/ts-worker.js';
import type { LoadOptions, LoadResult } from './offers-load.js';
import type { BenchResult } from './run.js';
import { wrkInstalled, wrkLoad } from './wrk.js';

const AREAS = Number(process.env.BENCH_AREAS ?? 10_000);
const CAMPAIGNS = Math.floor(AREAS / 4);
const LOOKUPS = 20_000;
const NAIVE_LOOKUPS = Number(process.env.BENCH_NAIVE_LOOKUPS ?? 300);
const HTTP_SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 5);
const IN_FLIGHT = 64;
/**
 * A metro region of about 110 × 110 km (Berlin and its commuter belt): 10,000 local target areas of 200–1,500 m
 * overlap a few deep, as they would for thousands of stores. Over the city alone (45 × 38 km) with radii up to
 * 2.5 km a point would lie in ~40 areas — set BENCH_DENSE=1 for that worst case.
 */
const DENSE = process.env.BENCH_DENSE === '1';
const BBOX: [number, number, number, number] = DENSE
  ? [13.08, 52.34, 13.76, 52.68]
  : [12.6, 52.0, 14.2, 53.0];
const MAX_RADIUS_M = DENSE ? 2500 : 1500;
/** Tuesday 24 November 2026, 08:00 in Berlin: inside the Mon–Fri 07:00–11:00 schedules. */
export const AT = new Date('2026-11-24T07:00:00Z');
const OWNER = { email: 'bench-owner@example.com', password: 'bench-owner-password-1' };
/** Rain over the centre and east of the city around the instant; mild and dry elsewhere. */
export const SCENARIO: WeatherScenario = {
  default: { temperatureC: 8, precipitationMmH: 0, snowfallCmH: 0, windKmh: 12, cloudCoverPct: 60 },
  cells: [
    {
      bbox: [13.35, 52.45, 13.6, 52.6],
      from: '2026-11-24T04:00:00Z',
      to: '2026-11-24T12:00:00Z',
      set: { precipitationMmH: 2.5 },
    },
  ],
};

function log(line: string) {
  process.stderr.write(`  ${line}\n`);
}

/** A small deterministic PRNG (mulberry32), so every run builds the same city. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] as number;
const randomPoints = (random: () => number, n: number): [number, number][] =>
  Array.from({ length: n }, () => [
    BBOX[0] + random() * (BBOX[2] - BBOX[0]),
    BBOX[1] + random() * (BBOX[3] - BBOX[1]),
  ]);

function triggersFor(i: number): Trigger[] {
  const slot = i % 10; // 4 weather, 3 schedule, 2 none, 1 event
  if (slot < 4) return [{ type: 'weather', condition: 'rain', threshold: 1 }];
  if (slot < 7)
    return [{ type: 'schedule', daysOfWeek: [1, 2, 3, 4, 5], from: '07:00', to: '11:00' }];
  if (slot < 9) return [];
  return [
    {
      type: 'event',
      category: 'Concert',
      withinMeters: 1500,
      beforeMinutes: 120,
      afterMinutes: 60,
    },
  ];
}

export function seed(db: Db): void {
  const random = prng(6);
  const now = new Date('2026-11-01T09:00:00Z');
  const started = performance.now();
  db.transaction(() => {
    // The stored scenario is also a workspace row, so the server does not seed the demo city over the bench data.
    writeStoredScenario(db, { scenario: SCENARIO, updatedAt: now.toISOString() });
    const ids: string[] = [];
    for (let i = 0; i < AREAS; i++) {
      const center: [number, number] = [
        BBOX[0] + random() * (BBOX[2] - BBOX[0]),
        BBOX[1] + random() * (BBOX[3] - BBOX[1]),
      ];
      const radiusMeters = Math.round(200 + random() * (MAX_RADIUS_M - 200));
      const id = `ar-bench-${i}`;
      insertArea(
        db,
        id,
        {
          name: `Area ${i}`,
          kind: 'radius',
          color: '#2563eb',
          params: { center, radiusMeters },
          geometry: circlePolygon({ center, radiusMeters, steps: 64 }) as AreaGeometry,
          areaKm2: (Math.PI * radiusMeters * radiusMeters) / 1e6,
          perimeterKm: (2 * Math.PI * radiusMeters) / 1000,
        },
        now,
      );
      ids.push(id);
    }
    // Every area in play: campaign i targets four areas drawn without replacement from a shuffled list.
    for (let k = ids.length - 1; k > 0; k--) {
      const j = Math.floor(random() * (k + 1));
      [ids[k], ids[j]] = [ids[j]!, ids[k]!];
    }
    for (let i = 0; i < CAMPAIGNS; i++) {
      const values: CampaignValues = {
        name: `Campaign ${String(i).padStart(4, '0')}`,
        areaIds: ids.slice(i * 4, i * 4 + 4),
        segment: {},
        offer: {
          headline: `Offer ${i}`,
          body: 'Show this at the till',
          code: `BENCH${i}`,
          discountPercent: 5 + (i % 20),
        },
        channel: 'in_store',
        startsAt: '2026-11-01T00:00:00Z',
        endsAt: '2027-02-28T23:59:59Z',
        timezone: 'Europe/Berlin',
        status: 'active',
        triggers: triggersFor(i),
        triggerMode: 'any',
        frequencyCap: null,
        holdoutPercent: 0,
        owner: null,
      };
      insertCampaign(db, `cp-bench-${i}`, values, now);
    }
    for (let i = 0; i < 12; i++) {
      const location: [number, number] = [
        BBOX[0] + random() * (BBOX[2] - BBOX[0]),
        BBOX[1] + random() * (BBOX[3] - BBOX[1]),
      ];
      insertEvent(
        db,
        `ev-bench-${i}`,
        {
          name: `Event ${i}`,
          category: i % 2 === 0 ? 'concert' : 'market',
          location,
          startsAt: `2026-11-24T0${6 + (i % 3)}:00:00Z`,
          endsAt: '2026-11-24T12:00:00Z',
          timezone: 'Europe/Berlin',
          allDay: false,
          expectedAttendance: 500,
          source: 'manual',
          icsUid: null,
          icsRecurrenceId: '',
          status: 'confirmed',
          budget: null,
          notes: '',
          locationText: '',
        },
        now,
      );
    }
  })();
  log(
    `seeded ${AREAS.toLocaleString('en')} areas (radius 200–${MAX_RADIUS_M} m, 64 steps, ${DENSE ? 'dense: the city alone' : 'a 110 × 110 km metro region'}), ${CAMPAIGNS.toLocaleString('en')} campaigns × 4 areas, 12 events in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

/** The baseline: every area tested with Turf, every campaign of a hit evaluated, one offer per campaign by name. */
function naiveLookup(db: Db) {
  const campaigns = listCampaigns(db, { statuses: ['scheduled', 'active'] });
  const byArea = new Map<string, CampaignRecord[]>();
  for (const c of campaigns)
    for (const id of c.areaIds) byArea.set(id, [...(byArea.get(id) ?? []), c]);
  const areas = listAreas(db).map((a) => ({ ...a, weatherPoint: areaWeatherPoint(a.geometry) }));
  const events: EventForTrigger[] = listEvents(db).map((e) => ({
    id: e.id,
    name: e.name,
    category: e.category,
    location: e.location,
    startsAt: e.startsAt,
    endsAt: e.endsAt,
  }));
  const weatherAt = scenarioWeather(SCENARIO);
  return (lng: number, lat: number, at: Date) => {
    const offers: { campaignId: string; campaignName: string; areaId: string; code: string }[] = [];
    for (const area of areas) {
      if (!booleanPointInPolygon([lng, lat], area.geometry)) continue;
      for (const campaign of byArea.get(area.id) ?? []) {
        if (evaluateCampaign({ campaign, area, weatherAt, events, at }).live)
          offers.push({
            campaignId: campaign.id,
            campaignName: campaign.name,
            areaId: area.id,
            code: campaign.offer.code,
          });
      }
    }
    const seen = new Set<string>();
    return offers
      .filter((o) => !seen.has(o.campaignId) && seen.add(o.campaignId))
      .sort(
        (a, b) =>
          a.campaignName.localeCompare(b.campaignName) || a.campaignId.localeCompare(b.campaignId),
      );
  };
}

function timeEach<T>(
  points: [number, number][],
  f: (lng: number, lat: number) => T,
): { times: number[]; results: T[] } {
  const times: number[] = [];
  const results: T[] = [];
  for (const [lng, lat] of points) {
    const started = performance.now();
    results.push(f(lng, lat));
    times.push(performance.now() - started);
  }
  return { times: times.sort((a, b) => a - b), results };
}

/** BENCH_LOAD=node forces the worker-thread generator; by default wrk is used when it is installed. */
const useWrk = process.env.BENCH_LOAD !== 'node' && wrkInstalled();

async function load(options: LoadOptions): Promise<LoadResult> {
  if (useWrk) return wrkLoad(options);
  const worker = startTsWorker(
    new URL('./offers-load.ts', import.meta.url),
    options as unknown as Record<string, unknown>,
  );
  const [result] = (await once(worker, 'message')) as [LoadResult];
  await worker.terminate();
  return result;
}

export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'catchment-bench-offers-'));
  const file = join(dir, 'offers.db');
  try {
    const db = openDatabase(file);
    try {
      migrate(db);
      seed(db);

      // In process: the engine as the route uses it.
      const engine = createOfferEngine(db);
      const weatherAt = scenarioWeather(SCENARIO);
      const random = prng(42);
      const built = performance.now();
      engine.offersAt(13.4, 52.52, AT, weatherAt);
      const buildMs = performance.now() - built;
      // A campaign saved: the next lookup rebuilds the model, keeping the parsed areas (none of them changed).
      db.prepare("UPDATE campaigns SET name = name || ' ' WHERE id = 'cp-bench-0'").run();
      const rebuilt = performance.now();
      engine.offersAt(13.4, 52.52, AT, weatherAt);
      const rebuildMs = performance.now() - rebuilt;
      db.prepare("UPDATE campaigns SET name = rtrim(name) WHERE id = 'cp-bench-0'").run();
      engine.offersAt(13.4, 52.52, AT, weatherAt);
      log(
        `engine model built in ${buildMs.toFixed(0)} ms; rebuilt after a campaign edit in ${rebuildMs.toFixed(0)} ms`,
      );
      results.push({
        name: 'offers: engine model first build (blocks the lookup that triggers it)',
        value: buildMs,
        unit: 'ms',
      });
      results.push({
        name: 'offers: engine model rebuild after a campaign edit',
        value: rebuildMs,
        unit: 'ms',
      });
      for (const [lng, lat] of randomPoints(random, 2000)) engine.offersAt(lng, lat, AT, weatherAt);
      const ours = timeEach(randomPoints(random, LOOKUPS), (lng, lat) =>
        engine.offersAt(lng, lat, AT, weatherAt),
      );
      const offerCounts = ours.results.map((o) => o.length).sort((a, b) => a - b);
      log(
        `in-process: ${LOOKUPS.toLocaleString('en')} lookups, offers per point median ${quantile(offerCounts, 0.5)}, p99 ${quantile(offerCounts, 0.99)}, max ${offerCounts.at(-1)}; ${ours.results.filter((o) => o.length === 0).length} points with none`,
      );
      const median = quantile(ours.times, 0.5);
      results.push({
        name: `offers: in-process lookup median (${AREAS.toLocaleString('en')} areas, ${CAMPAIGNS.toLocaleString('en')} campaigns)`,
        value: median,
        unit: 'ms',
        target: '≤ 0.05 ms',
      });
      results.push({
        name: 'offers: in-process lookup p99',
        value: quantile(ours.times, 0.99),
        unit: 'ms',
      });
      // The mean, not the median, bounds throughput: 1 / mean is what one fully busy CPU could answer per second.
      results.push({
        name: 'offers: in-process lookup mean',
        value: ours.times.reduce((a, b) => a + b, 0) / ours.times.length,
        unit: 'ms',
      });

      // The spatial part alone (R-tree + exact test), to tell it apart from evaluating the campaigns and building offers.
      const lookup = buildAreaLookup(listAreas(db));
      const spatial = timeEach(
        randomPoints(random, LOOKUPS),
        (lng, lat) => lookup.areasAt(lng, lat).length,
      );
      log(
        `areas containing a point: median ${quantile(
          [...spatial.results].sort((a, b) => a - b),
          0.5,
        )}`,
      );
      results.push({
        name: 'offers: of which areas at the point (R-tree + exact test) median',
        value: quantile(spatial.times, 0.5),
        unit: 'ms',
      });

      // Baseline: a naive scan with Turf over every area; it must find the same offers.
      const naive = naiveLookup(db);
      const samplePoints = randomPoints(random, NAIVE_LOOKUPS);
      const baseline = timeEach(samplePoints, (lng, lat) => naive(lng, lat, AT));
      let withOffers = 0;
      samplePoints.forEach(([lng, lat], i) => {
        const expected = baseline.results[i]!.map((o) => `${o.code}@${o.areaId}`).join(',');
        const actual = engine
          .offersAt(lng, lat, AT, weatherAt)
          .map((o) => `${o.code}@${o.areaId}`)
          .join(',');
        if (expected !== actual)
          throw new Error(
            `offers differ at [${lng}, ${lat}]: engine ${actual || '(none)'}, naive Turf scan ${expected || '(none)'}`,
          );
        if (expected) withOffers++;
      });
      log(
        `same offers (codes and areas, in order) from the engine and the naive Turf scan at all ${NAIVE_LOOKUPS} sample points (${withOffers} with offers)`,
      );
      const naiveMedian = quantile(baseline.times, 0.5);
      results.push({
        name: `offers: naive Turf scan median (${NAIVE_LOOKUPS} lookups)`,
        value: naiveMedian,
        unit: 'ms',
      });
      results.push({ name: 'offers: speed-up vs naive', value: naiveMedian / median, unit: '×' });
    } finally {
      closeDatabase(db);
    }

    // Over HTTP: the real app with an API token, and a bare Hono route hammered the same way, in the same run.
    const parsed = parseConfig({
      PORT: '0',
      CATCHMENT_DB: file,
      CATCHMENT_WEATHER: 'scenario',
      CATCHMENT_LOG: 'error',
      CATCHMENT_EVALUATE_MINUTES: '0',
      CATCHMENT_ADMIN_EMAIL: OWNER.email,
      CATCHMENT_ADMIN_PASSWORD: OWNER.password,
      CATCHMENT_DEMO_CUSTOMERS: '0',
    });
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    const server = await startServer(parsed.config, { announce: () => {} });
    const bare = serve({
      fetch: new Hono().get('/bare', (c) => c.json({ offers: [] })).fetch,
      port: 0,
      hostname: '127.0.0.1',
    });
    await once(bare, 'listening');
    try {
      const owner = findUserByEmail(server.deps.db, OWNER.email)!;
      const { secret } = createToken(
        server.deps.db,
        { name: 'bench', scopes: ['offers:read'] },
        userPrincipal(owner),
        new Date(),
      );
      const common = {
        bbox: BBOX,
        inFlight: IN_FLIGHT,
        warmupMs: 1000,
        measureMs: HTTP_SECONDS * 1000,
      };
      const probe = await fetch(
        `${server.url}/api/offers/live?lat=52.52&lng=13.45&at=${AT.toISOString()}`,
        { headers: { Authorization: `Bearer ${secret}` } },
      );
      if (probe.status !== 200)
        throw new Error(`GET /api/offers/live answered ${probe.status}: ${await probe.text()}`);
      log(
        `probe at [13.45, 52.52]: ${((await probe.json()) as { offers: unknown[] }).offers.length} offers`,
      );

      const cpus = availableParallelism();
      const client = useWrk
        ? 'wrk (one thread)'
        : 'a worker thread (install wrk for a lighter client)';
      log(
        `HTTP: ${IN_FLIGHT} requests in flight over keep-alive from ${client}, 1 s warm-up then ${HTTP_SECONDS} s; ${cpus} CPUs shared by the client and the server, which is one process (one event loop)`,
      );
      const liveUrl = `${server.url}/api/offers/live?at=${encodeURIComponent(AT.toISOString())}`;
      const api = await load({
        ...common,
        url: liveUrl,
        headers: { Authorization: `Bearer ${secret}` },
      });
      // The same route at points far from every area: the path's own cost (token, validation, headers, an empty answer).
      const empty = await load({
        ...common,
        bbox: [10, 50, 10.1, 50.1],
        url: liveUrl,
        headers: { Authorization: `Bearer ${secret}` },
      });
      const barePort = (bare.address() as AddressInfo).port;
      const ceiling = await load({
        ...common,
        url: `http://127.0.0.1:${barePort}/bare`,
        headers: {},
      });
      for (const [label, r] of [
        ['GET /api/offers/live', api],
        ['GET /api/offers/live, no areas near', empty],
        ['bare Hono route', ceiling],
      ] as const) {
        log(
          `${label}: ${r.ok.toLocaleString('en')} answers 200 in ${r.seconds.toFixed(2)} s, statuses ${JSON.stringify(r.statuses)}`,
        );
        if (r.failed > 0 || r.ok === 0)
          throw new Error(`${label}: ${r.failed} requests failed, first: ${r.firstFailure}`);
      }
      const apiRate = api.ok / api.seconds;
      const bareRate = ceiling.ok / ceiling.seconds;
      results.push({
        name: `offers: HTTP lookups/s (API token, ${IN_FLIGHT} in flight from ${useWrk ? 'wrk' : 'a worker thread'}, on the same ${cpus} CPUs)`,
        value: apiRate,
        unit: '/s',
        target: '≥ 20000 /s',
      });
      results.push({
        name: 'offers: HTTP lookups/s at points with no area (the path without the lookup)',
        value: empty.ok / empty.seconds,
        unit: '/s',
      });
      results.push({
        name: 'offers: bare Hono route lookups/s (ceiling, same run)',
        value: bareRate,
        unit: '/s',
      });
      results.push({ name: 'offers: HTTP / bare', value: (100 * apiRate) / bareRate, unit: '%' });
      // One Node process answers on one event loop: its CPU per request, not the machine's CPU count, sets its ceiling.
      if (useWrk) {
        for (const [label, r] of [
          ['GET /api/offers/live', api],
          ['the same, no areas near', empty],
          ['bare Hono route', ceiling],
        ] as const) {
          results.push({
            name: `offers: server CPU per request, ${label}`,
            value: (r.serverCpuSeconds! * 1e6) / r.ok,
            unit: 'µs',
          });
        }
      }
    } finally {
      bare.close();
      await server.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}
