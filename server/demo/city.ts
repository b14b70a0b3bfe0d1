// The demo city (data/city/berlin.json): validated, with water and parks as polygons and a fast "can someone live here?" test.
import { buffer, lineString, polygon, rewind } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { z } from 'zod';
import berlin from '../../data/city/berlin.json' with { type: 'json' };

const lngLat = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
const ring = z.array(lngLat).min(3);
const citySchema = z.object({
  name: z.string(),
  center: lngLat,
  zoom: z.number(),
  /** Residents the density model is scaled to. */
  population: z.number().int().positive(),
  /** The city-wide centre of gravity: a broad Gaussian on top of the neighbourhood peaks. */
  core: z.object({
    center: lngLat,
    sigmaKm: z.number().positive(),
    density: z.number().positive(),
  }),
  outline: z.object({
    type: z.literal('Polygon'),
    coordinates: z.array(z.array(lngLat).min(4)).min(1),
  }),
  rivers: z.array(
    z.object({
      name: z.string(),
      halfWidthMeters: z.number().positive(),
      line: z.array(lngLat).min(2),
    }),
  ),
  lakes: z.array(z.object({ name: z.string(), ring })),
  parks: z.array(z.object({ name: z.string(), ring })),
  /** Voronoi seeds; `density` is the relative peak density of residents, `spreadKm` how far it reaches. */
  neighbourhoods: z
    .array(
      z.object({
        name: z.string(),
        center: lngLat,
        density: z.number().positive(),
        spreadKm: z.number().positive(),
        postcode: z.string(),
      }),
    )
    .min(3),
});

export type CityData = z.infer<typeof citySchema>;
export type LngLat = [number, number];
export type NamedArea = { name: string; geometry: Polygon | MultiPolygon };

/** The bundled Berlin data; throws if someone broke the JSON by hand. */
export function loadCity(): CityData {
  return citySchema.parse(berlin);
}

/** Polygon or MultiPolygon prepared for point tests: edges bucketed into horizontal bands. */
export interface FastShape {
  bbox: [number, number, number, number];
  bandHeight: number;
  /** Per band: x1, y1, x2, y2 of every edge whose y-range touches the band. */
  bands: Float64Array[];
}

export function compileShape(geometry: Polygon | MultiPolygon): FastShape {
  const rings: Position[][] =
    geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
  const bbox: FastShape['bbox'] = [Infinity, Infinity, -Infinity, -Infinity];
  let vertices = 0;
  for (const [x = 0, y = 0] of rings.flat()) {
    bbox[0] = Math.min(bbox[0], x);
    bbox[1] = Math.min(bbox[1], y);
    bbox[2] = Math.max(bbox[2], x);
    bbox[3] = Math.max(bbox[3], y);
    vertices++;
  }
  const bandCount = Math.max(1, Math.min(512, Math.ceil(vertices / 4)));
  const bandHeight = (bbox[3] - bbox[1]) / bandCount || 1;
  const buckets: number[][] = Array.from({ length: bandCount }, () => []);
  for (const r of rings) {
    for (let i = 0; i + 1 < r.length; i++) {
      const [x1 = 0, y1 = 0] = r[i] ?? [];
      const [x2 = 0, y2 = 0] = r[i + 1] ?? [];
      const from = Math.floor((Math.min(y1, y2) - bbox[1]) / bandHeight);
      const to = Math.min(bandCount - 1, Math.floor((Math.max(y1, y2) - bbox[1]) / bandHeight));
      for (let b = Math.max(0, from); b <= to; b++) buckets[b]?.push(x1, y1, x2, y2);
    }
  }
  return { bbox, bandHeight, bands: buckets.map((edges) => Float64Array.from(edges)) };
}

