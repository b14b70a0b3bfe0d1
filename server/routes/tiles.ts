// GET /api/tiles/customers/{z}/{x}/{y}.pbf: customer clusters and points as Mapbox Vector Tiles.
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.js';
import type { AuthEnv } from '../http/auth.js';
import { createRouter, problemContent } from '../http/router.js';
import { ProblemError } from '../http/problem.js';
import { CUSTOMER_TILE_LAYER, tileViewFor, tileViewKey } from '../services/customers/tiles.js';
import { principalOf } from '../http/auth.js';

const MAX_TILE_ZOOM = 22;

/** z/x/y must name a real tile: 0 ≤ x, y < 2^z. */
export function parseTileAddress(
  z: string,
  x: string,
  y: string,
): { z: number; x: number; y: number } | null {
  if (![z, x, y].every((part) => /^\d{1,7}$/.test(part))) return null;
  const [zn, xn, yn] = [Number(z), Number(x), Number(y)];
  if (zn > MAX_TILE_ZOOM || xn >= 2 ** zn || yn >= 2 ** zn) return null;
  return { z: zn, x: xn, y: yn };
}

export function tileRoutes({ customerTiles, db }: AppDeps) {
  const app = createRouter();
  describe(app);
  return app.get('/api/tiles/customers/:z/:x/:file', (c) => {
    const { z, x, file } = c.req.param();
    const match = /^(\d+)\.pbf$/.exec(file);
    const address = match ? parseTileAddress(z, x, match[1]!) : null;
    if (!address) {
      throw new ProblemError(
        400,
        `${z}/${x}/${file} is not a tile address: use {z}/{x}/{y}.pbf with 0 ≤ x, y < 2^z and z ≤ ${MAX_TILE_ZOOM}`,
        [{ field: 'params.tile', message: 'not a valid z/x/y' }],
      );
    }
    const view = tileViewFor(db, principalOf(c));
    // The view is part of the ETag: the same URL shows different customers to different callers.
    const etag = `"c${customerTiles.generation}-${tileViewKey(view)}-${address.z}-${address.x}-${address.y}"`;
    const headers = {
      'Cache-Control': 'private, no-cache',
      Vary: 'Cookie, Authorization',
      ETag: etag,
    };
    if (c.req.header('If-None-Match') === etag) return c.body(null, 304, headers);
    const tile = customerTiles.tile(address.z, address.x, address.y, view);
    if (!tile) return c.body(null, 204, headers);
    return c.body(tile as Uint8Array<ArrayBuffer>, 200, {
      ...headers,
      'Content-Type': 'application/vnd.mapbox-vector-tile',
    });
  });
}

/** The route is plain Hono (the .pbf suffix is not an OpenAPI path template), so it is described by hand. */
function describe(app: OpenAPIHono<AuthEnv>) {
  app.openAPIRegistry.registerPath({
    method: 'get',
    path: '/api/tiles/customers/{z}/{x}/{y}.pbf',
    tags: ['Map'],
    summary: `Customer clusters and points as a vector tile (layer "${CUSTOMER_TILE_LAYER}")`,
    request: {},
    responses: {
      200: {
        description: 'Mapbox Vector Tile',
        content: {
          'application/vnd.mapbox-vector-tile': { schema: { type: 'string', format: 'binary' } },
        },
      },
      204: { description: 'No customers in this tile' },
      400: { description: 'Not a tile address', content: problemContent },
    },
  });
}
