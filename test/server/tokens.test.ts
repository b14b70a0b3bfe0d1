// API tokens against a real server: created by owners and shown once, stored hashed, limited to their scopes,
// refused by signed-in-only routes, revoked at once, with a last-used time and audit entries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../helpers/problem.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { secretHash } from '../../server/services/accounts/auth.js';
import { closeDatabase, openDatabase } from '../../server/db/connection.js';
import { OTHER_WRITERS_CHECK_MS } from '../../server/db/version-reader.js';

interface Token {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdBy: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ customers: 300 });
});
afterAll(async () => {
  await server?.close();
});

const createToken = async (body: unknown) => {
  const response = await server.fetch('/api/tokens', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as { token: Token; secret: string };
};
/** A request as an integration would send it: the token, and no cookie or Origin. */
const withToken = (secret: string, path: string, init: RequestInit = {}) =>
  fetch(server.url + path, {
    ...init,
    headers: { ...(init.headers as Record<string, string>), Authorization: `Bearer ${secret}` },
  });
const listTokens = async () =>
  ((await (await server.fetch('/api/tokens')).json()) as { tokens: Token[] }).tokens;

describe('creating tokens', () => {
  it('answers the secret once and stores only its hash', async () => {
    const { token, secret } = await createToken({
      name: 'Till in Mitte',
      scopes: ['areas:read', 'offers:read'],
    });
    expect(secret).toMatch(/^ctk_[A-Za-z0-9_-]{40,}$/);
    expect(token).toMatchObject({
      name: 'Till in Mitte',
      prefix: secret.slice(0, 8),
      scopes: ['areas:read', 'offers:read'],
      createdBy: server.fetch.userId,
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(token).not.toHaveProperty('secret');

    const listed = await listTokens();
    expect(listed.find((t) => t.id === token.id)).toEqual(token);
    expect(JSON.stringify(listed)).not.toContain(secret);
    const stored = JSON.stringify(server.deps.db.prepare('SELECT * FROM api_tokens').all());
    expect(stored).not.toContain(secret);
    expect(stored).toContain(secretHash(secret));
  });

  it('needs a name and known scopes, and writes nothing otherwise', async () => {
    const before = server.deps.db.prepare('SELECT count(*) FROM api_tokens').pluck().get();
    const post = (body: unknown) =>
      server.fetch('/api/tokens', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    await expectProblem(await post({ name: 'no scopes', scopes: [] }), 422, 'body.scopes');
    await expectProblem(
      await post({ name: 'personal data', scopes: ['customers:read'] }),
      422,
      'body.scopes.0',
    );
    await expectProblem(
      await post({ name: 'admin', scopes: ['users:admin'] }),
      422,
      'body.scopes.0',
    );
    await expectProblem(await post({ name: '  ', scopes: ['areas:read'] }), 422, 'body.name');
    expect(server.deps.db.prepare('SELECT count(*) FROM api_tokens').pluck().get()).toBe(before);
  });

  it('is for owners only', async () => {
    const manager = await server.as('manager');
    await expectProblem(await manager('/api/tokens'), 403);
    await expectProblem(
      await manager('/api/tokens', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: 'x', scopes: ['areas:read'] }),
      }),
      403,
    );
  });
});

describe('using tokens', () => {
  it('reaches what its scopes allow and nothing else, without CSRF headers', async () => {
    const { secret } = await createToken({ name: 'areas reader', scopes: ['areas:read'] });
    expect((await withToken(secret, '/api/areas')).status).toBe(200);
    const write = await expectProblem(
      await withToken(secret, '/api/areas', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{}',
      }),
      403,
    );
    // Refused for its scope, not as a cross-site request: tokens need no Origin.
    expect(write.detail).toMatch(/areas:write/);
    await expectProblem(await withToken(secret, '/api/customers'), 403);
    await expectProblem(await withToken(secret, '/api/stores'), 403);
    await expectProblem(await withToken(secret, '/api/tokens'), 403);
  });

  it('is refused by routes for signed-in people', async () => {
    const { secret } = await createToken({ name: 'not a person', scopes: ['workspace:read'] });
    expect((await withToken(secret, '/api/stores')).status).toBe(200);
    await expectProblem(await withToken(secret, '/api/auth/me'), 403);
    await expectProblem(
      await withToken(secret, '/api/auth/password', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{}',
      }),
      403,
    );
  });

  it('records when it was last used', async () => {
    const { token, secret } = await createToken({ name: 'used', scopes: ['areas:read'] });
    expect((await withToken(secret, '/api/areas')).status).toBe(200);
    const used = (await listTokens()).find((t) => t.id === token.id)!;
    expect(used.lastUsedAt).not.toBeNull();
    expect(Date.parse(used.lastUsedAt!)).toBeGreaterThanOrEqual(Date.parse(token.createdAt));
  });

  it('answers 401 for an unknown token, even on a public route', async () => {
    await expectProblem(await withToken('ctk_not-a-real-token', '/api/areas'), 401);
    const response = await withToken('ctk_not-a-real-token', '/api/health');
    await expectProblem(response, 401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
  });
});

