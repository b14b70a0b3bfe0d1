// Password hashes carry their own scrypt cost: new ones get the configured CATCHMENT_SCRYPT_COST, stored ones verify
// at whatever cost they were made with, and an unknown email costs as much as a known one.
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertUser } from '../../server/db/repos/users.js';
import {
  hashPassword,
  unknownUserHash,
  verifyPassword,
} from '../../server/services/accounts/passwords.js';
import { OWNER_EMAIL, startTestServer, type TestServer } from '../helpers/server.js';

const costOf = (hash: string) => Math.log2(Number(hash.split('$')[1]));

describe('password hashes', () => {
  it('are made at the cost asked for and verify at the cost they name', async () => {
    const cheap = await hashPassword('a-long-test-password', 10);
    const dearer = await hashPassword('a-long-test-password', 12);
    expect(cheap).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect(dearer).toMatch(/^scrypt\$4096\$8\$1\$/);
    for (const hash of [cheap, dearer]) {
      expect(await verifyPassword('a-long-test-password', hash)).toBe(true);
      expect(await verifyPassword('a-long-test-passwort', hash)).toBe(false);
    }
  });

  it('compare an unknown email against a dummy hash of the configured cost, which nothing matches', async () => {
    expect(costOf(unknownUserHash(15))).toBe(15);
    expect(costOf(unknownUserHash(10))).toBe(10);
    expect(await verifyPassword('', unknownUserHash(10))).toBe(false);
  });

  it('refuse a stored hash beyond the highest cost instead of deriving it', async () => {
    const valid = await hashPassword('a-long-test-password', 10);
    const inflated = valid.replace('$1024$', `$${2 ** 21}$`);
    expect(await verifyPassword('a-long-test-password', inflated)).toBe(false);
  });
});

describe('a server with CATCHMENT_SCRYPT_COST=11', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { CATCHMENT_DEMO: '0', CATCHMENT_SCRYPT_COST: '11' } });
  });
  afterAll(async () => {
    await server?.close();
  });

  const storedHash = (email: string) => {
    const db = new Database(server.dbFile, { readonly: true });
    try {
      return db
        .prepare('SELECT password_hash FROM users WHERE email = ?')
        .pluck()
        .get(email) as string;
    } finally {
      db.close();
    }
  };

  it('hashes the first owner and new users at that cost', async () => {
    expect(costOf(storedHash(OWNER_EMAIL))).toBe(11);
    const response = await server.fetch('/api/users', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        email: 'new.colleague@example.test',
        name: 'New colleague',
        password: 'a-long-test-password',
        role: 'marketer',
      }),
    });
    expect(response.status).toBe(201);
    expect(costOf(storedHash('new.colleague@example.test'))).toBe(11);
  });

  it('still signs in a user whose stored hash was made at the production cost', async () => {
    insertUser(
      server.deps.db,
      {
        id: `us-${randomUUID()}`,
        email: 'veteran@example.test',
        name: 'Veteran',
        passwordHash: await hashPassword('hashed-before-the-change', 15),
        role: 'viewer',
        storeIds: [],
      },
      new Date().toISOString(),
    );
    const veteran = await server.signIn('veteran@example.test', 'hashed-before-the-change');
    expect((await veteran('/api/auth/me')).status).toBe(200);
  });
});
