// User administration and the audit log against a real server: owners create, edit, deactivate and delete accounts;
// store managers need real stores; versions guard concurrent edits; the last owner stays; every change is audited
// without passwords or personal data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../helpers/problem.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import type { User } from '../../server/domain/schemas/user.js';

let server: TestServer;
let storeIds: string[];

beforeAll(async () => {
  server = await startTestServer({ customers: 300 });
  const stores = (await (await server.fetch('/api/stores')).json()) as {
    features: { id: string }[];
  };
  storeIds = stores.features.map((f) => f.id);
});
afterAll(async () => {
  await server?.close();
});

const send = (method: string, path: string, body?: unknown) =>
  server.fetch(path, {
    method,
    headers: { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
const createUser = async (body: Record<string, unknown>) => {
  const response = await send('POST', '/api/users', {
    password: 'a-long-password-1',
    role: 'viewer',
    ...body,
  });
  expect(response.status).toBe(201);
  return (await response.json()) as User;
};
const countRows = (table: string) =>
  server.deps.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
const auditRows = () =>
  server.deps.db.prepare('SELECT action, detail FROM audit_log').all() as {
    action: string;
    detail: string;
  }[];

describe('creating users', () => {
  it('creates a user who can sign in, and lists users without password hashes', async () => {
    const created = await createUser({
      email: 'new.viewer@example.test',
      name: 'Vera',
      password: 'vera-password-12',
    });
    expect(created).toMatchObject({
      email: 'new.viewer@example.test',
      name: 'Vera',
      role: 'viewer',
      storeIds: [],
      active: true,
      version: 1,
    });
    expect(created).not.toHaveProperty('passwordHash');
    const signedIn = await server.signIn('new.viewer@example.test', 'vera-password-12');
    expect((await signedIn('/api/auth/me')).status).toBe(200);

    const list = (await (await server.fetch('/api/users')).json()) as { users: User[] };
    expect(list.users.map((u) => u.email)).toContain('new.viewer@example.test');
    expect(JSON.stringify(list)).not.toMatch(/scrypt|password/i);
  });

  it('refuses a taken email (whatever its case) with 409 on body.email', async () => {
    await createUser({ email: 'taken@example.test' });
    await expectProblem(
      await send('POST', '/api/users', {
        email: 'TAKEN@example.test',
        password: 'a-long-password-1',
        role: 'viewer',
      }),
      409,
      'body.email',
    );
  });

  it('checks fields, and writes nothing for bad input', async () => {
    const before = countRows('users');
    await expectProblem(
      await send('POST', '/api/users', {
        email: 'short@example.test',
        password: 'short',
        role: 'viewer',
      }),
      422,
      'body.password',
    );
    await expectProblem(
      await send('POST', '/api/users', {
        email: 'not-an-email',
        password: 'a-long-password-1',
        role: 'viewer',
      }),
      422,
      'body.email',
    );
    await expectProblem(
      await send('POST', '/api/users', {
        email: 'role@example.test',
        password: 'a-long-password-1',
        role: 'admin',
      }),
      422,
      'body.role',
    );
    await expectProblem(
      await send('POST', '/api/users', {
        email: 'extra@example.test',
        password: 'a-long-password-1',
        role: 'viewer',
        isAdmin: true,
      }),
      422,
    );
    await expectProblem(
      await send('POST', '/api/users', {
        email: 'sm@example.test',
        password: 'a-long-password-1',
        role: 'store_manager',
      }),
      422,
      'body.storeIds',
    );
    await expectProblem(
      await send('POST', '/api/users', {
        email: 'sm@example.test',
        password: 'a-long-password-1',
        role: 'store_manager',
        storeIds: [storeIds[0], 'st-nope'],
      }),
      422,
      'body.storeIds.1',
    );
    expect(countRows('users')).toBe(before);
  });

  it("keeps a store manager's stores, and none for other roles", async () => {
    const manager = await createUser({
      email: 'sm.one@example.test',
      role: 'store_manager',
      storeIds: [storeIds[1], storeIds[0], storeIds[1]],
    });
    expect(manager.storeIds).toEqual([storeIds[0], storeIds[1]].sort());
    const marketer = await createUser({
      email: 'mk.one@example.test',
      role: 'marketer',
      storeIds: [storeIds[0]],
    });
    expect(marketer.storeIds).toEqual([]);
  });
});

describe('editing users', () => {
  it('changes name, role and stores, bumping the version; a missing or stale version answers 409 with currentVersion', async () => {
    const user = await createUser({ email: 'edit.me@example.test' });
    const missing = await expectProblem(
      await send('PATCH', `/api/users/${user.id}`, { name: 'No version' }),
      409,
      'body.version',
    );
    expect(missing).toMatchObject({ currentVersion: 1 });
    const promoted = await send('PATCH', `/api/users/${user.id}`, {
      version: 1,
      name: 'Edith',
      role: 'store_manager',
      storeIds: [storeIds[2]],
    });
    expect(promoted.status).toBe(200);
    expect(await promoted.json()).toMatchObject({
      name: 'Edith',
      role: 'store_manager',
      storeIds: [storeIds[2]],
      version: 2,
    });
    const stale = await expectProblem(
      await send('PATCH', `/api/users/${user.id}`, { version: 1, name: 'Late' }),
      409,
      'body.version',
    );
    expect(stale).toMatchObject({ currentVersion: 2 });

    // A store manager keeps needing a store; other roles drop theirs.
    await expectProblem(
      await send('PATCH', `/api/users/${user.id}`, { version: 2, storeIds: [] }),
      422,
      'body.storeIds',
    );
    const demoted = (await (
      await send('PATCH', `/api/users/${user.id}`, { version: 2, role: 'viewer' })
    ).json()) as User;
    expect(demoted).toMatchObject({ role: 'viewer', storeIds: [], version: 3 });
    await expectProblem(
      await send('PATCH', '/api/users/us-nobody', { version: 1 }),
      404,
      'params.id',
    );
  });

  it('deactivating signs the user out everywhere and keeps them out', async () => {
    await createUser({ email: 'leaving@example.test', password: 'leaving-password' });
    const session = await server.signIn('leaving@example.test', 'leaving-password');
    const user = (await (await session('/api/auth/me')).json()) as { user: User };
    const response = await send('PATCH', `/api/users/${user.user.id}`, {
      version: user.user.version,
      active: false,
    });
    expect(await response.json()).toMatchObject({ active: false });
    expect((await session('/api/auth/me')).status).toBe(401);
    expect(
      server.deps.db
        .prepare('SELECT count(*) FROM sessions WHERE user_id = ?')
        .pluck()
        .get(user.user.id),
    ).toBe(0);
    await expect(server.signIn('leaving@example.test', 'leaving-password')).rejects.toThrow(/401/);
  });

  it('setting a password signs the user out and the new password works', async () => {
    const user = await createUser({ email: 'forgot@example.test', password: 'forgotten-password' });
    const session = await server.signIn('forgot@example.test', 'forgotten-password');
    expect(
      (await send('PATCH', `/api/users/${user.id}`, { version: 1, password: 'brand-new-password' }))
        .status,
    ).toBe(200);
    expect((await session('/api/auth/me')).status).toBe(401);
    await expect(server.signIn('forgot@example.test', 'forgotten-password')).rejects.toThrow(/401/);
    expect(
      (await (await server.signIn('forgot@example.test', 'brand-new-password'))('/api/auth/me'))
        .status,
    ).toBe(200);
  });
});

describe('the last owner', () => {
  it('cannot be demoted, deactivated or deleted; with a second owner they can', async () => {
    const users = (await (await server.fetch('/api/users')).json()) as { users: User[] };
    const owner = users.users.find((u) => u.id === server.fetch.userId)!;
    const demote = await expectProblem(
      await send('PATCH', `/api/users/${owner.id}`, { version: owner.version, role: 'manager' }),
      422,
      'body.role',
    );
    expect(demote.detail).toMatch(/at least one active owner/);
    await expectProblem(
      await send('PATCH', `/api/users/${owner.id}`, { version: owner.version, active: false }),
      422,
      'body.active',
    );
    await expectProblem(await send('DELETE', `/api/users/${owner.id}`), 422);
    expect((await server.fetch('/api/auth/me')).status).toBe(200);

    const second = await createUser({ email: 'second.owner@example.test', role: 'owner' });
    expect(
      (await send('PATCH', `/api/users/${second.id}`, { version: 1, active: false })).status,
    ).toBe(200);
    // An inactive owner does not count: the signed-in owner is still the last active one.
    await expectProblem(await send('DELETE', `/api/users/${owner.id}`), 422);
    expect(
      (await send('PATCH', `/api/users/${second.id}`, { version: 2, active: true })).status,
    ).toBe(200);
    expect((await send('DELETE', `/api/users/${second.id}`)).status).toBe(204);
  });
});

describe('deleting users', () => {
  it('deletes a user and ends their sessions; unknown ids answer 404', async () => {
    await createUser({ email: 'gone@example.test', password: 'gone-password-1' });
    const session = await server.signIn('gone@example.test', 'gone-password-1');
    expect((await send('DELETE', `/api/users/${session.userId}`)).status).toBe(204);
    expect((await session('/api/auth/me')).status).toBe(401);
    await expectProblem(await send('DELETE', `/api/users/${session.userId}`), 404, 'params.id');
  });

  it('is for owners only', async () => {
    const manager = await server.as('manager');
    await expectProblem(await manager('/api/users'), 403);
    await expectProblem(
      await manager('/api/users', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          email: 'x@example.test',
          password: 'a-long-password-1',
          role: 'owner',
        }),
      }),
      403,
    );
  });
});