/** Even-odd ray casting against the edges of one band only, after a bounding-box check. */
export function shapeContains(shape: FastShape, x: number, y: number): boolean {
  const [minX, minY, maxX, maxY] = shape.bbox;
  if (x < minX || x > maxX || y < minY || y > maxY) return false;
  const edges =
    shape.bands[Math.min(shape.bands.length - 1, Math.floor((y - minY) / shape.bandHeight))];
  if (!edges) return false;
  let inside = false;
  for (let i = 0; i < edges.length; i += 4) {
    const x1 = edges[i] as number;
    const y1 = edges[i + 1] as number;
    const x2 = edges[i + 2] as number;
    const y2 = edges[i + 3] as number;
    if (y1 > y !== y2 > y && x < ((x2 - x1) * (y - y1)) / (y2 - y1) + x1) inside = !inside;
  }
  return inside;
}

/** The city's land, water and parks, plus the tests the generator places people and stores with. */
export interface CityGeography {
  outline: Polygon;
  bbox: [number, number, number, number];
  water: NamedArea[];
  parks: NamedArea[];
  /** Inside the outline and in neither water nor a park: where homes and shops can be. */
  isBuildable(lng: number, lat: number): boolean;
  inWater(lng: number, lat: number): boolean;
}

/** Rivers become polygons by buffering their centre line by their half-width (turf.buffer is fine for water). */
export function buildGeography(city: CityData): CityGeography {
  const outline = (rewind(polygon(city.outline.coordinates)) as Feature<Polygon>).geometry;
  const closedArea = (name: string, points: LngLat[]): NamedArea => ({
    name,
    geometry: (rewind(polygon([closeRing(points)])) as Feature<Polygon>).geometry,
  });
  const rivers = city.rivers.flatMap((river): NamedArea[] => {
    const shape = buffer(lineString(river.line), river.halfWidthMeters, {
      units: 'meters',
      steps: 4,
    });
    return shape ? [{ name: river.name, geometry: shape.geometry }] : [];
  });
  const water = [...city.lakes.map((lake) => closedArea(lake.name, lake.ring)), ...rivers];
  const parks = city.parks.map((park) => closedArea(park.name, park.ring));
  const land = compileShape(outline);
  const wet = water.map((w) => compileShape(w.geometry));
  const blocked = indexShapes([...wet, ...parks.map((p) => compileShape(p.geometry))], land.bbox);
  const wetIndex = indexShapes(wet, land.bbox);
  return {
    outline,
    bbox: land.bbox,
    water,
    parks,
    isBuildable: (lng, lat) =>
      shapeContains(land, lng, lat) && !anyContains(blocked(lng, lat), lng, lat),
    inWater: (lng, lat) => anyContains(wetIndex(lng, lat), lng, lat),
  };
}

/** A coarse grid over the city listing the shapes whose bounding box touches each cell, so a point tests two shapes, not twenty. */
function indexShapes(
  shapes: FastShape[],
  bbox: FastShape['bbox'],
  size = 64,
): (x: number, y: number) => FastShape[] {
  const [minX, minY, maxX, maxY] = bbox;
  const w = (maxX - minX) / size || 1;
  const h = (maxY - minY) / size || 1;
  const clamp = (v: number) => Math.max(0, Math.min(size - 1, Math.floor(v)));
  const cells: FastShape[][] = Array.from({ length: size * size }, () => []);
  for (const shape of shapes) {
    const [x0, y0, x1, y1] = shape.bbox;
    for (let cy = clamp((y0 - minY) / h); cy <= clamp((y1 - minY) / h); cy++) {
      for (let cx = clamp((x0 - minX) / w); cx <= clamp((x1 - minX) / w); cx++)
        cells[cy * size + cx]?.push(shape);
    }
  }
  const outside = shapes; // points beyond the grid fall back to testing every shape
  return (x, y) =>
    x < minX || x > maxX || y < minY || y > maxY
      ? outside
      : (cells[clamp((y - minY) / h) * size + clamp((x - minX) / w)] ?? outside);
}

function anyContains(shapes: FastShape[], x: number, y: number): boolean {
  for (const shape of shapes) if (shapeContains(shape, x, y)) return true;
  return false;
}

function closeRing(points: LngLat[]): LngLat[] {
  const first = points[0];
  const last = points[points.length - 1];
  return first && last && (first[0] !== last[0] || first[1] !== last[1])
    ? [...points, first]
    : points;
}
