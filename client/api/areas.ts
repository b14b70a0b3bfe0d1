// The areas part of the typed API client: CRUD, combine, rings and territories (routes in PRODUCT.md / issue 3).
import type {
  AreaCollection,
  AreaCreate,
  AreaFeature,
  AreaPatch,
  CombineOp,
  RingsRequest,
  Segment,
} from './contract';
import type { AreaRequest } from '../store/history';
import { answer, api, byId, init, segmentParam, type RequestOptions } from './http';

export type { AreaCollection, AreaFeature, CombineOp, RingsRequest };

/** Several areas come back as a FeatureCollection, one as a Feature; callers get a list either way. */
function featuresOf(
  result: AreaFeature | AreaCollection | { areas: AreaFeature[] },
): AreaFeature[] {
  if ('features' in result) return result.features;
  if ('areas' in result) return result.areas;
  return [result];
}

/** Every saved area; with a segment, each area's `customers` counts only the segment's customers. */
export const listAreas = (options?: RequestOptions & { segment?: Segment }) =>
  answer(api.areas.$get({ query: { segment: segmentParam(options?.segment) } }, init(options)));
export const getArea = (id: string, options?: RequestOptions) =>
  answer(api.areas[':id'].$get(byId(id), init(options)));
export const createArea = (body: AreaCreate) => answer(api.areas.$post({ json: body }));
export const patchArea = (id: string, body: AreaPatch) =>
  answer(api.areas[':id'].$patch({ ...byId(id), json: body }));
export const deleteArea = (id: string) => answer(api.areas[':id'].$delete(byId(id)));

export const combineAreas = async (body: { op: CombineOp; areaIds: string[]; name?: string }) =>
  featuresOf(await answer(api.areas.combine.$post({ json: body })));

export const makeRings = async (body: RingsRequest) =>
  featuresOf(await answer(api.areas.rings.$post({ json: body })));

export const makeTerritories = async (body: { storeIds?: string[] }, options?: RequestOptions) =>
  featuresOf(await answer(api.areas.territories.$post({ json: body }, init(options))));

/** Runs one planned history request (see store/history). */
export async function runAreaRequest(planned: AreaRequest): Promise<AreaFeature | null> {
  switch (planned.method) {
    case 'POST':
      return createArea(planned.body);
    case 'PATCH':
      return patchArea(planned.id, planned.body);
    case 'DELETE':
      await deleteArea(planned.id);
      return null;
  }
}

export const areaUrls = {
  geojson: (id: string) => api.areas[':id'].geojson.$path(byId(id)),
};
