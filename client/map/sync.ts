// The one sync point between the store and the map: installs our overlay after every style load
// (so it survives a basemap switch) and pushes store changes into sources, layers, feature state and camera.
import type { Map as MapLibreMap, VectorTileSource } from 'maplibre-gl';
import type { AppState, AppStore } from '../store';
import { liveAreaIds, selectBrands, selectBoundaryFeatures } from '../store/selectors';
import type { CameraTarget, Selection } from '../store/types';
import { BRAND_ICON_PREFIX, brandStyles } from './brands';
import { featureFor } from './feature-state';
import { labelPoints } from './geometry';
import { EVENT_ICON_PREFIX, eventCategories, eventShape } from './event-categories';
import { ICON_PIXEL_RATIO, drawBrandIcon, drawEventIcon } from './icons';
import { layerVisibility, overlayLayers } from './layers';
import { choroplethColor, drawHatch, HATCH_IMAGE, MARKET_LAYER, marketData } from './market-layers';
import type { MapPalette } from './palette';
import { afterPanelsSettle, fitToPanels, flyToInPanels, revealInPanels } from './fit';
import { circlePolygon } from '../../server/domain/geometry/circle';
import {
  SOURCE,
  customerTileUrls,
  emptyCollection,
  overlaySources,
  type OverlayData,
} from './sources';
import { flightZoom, MAX_APP_ZOOM, PLACE_ZOOM } from './camera-targets';
import { travelData } from './travel-data';

function overlayData(s: AppState): OverlayData {
  const boundaries = selectBoundaryFeatures(s);
  return {
    boundaries: s.boundaries.data ?? emptyCollection(),
    boundaryLabels: boundaries.length ? labelPoints(boundaries) : emptyCollection(),
    stores: s.stores.data ?? emptyCollection(),
    areas: areaData(s),
    events: eventData(s),
    sites: siteData(s),
    whiteSpace: whiteSpaceData(s),
    travel: travelData(s),
    reach: reachData(s),
    customersVersion: s.dataVersion,
    segment: s.segment,
    market: s,
  };
}

const REACH_CIRCLE_STEPS = 64;

/** The walking radius around the selected (placed) event, and around each candidate site while sites are compared. */
export function reachData(
  s: Pick<
    AppState,
    | 'selection'
    | 'events'
    | 'eventReachMeters'
    | 'siteCompare'
    | 'siteBest'
    | 'eventReachWalkMinutes'
    | 'eventReachArea'
  >,
): GeoJSON.FeatureCollection {
  const features: GeoJSON.Feature[] = [];
  const circle = (
    center: [number, number],
    radiusMeters: number,
    properties: Record<string, unknown>,
  ) =>
    features.push({
      type: 'Feature',
      geometry: circlePolygon({ center, radiusMeters, steps: REACH_CIRCLE_STEPS }),
      properties,
    });
  if (s.siteCompare) {
    s.siteCompare.points.forEach((point, index) =>
      circle(point, s.siteCompare!.withinMeters, {
        id: `site-${index + 1}`,
        best: s.siteBest === index,
      }),
    );
  } else if (s.selection?.kind === 'event') {
    const id = s.selection.id;
    const event = s.events.data?.features.find((f) => f.id === id);
    if (event?.geometry && s.eventReachWalkMinutes !== null && s.eventReachArea)
      features.push({
        type: 'Feature',
        geometry: s.eventReachArea,
        properties: { id: `event-${id}`, best: false },
      });
    else if (event?.geometry && s.eventReachWalkMinutes === null)
      circle(event.geometry.coordinates as [number, number], s.eventReachMeters, {
        id: `event-${id}`,
        best: false,
      });
  }
  return { type: 'FeatureCollection', features };
}

