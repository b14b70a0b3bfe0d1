// "Needs a place" (/api/import/unplaced): imported customers and stores with an address but no coordinates. A small
// typed fetch like ./imports, with the API's error handling (problem+json → ProblemError).
import type {
  PlacedResult,
  UnplacedKind,
  UnplacedList,
} from '../../server/domain/schemas/unplaced';
import { apiFetch, type RequestOptions } from './http';

const path = (kind: UnplacedKind, id: string) =>
  `/api/import/unplaced/${kind}/${encodeURIComponent(id)}`;

/** A page of rows waiting for a place, oldest first. */
export async function getUnplaced(
  { cursor, limit = 50 }: { cursor?: string; limit?: number } = {},
  options?: RequestOptions,
): Promise<UnplacedList> {
  const query = new URLSearchParams({ limit: String(limit), ...(cursor ? { cursor } : {}) });
  const response = await apiFetch(`/api/import/unplaced?${query}`, {
    headers: { Accept: 'application/json' },
    ...(options?.signal ? { signal: options.signal } : {}),
  });
  return (await response.json()) as UnplacedList;
}

/** Places a row at [lng, lat]: it becomes a customer or store there. */
export async function placeUnplaced(
  kind: UnplacedKind,
  id: string,
  lngLat: [number, number],
): Promise<PlacedResult> {
  const response = await apiFetch(`${path(kind, id)}/place`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ location: { type: 'Point', coordinates: lngLat } }),
  });
  return (await response.json()) as PlacedResult;
}

/** Drops a row that waits for a place. */
export async function discardUnplaced(kind: UnplacedKind, id: string): Promise<void> {
  await apiFetch(path(kind, id), { method: 'DELETE' });
}
