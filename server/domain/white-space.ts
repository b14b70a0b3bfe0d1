// White space: hexagons (H3) where many people live, few of them are customers yet, and no store is near — the places
// a franchise manager would open next or target first. Residents per hexagon come from the neighbourhoods (each
// neighbourhood's people spread evenly over it, given to the hexagons whose centres lie inside it).
import { cellArea, cellToBoundary, cellToLatLng, latLngToCell, polygonToCells } from 'h3-js';
import type { MultiPolygon, Polygon } from 'geojson';
import { areaKm2 } from './geometry/measure.js';

export interface WhiteSpaceOptions {
  /** H3 resolution: 8 gives hexagons of about 0.74 km² (a few streets), 7 about 5 km². */
  resolution: number;
  /** A hexagon counts only when the nearest store is at least this far from its centre. */
  minStoreKm: number;
  /** Hexagons with fewer residents are left out (too few people to matter). */
  minResidents: number;
  limit: number;
}

export interface WhiteSpaceCell {
  h3: string;
  center: [number, number];
  geometry: { type: 'Polygon'; coordinates: [number, number][][] };
  residents: number;
  customers: number;
  /** Customers per resident. */
  penetration: number;
  /** null when there are no stores at all. */
  nearestStoreKm: number | null;
  /** Customers the hexagon would have at the city's penetration, minus those it has: what is left to win. */
  untapped: number;
}

export interface WhiteSpaceResult {
  cells: WhiteSpaceCell[];
  /** Customers per resident over every hexagon with residents. */
  cityPenetration: number;
  /** Hexagons with residents, before any filter. */
  hexagons: number;
}

const EARTH_RADIUS_KM = 6371.0088;

function distanceKm([lng1, lat1]: [number, number], [lng2, lat2]: [number, number]): number {
  const rad = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lng2 - lng1) * rad) / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Residents per hexagon: each neighbourhood's density times the area of the hexagons centred inside it. */
export function residentsByCell(
  neighbourhoods: readonly { population: number; geometry: Polygon | MultiPolygon }[],
  resolution: number,
): Map<string, number> {
  const residents = new Map<string, number>();
  for (const hood of neighbourhoods) {
    const km2 = areaKm2(hood.geometry);
    if (hood.population <= 0 || km2 <= 0) continue;
    const density = hood.population / km2;
    const polygons =
      hood.geometry.type === 'Polygon' ? [hood.geometry.coordinates] : hood.geometry.coordinates;
    for (const rings of polygons) {
      for (const cell of polygonToCells(rings as number[][][], resolution, true)) {
        residents.set(cell, (residents.get(cell) ?? 0) + density * cellArea(cell, 'km2'));
      }
    }
  }
  return residents;
}

/** Customers per hexagon, from their [lng, lat] positions (the slow part: about 1.5 µs per customer). */
export function customersByCell(
  positions: Iterable<[number, number]>,
  resolution: number,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [lng, lat] of positions) {
    const cell = latLngToCell(lat, lng, resolution);
    counts.set(cell, (counts.get(cell) ?? 0) + 1);
  }
  return counts;
}

/**
 * The white-space hexagons, most untapped first. `residents` and `customers` are counts per hexagon at
 * `options.resolution` (see residentsByCell and customersByCell).
 * @example whiteSpace({ residents: residentsByCell(hoods, 8), customers: customersByCell([[13.4, 52.5]], 8), stores: [[13.3, 52.5]] }, { resolution: 8, minStoreKm: 1.5, minResidents: 500, limit: 20 })
 */
export function whiteSpace(
  {
    residents,
    customers,
    stores,
  }: {
    residents: ReadonlyMap<string, number>;
    customers: ReadonlyMap<string, number>;
    stores: readonly [number, number][];
  },
  options: WhiteSpaceOptions,
): WhiteSpaceResult {
  let people = 0;
  let clients = 0;
  for (const [cell, count] of residents) {
    people += count;
    clients += customers.get(cell) ?? 0;
  }
  const cityPenetration = people > 0 ? clients / people : 0;

  const cells: WhiteSpaceCell[] = [];
  for (const [h3, count] of residents) {
    if (count < options.minResidents) continue;
    const [lat, lng] = cellToLatLng(h3);
    const center: [number, number] = [lng, lat];
    const nearestStoreKm = stores.reduce(
      (min, store) => Math.min(min, distanceKm(center, store)),
      Infinity,
    );
    if (nearestStoreKm < options.minStoreKm) continue;
    const have = customers.get(h3) ?? 0;
    const penetration = have / count;
    if (penetration >= cityPenetration) continue;
    cells.push({
      h3,
      center,
      // GeoJSON order ([lng, lat]) and closed, as cellToBoundary gives with formatAsGeoJson.
      geometry: { type: 'Polygon', coordinates: [cellToBoundary(h3, true) as [number, number][]] },
      residents: Math.round(count),
      customers: have,
      penetration,
      nearestStoreKm: Number.isFinite(nearestStoreKm) ? nearestStoreKm : null,
      untapped: count * cityPenetration - have,
    });
  }
  cells.sort((a, b) => b.untapped - a.untapped || a.h3.localeCompare(b.h3));
  return { cells: cells.slice(0, options.limit), cityPenetration, hexagons: residents.size };
}
