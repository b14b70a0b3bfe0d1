// The areas part of the typed API client: CRUD, combine, rings and territories (routes in PRODUCT.md / issue 3).
import type { AreaCreate, AreaFeature, AreaPatch } from '../../server/domain/schemas/area';
import type { AreaRequest } from '../store/history';
import { request, type RequestOptions } from './client';

export type { AreaFeature };
export interface AreaCollection {
  type: 'FeatureCollection';
  features: AreaFeature[];
}
export type CombineOp = 'union' | 'subtract' | 'intersect';

const areaPath = (id: string) => `/api/areas/${encodeURIComponent(id)}`;

/** Several areas come back as a FeatureCollection, one as a Feature; callers get a list either way. */
function featuresOf(result: AreaFeature | AreaCollection | { areas: AreaFeature[] }): AreaFeature[] {
  if ('features' in result) return result.features;
  if ('areas' in result) return result.areas;
  return [result];
}

export const listAreas = (options?: RequestOptions) => request<AreaCollection>('GET', '/api/areas', undefined, options);
export const getArea = (id: string, options?: RequestOptions) => request<AreaFeature>('GET', areaPath(id), undefined, options);
export const createArea = (body: AreaCreate & { id?: string }) => request<AreaFeature>('POST', '/api/areas', body);
export const patchArea = (id: string, body: AreaPatch) => request<AreaFeature>('PATCH', areaPath(id), body);
export const deleteArea = (id: string) => request<void>('DELETE', areaPath(id));

export const combineAreas = async (body: { op: CombineOp; areaIds: string[]; name?: string }) =>
  featuresOf(await request<AreaFeature | AreaCollection>('POST', '/api/areas/combine', body));

export type RingsRequest = ({ storeId: string } | { center: [number, number] }) & { breaksMeters: number[] };
export const makeRings = async (body: RingsRequest) => featuresOf(await request<AreaFeature | AreaCollection>('POST', '/api/areas/rings', body));

export const makeTerritories = async (body: { storeIds?: string[] }, options?: RequestOptions) =>
  featuresOf(await request<AreaFeature | AreaCollection>('POST', '/api/areas/territories', body, options));

/** Runs one planned history request (see store/history). */
export async function runAreaRequest(planned: AreaRequest): Promise<AreaFeature | null> {
  if (planned.method === 'DELETE') {
    await request<void>('DELETE', planned.path);
    return null;
  }
  return request<AreaFeature>(planned.method, planned.path, planned.body);
}

export const areaUrls = {
  geojson: (id: string) => `${areaPath(id)}/geojson`,
};
