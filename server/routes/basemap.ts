// The offline basemap's streets (GET /api/basemap/streets) and a real city's Protomaps archive
// (GET /api/basemap/pmtiles, by byte range) when CATCHMENT_BASEMAP_PMTILES names one.
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.js';
import type { AuthEnv } from '../http/auth.js';
import { createRouter, problemContent } from '../http/router.js';
import { json } from '../http/route-helpers.js';
import { ProblemError } from '../http/problem.js';
import { listStreets } from '../db/repos/streets.js';
import { readWorkspaceSettings } from '../db/repos/workspace.js';
import { streetCollectionSchema, type StreetCollection } from '../domain/schemas/streets.js';
import { readArchive } from '../services/basemap/pmtiles-file.js';

export const PMTILES_PATH = '/api/basemap/pmtiles';

const streetsRoute = createRoute({
  method: 'get',
  path: '/api/basemap/streets',
  tags: ['Map'],
  summary: "The demo city's streets with name and class (empty without the demo)",
  responses: {
    200: {
      description: 'A FeatureCollection of LineStrings',
      content: json(streetCollectionSchema),
    },
    304: { description: 'Not modified since the ETag sent in If-None-Match' },
  },
});

export function basemapRoutes({ db, config }: AppDeps) {
  const app = createRouter();
  describeArchive(app);
  return app
    .openapi(streetsRoute, (c) => {
      const rows = listStreets(db);
      // Revalidated on every load: seeding again or removing the demo changes them.
      const etag = `"s-${readWorkspaceSettings(db).seededAt ?? ''}-${rows.length}"`;
      c.header('Cache-Control', 'no-cache');
      c.header('ETag', etag);
      if (c.req.header('If-None-Match') === etag) return c.body(null, 304);
      const features = rows.map((row): StreetCollection['features'][number] => ({
        type: 'Feature',
        id: row.id,
        geometry: JSON.parse(row.geometry) as StreetCollection['features'][number]['geometry'],
        properties: { name: row.name, class: row.class },
      }));
      return c.json({ type: 'FeatureCollection' as const, features }, 200);
    })
    .get(PMTILES_PATH, async (c) => {
      const file = config.basemapPmtilesFile;
      const missing =
        'No Protomaps archive here: set CATCHMENT_BASEMAP_PMTILES to a readable .pmtiles file';
      if (!file) throw new ProblemError(404, missing);
      const answer = await readArchive({
        file,
        method: c.req.method === 'HEAD' ? 'HEAD' : 'GET',
        range: c.req.header('Range'),
        ifNoneMatch: c.req.header('If-None-Match'),
      });
      if (answer.status === 404) throw new ProblemError(404, missing);
      return new Response(answer.body, { status: answer.status, headers: answer.headers });
    });
}

/** The archive route answers bytes, not JSON, so it is described by hand. */
function describeArchive(app: OpenAPIHono<AuthEnv>) {
  app.openAPIRegistry.registerPath({
    method: 'get',
    path: PMTILES_PATH,
    tags: ['Map'],
    summary:
      'The Protomaps basemap archive (PMTiles v3) named by CATCHMENT_BASEMAP_PMTILES, by byte range',
    request: {},
    responses: {
      200: {
        description: 'The whole archive (no Range header)',
        content: { 'application/vnd.pmtiles': { schema: { type: 'string', format: 'binary' } } },
      },
      206: {
        description: 'The bytes of one `Range: bytes=…`, with Content-Range',
        content: { 'application/vnd.pmtiles': { schema: { type: 'string', format: 'binary' } } },
      },
      304: { description: 'Not modified since the ETag sent in If-None-Match' },
      404: { description: 'No archive configured, or the file is gone', content: problemContent },
      416: { description: 'A range that is malformed or starts past the end' },
    },
  });
}
