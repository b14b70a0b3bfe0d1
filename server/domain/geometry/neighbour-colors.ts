// Colours for a set of neighbouring areas (territories): no two that touch share one, where the palette allows.
import { bbox as bboxOf, booleanIntersects } from '@turf/turf';
import type { MultiPolygon, Polygon, Position } from 'geojson';

/** Vertices closer than this (decimals of a degree: 6 ≈ 10 cm) count as the same point of a shared border. */
const SAME_VERTEX_DIGITS = 6;

function vertexKeys(geometry: Polygon | MultiPolygon): Set<string> {
  const rings: Position[][] =
    geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
  const keys = new Set<string>();
  for (const ring of rings)
    for (const p of ring)
      keys.add(`${p[0]!.toFixed(SAME_VERTEX_DIGITS)},${p[1]!.toFixed(SAME_VERTEX_DIGITS)}`);
  return keys;
}

/**
 * Which areas touch which: a shared border vertex (Voronoi neighbours share their border's ends), or, for borders
 * that do not line up vertex for vertex, an intersection. Boxes that do not meet are skipped cheaply.
 * @example areaNeighbours([a, b, c]) // [[1], [0, 2], [1]] for three cells side by side
 */
export function areaNeighbours(geometries: readonly (Polygon | MultiPolygon)[]): number[][] {
  const boxes = geometries.map((g) => bboxOf(g));
  const vertices = geometries.map(vertexKeys);
  const neighbours: number[][] = geometries.map(() => []);
  const slack = 10 ** -SAME_VERTEX_DIGITS;
  for (let i = 0; i < geometries.length; i++) {
    for (let j = i + 1; j < geometries.length; j++) {
      const [a, b] = [boxes[i]!, boxes[j]!];
      if (a[0] > b[2] + slack || b[0] > a[2] + slack || a[1] > b[3] + slack || b[1] > a[3] + slack)
        continue;
      const shared = [...vertices[i]!].some((key) => vertices[j]!.has(key));
      if (shared || booleanIntersects(geometries[i]!, geometries[j]!)) {
        neighbours[i]!.push(j);
        neighbours[j]!.push(i);
      }
    }
  }
  return neighbours;
}

/**
 * A palette index for each area so that neighbours differ: greedy colouring, the most-connected areas first (Welsh
 * and Powell), each taking the first colour none of its coloured neighbours has. A map needs at most four, so a
 * palette of five or more never runs out in practice; if it does, the colour fewest neighbours share is taken.
 * @example colorNeighbours([[1], [0, 2], [1]], 10) // [0, 1, 0]
 */
export function colorNeighbours(neighbours: readonly number[][], paletteSize: number): number[] {
  const colors: number[] = neighbours.map(() => -1);
  const order = neighbours
    .map((n, i) => ({ i, degree: n.length }))
    .sort((a, b) => b.degree - a.degree || a.i - b.i);
  for (const { i } of order) {
    const taken = new Array<number>(paletteSize).fill(0);
    for (const j of neighbours[i]!) if (colors[j]! >= 0) taken[colors[j]!]! += 1;
    const free = taken.indexOf(0);
    colors[i] = free >= 0 ? free : taken.indexOf(Math.min(...taken));
  }
  return colors;
}
