// Security headers on every response, the app shell and the API alike: a Content-Security-Policy the app runs under
// (no inline script or style, verified in Chromium by every e2e test), no framing, no MIME sniffing.
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/**
 * A configured basemap style lives on another server, and its tiles, sprites and glyphs may come from further
 * hosts the style names: connections to its origin and to any https: host are allowed then, and only then.
 */
export function connectSources(basemapStyleUrl: string | null): string[] {
  return basemapStyleUrl ? ["'self'", new URL(basemapStyleUrl).origin, 'https:'] : ["'self'"];
}

export function securityHeaders(options: { basemapStyleUrl: string | null }): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      // React and MapLibre set styles through the CSSOM (element.style), which CSP allows; no inline <style> needed.
      styleSrc: ["'self'"],
      // data: for the inline SVG favicon; blob: for MapLibre's decoded images.
      imgSrc: ["'self'", 'data:', 'blob:'],
      // MapLibre starts its workers from a blob: URL.
      workerSrc: ["'self'", 'blob:'],
      connectSrc: connectSources(options.basemapStyleUrl),
      fontSrc: ["'self'", 'data:'],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      frameAncestors: ["'none'"],
      formAction: ["'self'"],
    },
    xContentTypeOptions: 'nosniff',
    referrerPolicy: 'same-origin',
    xFrameOptions: 'DENY',
    // Browsers heed it over HTTPS only; no includeSubDomains, which would bind other hosts of a self-hosted domain.
    strictTransportSecurity: 'max-age=15552000',
  });
}
