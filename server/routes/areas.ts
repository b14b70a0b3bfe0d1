// /api/areas: saved target areas — list, create (drawn or derived), read, edit (versioned), delete, download,
// areas made in one go (combinations, rings, territories), and 2 to 8 areas compared side by side.
import { createRoute } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.js';
import { createRouter, problemContent } from '../http/router.js';
import { json } from '../http/route-helpers.js';
import {
  areaCollection as areaCollectionSchema,
  areaCombine,
  areaCreate,
  areaFeature,
  areaPatch,
  areaRings,
  areaTerritories,
  territoryCollection,
} from '../domain/schemas/area.js';
import { idParam } from '../domain/schemas/params.js';
import { areaListQuery } from '../domain/schemas/audience.js';
import { segmentFromQuery } from '../http/segment-query.js';
import {
  areaCollection,
  areaToFeature,
  createArea,
  customerCounter,
  getArea,
  listAreas,
  patchArea,
  removeArea,
} from '../services/areas/areas.js';
import { combineSavedAreas, createRings, createTerritories } from '../services/areas/batch.js';
import { compareAreas } from '../services/areas/compare.js';
import { areaCompareRequest, areaComparison } from '../domain/schemas/area-compare.js';
import { principalOf, type AuthEnv } from '../http/auth.js';
import type { Context } from 'hono';
import { cachedJson, cachedLaneAnswer } from '../http/conditional.js';
import { addLane } from '../http/lanes.js';
import { createBodyCache } from '../services/caching/body-cache.js';
import { areaListEtag } from '../services/areas/list-etag.js';
import { withIsochroneGeometry } from '../services/routing/isochrone-areas.js';

const tags = ['Areas'];
const invalid = {
  422: {
    description: 'Invalid fields (the geometry part or parameter at fault is named)',
    content: problemContent,
  },
};

const list = createRoute({
  method: 'get',
  path: '/api/areas',
  tags,
  summary: 'All saved areas',
  description:
    "Each area's `customers` counts the customers inside it as the caller may see them; with `segment`, only those in the segment (as POST /api/areas/compare and /api/audience count them).",
  request: { query: areaListQuery },
  responses: {
    200: { description: 'A FeatureCollection of areas', content: json(areaCollectionSchema) },
    304: { description: 'Unchanged since the ETag sent in If-None-Match' },
    400: { description: 'Not a valid segment', content: problemContent },
  },
});
const create = createRoute({
  method: 'post',
  path: '/api/areas',
  tags,
  summary:
    'Save an area: radius and ring areas from params.center (or params.storeId) and radiusMeters, boundary areas from params.boundaryIds, isochrone areas from params.isochrone (or the geometry sent, when restoring one), others from their geometry',
  request: { body: { required: true, content: json(areaCreate) } },
  responses: {
    201: { description: 'The new area', content: json(areaFeature) },
    409: { description: 'The id is taken', content: problemContent },
    ...invalid,
  },
});
const read = createRoute({
  method: 'get',
  path: '/api/areas/{id}',
  tags,
  summary: 'One area',
  request: { params: idParam },
  responses: {
    200: { description: 'The area', content: json(areaFeature) },
    404: { description: 'Unknown area', content: problemContent },
  },
});
const patch = createRoute({
  method: 'patch',
  path: '/api/areas/{id}',
  tags,
  summary: 'Rename, recolour, reshape or change the radius; send the version you last read',
  request: { params: idParam, body: { required: true, content: json(areaPatch) } },
  responses: {
    200: { description: 'The updated area', content: json(areaFeature) },
    403: {
      description: 'Not yours to change (store managers) or to share',
      content: problemContent,
    },
    404: { description: 'Unknown area', content: problemContent },
    409: {
      description: 'Missing or stale version; `currentVersion` says the current one',
      content: problemContent,
    },
    ...invalid,
  },
});
const remove = createRoute({
  method: 'delete',
  path: '/api/areas/{id}',
  tags,
  summary: 'Delete an area (re-create it with the same id to undo)',
  request: { params: idParam },
  responses: {
    204: { description: 'Deleted' },
    403: { description: 'Not yours to delete (store managers)', content: problemContent },
    404: { description: 'Unknown area', content: problemContent },
  },
});
const download = createRoute({
  method: 'get',
  path: '/api/areas/{id}/geojson',
  tags,
  summary: 'The area as a GeoJSON file to download',
  request: { params: idParam },
  responses: {
    200: {
      description: 'A GeoJSON Feature',
      content: { 'application/geo+json': { schema: areaFeature } },
    },
    404: { description: 'Unknown area', content: problemContent },
  },
});
const combine = createRoute({
  method: 'post',
  path: '/api/areas/combine',
  tags,
  summary:
    'Save the union, difference (first minus the others) or intersection of areas as a new area',
  request: { body: { required: true, content: json(areaCombine) } },
  responses: { 201: { description: 'The combined area', content: json(areaFeature) }, ...invalid },
});
const rings = createRoute({
  method: 'post',
  path: '/api/areas/rings',
  tags,
  summary: 'Save concentric rings around a store or a point',
  request: { body: { required: true, content: json(areaRings) } },
  responses: {
    201: { description: 'The ring areas, innermost first', content: json(areaCollectionSchema) },
    ...invalid,
  },
});
const territories = createRoute({
  method: 'post',
  path: '/api/areas/territories',
  tags,
  summary: 'Save nearest-store territories (Voronoi, clipped to the city) for some or all stores',
  request: { body: { required: false, content: json(areaTerritories) } },
  responses: {
    201: { description: 'One territory area per store', content: json(territoryCollection) },
    ...invalid,
  },
});

