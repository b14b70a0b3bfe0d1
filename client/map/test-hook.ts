// What end-to-end tests can reach from the page: the map and when it first became idle.
import type { Map as MapLibreMap } from 'maplibre-gl';

export interface CatchmentTestHook {
  map: MapLibreMap;
  /** performance.now() at the first 'idle' with our data on the map: time from navigation to a usable map. */
  firstIdleMs?: number;
}

declare global {
  interface Window {
    __catchment?: CatchmentTestHook;
  }
}

export function exposeForTests(hook: CatchmentTestHook): void {
  window.__catchment = hook;
}
