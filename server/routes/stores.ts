// /api/stores: list, create, edit (versioned) and delete stores.
import { createRoute } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.js';
import { createRouter, problemContent } from '../http/router.js';
import { json } from '../http/route-helpers.js';
import { listStores } from '../db/repos/stores.js';
import {
  storeCollection,
  storeCreate,
  storeFeature,
  storePatch,
  type StoreRecord,
} from '../domain/schemas/store.js';
import { cachedJson, cachedLaneAnswer } from '../http/conditional.js';
import { addLane } from '../http/lanes.js';
import { createBodyCache } from '../services/caching/body-cache.js';
import { idParam } from '../domain/schemas/params.js';
import { createStore, patchStore, removeStore } from '../services/workspace/stores.js';

export function storeToFeature({ location, ...properties }: StoreRecord) {
  return {
    type: 'Feature' as const,
    id: properties.id,
    geometry: { type: 'Point' as const, coordinates: location },
    properties,
  };
}

const list = createRoute({
  method: 'get',
  path: '/api/stores',
  tags: ['Stores'],
  summary: 'All stores',
  responses: {
    200: { description: 'A FeatureCollection of Point features', content: json(storeCollection) },
    304: { description: 'Unchanged since the ETag sent in If-None-Match' },
  },
});
const create = createRoute({
  method: 'post',
  path: '/api/stores',
  tags: ['Stores'],
  summary: 'Add a store',
  request: { body: { required: true, content: json(storeCreate) } },
  responses: {
    201: { description: 'The new store', content: json(storeFeature) },
    422: { description: 'Invalid fields', content: problemContent },
  },
});
const patch = createRoute({
  method: 'patch',
  path: '/api/stores/{id}',
  tags: ['Stores'],
  summary: 'Edit a store; send the version you last read',
  request: { params: idParam, body: { required: true, content: json(storePatch) } },
  responses: {
    200: { description: 'The updated store', content: json(storeFeature) },
    404: { description: 'Unknown store', content: problemContent },
    409: {
      description: 'Someone else changed the store since you read it',
      content: problemContent,
    },
    422: { description: 'Invalid fields', content: problemContent },
  },
});
const remove = createRoute({
  method: 'delete',
  path: '/api/stores/{id}',
  tags: ['Stores'],
  summary: 'Delete a store (its customers keep their data, without a home store)',
  request: { params: idParam },
  responses: {
    204: { description: 'Deleted' },
    404: { description: 'Unknown store', content: problemContent },
  },
});

export function storeRoutes(deps: AppDeps) {
  const { db, clock, dataVersions } = deps;
  // Every caller sees the same stores: one serialised list per version of the map data (stores, boundaries).
  const lists = createBodyCache<string>({ maxEntries: 4, maxBytes: 32 * 2 ** 20 });
  const etag = () => `"st${dataVersions().map}"`;
  // A map reloading the list it has: answered before Hono (lanes.ts), once the route has made and kept the list.
  addLane(deps, {
    path: list.path,
    answer: (_caller, rawQuery, incoming) =>
      rawQuery === '' ? cachedLaneAnswer(lists, etag(), incoming.headers['if-none-match']) : null,
  });
  return createRouter()
    .openapi(list, (c) =>
      cachedJson(c, {
        etag: etag(),
        cache: lists,
        build: () => ({
          type: 'FeatureCollection' as const,
          features: listStores(db).map(storeToFeature),
        }),
      }),
    )
    .openapi(create, (c) =>
      c.json(storeToFeature(createStore(db, c.req.valid('json'), clock())), 201),
    )
    .openapi(patch, (c) =>
      c.json(
        storeToFeature(patchStore(db, c.req.valid('param').id, c.req.valid('json'), clock())),
        200,
      ),
    )
    .openapi(remove, (c) => {
      removeStore(db, c.req.valid('param').id);
      return c.body(null, 204);
    });
}
