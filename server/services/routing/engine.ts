// What every travel-time engine offers: the area reachable from a point in so many minutes by a mode of travel.
import type { TravelMode } from '../../domain/routing/travel-modes.js';
import type { AreaGeometry } from '../../domain/schemas/geojson.js';

export interface IsochroneQuery {
  mode: TravelMode;
  minutes: number;
  /** [lng, lat] */
  origin: [number, number];
}

export type EngineName = 'offline' | 'valhalla' | 'openrouteservice';

export interface IsochroneEngine {
  name: EngineName;
  /** Throws ServiceError: `invalid` naming body.origin, or unavailable / upstream-failed / upstream-timeout. */
  isochrone(query: IsochroneQuery): Promise<AreaGeometry>;
}
