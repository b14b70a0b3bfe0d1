// Neighbourhood boundaries (Voronoi cells of the seed points, clipped to the outline) and the resident density model.
import { featureCollection, intersect, point, polygon, truncate, voronoi } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { Boundary } from '../domain/schemas/boundary.js';
import {
  compileShape,
  shapeContains,
  type CityData,
  type CityGeography,
  type LngLat,
} from './city.js';

/** One Gaussian bump of residents: `peak` is the relative density at its centre. */
export interface DensityComponent {
  name: string;
  center: LngLat;
  sigmaKm: number;
  peak: number;
  /** Relative number of people in the bump (peak × σ², the 2π dropped). */
  mass: number;
}

/** Local flat-earth scale around a latitude: plenty for a city 40 km across. */
export function kmPerDegree(latitude: number): { lng: number; lat: number } {
  return { lng: 111.32 * Math.cos((latitude * Math.PI) / 180), lat: 110.574 };
}

/** Residents: a broad city-centre Gaussian plus one per neighbourhood seed. */
export function residentComponents(city: CityData): DensityComponent[] {
  const bump = (name: string, center: LngLat, sigmaKm: number, peak: number): DensityComponent => ({
    name,
    center,
    sigmaKm,
    peak,
    mass: peak * sigmaKm * sigmaKm,
  });
  return [
    bump('centre', city.core.center, city.core.sigmaKm, city.core.density),
    ...city.neighbourhoods.map((n) => bump(n.name, n.center, n.spreadKm, n.density)),
  ];
}

/** Relative resident density at a point (sum of the Gaussians). */
export function densityAt(
  components: readonly DensityComponent[],
  lng: number,
  lat: number,
): number {
  const scale = kmPerDegree(lat);
  let sum = 0;
  for (const c of components) {
    const dx = (lng - c.center[0]) * scale.lng;
    const dy = (lat - c.center[1]) * scale.lat;
    sum += c.peak * Math.exp(-(dx * dx + dy * dy) / (2 * c.sigmaKm * c.sigmaKm));
  }
  return sum;
}

export interface NeighbourhoodsResult {
  boundaries: Boundary[];
  /** Cells that turf could not clip; reported, never thrown. */
  warnings: string[];
}

/**
 * Voronoi cells computed in a locally equidistant frame (longitude scaled by cos φ), so the borders
 * sit halfway between seeds in metres, not in degrees; then clipped to the outline and populated.
 * @example buildNeighbourhoods({ city, geography, gridMeters: 250 }).boundaries[0].name // 'Mitte'
 */
export function buildNeighbourhoods(options: {
  city: CityData;
  geography: CityGeography;
  gridMeters?: number;
}): NeighbourhoodsResult {
  const { city, geography } = options;
  const squash = Math.cos((city.center[1] * Math.PI) / 180);
  const [minX, minY, maxX, maxY] = geography.bbox;
  const pad = 0.05;
  const cells = voronoi(
    featureCollection(city.neighbourhoods.map((n) => point([n.center[0] * squash, n.center[1]]))),
    {
      bbox: [(minX - pad) * squash, minY - pad, (maxX + pad) * squash, maxY + pad],
    },
  );
  const outline = polygon(geography.outline.coordinates);
  const warnings: string[] = [];
  const shapes: { index: number; geometry: Polygon | MultiPolygon }[] = [];
  city.neighbourhoods.forEach((n, index) => {
    const cell = cells.features[index];
    if (!cell?.geometry) {
      warnings.push(`${n.name}: no Voronoi cell (seed duplicates another one?)`);
      return;
    }
    const unsquashed = polygon(
      cell.geometry.coordinates.map((r) => r.map(([x = 0, y = 0]) => [x / squash, y])),
    );
    const clipped = clip(unsquashed, outline);
    if (clipped.ok) {
      if (clipped.shape) shapes.push({ index, geometry: clipped.shape.geometry });
    } else warnings.push(`${n.name}: could not clip to the outline (${clipped.reason})`);
  });
  const populations = estimatePopulation({
    city,
    geography,
    shapes: shapes.map((s) => s.geometry),
    gridMeters: options.gridMeters ?? 250,
  });
  const boundaries = shapes.map((s, i): Boundary => ({
    id: `nb-${String(s.index + 1).padStart(2, '0')}`,
    name: city.neighbourhoods[s.index]?.name ?? '',
    population: populations[i] ?? 0,
    geometry: s.geometry as Boundary['geometry'],
  }));
  return { boundaries, warnings };
}

type Clipped =
  { ok: true; shape: Feature<Polygon | MultiPolygon> | null } | { ok: false; reason: string };

/** turf.intersect can throw on near-identical coordinates; a second try on rounded input usually passes. */
function clip(cell: Feature<Polygon>, outline: Feature<Polygon>): Clipped {
  let reason = '';
  for (const precision of [12, 6]) {
    try {
      const shape = intersect(
        featureCollection([truncate(cell, { precision }), truncate(outline, { precision })]),
      );
      return { ok: true, shape: shape && truncate(shape, { precision: 6 }) };
    } catch (error) {
      reason = error instanceof Error ? error.message : String(error);
    }
  }
  return { ok: false, reason };
}

/**
 * Integrates the density model over a regular grid of buildable points, assigns each point to the
 * shape containing it and scales the sums to the city's population (largest remainder, so they add up).
 */
export function estimatePopulation(options: {
  city: CityData;
  geography: CityGeography;
  shapes: (Polygon | MultiPolygon)[];
  gridMeters: number;
}): number[] {
  const { city, geography, shapes } = options;
  const compiled = shapes.map(compileShape);
  const components = residentComponents(city);
  const scale = kmPerDegree(city.center[1]);
  const stepLng = options.gridMeters / 1000 / scale.lng;
  const stepLat = options.gridMeters / 1000 / scale.lat;
  const [minX, minY, maxX, maxY] = geography.bbox;
  const sums: number[] = shapes.map(() => 0);
  for (let lat = minY + stepLat / 2; lat < maxY; lat += stepLat) {
    for (let lng = minX + stepLng / 2; lng < maxX; lng += stepLng) {
      if (!geography.isBuildable(lng, lat)) continue;
      const k = compiled.findIndex((shape) => shapeContains(shape, lng, lat));
      if (k >= 0) sums[k] = (sums[k] ?? 0) + densityAt(components, lng, lat);
    }
  }
  return apportion(sums, city.population);
}

/** Integers proportional to `weights` that add up to exactly `total`. */
function apportion(weights: number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (w / sum) * total);
  const result = exact.map(Math.floor);
  const order = exact
    .map((e, i) => [e - Math.floor(e), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  let left = total - result.reduce((a, b) => a + b, 0);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    result[i] = (result[i] ?? 0) + 1;
  }
  return result;
}
