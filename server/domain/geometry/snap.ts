// Snapping coordinates to a grid so near-identical vertices (1e-12° apart) become identical before clipping.
import type { MultiPolygon, Polygon, Position } from 'geojson';

/** Polygons of a Polygon or MultiPolygon as arrays of rings. */
export function polygonsOf(geometry: Polygon | MultiPolygon): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** A Polygon for one polygon, a MultiPolygon for several, null for none. */
export function fromPolygons(polygons: Position[][][]): Polygon | MultiPolygon | null {
  if (polygons.length === 0) return null;
  return polygons.length === 1
    ? { type: 'Polygon', coordinates: polygons[0]! }
    : { type: 'MultiPolygon', coordinates: polygons };
}

function snapRing(ring: Position[], factor: number): Position[] | null {
  const out: Position[] = [];
  for (const [x = 0, y = 0] of ring) {
    const p = [Math.round(x * factor) / factor, Math.round(y * factor) / factor];
    const prev = out[out.length - 1];
    if (!prev || prev[0] !== p[0] || prev[1] !== p[1]) out.push(p);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1]))
    out.push([first[0]!, first[1]!]);
  return out.length >= 4 ? out : null;
}

/**
 * Rounds every coordinate to `digits` decimals (9 ≈ 0.1 mm), drops repeated consecutive positions and drops rings
 * that collapse (a collapsed outer ring drops its polygon). Null when nothing is left.
 * @example snapGeometry({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1e-13], [1, 1], [0, 0]]] }, 9) // [1, 0] and [1, 1e-13] merge
 */
export function snapGeometry(
  geometry: Polygon | MultiPolygon,
  digits: number,
): Polygon | MultiPolygon | null {
  const factor = 10 ** digits;
  const polygons: Position[][][] = [];
  for (const rings of polygonsOf(geometry)) {
    const [shell, ...holes] = rings.map((ring) => snapRing(ring, factor));
    if (!shell) continue;
    polygons.push([shell, ...holes.filter((hole): hole is Position[] => hole !== null)]);
  }
  return fromPolygons(polygons);
}