/** The white-space hexagons found, numbered by rank (1 = most untapped), while the search is open. */
export function whiteSpaceData(
  s: Pick<AppState, 'whiteSpace' | 'whiteSpaceCells'>,
): GeoJSON.FeatureCollection {
  const cells = s.whiteSpace ? (s.whiteSpaceCells ?? []) : [];
  return {
    type: 'FeatureCollection',
    features: cells.map((cell, i) => ({
      type: 'Feature',
      id: cell.h3,
      geometry: cell.geometry,
      properties: { id: cell.h3, rank: i + 1 },
    })),
  };
}

/** The points of a site comparison, numbered from 1; `best` marks the winner once the comparison is answered. */
export function siteData(s: Pick<AppState, 'siteCompare' | 'siteBest'>): GeoJSON.FeatureCollection {
  const points = s.siteCompare?.points ?? [];
  return {
    type: 'FeatureCollection',
    features: points.map((coordinates, index) => ({
      type: 'Feature',
      id: index + 1,
      geometry: { type: 'Point', coordinates },
      properties: { id: index + 1, number: index + 1, best: s.siteBest === index },
    })),
  };
}

/** Placed events of the loaded range in the chosen category (the map shows what the list shows). */
function eventData(s: AppState): GeoJSON.FeatureCollection {
  const features = (s.events.data?.features ?? []).filter(
    (f) => f.geometry !== null && (!s.eventCategory || f.properties.category === s.eventCategory),
  );
  return { type: 'FeatureCollection', features: features as GeoJSON.Feature[] };
}

/**
 * Saved areas for the map; the one being edited is left out, because terra-draw shows it while it changes. Areas a
 * campaign is live in now carry `live: true`, and areas being compared `compared: true` (properties, not feature
 * state: they survive new data without re-applying).
 */
export function areaData(
  s: Pick<AppState, 'areas' | 'draft' | 'liveCampaigns' | 'areaCompare'>,
): GeoJSON.FeatureCollection {
  const features = s.areas.data?.features ?? [];
  const editing = s.draft?.areaId;
  const live = liveAreaIds(s);
  const compared = new Set(s.areaCompare ?? []);
  const shown = editing ? features.filter((f) => f.properties.id !== editing) : features;
  if (live.size === 0 && compared.size === 0) return { type: 'FeatureCollection', features: shown };
  return {
    type: 'FeatureCollection',
    features: shown.map((f) => {
      const marks = {
        ...(live.has(f.properties.id) ? { live: true } : {}),
        ...(compared.has(f.properties.id) ? { compared: true } : {}),
      };
      return Object.keys(marks).length === 0
        ? f
        : { ...f, properties: { ...f.properties, ...marks } };
    }),
  };
}

const settled = (s: AppState) =>
  (s.stores.status === 'ready' || s.stores.status === 'error') &&
  (s.boundaries.status === 'ready' || s.boundaries.status === 'error');

export interface SyncOptions {
  palette: MapPalette;
  /** Called once, at the first 'idle' after our data is on the map. */
  onFirstIdle?: () => void;
}