describe('revoking tokens', () => {
  it('stops the token at once, keeps it listed as revoked, and audits create and revoke', async () => {
    const { token, secret } = await createToken({ name: 'to revoke', scopes: ['areas:read'] });
    expect((await withToken(secret, '/api/areas')).status).toBe(200);
    expect((await server.fetch(`/api/tokens/${token.id}`, { method: 'DELETE' })).status).toBe(204);
    await expectProblem(await withToken(secret, '/api/areas'), 401);
    expect((await listTokens()).find((t) => t.id === token.id)!.revokedAt).not.toBeNull();
    // Revoking again changes nothing; an unknown id is 404.
    expect((await server.fetch(`/api/tokens/${token.id}`, { method: 'DELETE' })).status).toBe(204);
    await expectProblem(
      await server.fetch('/api/tokens/tk-nope', { method: 'DELETE' }),
      404,
      'params.id',
    );

    const audit = (await (await server.fetch('/api/audit?targetType=token&limit=200')).json()) as {
      entries: { action: string; targetId: string; detail: object }[];
    };
    const mine = audit.entries.filter((e) => e.targetId === token.id);
    expect(mine.map((e) => e.action)).toEqual(['token.revoke', 'token.create']);
    expect(mine[1]!.detail).toEqual({ scopes: ['areas:read'] });
    expect(JSON.stringify(server.deps.db.prepare('SELECT * FROM audit_log').all())).not.toContain(
      secret,
    );
  });

  it('stops a token revoked by another process within OTHER_WRITERS_CHECK_MS, though the server had its principal cached', async () => {
    const { token, secret } = await createToken({
      name: 'revoked elsewhere',
      scopes: ['areas:read'],
    });
    expect((await withToken(secret, '/api/areas')).status).toBe(200);
    expect((await withToken(secret, '/api/areas')).status).toBe(200);
    // Another connection to the same file, as a second server process or an admin's sqlite3 shell would be.
    const other = openDatabase(server.deps.config.dbFile);
    try {
      other
        .prepare('UPDATE api_tokens SET revoked_at = ? WHERE id = ?')
        .run(new Date().toISOString(), token.id);
    } finally {
      closeDatabase(other);
    }
    await new Promise((resolve) => setTimeout(resolve, OTHER_WRITERS_CHECK_MS + 20));
    await expectProblem(await withToken(secret, '/api/areas'), 401);
  });

  it('stops a token deleted outright, and one whose scopes were narrowed loses the rest at once', async () => {
    const deleted = await createToken({ name: 'deleted', scopes: ['areas:read'] });
    const narrowed = await createToken({ name: 'narrowed', scopes: ['areas:read', 'offers:read'] });
    expect((await withToken(deleted.secret, '/api/areas')).status).toBe(200);
    expect((await withToken(narrowed.secret, '/api/offers/live?lat=52.5&lng=13.4')).status).toBe(
      200,
    );
    server.deps.db.prepare('DELETE FROM api_tokens WHERE id = ?').run(deleted.token.id);
    server.deps.db
      .prepare('UPDATE api_tokens SET scopes = ? WHERE id = ?')
      .run(JSON.stringify(['areas:read']), narrowed.token.id);
    await expectProblem(await withToken(deleted.secret, '/api/areas'), 401);
    await expectProblem(
      await withToken(narrowed.secret, '/api/offers/live?lat=52.5&lng=13.4'),
      403,
    );
    expect((await withToken(narrowed.secret, '/api/areas')).status).toBe(200);
  });
});
