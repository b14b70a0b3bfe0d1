// Valhalla's isochrone service (POST {url}/isochrone): one location, one time contour in minutes, polygons.
// https://valhalla.github.io/valhalla/api/isochrone/api-reference/
import type { TravelMode } from '../../domain/routing/travel-modes.js';
import { engineFailure } from './engine-errors.js';
import { areaFromFeatures, polygonFeatures } from './engine-geometry.js';
import { postJsonWithRetry, type EngineRetryOptions } from './engine-http.js';
import type { IsochroneEngine, IsochroneQuery } from './engine.js';

const COSTING: Record<TravelMode, string> = {
  walk: 'pedestrian',
  bike: 'bicycle',
  drive: 'auto',
};

export function valhallaRequest({ mode, minutes, origin }: IsochroneQuery) {
  return {
    locations: [{ lon: origin[0], lat: origin[1] }],
    costing: COSTING[mode],
    contours: [{ time: minutes }],
    polygons: true,
    // Only the largest part of the contour: islands a few metres wide are noise, not places to target.
    denoise: 1,
  };
}

export function valhallaEngine(options: {
  url: string;
  retry: EngineRetryOptions;
}): IsochroneEngine {
  const endpoint = `${options.url.replace(/\/+$/, '')}/isochrone`;
  return {
    name: 'valhalla',
    async isochrone(query) {
      const answer = await postJsonWithRetry(endpoint, valhallaRequest(query), options.retry);
      if (!answer.ok) throw engineFailure('valhalla', answer);
      const polygons = polygonFeatures('valhalla', answer.body);
      // Valhalla labels each contour with its time in minutes; with one contour asked, take that one.
      const ours = polygons.filter((f) => Number(f.properties.contour) === query.minutes);
      return areaFromFeatures('valhalla', ours.length ? ours : polygons.slice(0, 1));
    },
  };
}
