// openrouteservice's isochrones (POST {url}/v2/isochrones/{profile}): one location, one range in seconds.
// https://openrouteservice.org/dev/#/api-docs/v2/isochrones/{profile}/post
import type { TravelMode } from '../../domain/routing/travel-modes.js';
import { engineFailure } from './engine-errors.js';
import { areaFromFeatures, polygonFeatures } from './engine-geometry.js';
import { postJsonWithRetry, type EngineRetryOptions } from './engine-http.js';
import type { IsochroneEngine, IsochroneQuery } from './engine.js';

const PROFILE: Record<TravelMode, string> = {
  walk: 'foot-walking',
  bike: 'cycling-regular',
  drive: 'driving-car',
};

export function openRouteServiceRequest({ minutes, origin }: IsochroneQuery) {
  return { locations: [[origin[0], origin[1]]], range: [minutes * 60], range_type: 'time' };
}

export function openRouteServiceEngine(options: {
  url: string;
  apiKey: string | null;
  retry: EngineRetryOptions;
}): IsochroneEngine {
  const base = options.url.replace(/\/+$/, '');
  return {
    name: 'openrouteservice',
    async isochrone(query) {
      const answer = await postJsonWithRetry(
        `${base}/v2/isochrones/${PROFILE[query.mode]}`,
        openRouteServiceRequest(query),
        { ...options.retry, headers: options.apiKey ? { Authorization: options.apiKey } : {} },
      );
      if (!answer.ok) throw engineFailure('openrouteservice', answer);
      const polygons = polygonFeatures('openrouteservice', answer.body);
      // Each feature's `value` is its range in seconds.
      const ours = polygons.filter((f) => Number(f.properties.value) === query.minutes * 60);
      return areaFromFeatures('openrouteservice', ours.length ? ours : polygons.slice(0, 1));
    },
  };
}
