// The in-process router: one-to-all travel times on the workspace's street network from the node nearest the
// origin, the reached streets (partly reached ones up to where the time runs out) hulled into a polygon.
import type { Db } from '../../db/connection.js';
import { localFrame, reachedPoints } from '../../domain/routing/reached-points.js';
import { reachSeconds } from '../../domain/routing/reach.js';
import { nearestNode, type StreetGraph } from '../../domain/routing/street-graph.js';
import { speedsByClass, WALK_METERS_PER_SECOND } from '../../domain/routing/travel-modes.js';
import type { AreaGeometry } from '../../domain/schemas/geojson.js';
import { ServiceError } from '../errors.js';
import type { IsochroneEngine, IsochroneQuery } from './engine.js';
import { streetGraphOf } from './graph-cache.js';
import { hullPolygon } from './isochrone-polygon.js';

/** A point farther than this from every junction is not in the city the network covers. */
export const MAX_SNAP_METERS = 1000;

/** The polygon for a query on a given graph (pure apart from concaveman; the bench calls it directly). */
export function offlineIsochrone(graph: StreetGraph, query: IsochroneQuery): AreaGeometry {
  const snapped = nearestNode(graph, query.origin);
  if (!snapped || snapped.meters > MAX_SNAP_METERS)
    throw new ServiceError(
      'invalid',
      `No street within ${MAX_SNAP_METERS} m of this point: travel times start from the street network.`,
      [
        {
          field: 'body.origin',
          code: 'no_street_nearby',
          message: `no street within ${MAX_SNAP_METERS} m`,
        },
      ],
    );
  const budgetSeconds = query.minutes * 60;
  const speeds = speedsByClass(query.mode);
  const seconds = reachSeconds(graph, {
    start: snapped.node,
    startSeconds: snapped.meters / WALK_METERS_PER_SECOND,
    budgetSeconds,
    speeds,
  });
  const points = reachedPoints(graph, { seconds, budgetSeconds, speeds, origin: query.origin });
  // The walk from the point itself to the street belongs to the area too.
  const frame = localFrame(query.origin);
  points.push([0, 0]);
  const polygon = hullPolygon(points, frame);
  if (!polygon)
    throw new ServiceError(
      'invalid',
      'Nothing is reachable from this point in that time: it is too far from the nearest street.',
      [
        {
          field: 'body.minutes',
          code: 'unreachable_in_time',
          message: 'too short to reach the street from this point',
        },
      ],
    );
  return polygon as AreaGeometry;
}

export function offlineEngine(db: Db): IsochroneEngine {
  return {
    name: 'offline',
    isochrone(query) {
      const { graph } = streetGraphOf(db);
      if (graph.ids.length === 0)
        return Promise.reject(
          new ServiceError(
            'unavailable',
            'This workspace has no street network to route on. Travel times need the demo city, or a routing engine (CATCHMENT_ROUTING with CATCHMENT_ROUTING_URL).',
            undefined,
            { engine: 'offline', code: 'no_street_network' },
          ),
        );
      return Promise.resolve(offlineIsochrone(graph, query));
    },
  };
}
