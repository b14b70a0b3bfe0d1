// Request guards shared by every API route: URL and body size, repeated query parameters, media type, and 405 for known paths.
// The cheap ones are checks (a refusal or null) that app.ts runs several to one middleware level with `checks`: every
// level of Hono's middleware chain is an async dispatch, a measurable share of a till's lookup (issue 21).
import type { IncomingMessage } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { keepBody, readBody } from './node-body.js';
import { problemBody, problemResponse } from './problem.js';

export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;

/** A synchronous look at a request: the refusal to answer with, or null to let it through. */
export type Check = (c: Context) => Response | null;

/** One middleware level running `list` in order: the first refusal answers, else the request goes on. */
export function checks(...list: Check[]): MiddlewareHandler {
  return (c, next) => {
    for (const check of list) {
      const refusal = check(c);
      if (refusal) return Promise.resolve(refusal);
    }
    return next();
  };
}

/** The path and query exactly as the client sent them (before URL parsing folds `..` and percent-escapes). */
const rawUrl = (c: Context): string =>
  (c.env as { incoming?: { url?: string } } | undefined)?.incoming?.url ??
  c.req.url.slice(new URL(c.req.url).origin.length);

/**
 * GET and HEAD requests carry no body as the app sees them (a fetch Request cannot have one), so they skip the check:
 * asking for the body makes @hono/node-server build a full Request for every read, a large share of a cheap GET's cost.
 * Under Node the body is read from its own stream into Hono's body cache (node-body.ts); elsewhere (app.request)
 * Hono's bodyLimit reads the fetch Request.
 */
export function limitBody(maxSize = DEFAULT_BODY_LIMIT_BYTES): MiddlewareHandler {
  // Close the connection: the unread rest of the body would otherwise be parsed as the next request.
  const tooLarge = (c: Context) =>
    problemResponse(
      c,
      problemBody(413, `The request body is larger than ${maxSize.toLocaleString('en')} bytes`, [
        {
          field: 'body',
          code: 'too_large',
          maximum: maxSize,
          message: `larger than ${maxSize} bytes`,
        },
      ]),
      { Connection: 'close' },
    );
  const viaFetch = bodyLimit({ maxSize, onError: tooLarge });
  return (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
    if (!incoming) return viaFetch(c, next);
    const length = incoming.headers['content-length'];
    const chunked = incoming.headers['transfer-encoding'] !== undefined;
    if (!chunked && (length === undefined || length === '0')) return next();
    if (!chunked && Number(length) > maxSize) return Promise.resolve(tooLarge(c));
    return readBody(incoming, maxSize).then((bytes): Promise<Response | void> | Response => {
      if (!bytes) return tooLarge(c);
      keepBody(c, bytes);
      return next();
    });
  };
}

/** Longest URL (path and query, as sent) the server reads; a common limit of proxies too (nginx, most CDNs: 8 KiB). */
export const MAX_URL_LENGTH = 8192;

/**
 * 414 problem+json for a URL longer than `max`, naming its longest query parameter: a query that long is almost always
 * one value (a segment) that belongs in a POST body. Node refuses even longer ones before this (see client-errors.ts).
 */
export function urlTooLong(max = MAX_URL_LENGTH): Check {
  return (c) => {
    const raw = rawUrl(c);
    if (raw.length <= max) return null;
    const query = raw.includes('?') ? raw.slice(raw.indexOf('?') + 1) : '';
    const longest = query
      .split('&')
      .map((pair) => ({ key: pair.split('=')[0]!, length: pair.length }))
      .reduce((a, b) => (b.length > a.length ? b : a), { key: '', length: 0 });
    let field = 'path';
    if (longest.key) {
      try {
        field = `query.${decodeURIComponent(longest.key.replace(/\+/g, ' '))}`;
      } catch {
        field = 'query';
      }
    }
    const message = `the URL is ${raw.length.toLocaleString('en')} characters; at most ${max.toLocaleString('en')} are read`;
    return problemResponse(
      c,
      problemBody(414, `${message}. Send large values (a segment) in a POST body instead.`, [
        { field, code: 'url_too_long', message },
      ]),
    );
  };
}

