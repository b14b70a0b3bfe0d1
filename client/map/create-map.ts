// Creates the MapLibre map (its controls: map-locale.ts). MapLibre 6 is WebGL2-only and loads its worker from a URL we hand it.
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { RETRYING_PROTOCOLS, retryingTileLoader } from './retrying-tiles';

maplibregl.setWorkerUrl(workerUrl);
// Customer tiles: a 503 from a busy server is asked again after its Retry-After (retrying-tiles.ts).
for (const protocol of RETRYING_PROTOCOLS) maplibregl.addProtocol(protocol, retryingTileLoader());

let pmtilesRegistered = false;

/** Lets MapLibre read `pmtiles://` sources by byte range; the reader loads only for a workspace with an archive. */
export async function enablePmtiles(): Promise<void> {
  if (pmtilesRegistered) return;
  const { Protocol } = await import('pmtiles');
  maplibregl.addProtocol('pmtiles', new Protocol().tile);
  pmtilesRegistered = true;
}

export interface CreateMapOptions {
  container: HTMLElement;
  style: maplibregl.StyleSpecification;
  center: [number, number];
  zoom: number;
  /** When given (and the URL has no `#map=` view), the first view fits these bounds instead. */
  bounds?: [number, number, number, number];
  boundsPadding?: maplibregl.PaddingOptions | number;
  /** MapLibre's own UI strings (zoom buttons, scale units…) in the active language. */
  uiStrings: Record<string, string>;
  ariaLabel: string;
}

/** The scale bar in the workspace's distance units. */
export const createScale = (units: 'metric' | 'imperial') =>
  new maplibregl.ScaleControl({ unit: units, maxWidth: 120 });

export function createMap({
  container,
  style,
  center,
  zoom,
  bounds,
  boundsPadding = 24,
  uiStrings,
  ariaLabel,
}: CreateMapOptions): maplibregl.Map {
  const map = new maplibregl.Map({
    container,
    style,
    center,
    zoom,
    ...(bounds ? { bounds, fitBoundsOptions: { padding: boundsPadding } } : {}),
    // The camera lives in the URL (`#map=zoom/lat/lng`), so a link reopens the same view.
    hash: 'map',
    attributionControl: false,
    // Tests read pixels back; everyone else keeps the faster default.
    canvasContextAttributes: { preserveDrawingBuffer: navigator.webdriver === true },
    locale: uiStrings,
    maxZoom: 19,
    // Labels appear without a fade for people who ask for less motion (MapLibre already skips camera animations).
    ...(matchMedia('(prefers-reduced-motion: reduce)').matches ? { fadeDuration: 0 } : {}),
    dragRotate: false,
    pitchWithRotate: false,
  });
  map.touchZoomRotate.disableRotation();
  map.getCanvas().setAttribute('aria-label', ariaLabel);
  return map;
}
