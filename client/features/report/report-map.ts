// The report's map image: a MapLibre map off-screen on the app's basemap, the areas in their colours and the stores in
// their brand colours on top, fitted to the areas; once idle its canvas becomes a PNG (an <img> prints everywhere,
// a WebGL canvas does not), and the map is removed.
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { bbox } from '@turf/turf';
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { apiUrls } from '../../api/client';
import { chooseBasemap } from '../../map/basemap';
import { offlineStyle } from '../../map/offline-style';
import { readPalette } from '../../map/palette';
import { brandStyles } from '../../map/brands';

maplibregl.setWorkerUrl(workerUrl);

export interface ReportMapInput {
  areas: FeatureCollection<Polygon | MultiPolygon, { color: string; name: string }>;
  stores: FeatureCollection<Point, { brand: string; name: string }>;
  /** The online style the workspace configured, or null for the basemap we ship. */
  styleUrl: string | null;
  width: number;
  height: number;
}

/** Resolves with the map as a PNG data URL. */
export async function renderReportMap(input: ReportMapInput, signal: AbortSignal): Promise<string> {
  const origin = location.origin;
  const palette = readPalette();
  const choice = await chooseBasemap({
    styleUrl: input.styleUrl,
    offline: offlineStyle({ origin, palette }),
    glyphsUrl: apiUrls.glyphs(origin),
  });
  const container = document.createElement('div');
  // Laid out at its printed size, out of sight: MapLibre needs a box to draw into.
  Object.assign(container.style, {
    position: 'fixed',
    insetInlineStart: '-10000px',
    insetBlockStart: '0',
    width: `${input.width}px`,
    height: `${input.height}px`,
  });
  document.body.append(container);
  const [minX, minY, maxX, maxY] = bbox(input.areas) as [number, number, number, number];
  const map = new maplibregl.Map({
    container,
    style: choice.style,
    bounds: [minX, minY, maxX, maxY],
    fitBoundsOptions: { padding: 32 },
    interactive: false,
    attributionControl: false,
    fadeDuration: 0,
    canvasContextAttributes: { preserveDrawingBuffer: true },
  });
  try {
    await new Promise<void>((resolve, reject) => {
      signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true });
      map.once('load', () => {
        addOverlay(map, input, palette.brands);
        map.once('idle', () => resolve());
      });
      map.once('error', (e) => reject(e.error));
    });
    return map.getCanvas().toDataURL('image/png');
  } finally {
    map.remove();
    container.remove();
  }
}

function addOverlay(map: maplibregl.Map, input: ReportMapInput, brands: string[]) {
  const names = [...new Set(input.stores.features.map((f) => f.properties.brand))].sort();
  const colours = brandStyles(names, { brands });
  map.addSource('report-areas', { type: 'geojson', data: input.areas });
  map.addSource('report-stores', { type: 'geojson', data: input.stores });
  map.addLayer({
    id: 'report-area-fill',
    type: 'fill',
    source: 'report-areas',
    paint: { 'fill-color': ['get', 'color'], 'fill-opacity': 0.2 },
  });
  map.addLayer({
    id: 'report-area-line',
    type: 'line',
    source: 'report-areas',
    paint: { 'line-color': ['get', 'color'], 'line-width': 2.5 },
  });
  map.addLayer({
    id: 'report-stores',
    type: 'circle',
    source: 'report-stores',
    paint: {
      'circle-radius': 9,
      'circle-color': colours.length
        ? ([
            'match',
            ['get', 'brand'],
            ...colours.flatMap((c) => [c.brand, c.color]),
            '#666666',
          ] as unknown as maplibregl.ExpressionSpecification)
        : '#666666',
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 3,
    },
  });
}
