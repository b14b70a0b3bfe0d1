// Pointer input on the map → store actions: click selects (or expands a cluster), hover highlights,
// Shift+click picks neighbourhoods for a new area, and while an event is being placed (or the event form picks a
// place) a click sets its place. While a shape is drawn or edited, terra-draw owns the pointer.
import type { Map as MapLibreMap, MapGeoJSONFeature, PointLike } from 'maplibre-gl';
import type { AppStore } from '../store';
import type { Selection } from '../store/types';
import { INTERACTIVE_LAYERS, LAYER } from './layers';
import { CUSTOMERS_POINTS_FROM_ZOOM } from './sources';
import { freeCentreOffset } from './fit';
import { MARKET_LAYER } from './market-layers';
import type { ChoroplethRegion } from '../store/slices/market';

/** What the pointer is on: something selectable, a cluster to expand, or nothing. */
export type Hit = { selection: Selection } | { cluster: [number, number] } | null;

/** Pixels around the pointer that still count as a hit, so small symbols are easy to tap. */
const TOLERANCE_PX = 4;

export function hitFromFeature(
  feature: Pick<MapGeoJSONFeature, 'layer' | 'properties' | 'geometry'>,
): Hit {
  const id = feature.properties?.id as unknown;
  switch (feature.layer.id) {
    case LAYER.storesSymbol:
      return typeof id === 'string' ? { selection: { kind: 'store', id } } : null;
    case LAYER.eventsSymbol:
      return typeof id === 'string' ? { selection: { kind: 'event', id } } : null;
    case LAYER.customersPoints:
      return typeof id === 'string' ? { selection: { kind: 'customer', id } } : null;
    case LAYER.boundariesFill:
      return typeof id === 'string' ? { selection: { kind: 'boundary', id } } : null;
    case LAYER.areasFill:
      return typeof id === 'string' ? { selection: { kind: 'area', id } } : null;
    case LAYER.customersClusters:
      return feature.geometry.type === 'Point'
        ? { cluster: feature.geometry.coordinates as [number, number] }
        : null;
    default:
      return null;
  }
}

function hitAt(map: MapLibreMap, point: { x: number; y: number }, only?: readonly string[]): Hit {
  const layers = (only ?? INTERACTIVE_LAYERS).filter(
    (id) => map.getLayer(id) && map.getLayoutProperty(id, 'visibility') !== 'none',
  );
  if (!layers.length) return null;
  const box: [PointLike, PointLike] = [
    [point.x - TOLERANCE_PX, point.y - TOLERANCE_PX],
    [point.x + TOLERANCE_PX, point.y + TOLERANCE_PX],
  ];
  const features = map.queryRenderedFeatures(box, { layers });
  const rank = (f: MapGeoJSONFeature) =>
    INTERACTIVE_LAYERS.indexOf(f.layer.id as (typeof INTERACTIVE_LAYERS)[number]);
  // Between overlapping symbols of the same layer, the one nearest the pointer wins.
  const distance = (f: MapGeoJSONFeature) => {
    if (f.geometry.type !== 'Point') return 0;
    const p = map.project(f.geometry.coordinates as [number, number]);
    return Math.hypot(p.x - point.x, p.y - point.y);
  };
  const best = features
    .map((feature) => ({ feature, rank: rank(feature), distance: distance(feature) }))
    .sort((a, b) => a.rank - b.rank || a.distance - b.distance)[0];
  return best ? hitFromFeature(best.feature) : null;
}

/** The choropleth region under the pointer, for its value in the legend (hover only; taps select as before). */
function showChoroplethValue(map: MapLibreMap, store: AppStore, point: { x: number; y: number }) {
  const s = store.getState();
  if (!s.choropleth || !map.getLayer(MARKET_LAYER.choroplethFill)) return;
  const [feature] = map.queryRenderedFeatures([point.x, point.y], {
    layers: [MARKET_LAYER.choroplethFill],
  });
  const region = (feature?.properties as ChoroplethRegion | undefined) ?? null;
  if (region?.id !== s.choroplethHover?.id)
    s.setChoroplethHover(region && { ...region, value: region.value ?? null });
}

/** Drawing a shape or editing the draft: clicks and hover belong to terra-draw, not to selection. */
const drawing = (store: AppStore) => {
  const { tool, draft } = store.getState();
  return tool !== 'select' || draft !== null;
};

/**
 * What the map hands on to the features instead of importing them (the map layer sits below features/): placing an
 * event saves it through the API, and a map error becomes a toast.
 */
