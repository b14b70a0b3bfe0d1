// GET /api/tiles/customers/{z}/{x}/{y}.pbf: customer clusters and points, and a grid of customer counts for the
// heatmap, as Mapbox Vector Tiles, optionally only those in a segment (`?segment=` URL-encoded JSON, as the audience
// export and an event's reach take it).
import { createHash } from 'node:crypto';
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.js';
import type { AuthEnv } from '../http/auth.js';
import { createRouter, problemContent } from '../http/router.js';
import { CUSTOMER_DENSITY_LAYER } from '../services/customers/density-grid.js';
import { ProblemError } from '../http/problem.js';
import {
  CUSTOMER_TILE_LAYER,
  tileSegmentKey,
  tileViewFor,
  tileViewKey,
} from '../services/customers/tiles.js';
import { principalOf } from '../http/auth.js';
import { matchesEtag, revalidateHeaders } from '../http/conditional.js';
import { createBodyCache } from '../services/caching/body-cache.js';
import { customerTile } from '../services/customers/tile-task.js';
import { segmentFromQuery } from '../http/segment-query.js';
import { SEGMENT_QUERY_MAX } from '../domain/schemas/segment.js';

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

/** A short digest of the segment for the ETag: its canonical text can be thousands of characters. */
const digest = (text: string) =>
  text ? createHash('sha256').update(text).digest('base64url').slice(0, 16) : 'all';

/** Encoded tiles kept: a map session touches a few hundred; a tile is a few to a few hundred kB. */
const TILES_KEPT = { maxEntries: 4096, maxBytes: 64 * 2 ** 20 };
/** Stands for "no customers here" in the cache, answered 204. */
const EMPTY = new Uint8Array(0);

export function tileRoutes(deps: AppDeps) {
  const { db, clock, dataVersions } = deps;
  const app = createRouter();
  const encoded = createBodyCache<Uint8Array>(TILES_KEPT);
  describe(app);
  return app.get('/api/tiles/customers/:z/:x/:file', async (c) => {
    const { z, x, file } = c.req.param();
    const match = /^(\d+)\.pbf$/.exec(file);
    const address = match ? parseTileAddress(z, x, match[1]!) : null;
    if (!address) {
      throw new ProblemError(
        400,
        `${z}/${x}/${file} is not a tile address: use {z}/{x}/{y}.pbf with 0 ≤ x, y < 2^z and z ≤ ${MAX_TILE_ZOOM}`,
        [{ field: 'params.tile', code: 'invalid_tile', message: 'not a valid z/x/y' }],
      );
    }
    const raw = c.req.query('segment');
    if (raw !== undefined && raw.length > SEGMENT_QUERY_MAX)
      throw new ProblemError(400, `segment is longer than ${SEGMENT_QUERY_MAX} characters`, [
        {
          field: 'query.segment',
          code: 'too_big',
          origin: 'string',
          maximum: SEGMENT_QUERY_MAX,
          message: 'too long',
        },
      ]);
    const segment = segmentFromQuery(raw);
    const filter = segment ? { segment, at: clock() } : undefined;
    const view = tileViewFor(db, principalOf(c));
    // The view and the segment are part of the ETag: the same tile shows different customers to different callers
    // and segments. The versions are shared by every process (a worker's own counter could repeat another's).
    const { customers, map } = dataVersions();
    const etag = `"c${customers}.${map}-${digest(tileViewKey(view))}-${digest(tileSegmentKey(filter))}-${address.z}-${address.x}-${address.y}"`;
    const headers = revalidateHeaders(etag);
    if (matchesEtag(c.req.header('If-None-Match'), etag)) return c.body(null, 304, headers);
    let tile = encoded.get(etag);
    if (!tile) {
      tile = (await customerTile(deps, address, view, filter)) ?? EMPTY;
      encoded.set(etag, tile);
    }
    if (tile.byteLength === 0) return c.body(null, 204, headers);
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
    summary: `Customer clusters and points (layer "${CUSTOMER_TILE_LAYER}") and customers counted per grid cell (layer "${CUSTOMER_DENSITY_LAYER}") as a vector tile`,
    request: {
      params: z.object({
        z: z.string().meta({ description: 'Zoom, 0–22' }),
        x: z.string(),
        y: z.string(),
      }),
      query: z.object({
        segment: z.string().max(SEGMENT_QUERY_MAX).optional().meta({
          description:
            'Only the customers in this Segment, as URL-encoded JSON (the same schema as POST /api/audience)',
        }),
      }),
    },
    responses: {
      200: {
        description: 'Mapbox Vector Tile',
        content: {
          'application/vnd.mapbox-vector-tile': { schema: { type: 'string', format: 'binary' } },
        },
      },
      204: { description: 'No customers in this tile' },
      400: { description: 'Not a tile address, or not a valid segment', content: problemContent },
    },
  });
}
