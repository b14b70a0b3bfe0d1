// Serves the built client: hashed assets cached for a year, the SPA shell for app routes only.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { problemBody, problemResponse } from './problem.js';

/** Types hono's table lacks or gets wrong for maps. */
const extraMimeTypes: Record<string, string> = {
  '.pbf': 'application/x-protobuf',
  '.mvt': 'application/vnd.mapbox-vector-tile',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
};

const IMMUTABLE = 'public, max-age=31536000, immutable';

/** An app route is a path with no file extension outside /api, /assets and /glyphs: it gets index.html. */
export function isAppRoute(path: string): boolean {
  if (/^\/(api|assets|glyphs)(\/|$)/.test(path)) return false;
  const lastSegment = path.slice(path.lastIndexOf('/') + 1);
  return !lastSegment.includes('.');
}

export function clientRoutes(options: { distDir: string }): Hono {
  const { distDir } = options;
  const indexFile = join(distDir, 'index.html');
  const app = new Hono();

  app.use('*', async (c, next) => {
    await next();
    const ext = c.req.path.match(/\.[a-z0-9]+$/i)?.[0]?.toLowerCase();
    const mime = ext ? extraMimeTypes[ext] : undefined;
    if (mime && c.res.status === 200) c.res.headers.set('Content-Type', mime);
  });

  app.use(
    '/assets/*',
    serveStatic({
      root: distDir,
      onFound: (_path, c) => {
        c.header('Cache-Control', IMMUTABLE);
      },
    }),
  );
  app.use(
    '*',
    serveStatic({
      root: distDir,
      index: 'no-directory-index',
      onFound: (_path, c) => {
        c.header('Cache-Control', 'public, max-age=300');
      },
    }),
  );

  app.get('*', (c) => {
    if (!isAppRoute(c.req.path))
      return problemResponse(c, problemBody(404, `No file at ${c.req.path}`));
    if (!existsSync(indexFile)) {
      return problemResponse(
        c,
        problemBody(
          503,
          'The client is not built yet: run `npm run build` (npm start does it for you).',
        ),
      );
    }
    // Read per request: index.html is small, and a rebuild must not need a restart.
    return c.html(readFileSync(indexFile, 'utf8'), 200, { 'Cache-Control': 'no-cache' });
  });
  return app;
}
