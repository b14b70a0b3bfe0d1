// The offline basemap's streets: a casing and a fill per rank, widening with zoom, and names along the lines from
// zoom 14, where the app's own zooms (a store, an event's reach, a white-space cell) land.
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { FONT_REGULAR } from './layers';
import type { MapPalette } from './palette';

export const STREETS_SOURCE = 'streets';
export const STREET_LAYERS = {
  minorCasing: 'streets-minor-casing',
  majorCasing: 'streets-major-casing',
  minor: 'streets-minor',
  major: 'streets-major',
  majorLabels: 'street-labels-major',
  labels: 'street-labels',
} as const;
/** Side streets appear here; main roads earlier, as the city's frame. */
const MINOR_FROM_ZOOM = 13;
const MAJOR_FROM_ZOOM = 10;
/** Side streets are named from here; main roads a zoom earlier, where an event's reach with its surroundings lands. */
export const STREET_NAMES_FROM_ZOOM = 14;
const MAJOR_NAMES_FROM_ZOOM = 13;

const isClass = (...classes: string[]): ExpressionSpecification => [
  'in',
  ['get', 'class'],
  ['literal', classes],
];

/** Pixels at a zoom: a side street's, a secondary road's, a main road's. */
const WIDTHS: [zoom: number, residential: number, secondary: number, primary: number][] = [
  [10, 0, 0.5, 0.9],
  [13, 0.8, 1.6, 2.4],
  [14, 1.8, 3, 4.2],
  [16, 6, 9, 12],
  [18, 16, 22, 28],
];

/**
 * Line width by zoom (one interpolation, as MapLibre allows) with the rank chosen at each stop; `extra` widens it for
 * the casing drawn underneath (a third of it below the zoom side streets appear at, so the frame stays fine).
 */
function width(extra = 0): ExpressionSpecification {
  return [
    'interpolate',
    ['exponential', 1.6],
    ['zoom'],
    ...WIDTHS.flatMap(([zoom, residential, secondary, primary]) => {
      const add = zoom >= MINOR_FROM_ZOOM ? extra : extra / 3;
      return [
        zoom,
        [
          'match',
          ['get', 'class'],
          'primary',
          primary + add,
          'secondary',
          secondary + add,
          residential + add,
        ],
      ];
    }),
  ] as ExpressionSpecification;
}

/** The street layers, bottom to top, for a GeoJSON source of named LineStrings with a `class`. */
export function streetLayers(palette: MapPalette): LayerSpecification[] {
  const line = (
    id: string,
    minzoom: number,
    filter: ExpressionSpecification,
    color: string,
    lineWidth: ExpressionSpecification,
  ): LayerSpecification => ({
    id,
    type: 'line',
    source: STREETS_SOURCE,
    minzoom,
    filter,
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: { 'line-color': color, 'line-width': lineWidth },
  });
  const minor = isClass('residential');
  const major = isClass('primary', 'secondary');
  return [
    line(STREET_LAYERS.minorCasing, MINOR_FROM_ZOOM, minor, palette.streetCasing, width(1.5)),
    line(STREET_LAYERS.majorCasing, MAJOR_FROM_ZOOM, major, palette.streetCasing, width(2)),
    line(STREET_LAYERS.minor, MINOR_FROM_ZOOM, minor, palette.street, width()),
    line(STREET_LAYERS.major, MAJOR_FROM_ZOOM, major, palette.street, width()),
    names(STREET_LAYERS.labels, STREET_NAMES_FROM_ZOOM, minor, palette),
    // Placed first (MapLibre places the upper layer first), so a main road keeps its name in a crowded spot.
    names(STREET_LAYERS.majorLabels, MAJOR_NAMES_FROM_ZOOM, major, palette),
  ];
}

/** Street names along their lines, in our own font, haloed in the street colour so they read on the line itself. */
function names(
  id: string,
  minzoom: number,
  filter: ExpressionSpecification,
  palette: MapPalette,
): LayerSpecification {
  return {
    id,
    type: 'symbol',
    source: STREETS_SOURCE,
    minzoom,
    filter,
    layout: {
      'symbol-placement': 'line',
      'symbol-spacing': 320,
      'text-field': ['get', 'name'],
      'text-font': FONT_REGULAR,
      'text-size': ['interpolate', ['linear'], ['zoom'], 13, 10.5, 17, 13],
      'text-max-angle': 30,
      'text-padding': 2,
    },
    paint: {
      'text-color': palette.streetLabel,
      'text-halo-color': palette.street,
      'text-halo-width': 1.4,
    },
  };
}
