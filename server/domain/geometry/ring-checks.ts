// Checks on an area's rings that the GeoJSON schema cannot express: closed rings and a vertex budget.
// Lighter than validateAreaGeometry on purpose: a shape being drawn may cross itself and still be counted.
import type { AreaGeometry } from '../schemas/geojson.js';
import { MAX_AREA_VERTICES } from './validate-area.js';

export const RING_REASONS = {
  notClosed: 'ring is not closed: its last position must equal its first',
  tooManyVertices: `area has more than ${MAX_AREA_VERTICES.toLocaleString('en')} vertices`,
} as const;

export type RingCheck = { ok: true } | { ok: false; reason: string; path: (string | number)[] };

/**
 * Reasons, not throws: the first problem found, with the path to the ring (`coordinates.0.1` = polygon 0's first hole).
 * @example checkRings({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1]]] }) // { ok: false, reason: RING_REASONS.notClosed, path: ['coordinates', 0] }
 */
export function checkRings(geometry: AreaGeometry): RingCheck {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let vertices = 0;
  for (const [p, rings] of polygons.entries()) {
    for (const [r, ring] of rings.entries()) {
      const path = geometry.type === 'Polygon' ? ['coordinates', r] : ['coordinates', p, r];
      const first = ring[0];
      const last = ring[ring.length - 1];
      if (!first || !last || first[0] !== last[0] || first[1] !== last[1])
        return { ok: false, reason: RING_REASONS.notClosed, path };
      vertices += ring.length - 1;
      if (vertices > MAX_AREA_VERTICES)
        return { ok: false, reason: RING_REASONS.tooManyVertices, path: ['coordinates'] };
    }
  }
  return { ok: true };
}
