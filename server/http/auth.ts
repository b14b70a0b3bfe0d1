// Every /api request: cross-site writes refused, the caller identified (session cookie or API token), and the route
// looked up in the permission matrix (server/domain/permissions.ts). A route missing from the matrix is refused.
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { matchedRoutes } from 'hono/route';
import type { AppDeps } from '../deps.js';
import { allows, routeAccess, type Principal } from '../domain/permissions.js';
import {
  SESSION_ABSOLUTE_MS,
  SESSION_COOKIE,
  sessionUser,
  tokenPrincipal,
  userPrincipal,
} from '../services/accounts/auth.js';
import { problemBody, problemResponse } from './problem.js';
import { isHttps, requestHost, type ProxyTrust } from './proxy.js';

export interface AuthVariables {
  /** Who is calling; null only on public routes. */
  principal: Principal | null;
  /** The session id from the cookie, when the caller signed in with one. */
  sessionId: string | null;
}
export type AuthEnv = { Variables: AuthVariables };

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** `METHOD /path` of the route that will answer, as the permission matrix names it; null when none matches. */
export function routeKey(c: Context): string | null {
  const method = c.req.method === 'HEAD' ? 'GET' : c.req.method;
  // Wildcard routes (the app shell, the 404 and 405 answers) are fallbacks, not API routes.
  const route = matchedRoutes(c).find((r) => r.method === method && !r.path.includes('*'));
  return route ? `${method} ${route.path}` : null;
}

/**
 * Cookies ride along with cross-site requests, so a cookie-authenticated write must come from our own pages:
 * Sec-Fetch-Site says so in current browsers, Origin in older ones (compared with the host the browser addressed:
 * X-Forwarded-Host only behind a trusted proxy, or anyone could name their own site). Requests with neither are refused.
 */
function sameOrigin(c: Context, trust: ProxyTrust): boolean {
  const site = c.req.header('Sec-Fetch-Site');
  if (site) return site === 'same-origin';
  const origin = c.req.header('Origin');
  if (!origin || origin === 'null') return false;
  try {
    return new URL(origin).host === requestHost(c, trust);
  } catch {
    return false;
  }
}

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearerTokenOf(authorization: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  return match ? match[1]! : null;
}

const bearerToken = (c: Context) => bearerTokenOf(c.req.header('Authorization'));

/** One plain session cookie (what our own cookie always is), the rest of the header left unread. */
const PLAIN_SESSION_COOKIE = new RegExp(
  `(?:^|;)[ \\t]*${SESSION_COOKIE}=([A-Za-z0-9_-]+)[ \\t]*(?:;|$)`,
);

/**
 * The session cookie's value when a Cookie header holds it once and plainly, else undefined: parsing every cookie a
 * browser sends was a tenth of a cached list's CPU (issue 21).
 */
export function plainSessionCookie(header: string): string | undefined {
  const plain = PLAIN_SESSION_COOKIE.exec(header);
  if (plain && header.indexOf(SESSION_COOKIE, plain.index + SESSION_COOKIE.length) === -1)
    return plain[1];
  return undefined;
}

/** The session cookie's value; anything unusual (quoted, escaped, named twice) is parsed as Hono does. */
function sessionCookie(c: Context): string | undefined {
  const header = c.req.header('Cookie');
  if (!header) return undefined;
  return plainSessionCookie(header) ?? getCookie(c, SESSION_COOKIE);
}

export function setSessionCookie(c: Context, sessionId: string, trust: ProxyTrust): void {
  setCookie(c, SESSION_COOKIE, sessionId, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: isHttps(c, trust),
    path: '/',
    maxAge: SESSION_ABSOLUTE_MS / 1000,
  });
}

export function clearSessionCookie(c: Context, trust: ProxyTrust): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: isHttps(c, trust) });
}

export function authenticate(deps: AppDeps): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const token = bearerToken(c);
    if (UNSAFE.has(c.req.method) && !token && !sameOrigin(c, deps.config)) {
      return problemResponse(
        c,
        problemBody(
          403,
          'Cross-site request refused: send writes from the Catchment app itself, or with an API token',
        ),
      );
    }

    const now = deps.clock();
    let principal: Principal | null = null;
    let sessionId: string | null = null;
    if (token) {
      principal = tokenPrincipal(deps.db, token, now);
      if (!principal)
        return problemResponse(
          c,
          problemBody(401, 'The API token is unknown or has been revoked'),
          { 'WWW-Authenticate': 'Bearer' },
        );
    } else {
      sessionId = sessionCookie(c) ?? null;
      const user = sessionId ? sessionUser(deps.db, sessionId, now) : null;
      if (user) principal = userPrincipal(user);
      else if (sessionId) {
        clearSessionCookie(c, deps.config);
        sessionId = null;
      }
    }
    c.set('principal', principal);
    c.set('sessionId', sessionId);

    const key = routeKey(c);
    const access = key === null ? undefined : routeAccess[key];
    if (access === 'public') return next();
    if (!principal)
      return problemResponse(c, problemBody(401, 'Sign in to use Catchment, or send an API token'));
    // No route: the 404 and 405 answers follow.
    if (key === null) return next();
    if (access === undefined)
      return problemResponse(
        c,
        problemBody(403, `${key} is not in the permission matrix, so nobody may call it`),
      );
    if (!allows(principal, access)) {
      const who = principal.kind === 'token' ? 'This API token' : `Your role (${principal.role})`;
      return problemResponse(
        c,
        problemBody(
          403,
          `${who} may not do this: it needs ${access === 'signed-in' ? 'a signed-in user' : `the ${access} permission`}`,
        ),
      );
    }
    return next();
  };
}

/** The caller on a route that is not public (the middleware has refused anonymous calls already). */
export function principalOf(c: Context<AuthEnv>): Principal {
  const principal = c.get('principal');
  if (!principal) throw new Error('principalOf on a public route');
  return principal;
}
