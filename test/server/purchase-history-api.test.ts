// The purchase history loads while the server answers: a campaign's results wait for it, /api/health keeps answering
// meanwhile and says how far the load has got.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { startTestServer, type TestServer } from '../helpers/server.js';
import type { CampaignResults } from '../../server/domain/schemas/campaign-results.js';

let server: TestServer;
const NOW = new Date('2027-03-01T12:00:00Z');

interface Health {
  purchaseHistory: { ready: boolean; rows: number; fraction: number };
}
const health = async () =>
  ((await (await server.fetch('/api/health')).json()) as Health).purchaseHistory;
const post = (path: string, body: unknown) =>
  server.fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  // A few rows a chunk: the demo's history takes hundreds of chunks, long enough to watch.
  server = await startTestServer({ clock: () => NOW, purchaseHistory: { chunkRows: 10 } });
}, 60_000);
afterAll(async () => {
  await server?.close();
});

describe('purchase history load', () => {
  it('answers health while a campaign result waits for the history, then the result in full', async () => {
    const area = await post('/api/areas', {
      name: 'Centre',
      kind: 'radius',
      params: { center: [13.41, 52.52], radiusMeters: 3000 },
    });
    const areaId = ((await area.json()) as { properties: { id: string } }).properties.id;
    const campaign = await post('/api/campaigns', {
      name: 'Autumn',
      areaIds: [areaId],
      segment: {},
      offer: { headline: 'Ten off', code: 'TEN', discountPercent: 10 },
      channel: 'in_store',
      startsAt: '2026-10-01T00:00:00Z',
      endsAt: '2026-10-31T23:59:59Z',
      timezone: 'Europe/Berlin',
      status: 'active',
      triggers: [],
      holdoutPercent: 20,
    });
    const campaignId = ((await campaign.json()) as { id: string }).id;
    while (!(await health()).ready) await new Promise((resolve) => setTimeout(resolve, 20));
    const total = (await health()).rows;
    expect(total).toBeGreaterThan(5_000);

    // Another process changes a purchase: the next result rebuilds the history from the table.
    const db = new Database(server.dbFile);
    db.prepare('UPDATE purchases SET amount = amount + 1 WHERE rowid = 1').run();
    db.close();

    let settled = false;
    const results = server.fetch(`/api/campaigns/${campaignId}/results`).finally(() => {
      settled = true;
    });
    const whileLoading: Health['purchaseHistory'][] = [];
    while (!settled) {
      const progress = await health();
      if (!settled && !progress.ready) whileLoading.push(progress);
    }
    expect(whileLoading.length).toBeGreaterThan(0);
    // Between the request and the rebuild's first chunk, health still shows the old copy, whole: not every reading
    // is partial, but some are, and none claims more than the table holds.
    expect(whileLoading.some((p) => p.fraction < 1 && p.rows < total)).toBe(true);
    expect(whileLoading.every((p) => p.fraction <= 1 && p.rows <= total)).toBe(true);
    const response = await results;
    expect(response.status).toBe(200);
    const body = (await response.json()) as CampaignResults;
    expect(body.measures.overall.treated.customers).toBe(body.audience.treated);
    expect(await health()).toEqual({ ready: true, rows: total, fraction: 1 });
  });
});