export function syncMap(
  map: MapLibreMap,
  store: AppStore,
  { palette, onFirstIdle }: SyncOptions,
): () => void {
  const putBrandIcons = (s: AppState) => {
    for (const style of brandStyles(selectBrands(s), palette)) {
      const image = drawBrandIcon({
        shape: style.shape,
        fill: style.color,
        halo: palette.symbolHalo,
      });
      if (map.hasImage(style.iconId)) map.updateImage(style.iconId, image);
      else map.addImage(style.iconId, image, { pixelRatio: ICON_PIXEL_RATIO });
    }
  };

  const putEventIcons = () => {
    for (const category of eventCategories) {
      const id = `${EVENT_ICON_PREFIX}${category}`;
      const image = drawEventIcon({
        shape: eventShape(category),
        fill: palette.event,
        halo: palette.symbolHalo,
      });
      if (map.hasImage(id)) map.updateImage(id, image);
      else map.addImage(id, image, { pixelRatio: ICON_PIXEL_RATIO });
    }
  };

  const putHatch = () => {
    const image = drawHatch(palette.boundaryLine, ICON_PIXEL_RATIO);
    if (map.hasImage(HATCH_IMAGE)) map.updateImage(HATCH_IMAGE, image);
    else map.addImage(HATCH_IMAGE, image, { pixelRatio: ICON_PIXEL_RATIO });
  };

  /** The market sources, and the choropleth's colours for as many classes as its breaks make. */
  const applyMarket = (s: AppState) => {
    for (const [id, data] of Object.entries(marketData(s))) setGeoJson(id, data);
    const classes = Math.max(1, (s.choroplethData?.breaks.length ?? 2) - 1);
    if (map.getLayer(MARKET_LAYER.choroplethFill))
      map.setPaintProperty(
        MARKET_LAYER.choroplethFill,
        'fill-color',
        choroplethColor(palette, classes),
      );
  };

  const setGeoJson = (id: string, data: GeoJSON.FeatureCollection) => {
    const source = map.getSource(id);
    if (source && 'setData' in source && typeof source.setData === 'function') source.setData(data);
  };

  const applyVisibility = (layers: AppState['layers']) => {
    for (const [id, visible] of Object.entries(layerVisibility(layers))) {
      if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
    }
  };

  const applyState = (
    key: 'selected' | 'hover',
    previous: Selection | null,
    next: Selection | null,
  ) => {
    const before = previous && featureFor(previous);
    const after = next && featureFor(next);
    if (before && map.getSource(before.source)) map.setFeatureState(before, { [key]: false });
    if (after && map.getSource(after.source)) map.setFeatureState(after, { [key]: true });
  };

  const applyPicked = (previous: readonly string[], next: readonly string[]) => {
    if (!map.getSource(SOURCE.boundaries)) return;
    for (const id of previous)
      if (!next.includes(id))
        map.setFeatureState({ source: SOURCE.boundaries, id }, { picked: false });
    for (const id of next) map.setFeatureState({ source: SOURCE.boundaries, id }, { picked: true });
  };

  // The request usually comes with a selection that opens a panel: the camera aims at the free part of the map
  // after that layout, not before it.
  let stopped = false;
  const moveCamera = (target: CameraTarget) =>
    afterPanelsSettle(map.getContainer(), () => moveCameraNow(target));
  const moveCameraNow = (target: CameraTarget) => {
    if (stopped) return;
    if (!('bbox' in target))
      flyToInPanels(
        map,
        target.center,
        flightZoom({ current: map.getZoom(), wanted: target.zoom ?? PLACE_ZOOM }),
      );
    else if (target.reveal) revealInPanels(map, target.bbox);
    else fitToPanels(map, target.bbox, MAX_APP_ZOOM);
  };

  const takeCameraRequest = (s: AppState) => {
    const request = s.cameraRequest;
    if (!request || request.id === s.cameraHandled) return;
    s.markCameraHandled(request.id);
    moveCamera(request.target);
  };

  const installOverlay = () => {
    const s = store.getState();
    takeCameraRequest(s);
    const sources = overlaySources(location.origin, overlayData(s));
    for (const [id, source] of Object.entries(sources))
      if (!map.getSource(id)) map.addSource(id, source);
    for (const layer of overlayLayers(palette)) if (!map.getLayer(layer.id)) map.addLayer(layer);
    putBrandIcons(s);
    putEventIcons();
    putHatch();
    applyMarket(s);
    applyVisibility(s.layers);
    applyState('selected', null, s.selection);
    applyState('hover', null, s.hover);
    applyPicked([], s.boundaryPick);
  };

  // Icons vanish with a style switch; the stores layer asks for them again by name.
  const onImageMissing = (event: { id: string }) => {
    if (event.id.startsWith(BRAND_ICON_PREFIX)) putBrandIcons(store.getState());
    if (event.id.startsWith(EVENT_ICON_PREFIX)) putEventIcons();
    if (event.id === HATCH_IMAGE) putHatch();
  };

  let reportedIdle = false;
  const onIdle = () => {
    if (reportedIdle || !settled(store.getState())) return;
    reportedIdle = true;
    onFirstIdle?.();
  };

  map.on('style.load', installOverlay);
  map.on('styleimagemissing', onImageMissing);
  map.on('idle', onIdle);

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.cameraRequest !== prev.cameraRequest) takeCameraRequest(s);
    // Data that settled after the last idle needs one more frame to report the first idle.
    if (!reportedIdle && settled(s) && !settled(prev)) map.triggerRepaint();
    if (!map.getSource(SOURCE.stores)) return; // Not installed yet: installOverlay reads the latest state.
    if (s.stores !== prev.stores) {
      putBrandIcons(s);
      setGeoJson(SOURCE.stores, s.stores.data ?? emptyCollection());
    }
    // A new tile URL: MapLibre drops its tile cache for the source and fetches what is in view again.
    if (s.dataVersion !== prev.dataVersion || s.segment !== prev.segment)
      map
        .getSource<VectorTileSource>(SOURCE.customers)
        ?.setTiles(customerTileUrls(location.origin, s.dataVersion, s.segment));
    if (s.boundaries !== prev.boundaries) {
      const data = overlayData(s);
      setGeoJson(SOURCE.boundaries, data.boundaries);
      setGeoJson(SOURCE.boundaryLabels, data.boundaryLabels);
    }
    if (
      s.areas !== prev.areas ||
      s.draft?.areaId !== prev.draft?.areaId ||
      s.liveCampaigns !== prev.liveCampaigns ||
      s.areaCompare !== prev.areaCompare
    ) {
      setGeoJson(SOURCE.areas, areaData(s));
      // New data drops feature state: the selected area keeps its outline.
      if (s.selection?.kind === 'area') applyState('selected', null, s.selection);
    }
    if (s.events !== prev.events || s.eventCategory !== prev.eventCategory) {
      setGeoJson(SOURCE.events, eventData(s));
      if (s.selection?.kind === 'event') applyState('selected', null, s.selection);
    }
    if (s.siteCompare !== prev.siteCompare || s.siteBest !== prev.siteBest)
      setGeoJson(SOURCE.sites, siteData(s));
    if (s.whiteSpace !== prev.whiteSpace || s.whiteSpaceCells !== prev.whiteSpaceCells)
      setGeoJson(SOURCE.whiteSpace, whiteSpaceData(s));
    if (s.travel !== prev.travel || s.tradeAreas !== prev.tradeAreas)
      setGeoJson(SOURCE.travel, travelData(s));
    if (
      s.siteCompare !== prev.siteCompare ||
      s.siteBest !== prev.siteBest ||
      s.selection !== prev.selection ||
      s.events !== prev.events ||
      s.eventReachMeters !== prev.eventReachMeters ||
      s.eventReachArea !== prev.eventReachArea ||
      s.eventReachWalkMinutes !== prev.eventReachWalkMinutes
    ) {
      setGeoJson(SOURCE.reach, reachData(s));
    }
    if (
      s.choroplethData !== prev.choroplethData ||
      s.marketSurface !== prev.marketSurface ||
      s.whatIfSite !== prev.whatIfSite ||
      s.marketShare !== prev.marketShare
    )
      applyMarket(s);
    if (s.boundaryPick !== prev.boundaryPick) applyPicked(prev.boundaryPick, s.boundaryPick);
    if (s.layers !== prev.layers) applyVisibility(s.layers);
    if (s.selection !== prev.selection) applyState('selected', prev.selection, s.selection);
    if (s.hover !== prev.hover) applyState('hover', prev.hover, s.hover);
  });

  return () => {
    stopped = true;
    unsubscribe();
    map.off('style.load', installOverlay);
    map.off('styleimagemissing', onImageMissing);
    map.off('idle', onIdle);
  };
}
