// GET /api/config names the workspace currency when one is set, so money figures are not always euros.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientConfigSchema } from '../../server/domain/schemas/workspace.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ customers: 200 });
});
afterAll(async () => {
  await server?.close();
});

function setCurrency(value: string) {
  const db = new Database(server.dbFile);
  try {
    db.prepare(
      'INSERT INTO workspace (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ).run('currency', value);
  } finally {
    db.close();
  }
}

async function config() {
  const response = await server.fetch(`/api/config`);
  expect(response.status).toBe(200);
  return clientConfigSchema.parse(await response.json());
}

describe('the workspace currency in /api/config', () => {
  it('is absent until the workspace sets one (the client then shows euros)', async () => {
    expect((await config()).workspace.currency).toBeUndefined();
  });

  it('is the ISO 4217 code the workspace set; anything else is left out', async () => {
    setCurrency('CHF');
    expect((await config()).workspace.currency).toBe('CHF');
    setCurrency('Swiss francs');
    expect((await config()).workspace.currency).toBeUndefined();
  });
});
