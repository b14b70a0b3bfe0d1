// Weather as the trigger evaluator reads it: hourly values per place, whichever provider they came from. Providers
// (server/services/weather/) fill a cache ahead of time; the evaluator and the live-offers lookup only read it, without
// waiting on the network.
import type { MultiPolygon, Polygon } from 'geojson';
import { booleanPointInPolygon, centroid, pointOnFeature } from '@turf/turf';

/** One hour of weather at one place. `hour` is the UTC start of the hour; values hold for [hour, hour + 1 h). */
export interface WeatherHour {
  hour: string;
  temperatureC: number;
  precipitationMmH: number;
  snowfallCmH: number;
  windKmh: number;
  cloudCoverPct: number;
  /** WMO weather interpretation code when the provider gives one (Open-Meteo does), else null. */
  weatherCode: number | null;
}

/**
 * Where the values came from: `live` from the real provider, `stale` kept from an earlier answer because the provider
 * failed, `simulated` from a what-if scenario, `forecast` for hours after the time they were fetched.
 */
export type WeatherFreshness = 'live' | 'stale' | 'simulated' | 'forecast';

export interface WeatherReading extends WeatherHour {
  freshness: WeatherFreshness;
}

/**
 * What the evaluator is given: the weather at a place (an area's representative point, [lng, lat]) for one UTC hour,
 * or null when nothing is known for that hour (a trigger that needs it then reports "no weather data").
 */
export type WeatherAt = (point: [number, number], hour: Date) => WeatherReading | null;

/** The UTC start of the hour containing `at`. */
export function hourStart(at: Date): Date {
  return new Date(Math.floor(at.getTime() / 3_600_000) * 3_600_000);
}

/**
 * The one place an area's weather is read for: its centroid when that lies inside the area, else a point on its
 * surface (a crescent's centroid can fall outside it). Weather cells are kilometres wide, so one point per area is enough.
 */
export function areaWeatherPoint(geometry: Polygon | MultiPolygon): [number, number] {
  const center = centroid(geometry).geometry.coordinates as [number, number];
  if (booleanPointInPolygon(center, geometry)) return center;
  return pointOnFeature(geometry).geometry.coordinates as [number, number];
}