describe('the audit log', () => {
  it('records every user change with the fields changed, never a password or an email', async () => {
    const user = await createUser({
      email: 'audited.person@example.test',
      password: 'audited-password-1',
    });
    await send('PATCH', `/api/users/${user.id}`, {
      version: 1,
      name: 'Audrey',
      password: 'another-password-2',
    });
    await send('DELETE', `/api/users/${user.id}`);
    const page = (await (await server.fetch(`/api/audit?targetType=user&limit=3`)).json()) as {
      entries: {
        action: string;
        actorId: string;
        targetId: string;
        detail: Record<string, unknown>;
      }[];
    };
    expect(page.entries.map((e) => e.action)).toEqual([
      'user.delete',
      'user.update',
      'user.create',
    ]);
    expect(
      page.entries.every((e) => e.targetId === user.id && e.actorId === server.fetch.userId),
    ).toBe(true);
    expect(page.entries[1]!.detail).toEqual({ fields: ['name', 'password'] });
    const everything = JSON.stringify(auditRows());
    for (const secret of [
      'audited-password-1',
      'another-password-2',
      'audited.person@example.test',
      'Audrey',
      'scrypt',
    ])
      expect(everything).not.toContain(secret);
  });

  it('pages newest first with nextBefore, and filters by action', async () => {
    for (let i = 0; i < 5; i++) await createUser({ email: `paged-${i}@example.test` });
    const seen: number[] = [];
    let before: number | null = null;
    do {
      const response = await server.fetch(
        `/api/audit?action=user.create&limit=2${before ? `&before=${before}` : ''}`,
      );
      const page = (await response.json()) as {
        entries: { id: number; action: string }[];
        nextBefore: number | null;
      };
      expect(page.entries.length).toBeLessThanOrEqual(2);
      expect(page.entries.every((e) => e.action === 'user.create')).toBe(true);
      seen.push(...page.entries.map((e) => e.id));
      before = page.nextBefore;
    } while (before !== null);
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
    expect(seen.length).toBe(auditRows().filter((r) => r.action === 'user.create').length);
  });

  it('checks its query, and is for owners only', async () => {
    await expectProblem(await server.fetch('/api/audit?limit=0'), 400, 'query.limit');
    await expectProblem(await server.fetch('/api/audit?limit=201'), 400, 'query.limit');
    await expectProblem(await server.fetch('/api/audit?before=abc'), 400, 'query.before');
    const manager = await server.as('manager');
    await expectProblem(await manager('/api/audit'), 403);
  });
});
