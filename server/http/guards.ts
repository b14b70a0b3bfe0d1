// Request guards shared by every API route: body size, media type, and 405 for known paths.
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { problemBody, problemResponse } from './problem.js';

export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * GET and HEAD requests carry no body as the app sees them (a fetch Request cannot have one), so they skip the check:
 * asking for the body makes @hono/node-server build a full Request for every read, a large share of a cheap GET's cost.
 */
export function limitBody(maxSize = DEFAULT_BODY_LIMIT_BYTES): MiddlewareHandler {
  const limit = bodyLimit({
    maxSize,
    // Close the connection: the unread rest of the body would otherwise be parsed as the next request.
    onError: (c) => problemResponse(c, problemBody(413, `The request body is larger than ${maxSize.toLocaleString('en')} bytes`), { Connection: 'close' }),
  });
  return (c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limit(c, next));
}

/**
 * Write requests must say what they send. Routes that take other types (CSV, calendars) list them here by path prefix.
 */
export function requireMediaType(accepted: { prefix: string; types: string[] }[] = []): MiddlewareHandler {
  return async (c, next) => {
    if (!['POST', 'PUT', 'PATCH'].includes(c.req.method)) return next();
    const hasBody = c.req.header('Content-Length') !== '0' && (c.req.header('Content-Length') !== undefined || c.req.header('Transfer-Encoding') !== undefined);
    if (!hasBody) return next();
    const type = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
    const allowed = accepted.find((rule) => c.req.path.startsWith(rule.prefix))?.types ?? ['application/json'];
    if (allowed.includes(type)) return next();
    return problemResponse(
      c,
      problemBody(415, `Send the body as ${allowed.join(' or ')}${type ? `, not ${type}` : ' (Content-Type is missing)'}`, [
        { field: 'headers.content-type', message: `expected ${allowed.join(' or ')}` },
      ]),
      { Accept: allowed.join(', ') },
    );
  };
}

/** Methods registered for a path, from the app's route table; used to tell 405 from 404. */
export function allowedMethods(routes: { method: string; path: string }[], path: string): string[] {
  const methods = new Set<string>();
  for (const route of routes) {
    if (route.method === 'ALL' || route.path.includes('*')) continue;
    const pattern = '^' + route.path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z_]\w*/g, '[^/]+') + '$';
    if (new RegExp(pattern).test(path)) methods.add(route.method);
  }
  if (methods.has('GET')) methods.add('HEAD');
  return [...methods];
}

export function methodNotAllowed(c: Context, allowed: string[]): Response {
  return problemResponse(c, problemBody(405, `${c.req.method} is not supported on ${c.req.path}; use ${allowed.join(', ')}`), { Allow: allowed.join(', ') });
}

/**
 * URL parsing folds `/assets/../../etc/passwd` into `/etc/passwd` before routing, so a traversal attempt would
 * quietly get the app shell. Refuse it outright instead, looking at the path exactly as the client sent it.
 */
export function refuseDotSegments(): MiddlewareHandler<{ Bindings: { incoming?: { url?: string } } }> {
  return async (c, next) => {
    const raw = (c.env?.incoming?.url ?? new URL(c.req.url).pathname).split('?')[0]!;
    let decoded = raw;
    try {
      decoded = decodeURIComponent(raw);
    } catch {
      return problemResponse(c, problemBody(400, 'The path is not valid percent-encoding'));
    }
    if (/(^|[/\\])\.\.([/\\]|$)/.test(decoded)) return problemResponse(c, problemBody(400, 'Paths may not contain ".." segments'));
    return next();
  };
}