const compare = createRoute({
  method: 'post',
  path: '/api/areas/compare',
  tags,
  summary: 'Compare 2 to 8 saved areas side by side, and what each pair shares',
  description:
    'Per area: km², population (areal weighting over the neighbourhoods), customers, consented, density, penetration, revenue, average spend, loyalty mix and lapsed share (90+ days), ' +
    'optionally for a segment. Per pair that meets: shared km² and shared customers. Counts follow the audience rules (store scope, small groups hidden for aggregate-only roles).',
  request: { body: { required: true, content: json(areaCompareRequest) } },
  responses: {
    200: { description: 'The comparison', content: json(areaComparison) },
    404: { description: 'An unknown area (named)', content: problemContent },
    ...invalid,
  },
});

/**
 * The area's name and the day, in letters, digits, dash and underscore only (plus our own extension): what the file
 * holds, safe in a Content-Disposition header and any file system.
 * @example downloadName('Kiez Süd', new Date('2026-12-07T10:00:00Z')) // 'Kiez-Sud-2026-12-07.geojson'
 */
export function downloadName(name: string, at: Date): string {
  const safe = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${safe || 'area'}-${at.toISOString().slice(0, 10)}.geojson`;
}

export function areaRoutes(deps: AppDeps) {
  const { db, clock } = deps;
  const writer = (c: Context<AuthEnv>) => ({ principal: principalOf(c), at: clock() });
  const counter = (c: Context<AuthEnv>) => customerCounter(deps, principalOf(c));
  // Counting each area's customers is most of a list's cost: the serialised list is kept per ETag.
  const lists = createBodyCache<string>({ maxEntries: 64, maxBytes: 32 * 2 ** 20 });
  // A map reloading the list it has, with no segment: answered before Hono (lanes.ts) once the route has kept it.
  addLane(deps, {
    path: list.path,
    answer: (caller, rawQuery, incoming) =>
      rawQuery === ''
        ? cachedLaneAnswer(
            lists,
            areaListEtag(deps, caller, undefined),
            incoming.headers['if-none-match'],
          )
        : null,
  });
  return createRouter()
    .openapi(list, (c) => {
      const segment = segmentFromQuery(c.req.valid('query').segment);
      const principal = principalOf(c);
      return cachedJson(c, {
        etag: areaListEtag(deps, principal, segment),
        cache: lists,
        build: () =>
          areaCollection(listAreas(db, principal), customerCounter(deps, principal, segment)),
      });
    })
    .openapi(create, async (c) => {
      const count = counter(c);
      const input = await withIsochroneGeometry(deps.isochrones, c.req.valid('json'));
      const feature = await areaToFeature(createArea(db, input, writer(c)), count);
      c.header('Location', `/api/areas/${encodeURIComponent(feature.id)}`);
      return c.json(feature, 201);
    })
    .openapi(combine, async (c) =>
      c.json(
        await areaToFeature(combineSavedAreas(db, c.req.valid('json'), writer(c)), counter(c)),
        201,
      ),
    )
    .openapi(rings, async (c) =>
      c.json(
        await areaCollection(createRings(db, c.req.valid('json'), writer(c)), counter(c)),
        201,
      ),
    )
    .openapi(territories, async (c) => {
      const { areas, ...report } = createTerritories(db, c.req.valid('json'), writer(c));
      return c.json({ ...(await areaCollection(areas, counter(c))), ...report }, 201);
    })
    .openapi(compare, async (c) =>
      c.json(await compareAreas(deps, c.req.valid('json'), principalOf(c), clock()), 200),
    )
    .openapi(read, async (c) =>
      c.json(
        await areaToFeature(getArea(db, c.req.valid('param').id, principalOf(c)), counter(c)),
        200,
      ),
    )
    .openapi(download, async (c) => {
      const area = getArea(db, c.req.valid('param').id, principalOf(c));
      return c.json(await areaToFeature(area), 200, {
        'Content-Type': 'application/geo+json',
        'Content-Disposition': `attachment; filename="${downloadName(area.name, clock())}"`,
      });
    })
    .openapi(patch, async (c) => {
      const { id } = c.req.valid('param');
      const current = getArea(db, id, principalOf(c));
      const body = await withIsochroneGeometry(deps.isochrones, {
        ...c.req.valid('json'),
        kind: current.kind,
      });
      const { kind: _kind, ...changes } = body;
      return c.json(await areaToFeature(patchArea(db, id, changes, writer(c)), counter(c)), 200);
    })
    .openapi(remove, (c) => {
      removeArea(db, c.req.valid('param').id, writer(c));
      return c.body(null, 204);
    });
}
