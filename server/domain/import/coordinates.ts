// Points in imported rows: lat/lng columns, one "lat,lng" column, WKT POINT(lng lat) or a GeoJSON Point; and the
// check that catches a file whose latitude and longitude columns are the wrong way round.
import type { Bbox } from '../bbox.js';
import { parseNumber } from './values.js';

/** Why a cell is not a point: the English reason, its field-error code, and the value at fault where one is. */
export type PointRefusal = {
  ok: false;
  reason: string;
  code: 'not_a_number' | 'latitude_range' | 'longitude_range' | 'no_location' | 'not_a_point';
  value?: string;
};
export type ParsedPoint = { ok: true; point: [number, number] } | PointRefusal;

const WKT_POINT = /^\s*(?:SRID=\d+;)?POINT\s*Z?\s*\(\s*(\S+)\s+(\S+)(?:\s+\S+)?\s*\)\s*$/i;

/** [lng, lat] from two cells, refusing values outside ±90 / ±180. */
export function pointFromParts(latText: string, lngText: string): ParsedPoint {
  const lat = parseNumber(latText);
  const lng = parseNumber(lngText);
  if (lat === null)
    return { ok: false, reason: 'latitude is not a number', code: 'not_a_number', value: latText };
  if (lng === null)
    return { ok: false, reason: 'longitude is not a number', code: 'not_a_number', value: lngText };
  if (Math.abs(lat) > 90)
    return {
      ok: false,
      reason: `latitude ${lat} is outside ±90 (swapped with longitude?)`,
      code: 'latitude_range',
      value: String(lat),
    };
  if (Math.abs(lng) > 180)
    return {
      ok: false,
      reason: `longitude ${lng} is outside ±180`,
      code: 'longitude_range',
      value: String(lng),
    };
  return { ok: true, point: [lng, lat] };
}

/**
 * [lng, lat] from one cell: `"52.52,13.40"` (lat first, as people write it), WKT `POINT(13.40 52.52)` or GeoJSON.
 * @example parsePoint('POINT(13.4 52.52)') // { ok: true, point: [13.4, 52.52] }
 */
export function parsePoint(raw: string): ParsedPoint {
  const text = raw.trim();
  if (text === '') return { ok: false, reason: 'no location', code: 'no_location' };
  const wkt = WKT_POINT.exec(text);
  if (wkt) return pointFromParts(wkt[2]!, wkt[1]!);
  if (text.startsWith('{')) {
    try {
      const value = JSON.parse(text) as { type?: unknown; coordinates?: unknown };
      const c = value.coordinates;
      if (value.type === 'Point' && Array.isArray(c) && c.length >= 2)
        return pointFromParts(String(c[1]), String(c[0]));
    } catch {
      // fall through to the refusal below
    }
    return { ok: false, reason: 'not a GeoJSON Point', code: 'not_a_point' };
  }
  // "lat,lng", "lat;lng" or "lat lng"; with decimal commas the separator must be ";" or a space.
  const parts = text.includes(';')
    ? text.split(';')
    : text.includes(' ') && !/,\s/.test(text)
      ? text.split(/\s+/)
      : text.split(',');
  if (parts.length !== 2)
    return {
      ok: false,
      reason: 'expected "lat,lng", POINT(lng lat) or a GeoJSON Point',
      code: 'not_a_point',
    };
  return pointFromParts(parts[0]!, parts[1]!);
}

const inside = (bbox: Bbox, lng: number, lat: number) =>
  lng >= bbox[0] && lng <= bbox[2] && lat >= bbox[1] && lat <= bbox[3];

/**
 * Whether sampled (lat, lng) pairs, read as given, look swapped: latitudes outside ±90 whose longitudes would all be
 * valid latitudes, or most points outside the workspace's extent but inside it when swapped.
 * @example looksSwapped([[13.4, 52.5]], [10, 50, 14, 54]) // true: 13.4 read as latitude is outside the extent
 */
export function looksSwapped(
  pairs: readonly [lat: number, lng: number][],
  extent: Bbox | null,
): boolean {
  if (pairs.length === 0) return false;
  const badLat = pairs.filter(([lat]) => Math.abs(lat) > 90).length;
  if (badLat > 0 && pairs.every(([, lng]) => Math.abs(lng) <= 90)) return true;
  if (!extent) return false;
  const asGiven = pairs.filter(([lat, lng]) => inside(extent, lng, lat)).length;
  const swapped = pairs.filter(([lat, lng]) => inside(extent, lat, lng)).length;
  return asGiven < pairs.length / 2 && swapped > pairs.length / 2;
}
