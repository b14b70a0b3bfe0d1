// Security headers on every response, the app shell and the API alike: a Content-Security-Policy the app runs under
// (no inline script or style, verified in Chromium by every e2e test), no framing, no MIME sniffing.
import type { ServerResponse } from 'node:http';
import type { MiddlewareHandler } from 'hono';

/**
 * A configured basemap style lives on another server, and its tiles, sprites and glyphs may come from further
 * hosts the style names: connections to its origin and to any https: host are allowed then, and only then.
 */
export function connectSources(basemapStyleUrl: string | null): string[] {
  return basemapStyleUrl ? ["'self'", new URL(basemapStyleUrl).origin, 'https:'] : ["'self'"];
}

/** Every header, as data: computed once, set on every response. */
export function securityHeaderList(options: {
  basemapStyleUrl: string | null;
}): [string, string][] {
  const csp = {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    // React and MapLibre set styles through the CSSOM (element.style), which CSP allows; no inline <style> needed.
    'style-src': ["'self'"],
    // data: for the inline SVG favicon; blob: for MapLibre's decoded images.
    'img-src': ["'self'", 'data:', 'blob:'],
    // MapLibre starts its workers from a blob: URL.
    'worker-src': ["'self'", 'blob:'],
    'connect-src': connectSources(options.basemapStyleUrl),
    'font-src': ["'self'", 'data:'],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'frame-ancestors': ["'none'"],
    'form-action': ["'self'"],
  };
  return [
    [
      'Content-Security-Policy',
      Object.entries(csp)
        .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
        .join('; '),
    ],
    ['Cross-Origin-Opener-Policy', 'same-origin'],
    ['Cross-Origin-Resource-Policy', 'same-origin'],
    ['Origin-Agent-Cluster', '?1'],
    ['Referrer-Policy', 'same-origin'],
    // Browsers heed it over HTTPS only; no includeSubDomains, which would bind other hosts of a self-hosted domain.
    ['Strict-Transport-Security', 'max-age=15552000'],
    ['X-Content-Type-Options', 'nosniff'],
    ['X-DNS-Prefetch-Control', 'off'],
    ['X-Download-Options', 'noopen'],
    ['X-Frame-Options', 'DENY'],
    ['X-Permitted-Cross-Domain-Policies', 'none'],
    ['X-XSS-Protection', '0'],
  ];
}

/**
 * The headers an API answer (JSON, tiles, glyphs, files) needs, as OWASP's REST Security Cheat Sheet lists them: no
 * document is ever rendered from one, so its policy refuses everything (`default-src 'none'`), and the document-only
 * headers (opener policy, agent cluster, DNS prefetch, the old XSS filter) stay off. Half the headers and a tenth of
 * the bytes of a page's set: a till's lookup pays for every header it sends.
 */
export const API_SECURITY_HEADERS: [string, string][] = [
  ['Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'"],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['Referrer-Policy', 'same-origin'],
  ['Strict-Transport-Security', 'max-age=15552000'],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'DENY'],
];

/** API answers get API_SECURITY_HEADERS; pages, the API's own docs page and its scripts get the page's set. */
const isApiAnswer = (path: string) =>
  (path.startsWith('/api/') && !path.startsWith('/api/docs')) || path.startsWith('/glyphs/');

type NodeEnv = { Bindings: { outgoing?: ServerResponse } };

/**
 * Sets the security headers, then runs `then` (the cheap checks every request passes, in the same middleware level).
 * Under @hono/node-server the headers go on Node's own response, whose writeHead merges them with the route's: the
 * route's Response then keeps node-server's fast path, where setting them on c.res would build a WHATWG Headers on
 * every request. Elsewhere (app.request) they are set on c.res once the answer exists.
 */
export function securityHeaders(
  options: { basemapStyleUrl: string | null },
  then: MiddlewareHandler = (_c, next) => next(),
): MiddlewareHandler<NodeEnv> {
  const page = securityHeaderList(options);
  return (c, next) => {
    const headers = isApiAnswer(c.req.path) ? API_SECURITY_HEADERS : page;
    const outgoing = c.env?.outgoing;
    if (outgoing) {
      for (const [name, value] of headers) outgoing.setHeader(name, value);
      return then(c, next);
    }
    return (async () => {
      const refusal = await then(c, next);
      if (refusal instanceof Response) c.res = refusal;
      for (const [name, value] of headers) c.res.headers.set(name, value);
    })();
  };
}
