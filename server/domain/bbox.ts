// Parsing of `bbox=minLng,minLat,maxLng,maxLat` query values.
import { DECIMAL_NUMBER } from './schemas/query.js';

export type Bbox = [minLng: number, minLat: number, maxLng: number, maxLat: number];

export const BBOX_REASONS = {
  shape: 'bbox must be four comma-separated decimal numbers: minLng,minLat,maxLng,maxLat',
  range: 'bbox longitudes must be within -180..180 and latitudes within -90..90',
  order: 'bbox minimums must not exceed maximums (is the order lng,lat,lng,lat?)',
} as const;

export type BboxResult = { ok: true; bbox: Bbox } | { ok: false; reason: string };

/**
 * Parses a bbox string; returns a reason instead of throwing. Each number is a plain decimal like every number in a
 * query string (no hexadecimal, exponent or Infinity); spaces around the commas are allowed.
 * @example parseBbox('13.3,52.4,13.5,52.6') // { ok: true, bbox: [13.3, 52.4, 13.5, 52.6] }
 */
export function parseBbox(text: string): BboxResult {
  const parts = text.split(',').map((part) => part.trim());
  if (parts.length !== 4 || parts.some((part) => !DECIMAL_NUMBER.test(part))) {
    return { ok: false, reason: BBOX_REASONS.shape };
  }
  const [minLng, minLat, maxLng, maxLat] = parts.map(Number) as Bbox;
  const lngOk = (v: number) => v >= -180 && v <= 180;
  const latOk = (v: number) => v >= -90 && v <= 90;
  if (!lngOk(minLng) || !lngOk(maxLng) || !latOk(minLat) || !latOk(maxLat))
    return { ok: false, reason: BBOX_REASONS.range };
  if (minLng > maxLng || minLat > maxLat) return { ok: false, reason: BBOX_REASONS.order };
  return { ok: true, bbox: [minLng, minLat, maxLng, maxLat] };
}
