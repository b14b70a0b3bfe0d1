// What end-to-end tests can reach from the page: the map, the store and when the map first became idle.
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { AppStore } from '../store';

export interface CatchmentTestHook {
  map: MapLibreMap;
  /** performance.now() at the first 'idle' with our data on the map: time from navigation to a usable map. */
  firstIdleMs?: number;
  /** The app store, so tests can read what the UI shows from (the draft's geometry, the history). */
  store?: AppStore;
  /** Loads the lists again (app/load-data.ts loadLists), for a test that changed them through the API. */
  reloadLists?: () => Promise<void>;
}

declare global {
  interface Window {
    __catchment?: CatchmentTestHook;
  }
}

export function exposeForTests(hook: CatchmentTestHook): void {
  window.__catchment = hook;
}
