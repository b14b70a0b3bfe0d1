// Market-analysis layers as data: the choropleth (classes on a colour-blind-safe ramp, small groups hatched), one
// store's Huff probability surface, and the what-if site. Sources, specs and the hatch image live here; sync.ts
// installs them with the rest of the overlay.
import type {
  ExpressionSpecification,
  GeoJSONSourceSpecification,
  LayerSpecification,
} from 'maplibre-gl';
import type { AppState } from '../store';
import type { MapPalette } from './palette';
import { withAlpha } from './palette';

export const MARKET_SOURCE = {
  choropleth: 'catchment-choropleth',
  surface: 'catchment-huff-surface',
  whatIf: 'catchment-what-if',
} as const;

export const MARKET_LAYER = {
  choroplethFill: 'choropleth-fill',
  choroplethHatch: 'choropleth-hatch',
  choroplethOutline: 'choropleth-outline',
  surfaceFill: 'huff-surface-fill',
  surfaceOutline: 'huff-surface-outline',
  whatIfSite: 'what-if-site',
} as const;

/** The hatch drawn over regions below the minimum group size (map.addImage). */
export const HATCH_IMAGE = 'catchment-hatch';

/** The ramp colour of class c of n: the classes spread over the whole ramp, so 3 classes use light, middle, dark. */
export function rampColor(ramp: readonly string[], c: number, n: number): string {
  const at = n <= 1 ? ramp.length - 1 : Math.round((c * (ramp.length - 1)) / (n - 1));
  return ramp[Math.min(ramp.length - 1, Math.max(0, at))] ?? '#888888';
}

/** CSS for the same colour in legends: the token behind the ramp entry. */
export function rampToken(c: number, n: number, rampLength = 7): string {
  const at = n <= 1 ? rampLength - 1 : Math.round((c * (rampLength - 1)) / (n - 1));
  return `var(--ramp-${at + 1})`;
}

/** The classes are known only when the answer comes: the fill colour is a `match` built then (see choroplethPaint). */
export function choroplethColor(p: MapPalette, classes: number): ExpressionSpecification {
  const match: unknown[] = ['match', ['coalesce', ['get', 'class'], -1]];
  for (let c = 0; c < classes; c++) match.push(c, rampColor(p.ramp, c, classes));
  match.push('rgba(0, 0, 0, 0)');
  return match as ExpressionSpecification;
}

const probabilityColor = (p: MapPalette): ExpressionSpecification =>
  [
    'interpolate',
    ['linear'],
    ['get', 'probability'],
    ...p.ramp.flatMap((color, i) => [i / (p.ramp.length - 1), color]),
  ] as ExpressionSpecification;

export function marketLayers(p: MapPalette): LayerSpecification[] {
  return [
    {
      id: MARKET_LAYER.choroplethFill,
      type: 'fill',
      source: MARKET_SOURCE.choropleth,
      paint: { 'fill-color': choroplethColor(p, 5), 'fill-opacity': 0.72 },
    },
    {
      id: MARKET_LAYER.choroplethHatch,
      type: 'fill',
      source: MARKET_SOURCE.choropleth,
      filter: ['==', ['get', 'small'], true],
      paint: { 'fill-pattern': HATCH_IMAGE },
    },
    {
      id: MARKET_LAYER.choroplethOutline,
      type: 'line',
      source: MARKET_SOURCE.choropleth,
      paint: { 'line-color': withAlpha(p.boundaryLine, 0.35), 'line-width': 0.5 },
    },
    {
      id: MARKET_LAYER.surfaceFill,
      type: 'fill',
      source: MARKET_SOURCE.surface,
      paint: { 'fill-color': probabilityColor(p), 'fill-opacity': 0.7 },
    },
    {
      id: MARKET_LAYER.surfaceOutline,
      type: 'line',
      source: MARKET_SOURCE.surface,
      paint: { 'line-color': withAlpha(p.boundaryLine, 0.3), 'line-width': 0.5 },
    },
  ];
}

/** The what-if site goes on top of everything: it is what the user just placed. */
export function whatIfLayers(p: MapPalette): LayerSpecification[] {
  return [
    {
      id: MARKET_LAYER.whatIfSite,
      type: 'circle',
      source: MARKET_SOURCE.whatIf,
      paint: {
        'circle-radius': 9,
        'circle-color': p.selection,
        'circle-stroke-color': p.symbolHalo,
        'circle-stroke-width': 3,
      },
    },
  ];
}

const empty = (): GeoJSON.FeatureCollection => ({ type: 'FeatureCollection', features: [] });

/** The map's view of the market slice: what each source shows now. */
export function marketData(
  s: Pick<AppState, 'choroplethData' | 'marketSurface' | 'whatIfSite' | 'marketShare'>,
): Record<(typeof MARKET_SOURCE)[keyof typeof MARKET_SOURCE], GeoJSON.FeatureCollection> {
  const point = s.marketShare ? s.whatIfSite?.point : null;
  return {
    [MARKET_SOURCE.choropleth]: (s.choroplethData as GeoJSON.FeatureCollection | null) ?? empty(),
    [MARKET_SOURCE.surface]: s.marketShare
      ? ((s.marketSurface as GeoJSON.FeatureCollection | null) ?? empty())
      : empty(),
    [MARKET_SOURCE.whatIf]: point
      ? {
          type: 'FeatureCollection',
          features: [
            { type: 'Feature', geometry: { type: 'Point', coordinates: point }, properties: {} },
          ],
        }
      : empty(),
  };
}

export function marketSources(
  s: Parameters<typeof marketData>[0],
): Record<string, GeoJSONSourceSpecification> {
  return Object.fromEntries(
    Object.entries(marketData(s)).map(([id, data]) => [id, { type: 'geojson', data }]),
  );
}

/** Diagonal lines on transparent, 8 × 8 CSS px at `pixelRatio`: reads as "not shown" over any class colour. */
export function drawHatch(color: string, pixelRatio = 2): ImageData {
  const size = 8 * pixelRatio;
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('2D canvas is not available for the hatch pattern');
  ctx.strokeStyle = color;
  ctx.globalAlpha = 0.55;
  ctx.lineWidth = 1 * pixelRatio;
  ctx.lineCap = 'square';
  // One diagonal and the two corner pieces that continue it across the tile's edges.
  for (const offset of [-size, 0, size]) {
    ctx.beginPath();
    ctx.moveTo(offset, size);
    ctx.lineTo(offset + size, 0);
    ctx.stroke();
  }
  return ctx.getImageData(0, 0, size, size);
}
