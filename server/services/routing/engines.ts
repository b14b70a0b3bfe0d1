// The travel-time engine CATCHMENT_ROUTING chose: the in-process router by default, or a Valhalla or
// openrouteservice server at CATCHMENT_ROUTING_URL. Travel-time matrices (for Huff) come from the remote engines only:
// without one, Huff keeps straight-line distance.
import type { Db } from '../../db/connection.js';
import type { RoutingConfig } from '../../env.js';
import { defaultEngineRetry, type EngineRetryOptions } from './engine-http.js';
import type { IsochroneEngine } from './engine.js';
import type { MatrixBatching, TravelTimeMatrix } from './matrix.js';
import { openRouteServiceMatrix } from './openrouteservice-matrix.js';
import { valhallaMatrix } from './valhalla-matrix.js';
import { offlineEngine } from './offline-engine.js';
import { openRouteServiceEngine } from './openrouteservice.js';
import { valhallaEngine } from './valhalla.js';

export function createIsochroneEngine(
  db: Db,
  config: RoutingConfig,
  /** Tests shorten the back-off and time-outs. */
  retry: Partial<EngineRetryOptions> = {},
): IsochroneEngine {
  if (config.engine === 'offline') return offlineEngine(db);
  const options = { ...defaultEngineRetry(config.timeoutMs), ...retry };
  return config.engine === 'valhalla'
    ? valhallaEngine({ url: config.url, retry: options })
    : openRouteServiceEngine({ url: config.url, apiKey: config.apiKey, retry: options });
}

/** The configured engine's matrix service, or null when routing is offline. */
export function createTravelTimeMatrix(
  config: RoutingConfig,
  retry: Partial<EngineRetryOptions> = {},
  batching?: MatrixBatching,
): TravelTimeMatrix | null {
  if (config.engine === 'offline') return null;
  const options = { ...defaultEngineRetry(config.timeoutMs), ...retry };
  const more = batching ? { batching } : {};
  return config.engine === 'valhalla'
    ? valhallaMatrix({ url: config.url, retry: options, ...more })
    : openRouteServiceMatrix({ url: config.url, apiKey: config.apiKey, retry: options, ...more });
}