export interface MapActions {
  placeEvent: (id: string, lngLat: [number, number]) => void;
  /** Places the imported row that needs a place (store.placingImport) at the clicked point. */
  placeImported: (lngLat: [number, number]) => void;
  /** The Travel time tool's click: a travel-time area from that point. */
  travelFrom: (lngLat: [number, number]) => void;
  reportError: (error: unknown) => void;
}

export function bindInteractions(
  map: MapLibreMap,
  store: AppStore,
  actions: Pick<MapActions, 'placeEvent' | 'placeImported' | 'travelFrom'>,
): () => void {
  const onClick = (event: {
    point: { x: number; y: number };
    lngLat: { lng: number; lat: number };
    originalEvent?: MouseEvent;
  }) => {
    if (drawing(store)) return;
    // "What if we open here?": the click is the new store's site.
    if (store.getState().whatIfSite?.picking) {
      store.getState().pickWhatIfPoint([event.lngLat.lng, event.lngLat.lat]);
      return;
    }
    // The Travel time tool: the click is where the trip starts.
    if (store.getState().travelPicking) {
      actions.travelFrom([event.lngLat.lng, event.lngLat.lat]);
      return;
    }
    // Comparing sites: the click adds a candidate site.
    if (store.getState().siteCompare?.picking) {
      store.getState().addSitePoint([event.lngLat.lng, event.lngLat.lat]);
      return;
    }
    // Picking the event form's place: the click fills its coordinates and the form comes back.
    if (store.getState().eventForm?.picking) {
      store.getState().pickEventFormPlace([event.lngLat.lng, event.lngLat.lat]);
      return;
    }
    // Placing an imported row that needs a place: the click is its place.
    if (store.getState().placingImport) {
      actions.placeImported([event.lngLat.lng, event.lngLat.lat]);
      return;
    }
    // Placing an event: the click is its place, not a selection.
    const placing = store.getState().placingEvent;
    if (placing) {
      actions.placeEvent(placing, [event.lngLat.lng, event.lngLat.lat]);
      return;
    }
    if (event.originalEvent?.shiftKey) {
      const hit = hitAt(map, event.point, [LAYER.boundariesFill]);
      if (hit && 'selection' in hit) store.getState().toggleBoundaryPick(hit.selection.id);
      return;
    }
    // Comparing areas: a click on a saved area ticks it in (or out of) the comparison.
    if (store.getState().areaCompare) {
      const area = hitAt(map, event.point, [LAYER.areasFill]);
      if (area && 'selection' in area) store.getState().toggleComparedArea(area.selection.id);
      return;
    }
    const hit = hitAt(map, event.point);
    if (hit && 'cluster' in hit) {
      map.easeTo({
        center: hit.cluster,
        zoom: Math.min(map.getZoom() + 2, CUSTOMERS_POINTS_FROM_ZOOM),
        offset: freeCentreOffset(map),
      });
      return;
    }
    store.getState().select(hit?.selection ?? null);
  };

  let frame = 0;
  let lastPoint: { x: number; y: number } | null = null;
  const onMove = (event: { point: { x: number; y: number } }) => {
    lastPoint = event.point;
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      if (!lastPoint) return;
      if (drawing(store)) {
        store.getState().setHover(null);
        return;
      }
      showChoroplethValue(map, store, lastPoint);
      if (
        store.getState().whatIfSite?.picking ||
        store.getState().placingEvent ||
        store.getState().placingImport ||
        store.getState().siteCompare?.picking ||
        store.getState().eventForm?.picking ||
        store.getState().travelPicking
      ) {
        map.getCanvas().style.cursor = 'crosshair';
        store.getState().setHover(null);
        return;
      }
      const hit = hitAt(map, lastPoint);
      map.getCanvas().style.cursor = hit ? 'pointer' : '';
      store.getState().setHover(hit && 'selection' in hit ? hit.selection : null);
    });
  };
  const onLeave = () => {
    lastPoint = null;
    if (store.getState().choroplethHover) store.getState().setChoroplethHover(null);
    map.getCanvas().style.cursor = '';
    store.getState().setHover(null);
  };

  map.on('click', onClick);
  map.on('mousemove', onMove);
  map.on('mouseout', onLeave);
  return () => {
    cancelAnimationFrame(frame);
    map.off('click', onClick);
    map.off('mousemove', onMove);
    map.off('mouseout', onLeave);
  };
}
