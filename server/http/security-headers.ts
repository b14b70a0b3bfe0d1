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
 * Under @hono/node-server the headers go on Node's own response, whose writeHead merges them with the route's: the
 * route's Response then keeps node-server's fast path, where setting them on c.res would build a WHATWG Headers on
 * every request (a tenth of a till's live-offers lookup). Elsewhere (app.request) they are set on c.res.
 */
export function securityHeaders(options: {
  basemapStyleUrl: string | null;
}): MiddlewareHandler<{ Bindings: { outgoing?: ServerResponse } }> {
  const headers = securityHeaderList(options);
  return async (c, next) => {
    const outgoing = c.env?.outgoing;
    if (outgoing) {
      for (const [name, value] of headers) outgoing.setHeader(name, value);
      return next();
    }
    await next();
    for (const [name, value] of headers) c.res.headers.set(name, value);
  };
}
