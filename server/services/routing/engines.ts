// The travel-time engine CATCHMENT_ROUTING chose: the in-process router by default, or a Valhalla or
// openrouteservice server at CATCHMENT_ROUTING_URL.
import type { Db } from '../../db/connection.js';
import type { RoutingConfig } from '../../env.js';
import { defaultEngineRetry, type EngineRetryOptions } from './engine-http.js';
import type { IsochroneEngine } from './engine.js';
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
