// Accounts against a real server: sign-in and sessions (cookie flags, rotation, idle and absolute expiry), password
// change, cross-site write refusal, forwarded headers read only behind a trusted proxy, sign-in back-off per client
// and account, the first owner, and the permission matrix called route by route with every role.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../server/env.js';
import { startServer } from '../../server/server.js';
import { createApp } from '../../server/app.js';
import { roles, type Role } from '../../server/domain/schemas/user.js';
import {
  allows,
  routeAccess,
  rolePermissions,
  customerAccessByRole,
  type Principal,
} from '../../server/domain/permissions.js';
import {
  SESSION_ABSOLUTE_MS,
  SESSION_COOKIE,
  SESSION_IDLE_MS,
} from '../../server/services/accounts/auth.js';
import { expectProblem } from '../helpers/problem.js';
import {
  OWNER_EMAIL,
  OWNER_PASSWORD,
  signedInFetch,
  startTestServer,
  type SignedInFetch,
  type TestServer,
} from '../helpers/server.js';

let server: TestServer;
/** The same app behind one trusted reverse proxy (CATCHMENT_TRUST_PROXY=1); X-Forwarded-For tells its clients apart. */
let proxied: TestServer;
let now = new Date('2026-11-23T09:00:00Z');

beforeAll(async () => {
  [server, proxied] = await Promise.all([
    startTestServer({ customers: 300, clock: () => now }),
    startTestServer({ customers: 100, clock: () => now, env: { CATCHMENT_TRUST_PROXY: '1' } }),
  ]);
});
afterAll(async () => {
  await Promise.all([server?.close(), proxied?.close()]);
});

