// Triggered offers against a real server: a simulated rain scenario makes a rainy-day campaign live in its area; the
// evaluation records activation intervals (idempotently, only forward in time) with webhook deliveries for each edge;
// the live-offers lookup answers inside, outside and on the edge of the area, with reasons, also for an API token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { startTestServer, type SignedInFetch, type TestServer } from '../helpers/server.js';
import { expectProblem } from '../helpers/problem.js';

interface Offer {
  campaignId: string;
  campaignName: string;
  areaId: string;
  headline: string;
  code: string;
  reasons: {
    type: string;
    holds: boolean;
    observed?: number;
    threshold?: number;
    freshness?: string;
    code: string;
  }[];
}
interface Run {
  at: string;
  live: { campaignId: string; areaId: string }[];
  opened: number;
  closed: number;
  notRecorded: string[];
}
interface Activation {
  id: number;
  areaId: string;
  startedAt: string;
  endedAt: string | null;
  reasons: { type: string; observed?: number }[];
}

let server: TestServer;
let rainyArea: { id: string; ring: [number, number][] };
let dryAreaId: string;
let campaignId: string;

const send = (fetcher: SignedInFetch, path: string, method: string, body?: unknown) =>
  fetcher(path, {
    method,
    headers: { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
const evaluate = async (at: string) => {
  const response = await server.fetch(`/api/triggers/evaluate?at=${encodeURIComponent(at)}`, {
    method: 'POST',
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Run;
};
const liveAt = async (
  fetcher: SignedInFetch | ((path: string) => Promise<Response>),
  [lng, lat]: [number, number],
  at: string,
) => {
  const response = await fetcher(
    `/api/offers/live?lat=${lat}&lng=${lng}&at=${encodeURIComponent(at)}`,
  );
  expect(response.status).toBe(200);
  return ((await response.json()) as { offers: Offer[] }).offers;
};
const activationsOf = async (id: string) =>
  (
    (await (await server.fetch(`/api/campaigns/${id}/activations`)).json()) as {
      activations: Activation[];
    }
  ).activations;
const outbox = () => {
  const db = new Database(server.dbFile, { readonly: true });
  try {
    return db
      .prepare('SELECT idempotency_key AS key, kind, payload FROM webhook_outbox ORDER BY id')
      .all() as { key: string; kind: string; payload: string }[];
  } finally {
    db.close();
  }
};

// Rain from 06:00 to 10:00 UTC on 24 November over the east of the city; dry everywhere else.
const RAIN = {
  bbox: [13.38, 52.5, 13.45, 52.54],
  from: '2026-11-24T06:00:00Z',
  to: '2026-11-24T10:00:00Z',
  set: { precipitationMmH: 2.5 },
};

beforeAll(async () => {
  server = await startTestServer({ customers: 300 });
  const make = async (name: string, center: [number, number]) => {
    const response = await send(server.fetch, '/api/areas', 'POST', {
      name,
      kind: 'radius',
      params: { center, radiusMeters: 600 },
    });
    expect(response.status).toBe(201);
    const feature = (await response.json()) as {
      properties: { id: string };
      geometry: { coordinates: [number, number][][] };
    };
    return { id: feature.properties.id, ring: feature.geometry.coordinates[0]! };
  };
  rainyArea = await make('Café corner', [13.41, 52.52]);
  dryAreaId = (await make('West end', [13.25, 52.5])).id;
  expect(
    (
      await send(server.fetch, '/api/weather/scenario', 'PUT', {
        default: {
          temperatureC: 8,
          precipitationMmH: 0,
          snowfallCmH: 0,
          windKmh: 10,
          cloudCoverPct: 60,
        },
        cells: [RAIN],
      })
    ).status,
  ).toBe(200);
  const created = await send(server.fetch, '/api/campaigns', 'POST', {
    name: 'Rainy-day latte',
    areaIds: [rainyArea.id, dryAreaId],
    offer: { headline: '20% off when it rains', code: 'RAIN20', discountPercent: 20 },
    channel: 'in_store',
    startsAt: '2026-11-01T00:00:00Z',
    endsAt: '2027-02-28T23:59:59Z',
    timezone: 'Europe/Berlin',
    status: 'active',
    triggerMode: 'all',
    triggers: [{ type: 'weather', condition: 'rain', threshold: 1 }],
  });
  expect(created.status).toBe(201);
  campaignId = ((await created.json()) as { id: string }).id;
});
afterAll(async () => {
  await server?.close();
});

describe('triggered offers', () => {
  it('rain opens an activation in the rainy area only, with the observed value as the reason; the same instant again changes nothing', async () => {
    const run = await evaluate('2026-11-24T07:30:00Z');
    expect(run.live).toEqual([expect.objectContaining({ campaignId, areaId: rainyArea.id })]);
    expect(run.opened).toBe(1);
    const [activation] = await activationsOf(campaignId);
    expect(activation).toMatchObject({
      areaId: rainyArea.id,
      startedAt: '2026-11-24T07:30:00Z',
      endedAt: null,
    });
    expect(activation!.reasons.find((r) => r.type === 'weather')).toMatchObject({ observed: 2.5 });

    const again = await evaluate('2026-11-24T07:30:00Z');
    expect(again).toMatchObject({ opened: 0, closed: 0 });
    expect(await activationsOf(campaignId)).toHaveLength(1);
    const live = (
      (await (await server.fetch('/api/campaigns/live')).json()) as {
        live: { campaignId: string; areaId: string }[];
      }
    ).live;
    expect(live).toEqual([{ campaignId, areaId: rainyArea.id, since: '2026-11-24T07:30:00Z' }]);
  });

  it('the interval closes when the rain stops; an earlier instant is answered but not recorded', async () => {
    const dry = await evaluate('2026-11-24T10:15:00Z');
    expect(dry).toMatchObject({ opened: 0, closed: 1, live: [] });
    const [activation] = await activationsOf(campaignId);
    expect(activation).toMatchObject({
      startedAt: '2026-11-24T07:30:00Z',
      endedAt: '2026-11-24T10:15:00Z',
    });

    const past = await evaluate('2026-11-24T08:00:00Z');
    expect(past.live.map((l) => l.areaId)).toEqual([rainyArea.id]);
    expect(past).toMatchObject({ opened: 0, closed: 0, notRecorded: [campaignId] });
    expect(await activationsOf(campaignId)).toHaveLength(1);
  });

  it('each edge is queued once as a webhook delivery with its idempotency key', async () => {
    const rows = outbox().filter((r) => r.kind.startsWith('activation.'));
    const [activation] = await activationsOf(campaignId);
    expect(rows.map((r) => r.key)).toEqual([
      `activation-${activation!.id}-started`,
      `activation-${activation!.id}-ended`,
    ]);
    const started = JSON.parse(rows[0]!.payload) as {
      campaign: { id: string };
      area: { id: string };
      offer: { code: string };
      reasons: unknown[];
    };
    // What a sender needs to act on it: channel, segment and (none for in-store) the frequency cap.
    expect(started).toMatchObject({
      campaign: {
        id: campaignId,
        name: 'Rainy-day latte',
        channel: 'in_store',
        segment: {},
        frequencyCap: null,
      },
      area: { id: rainyArea.id },
      offer: { code: 'RAIN20' },
    });
    expect(started.reasons.length).toBeGreaterThan(0);
  });

  it('the live lookup: inside while it rains, with reasons; not outside, not in the dry area, not when dry; on the edge counts as inside', async () => {
    const inside: [number, number] = [13.41, 52.52];
    const [offer, ...more] = await liveAt(server.fetch, inside, '2026-11-24T07:00:00Z');
    expect(more).toEqual([]);
    expect(offer).toMatchObject({
      campaignId,
      areaId: rainyArea.id,
      headline: '20% off when it rains',
      code: 'RAIN20',
    });
    expect(offer!.reasons.find((r) => r.type === 'weather')).toMatchObject({
      holds: true,
      observed: 2.5,
      threshold: 1,
      freshness: 'simulated',
    });

    expect(await liveAt(server.fetch, [13.45, 52.52], '2026-11-24T07:00:00Z')).toEqual([]);
    expect(await liveAt(server.fetch, [13.25, 52.5], '2026-11-24T07:00:00Z')).toEqual([]);
    expect(await liveAt(server.fetch, inside, '2026-11-24T11:00:00Z')).toEqual([]);
    const vertex = rainyArea.ring[5]!;
    expect(
      (await liveAt(server.fetch, vertex, '2026-11-24T07:00:00Z')).map((o) => o.campaignId),
    ).toEqual([campaignId]);
  });

  it('follows an area moved and a campaign renamed after the lookup ran, keeping the areas that did not change', async () => {
    const at = '2026-11-24T07:00:00Z';
    const inside: [number, number] = [13.41, 52.52];
    const farther: [number, number] = [13.435, 52.52];
    expect((await liveAt(server.fetch, inside, at)).map((o) => o.areaId)).toEqual([rainyArea.id]);
    expect(await liveAt(server.fetch, farther, at)).toEqual([]);
    const move = async (center: [number, number]) => {
      const current = (await (await server.fetch(`/api/areas/${rainyArea.id}`)).json()) as {
        properties: { version: number };
      };
      const moved = await send(server.fetch, `/api/areas/${rainyArea.id}`, 'PATCH', {
        params: { center, radiusMeters: 600 },
        version: current.properties.version,
      });
      expect(moved.status).toBe(200);
    };
    try {
      // 1.7 km east, still under the rain: the offer goes with the area.
      await move([13.435, 52.52]);
      expect(await liveAt(server.fetch, inside, at)).toEqual([]);
      expect((await liveAt(server.fetch, farther, at)).map((o) => o.areaId)).toEqual([
        rainyArea.id,
      ]);
      // A campaign-only change rebuilds the model around the areas already parsed; the moved one stays where it went.
      const campaign = (await (await server.fetch(`/api/campaigns/${campaignId}`)).json()) as {
        version: number;
      };
      expect(
        (
          await send(server.fetch, `/api/campaigns/${campaignId}`, 'PATCH', {
            name: 'Rainy-day latte (east)',
            version: campaign.version,
          })
        ).status,
      ).toBe(200);
      expect(
        (await liveAt(server.fetch, farther, at)).map((o) => ({
          areaId: o.areaId,
          name: o.campaignName,
        })),
      ).toEqual([{ areaId: rainyArea.id, name: 'Rainy-day latte (east)' }]);
      expect(await liveAt(server.fetch, [13.25, 52.5], at)).toEqual([]);
    } finally {
      await move([13.41, 52.52]);
      const campaign = (await (await server.fetch(`/api/campaigns/${campaignId}`)).json()) as {
        version: number;
      };
      expect(
        (
          await send(server.fetch, `/api/campaigns/${campaignId}`, 'PATCH', {
            name: 'Rainy-day latte',
            version: campaign.version,
          })
        ).status,
      ).toBe(200);
    }
  });

  it('tills call it with an API token that may read offers; a token without that scope is refused', async () => {
    const tokenFor = async (scopes: string[]) => {
      const response = await send(server.fetch, '/api/tokens', 'POST', {
        name: `till ${scopes.join(' ')}`,
        scopes,
      });
      expect(response.status).toBe(201);
      return ((await response.json()) as { secret: string }).secret;
    };
    const till = await tokenFor(['offers:read']);
    const withToken = (token: string) => (path: string) =>
      fetch(server.url + path, { headers: { Authorization: `Bearer ${token}` } });
    expect(
      (await liveAt(withToken(till), [13.41, 52.52], '2026-11-24T07:00:00Z')).map((o) => o.code),
    ).toEqual(['RAIN20']);
    const other = await tokenFor(['areas:read']);
    expect((await withToken(other)('/api/offers/live?lat=52.52&lng=13.41')).status).toBe(403);
  });

  it('bad points and instants get problem+json naming the field', async () => {
    await expectProblem(await server.fetch('/api/offers/live?lat=91&lng=13.4'), 400, 'query.lat');
    await expectProblem(await server.fetch('/api/offers/live?lat=52.5'), 400, 'query.lng');
    await expectProblem(
      await server.fetch('/api/offers/live?lat=52.5&lng=13.4&at=tomorrow'),
      400,
      'query.at',
    );
    await expectProblem(
      await server.fetch('/api/triggers/evaluate?at=yesterday', { method: 'POST' }),
      400,
      'query.at',
    );
  });

  it('an event trigger holds around the event during its window; pausing closes the open interval at the next evaluation', async () => {
    const event = (await (
      await send(server.fetch, '/api/events', 'POST', {
        name: 'Street festival',
        category: 'festival',
        location: { type: 'Point', coordinates: [13.412, 52.521] },
        startsAt: '2026-11-28T14:00:00Z',
        endsAt: '2026-11-28T22:00:00Z',
        timezone: 'Europe/Berlin',
      })
    ).json()) as { id: string };
    const created = await send(server.fetch, '/api/campaigns', 'POST', {
      name: 'Festival cookie',
      areaIds: [rainyArea.id],
      offer: { headline: 'Free cookie for loyalty members', code: 'FEST' },
      channel: 'in_store',
      startsAt: '2026-11-01T00:00:00Z',
      endsAt: '2026-12-31T00:00:00Z',
      timezone: 'Europe/Berlin',
      status: 'active',
      triggers: [
        {
          type: 'event',
          eventId: event.id,
          withinMeters: 500,
          beforeMinutes: 60,
          afterMinutes: 60,
        },
      ],
    });
    const festival = (await created.json()) as { id: string; version: number };
    const codesAt = async (at: string) =>
      (await liveAt(server.fetch, [13.41, 52.52], at)).map((o) => o.code);
    expect(await codesAt('2026-11-28T12:59:00Z')).toEqual([]);
    expect(await codesAt('2026-11-28T13:00:00Z')).toEqual(['FEST']);
    expect(await codesAt('2026-11-28T22:59:00Z')).toEqual(['FEST']);
    expect(await codesAt('2026-11-28T23:00:00Z')).toEqual([]);

    const run = await evaluate('2026-11-28T15:00:00Z');
    expect(run.live.map((l) => l.campaignId)).toContain(festival.id);
    expect(
      (
        await send(server.fetch, `/api/campaigns/${festival.id}`, 'PATCH', {
          version: festival.version,
          status: 'paused',
        })
      ).status,
    ).toBe(200);
    const after = await evaluate('2026-11-28T15:05:00Z');
    expect(after.closed).toBeGreaterThanOrEqual(1);
    const [interval] = await activationsOf(festival.id);
    expect(interval).toMatchObject({
      startedAt: '2026-11-28T15:00:00Z',
      endedAt: '2026-11-28T15:05:00Z',
    });
    expect(await codesAt('2026-11-28T16:00:00Z')).toEqual([]);
    // A campaign that ran cannot be deleted; ending it keeps the record.
    await expectProblem(
      await server.fetch(`/api/campaigns/${festival.id}`, { method: 'DELETE' }),
      409,
      'params.id',
    );
  });

  it('what-if: rain over the café from 07:00 to 11:00 local tomorrow fires the rainy-day campaign for four hours, and records nothing', async () => {
    const before = await activationsOf(campaignId);
    const outboxBefore = outbox().length;
    const response = await send(server.fetch, '/api/triggers/what-if', 'POST', {
      cells: [
        {
          bbox: [13.4, 52.51, 13.42, 52.53],
          from: '2026-11-25T06:00:00Z',
          to: '2026-11-25T10:00:00Z',
          set: { precipitationMmH: 3 },
        },
      ],
      from: '2026-11-25T04:00:00Z',
      to: '2026-11-25T12:00:00Z',
      stepMinutes: 60,
    });
    expect(response.status).toBe(200);
    const answer = (await response.json()) as {
      steps: { at: string; live: { campaignId: string; areaId: string }[] }[];
      campaigns: {
        campaignId: string;
        liveSteps: number;
        firstLiveAt: string;
        areaIds: string[];
      }[];
    };
    expect(answer.steps).toHaveLength(8);
    const liveHours = answer.steps
      .filter((s) => s.live.some((l) => l.campaignId === campaignId))
      .map((s) => s.at.slice(11, 16));
    expect(liveHours).toEqual(['06:00', '07:00', '08:00', '09:00']);
    expect(answer.campaigns).toContainEqual(
      expect.objectContaining({
        campaignId,
        liveSteps: 4,
        firstLiveAt: '2026-11-25T06:00:00.000Z',
        areaIds: [rainyArea.id],
      }),
    );
    // A preview: no activation, no webhook.
    expect(await activationsOf(campaignId)).toEqual(before);
    expect(outbox()).toHaveLength(outboxBefore);
    // The live scenario is untouched: that hour is dry for real.
    expect(await liveAt(server.fetch, [13.41, 52.52], '2026-11-25T07:00:00Z')).toEqual([]);

    await expectProblem(
      await send(server.fetch, '/api/triggers/what-if', 'POST', {
        cells: [RAIN],
        from: '2026-11-25T12:00:00Z',
        to: '2026-11-25T04:00:00Z',
      }),
      422,
      'body.to',
    );
    await expectProblem(
      await send(server.fetch, '/api/triggers/what-if', 'POST', {
        cells: [],
        from: '2026-11-25T04:00:00Z',
        to: '2026-11-25T12:00:00Z',
      }),
      422,
      'body.cells',
    );
  });
});
