// /api/auth: sign in (with back-off after failures), sign out, who am I, change password.
import { createRoute } from '@hono/zod-openapi';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Context } from 'hono';
import type { AppDeps } from '../deps.js';
import { clearSessionCookie, principalOf, setSessionCookie, type AuthEnv } from '../http/auth.js';
import { ProblemError } from '../http/problem.js';
import { clientAddress } from '../http/proxy.js';
import { createRouter, problemContent } from '../http/router.js';
import { findUser, publicUser, type UserRecord } from '../db/repos/users.js';
import { customerAccessByRole, rolePermissions } from '../domain/permissions.js';
import { loginBody, me, passwordChange, session as sessionSchema } from '../domain/schemas/user.js';
import {
  changePassword,
  checkCredentials,
  endSession,
  startSession,
} from '../services/accounts/auth.js';

const json = { 'application/json': { schema: me } };
const tags = ['Auth'];

const login = createRoute({
  method: 'post',
  path: '/api/auth/login',
  tags,
  summary: 'Sign in: sets an HttpOnly session cookie',
  request: { body: { required: true, content: { 'application/json': { schema: loginBody } } } },
  responses: {
    200: { description: 'Signed in', content: json },
    401: { description: 'Wrong email or password', content: problemContent },
    429: {
      description: 'Too many failed attempts; Retry-After says how long to wait',
      content: problemContent,
    },
  },
});
const logout = createRoute({
  method: 'post',
  path: '/api/auth/logout',
  tags,
  summary: 'Sign out',
  responses: { 204: { description: 'Signed out' } },
});
const session = createRoute({
  method: 'get',
  path: '/api/auth/session',
  tags,
  summary:
    'Whether this browser is signed in (200 either way, so the app can ask before showing the sign-in page)',
  responses: {
    200: {
      description: 'The signed-in user, or null',
      content: { 'application/json': { schema: sessionSchema } },
    },
  },
});
const whoAmI = createRoute({
  method: 'get',
  path: '/api/auth/me',
  tags,
  summary: 'The signed-in user and what they may do',
  responses: { 200: { description: 'The user', content: json } },
});
const password = createRoute({
  method: 'post',
  path: '/api/auth/password',
  tags,
  summary: 'Change your password: signs you out everywhere else',
  request: {
    body: { required: true, content: { 'application/json': { schema: passwordChange } } },
  },
  responses: {
    204: { description: 'Changed' },
    422: {
      description: 'The current password is wrong or the new one too short',
      content: problemContent,
    },
  },
});

function meOf(user: UserRecord) {
  return {
    user: publicUser(user),
    permissions: [...rolePermissions[user.role]],
    customerAccess: customerAccessByRole[user.role],
  };
}

export function authRoutes({ db, config, clock, loginThrottle }: AppDeps) {
  return createRouter()
    .openapi(login, async (c) => {
      const { email, password: given } = c.req.valid('json');
      // Throttled per client and account (services/accounts/login-throttle.ts), so a guesser elsewhere cannot lock anyone out.
      const attempt = { client: clientAddress(c, config), account: email };
      const wait = loginThrottle.retryAfter(attempt, clock());
      if (wait > 0)
        throw new ProblemError(
          429,
          `Too many failed sign-ins; try again in ${wait} s`,
          undefined,
          { retryAfterSeconds: wait, code: 'rate_limited' },
          { 'Retry-After': String(wait) },
        );
      const hold = loginThrottle.holdMs(attempt, clock());
      if (hold > 0) await sleep(hold);
      const user = await checkCredentials(db, email, given, config.scryptCost);
      if (!user) {
        loginThrottle.failed(attempt, clock());
        throw new ProblemError(401, 'Wrong email or password', [
          { field: 'body.password', code: 'wrong_credentials', message: 'wrong email or password' },
        ]);
      }
      loginThrottle.succeeded(attempt);
      setSessionCookie(
        c,
        startSession(db, user.id, clock(), (c as unknown as Context<AuthEnv>).get('sessionId')),
        config,
      );
      return c.json(meOf(user), 200);
    })
    .openapi(logout, (c) => {
      const sessionId = c.get('sessionId');
      if (sessionId) endSession(db, sessionId);
      clearSessionCookie(c, config);
      return c.body(null, 204);
    })
    .openapi(session, (c) => {
      const principal = c.get('principal');
      const user = principal?.kind === 'user' ? findUser(db, principal.id) : null;
      return c.json({ me: user ? meOf(user) : null }, 200);
    })
    .openapi(whoAmI, (c) => c.json(meOf(findUser(db, principalOf(c).id)!), 200))
    .openapi(password, async (c) => {
      const body = c.req.valid('json');
      const user = findUser(db, principalOf(c).id)!;
      const sessionId = await changePassword(
        db,
        user,
        body.currentPassword,
        body.newPassword,
        clock(),
        c.get('sessionId') ?? '',
        config.scryptCost,
      );
      if (!sessionId)
        throw new ProblemError(422, 'The current password is wrong', [
          { field: 'body.currentPassword', code: 'wrong_password', message: 'wrong password' },
        ]);
      setSessionCookie(c, sessionId, config);
      return c.body(null, 204);
    });
}
