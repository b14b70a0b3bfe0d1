// The areas part of the typed API client: CRUD, combine, rings and territories (routes in PRODUCT.md / issue 3).
import type { AreaCreate, AreaFeature, AreaPatch } from '../../server/domain/schemas/area';
import type { AreaRequest } from '../store/history';
import { isAbort, networkProblem, parseProblem, problemFromResponse } from './problem';

export type { AreaFeature };
export interface AreaCollection {
  type: 'FeatureCollection';
  features: AreaFeature[];
}
export type CombineOp = 'union' | 'subtract' | 'intersect';

interface SendOptions {
  signal?: AbortSignal;
}

async function send<T>(method: string, path: string, body?: unknown, { signal }: SendOptions = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: { Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (error) {
    if (isAbort(error)) throw error;
    throw networkProblem(error);
  }
  if (!response.ok) throw await problemFromResponse(response);
  if (response.status === 204) return undefined as T;
  try {
    return (await response.json()) as T;
  } catch (error) {
    if (isAbort(error)) throw error;
    throw parseProblem(path, error);
  }
}

const areaPath = (id: string) => `/api/areas/${encodeURIComponent(id)}`;

/** Several areas come back as a FeatureCollection, one as a Feature; callers get a list either way. */
function featuresOf(result: AreaFeature | AreaCollection | { areas: AreaFeature[] }): AreaFeature[] {
  if ('features' in result) return result.features;
  if ('areas' in result) return result.areas;
  return [result];
}

export const listAreas = (options?: SendOptions) => send<AreaCollection>('GET', '/api/areas', undefined, options);
export const getArea = (id: string, options?: SendOptions) => send<AreaFeature>('GET', areaPath(id), undefined, options);
export const createArea = (body: AreaCreate & { id?: string }) => send<AreaFeature>('POST', '/api/areas', body);
export const patchArea = (id: string, body: AreaPatch) => send<AreaFeature>('PATCH', areaPath(id), body);
export const deleteArea = (id: string) => send<void>('DELETE', areaPath(id));

export const combineAreas = async (body: { op: CombineOp; areaIds: string[]; name?: string }) =>
  featuresOf(await send<AreaFeature | AreaCollection>('POST', '/api/areas/combine', body));

export type RingsRequest = ({ storeId: string } | { center: [number, number] }) & { breaksMeters: number[] };
export const makeRings = async (body: RingsRequest) => featuresOf(await send<AreaFeature | AreaCollection>('POST', '/api/areas/rings', body));

export const makeTerritories = async (body: { storeIds?: string[] }, options?: SendOptions) =>
  featuresOf(await send<AreaFeature | AreaCollection>('POST', '/api/areas/territories', body, options));

/** Runs one planned history request (see store/history). */
export async function runAreaRequest(request: AreaRequest): Promise<AreaFeature | null> {
  if (request.method === 'DELETE') {
    await send<void>('DELETE', request.path);
    return null;
  }
  return send<AreaFeature>(request.method, request.path, request.body);
}

export const areaUrls = {
  geojson: (id: string) => `${areaPath(id)}/geojson`,
};
