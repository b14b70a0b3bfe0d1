// The reached points of a travel-time search as one polygon: a concave hull (concaveman) in local metres, so the
// outline follows the streets instead of bulging over blocks nobody can reach, then back to longitude/latitude.
import concaveman from 'concaveman';
import type { Polygon } from 'geojson';
import type { LocalFrame } from '../../domain/routing/reached-points.js';

/**
 * Concavity 1.5 hugs the street pattern without cutting into single blocks; edges shorter than 60 m are not refined
 * further, which keeps the outline smooth and the vertex count in the hundreds.
 */
const CONCAVITY = 1.5;
const LENGTH_THRESHOLD_METERS = 60;

const round6 = (value: number) => Math.round(value * 1e6) / 1e6;

/** Null when fewer than three distinct points were reached (nothing with an area). */
export function hullPolygon(points: number[][], frame: LocalFrame): Polygon | null {
  if (points.length < 3) return null;
  const hull = concaveman(points, CONCAVITY, LENGTH_THRESHOLD_METERS);
  const ring: [number, number][] = [];
  for (const [x = 0, y = 0] of hull) {
    const [lng, lat] = frame.toLngLat(x, y);
    const position: [number, number] = [round6(lng), round6(lat)];
    const last = ring.at(-1);
    if (!last || last[0] !== position[0] || last[1] !== position[1]) ring.push(position);
  }
  const first = ring[0];
  const last = ring.at(-1);
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) ring.push([...first]);
  return ring.length >= 4 ? { type: 'Polygon', coordinates: [ring] } : null;
}
