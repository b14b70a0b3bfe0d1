// The campaigns API against a real server and SQLite file: the lifecycle with its enforced status changes, validation
// naming each field with nothing written, versions, codes unique among running campaigns, areas in use, scoping for
// store managers and read-only roles, and the campaigns an event triggers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { startTestServer, type SignedInFetch, type TestServer } from '../helpers/server.js';
import { expectProblem } from '../helpers/problem.js';

interface Campaign {
  id: string;
  name: string;
  areaIds: string[];
  status: string;
  version: number;
  offer: { headline: string; code: string; discountPercent: number | null; body: string };
  triggers: unknown[];
  owner: string | null;
  startsAt: string;
  endsAt: string;
}

let server: TestServer;
let areaId: string;
let otherAreaId: string;

const send = (fetcher: SignedInFetch, path: string, method: string, body?: unknown) =>
  fetcher(path, {
    method,
    headers: { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
const count = (table: string) => {
  const db = new Database(server.dbFile, { readonly: true });
  try {
    return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  } finally {
    db.close();
  }
};
const circleArea = async (fetcher: SignedInFetch, name: string, center: [number, number]) => {
  const response = await send(fetcher, '/api/areas', 'POST', {
    name,
    kind: 'radius',
    params: { center, radiusMeters: 800 },
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { properties: { id: string } }).properties.id;
};

const rainyDay = (overrides: Record<string, unknown> = {}) => ({
  name: 'Rainy-day latte',
  areaIds: [areaId],
  segment: { lapsedDays: 60 },
  offer: {
    headline: '20% off when it rains',
    body: 'Show this at the till',
    code: 'rain20',
    discountPercent: 20,
  },
  channel: 'sms',
  startsAt: '2026-11-01T00:00:00Z',
  endsAt: '2027-02-28T23:59:59Z',
  timezone: 'Europe/Berlin',
  status: 'draft',
  triggerMode: 'all',
  triggers: [
    { type: 'weather', condition: 'rain', threshold: 1 },
    { type: 'schedule', daysOfWeek: [1, 2, 3, 4, 5], from: '07:00', to: '11:00' },
  ],
  ...overrides,
});

beforeAll(async () => {
  server = await startTestServer({ customers: 500 });
  areaId = await circleArea(server.fetch, 'Around the café', [13.4, 52.52]);
  otherAreaId = await circleArea(server.fetch, 'Around the market', [13.43, 52.5]);
});
afterAll(async () => {
  await server?.close();
});

describe('campaigns API', () => {
  it('creates a campaign from the PRODUCT.md example, reads it back and lists it', async () => {
    const created = await send(server.fetch, '/api/campaigns', 'POST', rainyDay());
    expect(created.status).toBe(201);
    const campaign = (await created.json()) as Campaign;
    expect(created.headers.get('location')).toBe(`/api/campaigns/${campaign.id}`);
    expect(campaign).toMatchObject({
      name: 'Rainy-day latte',
      areaIds: [areaId],
      status: 'draft',
      version: 1,
      startsAt: '2026-11-01T00:00:00Z',
      owner: server.fetch.userId,
    });
    // Codes are kept in capitals.
    expect(campaign.offer.code).toBe('RAIN20');
    const read = (await (await server.fetch(`/api/campaigns/${campaign.id}`)).json()) as Campaign;
    expect(read).toEqual(campaign);
    const list = (await (await server.fetch('/api/campaigns?status=draft')).json()) as {
      campaigns: Campaign[];
    };
    expect(list.campaigns.map((c) => c.id)).toContain(campaign.id);
    const none = (await (await server.fetch('/api/campaigns?status=ended')).json()) as {
      campaigns: Campaign[];
    };
    expect(none.campaigns.map((c) => c.id)).not.toContain(campaign.id);
    await expectProblem(await server.fetch('/api/campaigns?status=running'), 400, 'query.status');
  });

  it('refuses bad input naming each field and its rule, and writes nothing', async () => {
    const before = count('campaigns');
    // The rule's code, where given, is what a client words the message by (client/api/field-messages.ts).
    const cases: [Record<string, unknown>, string, string?][] = [
      [{ endsAt: '2026-10-01T00:00:00Z' }, 'body.endsAt', 'ends_before_start'],
      [{ areaIds: [] }, 'body.areaIds', 'too_small'],
      [{ areaIds: ['ar-nope'] }, 'body.areaIds.0'],
      [{ areaIds: [areaId, areaId] }, 'body.areaIds.1', 'duplicate_area'],
      [{ timezone: 'Mars/Olympus' }, 'body.timezone'],
      [
        { triggers: [{ type: 'weather', condition: 'rain', threshold: -1 }] },
        'body.triggers.0.threshold',
      ],
      [
        { triggers: [{ type: 'schedule', daysOfWeek: [8], from: '07:00', to: '11:00' }] },
        'body.triggers.0.daysOfWeek.0',
      ],
      [
        { channel: 'print', frequencyCap: { maxPerCustomer: 1, perDays: 7 } },
        'body.frequencyCap',
        'cap_channel',
      ],
      [{ channel: 'fax' }, 'body.channel', 'invalid_value'],
      [{ offer: { headline: 'Rain', code: 'R' } }, 'body.offer.code', 'invalid_format'],
      [{ status: 'ended' }, 'body.status'],
      [{ offer: { headline: '', code: 'X' } }, 'body.offer.headline'],
      [{ surprise: true }, 'body'],
    ];
    for (const [override, field, code] of cases) {
      const response = await send(server.fetch, '/api/campaigns', 'POST', rainyDay(override));
      const problem = await expectProblem(response, 422);
      const named = problem.errors?.filter(
        (e) => e.field === field || e.field.startsWith(`${field}.`),
      );
      const context = `${JSON.stringify(override)} → ${JSON.stringify(problem.errors)}`;
      expect(named?.length, context).toBeGreaterThan(0);
      if (code)
        expect(
          named?.map((e) => e.code),
          context,
        ).toContain(code);
    }
    expect(count('campaigns')).toBe(before);
    expect(count('campaign_areas')).toBeGreaterThanOrEqual(0);
  });

  it('enforces the status changes, versions and the end of an ended campaign', async () => {
    const campaign = (await (
      await send(
        server.fetch,
        '/api/campaigns',
        'POST',
        rainyDay({ offer: { headline: 'Hot drinks', code: 'COLD10' } }),
      )
    ).json()) as Campaign;
    const path = `/api/campaigns/${campaign.id}`;
    // draft → active skips the review step.
    await expectProblem(
      await send(server.fetch, path, 'PATCH', { version: 1, status: 'active' }),
      409,
      'body.status',
    );
    await expectProblem(
      await send(server.fetch, path, 'PATCH', { status: 'scheduled' }),
      409,
      'body.version',
    );
    const scheduled = (await (
      await send(server.fetch, path, 'PATCH', { version: 1, status: 'scheduled' })
    ).json()) as Campaign;
    expect(scheduled).toMatchObject({ status: 'scheduled', version: 2 });
    // A stale version says which one is current.
    const stale = await expectProblem(
      await send(server.fetch, path, 'PATCH', { version: 1, name: 'Other' }),
      409,
      'body.version',
    );
    expect(stale).toMatchObject({ currentVersion: 2 });
    let version = 2;
    for (const status of ['active', 'paused', 'active', 'ended']) {
      const response = await send(server.fetch, path, 'PATCH', { version, status });
      expect(response.status, status).toBe(200);
      version = ((await response.json()) as Campaign).version;
    }
    await expectProblem(
      await send(server.fetch, path, 'PATCH', { version, status: 'active' }),
      409,
      'body.status',
    );
    await expectProblem(
      await send(server.fetch, path, 'PATCH', { version, name: 'Again' }),
      409,
      'body.name',
    );
    // Moving the start after the end names the start.
    const other = (await (
      await send(
        server.fetch,
        '/api/campaigns',
        'POST',
        rainyDay({ offer: { headline: 'x', code: 'MOVE1' } }),
      )
    ).json()) as Campaign;
    await expectProblem(
      await send(server.fetch, `/api/campaigns/${other.id}`, 'PATCH', {
        version: 1,
        startsAt: '2027-03-01T00:00:00Z',
      }),
      422,
      'body.startsAt',
    );
  });

  it('a code is unique among scheduled, active and paused campaigns, not among drafts and ended ones', async () => {
    const first = (await (
      await send(
        server.fetch,
        '/api/campaigns',
        'POST',
        rainyDay({ status: 'active', offer: { headline: 'A', code: 'UNIQUE1' } }),
      )
    ).json()) as Campaign;
    expect(first.status).toBe('active');
    // A draft may share it; scheduling the draft may not.
    const draft = (await (
      await send(
        server.fetch,
        '/api/campaigns',
        'POST',
        rainyDay({ offer: { headline: 'B', code: 'unique1' } }),
      )
    ).json()) as Campaign;
    expect(draft.status).toBe('draft');
    await expectProblem(
      await send(server.fetch, `/api/campaigns/${draft.id}`, 'PATCH', {
        version: 1,
        status: 'scheduled',
      }),
      422,
      'body.offer.code',
    );
    await expectProblem(
      await send(
        server.fetch,
        '/api/campaigns',
        'POST',
        rainyDay({ status: 'scheduled', offer: { headline: 'C', code: 'UNIQUE1' } }),
      ),
      422,
      'body.offer.code',
    );
    // Once the first has ended, the code is free.
    expect(
      (
        await send(server.fetch, `/api/campaigns/${first.id}`, 'PATCH', {
          version: 1,
          status: 'ended',
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await send(server.fetch, `/api/campaigns/${draft.id}`, 'PATCH', {
          version: 1,
          status: 'scheduled',
        })
      ).status,
    ).toBe(200);
  });

  it('an area in use by a campaign cannot be deleted; a campaign that never ran can', async () => {
    const area = await circleArea(server.fetch, 'Short-lived', [13.38, 52.51]);
    const campaign = (await (
      await send(
        server.fetch,
        '/api/campaigns',
        'POST',
        rainyDay({ areaIds: [area], offer: { headline: 'D', code: 'GONE1' } }),
      )
    ).json()) as Campaign;
    const refused = await expectProblem(
      await server.fetch(`/api/areas/${area}`, { method: 'DELETE' }),
      409,
      'params.id',
    );
    expect(refused.detail).toContain('Rainy-day latte');
    expect((await server.fetch(`/api/campaigns/${campaign.id}`, { method: 'DELETE' })).status).toBe(
      204,
    );
    expect((await server.fetch(`/api/campaigns/${campaign.id}`)).status).toBe(404);
    expect((await server.fetch(`/api/areas/${area}`, { method: 'DELETE' })).status).toBe(204);
  });

  it('store managers see and change only their own campaigns or those on areas they see; viewers only read', async () => {
    const ownerCampaign = (await (
      await send(
        server.fetch,
        '/api/campaigns',
        'POST',
        rainyDay({ areaIds: [otherAreaId], offer: { headline: 'E', code: 'OWNER1' } }),
      )
    ).json()) as Campaign;
    const storeId = (
      (await (await server.fetch('/api/stores')).json()) as {
        features: { properties: { id: string } }[];
      }
    ).features[0]!.properties.id;
    const manager = await server.as('store_manager', { storeIds: [storeId] });
    // Owner areas are shared with everyone, so the store manager sees the campaign but may not change it.
    expect((await manager(`/api/campaigns/${ownerCampaign.id}`)).status).toBe(200);
    await expectProblem(
      await send(manager, `/api/campaigns/${ownerCampaign.id}`, 'PATCH', {
        version: 1,
        name: 'Mine now',
      }),
      403,
    );
    // Their own area is private: their campaign on it is invisible to another store manager.
    const privateArea = await circleArea(manager, 'My corner', [13.41, 52.53]);
    const own = await send(
      manager,
      '/api/campaigns',
      'POST',
      rainyDay({ areaIds: [privateArea], offer: { headline: 'F', code: 'MINE1' } }),
    );
    expect(own.status).toBe(201);
    const mine = (await own.json()) as Campaign;
    const otherManager = await server.as('store_manager', { storeIds: [storeId] });
    expect((await otherManager(`/api/campaigns/${mine.id}`)).status).toBe(404);
    await expectProblem(
      await send(
        otherManager,
        '/api/campaigns',
        'POST',
        rainyDay({ areaIds: [privateArea], offer: { headline: 'G', code: 'THEIRS1' } }),
      ),
      422,
      'body.areaIds.0',
    );
    const otherList = (await (await otherManager('/api/campaigns')).json()) as {
      campaigns: Campaign[];
    };
    expect(otherList.campaigns.map((c) => c.id)).not.toContain(mine.id);
    // Viewers read, never write.
    const viewer = await server.as('viewer');
    expect((await viewer('/api/campaigns')).status).toBe(200);
    expect(
      (
        await send(
          viewer,
          '/api/campaigns',
          'POST',
          rainyDay({ offer: { headline: 'H', code: 'VIEW1' } }),
        )
      ).status,
    ).toBe(403);
  });

  it('lists the campaigns an event triggers, by its id or its category (in any case)', async () => {
    const created = await send(server.fetch, '/api/events', 'POST', {
      name: 'Street festival',
      category: 'festival',
      location: { type: 'Point', coordinates: [13.41, 52.52] },
      startsAt: '2026-11-28T14:00:00Z',
      endsAt: '2026-11-28T22:00:00Z',
      timezone: 'Europe/Berlin',
    });
    const event = (await created.json()) as { id: string };
    const byId = (await (
      await send(
        server.fetch,
        '/api/campaigns',
        'POST',
        rainyDay({
          name: 'Festival cookie',
          offer: { headline: 'Free cookie', code: 'FEST1' },
          triggers: [
            {
              type: 'event',
              eventId: event.id,
              withinMeters: 500,
              beforeMinutes: 60,
              afterMinutes: 60,
            },
          ],
        }),
      )
    ).json()) as Campaign;
    const byCategory = (await (
      await send(
        server.fetch,
        '/api/campaigns',
        'POST',
        rainyDay({
          name: 'Any festival',
          offer: { headline: 'Free tea', code: 'FEST2' },
          triggers: [
            {
              type: 'event',
              category: 'Festival',
              withinMeters: 500,
              beforeMinutes: 0,
              afterMinutes: 0,
            },
          ],
        }),
      )
    ).json()) as Campaign;
    const list = (await (await server.fetch(`/api/campaigns?eventId=${event.id}`)).json()) as {
      campaigns: Campaign[];
    };
    expect(list.campaigns.map((c) => c.id).sort()).toEqual([byId.id, byCategory.id].sort());
    const unknown = (await (await server.fetch('/api/campaigns?eventId=ev-nope')).json()) as {
      campaigns: Campaign[];
    };
    expect(unknown.campaigns).toEqual([]);
  });

  it('every kind of write is in the audit log', async () => {
    const audit = (await (
      await server.fetch('/api/audit?targetType=campaign&limit=200')
    ).json()) as { entries: { action: string; detail: unknown }[] };
    const actions = new Set(audit.entries.map((e) => e.action));
    expect([...actions].sort()).toEqual(['campaign.create', 'campaign.delete', 'campaign.update']);
  });
});