/**
 * A query parameter given twice is refused, naming it: routes read one value, and which of `bbox=…&bbox=…` would win
 * is not something a caller should have to guess.
 */
export const repeatedQuery: Check = (c) => {
  const url = c.req.url;
  const start = url.indexOf('?');
  // One parameter cannot repeat: a till's lookup and most GETs stop here.
  if (start < 0 || !url.includes('&', start)) return null;
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const key of new URLSearchParams(url.slice(start + 1)).keys())
    (seen.has(key) ? repeated : seen).add(key);
  if (repeated.size === 0) return null;
  const names = [...repeated];
  return problemResponse(
    c,
    problemBody(
      400,
      `Give each query parameter once; repeated: ${names.join(', ')}`,
      names.map((name) => ({
        field: `query.${name}`,
        code: 'repeated_parameter',
        message: 'given more than once; send it once',
      })),
    ),
  );
};

/**
 * Write requests must say what they send. Routes that take other types (CSV, calendars) list them here by path prefix.
 */
export function mediaTypeRequired(accepted: { prefix: string; types: string[] }[] = []): Check {
  return (c) => {
    const method = c.req.method;
    if (method !== 'POST' && method !== 'PUT' && method !== 'PATCH') return null;
    const hasBody =
      c.req.header('Content-Length') !== '0' &&
      (c.req.header('Content-Length') !== undefined ||
        c.req.header('Transfer-Encoding') !== undefined);
    if (!hasBody) return null;
    const type = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
    const allowed = accepted.find((rule) => c.req.path.startsWith(rule.prefix))?.types ?? [
      'application/json',
    ];
    if (allowed.includes(type)) return null;
    return problemResponse(
      c,
      problemBody(
        415,
        `Send the body as ${allowed.join(' or ')}${type ? `, not ${type}` : ' (Content-Type is missing)'}`,
        [
          {
            field: 'headers.content-type',
            code: 'media_type',
            message: `expected ${allowed.join(' or ')}`,
          },
        ],
      ),
      { Accept: allowed.join(', ') },
    );
  };
}

/** Methods registered for a path, from the app's route table; used to tell 405 from 404. */
export function allowedMethods(routes: { method: string; path: string }[], path: string): string[] {
  const methods = new Set<string>();
  for (const route of routes) {
    if (route.method === 'ALL' || route.path.includes('*')) continue;
    const pattern =
      '^' +
      route.path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z_]\w*/g, '[^/]+') +
      '$';
    if (new RegExp(pattern).test(path)) methods.add(route.method);
  }
  if (methods.has('GET')) methods.add('HEAD');
  return [...methods];
}

export function methodNotAllowed(c: Context, allowed: string[]): Response {
  return problemResponse(
    c,
    problemBody(
      405,
      `${c.req.method} is not supported on ${c.req.path}; use ${allowed.join(', ')}`,
    ),
    { Allow: allowed.join(', ') },
  );
}

/**
 * URL parsing folds `/assets/../../etc/passwd` into `/etc/passwd` before routing, so a traversal attempt would
 * quietly get the app shell. Refuse it outright instead, looking at the path exactly as the client sent it.
 */
export const dotSegments: Check = (c) => {
  const raw = rawUrl(c).split('?')[0]!;
  // Nothing to decode and no `..`: the common case, without decoding or a regular expression.
  if (!raw.includes('%') && !raw.includes('..')) return null;
  let decoded = raw;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return problemResponse(c, problemBody(400, 'The path is not valid percent-encoding'));
  }
  if (/(^|[/\\])\.\.([/\\]|$)/.test(decoded))
    return problemResponse(c, problemBody(400, 'Paths may not contain ".." segments'));
  return null;
};