const login = (body: unknown, headers: Record<string, string> = {}, target: TestServer = server) =>
  fetch(`${target.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: target.url, ...headers },
    body: JSON.stringify(body),
  });
/** A sign-in through the trusted proxy from the client at `address`. */
const loginFrom = (address: string, body: unknown) =>
  login(body, { 'X-Forwarded-For': address }, proxied);
const cookieOf = (response: Response) =>
  new RegExp(`${SESSION_COOKIE}=([^;]*)`).exec(response.headers.get('set-cookie') ?? '')?.[1];
const advance = (ms: number) => (now = new Date(now.getTime() + ms));

describe('signing in', () => {
  it('answers 401 problem+json without a session, except for health and sign-in', async () => {
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    for (const path of [
      '/api/stores',
      '/api/areas',
      '/api/customers',
      '/api/auth/me',
      '/api/openapi.json',
      '/api/no-such-route',
    ]) {
      await expectProblem(await fetch(server.url + path), 401);
    }
  });

  it('sets an HttpOnly, SameSite=Lax session cookie, Secure behind HTTPS, and a new id at every sign-in', async () => {
    const first = await login({ email: OWNER_EMAIL, password: OWNER_PASSWORD });
    expect(first.status).toBe(200);
    const setCookie = first.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).not.toMatch(/Secure/i);
    const me = (await first.json()) as {
      user: { email: string; role: Role };
      permissions: string[];
    };
    expect(me.user).toMatchObject({ email: OWNER_EMAIL, role: 'owner' });
    expect(me.user).not.toHaveProperty('passwordHash');

    // Signing in again from the same browser ends the old session (no session fixation).
    const old = cookieOf(first)!;
    const second = await login(
      { email: OWNER_EMAIL, password: OWNER_PASSWORD },
      { Cookie: `${SESSION_COOKIE}=${old}` },
    );
    expect(cookieOf(second)).not.toBe(old);
    expect((await signedInFetch(server.url, old, '')('/api/auth/me')).status).toBe(401);
    expect((await signedInFetch(server.url, cookieOf(second)!, '')('/api/auth/me')).status).toBe(
      200,
    );

    // HTTPS ends at a reverse proxy, which says so in X-Forwarded-Proto: believed only from a trusted proxy.
    const secure = await login(
      { email: OWNER_EMAIL, password: OWNER_PASSWORD },
      { 'X-Forwarded-Proto': 'https' },
      proxied,
    );
    expect(secure.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    expect(secure.headers.get('set-cookie')).toMatch(/Secure/i);
  });

  it('ignores X-Forwarded-Proto for the Secure flag unless a proxy is trusted', async () => {
    const claimed = await login(
      { email: OWNER_EMAIL, password: OWNER_PASSWORD },
      { 'X-Forwarded-Proto': 'https' },
    );
    expect(claimed.status).toBe(200);
    expect(claimed.headers.get('set-cookie')).not.toMatch(/Secure/i);
  });

  it('refuses a wrong password or an unknown email alike, and a deactivated user', async () => {
    const wrong = await expectProblem(
      await login({ email: OWNER_EMAIL, password: 'not-the-password' }),
      401,
      'body.password',
    );
    const unknown = await expectProblem(
      await login({ email: 'nobody@example.test', password: 'whatever-password' }),
      401,
      'body.password',
    );
    expect(unknown.detail).toBe(wrong.detail);
    const viewer = await server.as('viewer', {
      email: 'leaving@example.test',
      password: 'leaving-password',
    });
    server.deps.db.prepare('UPDATE users SET active = 0 WHERE id = ?').run(viewer.userId);
    expect((await viewer('/api/auth/me')).status).toBe(401);
    await expectProblem(
      await login({ email: 'leaving@example.test', password: 'leaving-password' }),
      401,
    );
    await expectProblem(await login({ email: OWNER_EMAIL }), 422, 'body.password');
  });

  it('tells the app whether it is signed in without a 401', async () => {
    expect(await (await fetch(`${server.url}/api/auth/session`)).json()).toEqual({ me: null });
    const owner = await server.signIn(OWNER_EMAIL, OWNER_PASSWORD);
    const { me } = (await (await owner('/api/auth/session')).json()) as {
      me: { user: { email: string } };
    };
    expect(me.user.email).toBe(OWNER_EMAIL);
  });

  it('signs out', async () => {
    const owner = await server.signIn(OWNER_EMAIL, OWNER_PASSWORD);
    const out = await owner('/api/auth/logout', { method: 'POST' });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(new RegExp(`${SESSION_COOKIE}=;`));
    expect((await owner('/api/auth/me')).status).toBe(401);
  });

  it('ends a session after the idle time and after the absolute lifetime, however busy', async () => {
    const idle = await server.signIn(OWNER_EMAIL, OWNER_PASSWORD);
    advance(SESSION_IDLE_MS - 60_000);
    expect((await idle('/api/auth/me')).status).toBe(200);
    advance(SESSION_IDLE_MS - 60_000);
    expect((await idle('/api/auth/me')).status).toBe(200);
    advance(SESSION_IDLE_MS + 1);
    expect((await idle('/api/auth/me')).status).toBe(401);

    const busy = await server.signIn(OWNER_EMAIL, OWNER_PASSWORD);
    for (let t = 0; t < SESSION_ABSOLUTE_MS; t += SESSION_IDLE_MS / 2) {
      expect((await busy('/api/auth/me')).status).toBe(200);
      advance(SESSION_IDLE_MS / 2);
    }
    expect((await busy('/api/auth/me')).status).toBe(401);
  });

  it('changes the password: the old one stops working, other sessions end, this browser gets a new session', async () => {
    const user = await server.as('marketer', {
      email: 'pw@example.test',
      password: 'first-password-1',
    });
    const elsewhere = await server.signIn('pw@example.test', 'first-password-1');
    await expectProblem(
      await user('/api/auth/password', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          currentPassword: 'nope-nope-nope',
          newPassword: 'second-password-2',
        }),
      }),
      422,
      'body.currentPassword',
    );
    await expectProblem(
      await user('/api/auth/password', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ currentPassword: 'first-password-1', newPassword: 'short' }),
      }),
      422,
      'body.newPassword',
    );
    const changed = await user('/api/auth/password', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        currentPassword: 'first-password-1',
        newPassword: 'second-password-2',
      }),
    });
    expect(changed.status).toBe(204);
    const rotated = cookieOf(changed)!;
    expect(rotated).not.toBe(user.session);
    expect((await user('/api/auth/me')).status).toBe(401);
    expect((await elsewhere('/api/auth/me')).status).toBe(401);
    expect((await signedInFetch(server.url, rotated, '')('/api/auth/me')).status).toBe(200);
    await expectProblem(
      await login({ email: 'pw@example.test', password: 'first-password-1' }),
      401,
    );
    expect((await login({ email: 'pw@example.test', password: 'second-password-2' })).status).toBe(
      200,
    );
  });
});

describe('cross-site requests', () => {
  let session: string;
  beforeAll(async () => {
    session = (await server.signIn(OWNER_EMAIL, OWNER_PASSWORD)).session;
  });
  const write = (headers: Record<string, string>) =>
    fetch(`${server.url}/api/areas/territories`, {
      method: 'POST',
      headers: { Cookie: `${SESSION_COOKIE}=${session}`, ...headers },
    });

  it('refuses cookie-authenticated writes from another site or with no origin at all, and writes nothing', async () => {
    const before = server.deps.db.prepare('SELECT count(*) FROM areas').pluck().get();
    await expectProblem(await write({}), 403);
    await expectProblem(await write({ Origin: 'https://evil.example' }), 403);
    await expectProblem(await write({ Origin: 'null' }), 403);
    await expectProblem(await write({ 'Sec-Fetch-Site': 'cross-site', Origin: server.url }), 403);
    await expectProblem(await write({ 'Sec-Fetch-Site': 'same-site' }), 403);
    expect(server.deps.db.prepare('SELECT count(*) FROM areas').pluck().get()).toBe(before);
    await expectProblem(
      await login(
        { email: OWNER_EMAIL, password: OWNER_PASSWORD },
        { Origin: 'https://evil.example' },
      ),
      403,
    );
  });

  it('accepts them from the app itself', async () => {
    expect((await write({ 'Sec-Fetch-Site': 'same-origin' })).status).toBe(201);
    expect((await write({ Origin: server.url })).status).toBe(201);
  });
});

describe('forwarded headers', () => {
  const circle = JSON.stringify({
    kind: 'radius',
    params: { center: [13.4, 52.5], radiusMeters: 1000 },
  });
  /** A cookie-authenticated POST /api/areas with a valid body, signed in afresh (earlier tests move the clock on days). */
  const createArea = async (target: TestServer, headers: Record<string, string>) => {
    const { session } = await target.signIn(OWNER_EMAIL, OWNER_PASSWORD);
    return fetch(`${target.url}/api/areas`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Cookie: `${SESSION_COOKIE}=${session}`,
        ...headers,
      },
      body: circle,
    });
  };
  const areaCount = (target: TestServer) =>
    target.deps.db.prepare('SELECT count(*) FROM areas').pluck().get();

  it('refuse a cookie write from another site that names itself in X-Forwarded-Host, when no proxy is trusted', async () => {
    const before = areaCount(server);
    await expectProblem(
      await createArea(server, {
        Origin: 'http://evil.example',
        'X-Forwarded-Host': 'evil.example',
      }),
      403,
    );
    expect(areaCount(server)).toBe(before);
    // The same body from the app itself is a valid write.
    expect((await createArea(server, { Origin: server.url })).status).toBe(201);
  });

  it('are honoured behind a trusted proxy: the host the browser addressed is the one the proxy forwarded', async () => {
    // The proxy serves the app at catchment.example and forwards to us, so the browser's Origin is that host.
    expect(
      (
        await createArea(proxied, {
          Origin: 'https://catchment.example',
          'X-Forwarded-Host': 'catchment.example',
          'X-Forwarded-Proto': 'https',
        })
      ).status,
    ).toBe(201);
    const before = areaCount(proxied);
    // A host the caller put in front of the proxy's own entry is not the proxy's word.
    await expectProblem(
      await createArea(proxied, {
        Origin: 'http://evil.example',
        'X-Forwarded-Host': 'evil.example, catchment.example',
      }),
      403,
    );
    expect(areaCount(proxied)).toBe(before);
  });
});

describe('sign-in back-off', () => {
  it('answers 429 with Retry-After after repeated failures, even with the right password, and lets the owner in later', async () => {
    const email = 'target@example.test';
    await server.as('viewer', { email, password: 'target-password-1' });
    for (let i = 0; i < 5; i++)
      await expectProblem(await login({ email, password: `guess-${i}-xxxxxxx` }), 401);
    const response = await login({ email, password: 'target-password-1' });
    const blocked = await expectProblem(response, 429);
    expect(blocked.detail).toMatch(/try again in \d+ s/);
    const retryAfter = Number(response.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    advance(retryAfter * 1000 + 1);
    expect((await login({ email, password: 'target-password-1' })).status).toBe(200);
  });

  it('does not lock a user out for a guesser elsewhere: their right password still signs in from another client', async () => {
    const email = 'victim@example.test';
    await proxied.as('viewer', { email, password: 'victim-password-1' });
    const attacker = '203.0.113.66';
    for (let i = 0; i < 5; i++)
      await expectProblem(
        await loginFrom(attacker, { email, password: `guess-${i}-xxxxxxx` }),
        401,
      );

    // The guesser waits, whether the next guess is wrong or right…
    for (const password of ['guess-5-xxxxxxx', 'victim-password-1']) {
      const blocked = await loginFrom(attacker, { email, password });
      await expectProblem(blocked, 429);
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    // …the user, at another address, signs in at once, and that does not free the guesser.
    const user = await loginFrom('198.51.100.7', { email, password: 'victim-password-1' });
    expect(user.status).toBe(200);
    expect(user.headers.get('set-cookie')).toContain(SESSION_COOKIE);
    await expectProblem(await loginFrom(attacker, { email, password: 'guess-6-xxxxxxx' }), 429);
  });

  it('slows one client guessing across many accounts, and only that client', async () => {
    const guesser = '192.0.2.77';
    for (let i = 0; i < 20; i++)
      await expectProblem(
        await loginFrom(guesser, { email: `someone-${i}@example.test`, password: 'password-123' }),
        401,
      );
    const blocked = await loginFrom(guesser, {
      email: 'someone-else@example.test',
      password: 'password-123',
    });
    await expectProblem(blocked, 429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    // Its neighbour behind the same proxy is another client.
    await expectProblem(
      await loginFrom('192.0.2.78', {
        email: 'someone-else@example.test',
        password: 'password-123',
      }),
      401,
    );
  });
});

describe('the first owner', () => {
  it('gets a generated password shown once, outside the log, when none is configured', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'catchment-owner-'));
    const parsed = parseConfig({
      PORT: '0',
      CATCHMENT_DB: join(dir, 'c.db'),
      CATCHMENT_DEMO_CUSTOMERS: '20',
      CATCHMENT_LOG: 'info',
    });
    if (!parsed.ok) throw new Error(parsed.errors.join());
    const announced: string[] = [];
    const logLines: string[] = [];
    const logger = {
      info: (m: string, f?: object) => logLines.push(JSON.stringify({ m, ...f })),
      error: (m: string, f?: object) => logLines.push(JSON.stringify({ m, ...f })),
    };
    try {
      const first = await startServer(parsed.config, {
        logger,
        announce: (text) => announced.push(text),
      });
      expect(announced).toHaveLength(1);
      const email = /account: (\S+)/.exec(announced[0]!)![1]!;
      const password = /Password: (\S+)/.exec(announced[0]!)![1]!;
      expect(email).toBe('owner@catchment.local');
      expect(password.length).toBeGreaterThanOrEqual(20);
      const response = await fetch(`${first.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: first.url },
        body: JSON.stringify({ email, password }),
      });
      expect(((await response.json()) as { user: { role: string } }).user.role).toBe('owner');
      await first.close();
      const again = await startServer(parsed.config, {
        logger,
        announce: (text) => announced.push(text),
      });
      await again.close();
      expect(announced).toHaveLength(1);
      expect(logLines.join('\n')).not.toContain(password);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the permission matrix', () => {
  const keyOf = (route: { method: string; path: string }) => `${route.method} ${route.path}`;

  it('names every API route, and only routes that exist', () => {
    const routes = createApp(server.deps).routes.filter(
      (r) => r.path.startsWith('/api') && r.method !== 'ALL' && !r.path.includes('*'),
    );
    const keys = new Set(routes.map(keyOf));
    expect([...keys].filter((k) => !(k in routeAccess))).toEqual([]);
    expect(Object.keys(routeAccess).filter((k) => !keys.has(k))).toEqual([]);
  });

  it('gives each role what PRODUCT.md says', () => {
    expect(rolePermissions.owner).toContain('users:admin');
    expect(rolePermissions.manager).not.toContain('users:admin');
    expect(rolePermissions.marketer).not.toContain('customers:read');
    expect(rolePermissions.marketer).not.toContain('customers:export');
    expect(rolePermissions.viewer.every((p) => p.endsWith(':read'))).toBe(true);
    // Rows about one person (customers, exports, redemptions) are for roles that see customers, never aggregate ones.
    for (const role of roles.filter((r) => customerAccessByRole[r] === 'aggregate')) {
      expect(
        rolePermissions[role].filter((p) =>
          ['customers:read', 'customers:export', 'redemptions:read'].includes(p),
        ),
      ).toEqual([]);
    }
    expect(customerAccessByRole).toEqual({
      owner: 'all',
      manager: 'all',
      store_manager: 'own-stores',
      marketer: 'aggregate',
      viewer: 'aggregate',
    });
  });

  it('lets each role call exactly the routes it may, and refuses anonymous callers', async () => {
    const sessions = Object.fromEntries(
      await Promise.all(roles.map(async (role) => [role, await server.as(role)] as const)),
    ) as Record<Role, SignedInFetch>;
    const concrete = (path: string) => path.replace(':file', '0.pbf').replace(/:[a-z]+/g, 'x');
    const keys = Object.keys(routeAccess).sort(
      (a, b) => Number(a === 'POST /api/auth/logout') - Number(b === 'POST /api/auth/logout'),
    );
    const wrong: string[] = [];
    for (const key of keys) {
      const [method, path] = key.split(' ') as [string, string];
      const init =
        method === 'GET'
          ? {}
          : { method, headers: { 'Content-Type': 'application/json' }, body: '{}' };
      const anonymous = await fetch(server.url + concrete(path), {
        ...init,
        headers: { ...(init.headers ?? {}), Origin: server.url },
      });
      if (
        routeAccess[key] === 'public'
          ? [401, 403].includes(anonymous.status)
          : anonymous.status !== 401
      )
        wrong.push(`anonymous ${key} → ${anonymous.status}`);
      for (const role of roles) {
        const principal = { kind: 'user', permissions: rolePermissions[role] } as Principal;
        const status = (await sessions[role](concrete(path), init)).status;
        const allowed = allows(principal, routeAccess[key]!);
        if (allowed ? [401, 403].includes(status) : status !== 403)
          wrong.push(`${role} ${key} → ${status}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
