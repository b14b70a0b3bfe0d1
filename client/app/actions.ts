// User intents shared by lists, search and details: select something and bring it into view.
import { aroundCircle, PLACE_ZOOM } from '../map/camera-targets';
import { bboxOf } from '../map/geometry';
import type { AppStore } from '../store';
import { selectBoundary, selectStore } from '../store/selectors';
import type { Selection } from '../store/types';

/** Selects a store or neighbourhood and flies the map to it. */
export function showOnMap(store: AppStore, selection: Selection): void {
  store.getState().select(selection);
  bringIntoView(store, selection);
}

/** Moves the camera to a store, neighbourhood, area or placed event (customers have no client-side location yet). */
export function bringIntoView(store: AppStore, selection: Selection): void {
  const state = store.getState();
  if (selection.kind === 'store') {
    const feature = selectStore(selection.id)(state);
    if (feature)
      state.flyTo({ center: feature.geometry.coordinates as [number, number], zoom: PLACE_ZOOM });
  } else if (selection.kind === 'boundary') {
    const feature = selectBoundary(selection.id)(state);
    if (feature) state.flyTo({ bbox: bboxOf(feature.geometry) });
  } else if (selection.kind === 'event') {
    const feature = state.events.data?.features.find((f) => f.id === selection.id);
    if (feature?.geometry)
      state.flyTo(
        aroundCircle({
          center: feature.geometry.coordinates as [number, number],
          radiusMeters: state.eventReachMeters,
        }),
      );
  } else if (selection.kind === 'area') {
    const feature = state.areas.data?.features.find((f) => f.properties.id === selection.id);
    if (feature) state.flyTo({ bbox: bboxOf(feature.geometry) });
  }
}

/** Whether a URL hash carries a map view (`#map=zoom/lat/lng`). Read it before the map writes one. */
export function hasMapView(hash: string): boolean {
  return /(^#|&)map=/.test(hash);
}
