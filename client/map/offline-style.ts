// The basemap Catchment ships: land, parks, water and (for the demo city) streets from our own server, labels with our
// own glyphs. Works offline.
import type { StyleSpecification } from 'maplibre-gl';
import { apiUrls } from '../api/client';
import { CREDITED_SOURCE } from './basemap';
import { FONT_REGULAR } from './layers';
import type { MapPalette } from './palette';
import { STREETS_SOURCE, streetLayers } from './street-layers';

export const OFFLINE_STYLE_NAME = 'Catchment offline';
/** The source holding land, parks and water, which carries the credit line. */
const OFFLINE_SOURCE = CREDITED_SOURCE.offline;

export function offlineStyle({
  origin,
  palette,
  attribution = 'Catchment offline basemap',
}: {
  origin: string;
  palette: MapPalette;
  /** The credit line, in the viewer's language. */
  attribution?: string;
}): StyleSpecification {
  const kind = (value: string) => ['==', ['get', 'kind'], value] as ['==', ['get', string], string];
  return {
    version: 8,
    name: OFFLINE_STYLE_NAME,
    glyphs: apiUrls.glyphs(origin),
    sources: {
      [OFFLINE_SOURCE]: {
        type: 'geojson',
        data: apiUrls.basemap(origin),
        attribution,
      },
      // The demo city's generated streets; an empty collection for a workspace without the demo.
      [STREETS_SOURCE]: { type: 'geojson', data: apiUrls.streets(origin) },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': palette.landOutside } },
      {
        id: 'basemap-land',
        type: 'fill',
        source: 'basemap',
        filter: kind('land'),
        paint: { 'fill-color': palette.land },
      },
      {
        id: 'basemap-park',
        type: 'fill',
        source: 'basemap',
        filter: kind('park'),
        paint: { 'fill-color': palette.park },
      },
      {
        id: 'basemap-water',
        type: 'fill',
        source: 'basemap',
        filter: kind('water'),
        paint: { 'fill-color': palette.water, 'fill-antialias': true },
      },
      {
        id: 'basemap-water-line',
        type: 'line',
        source: 'basemap',
        filter: ['all', ['==', ['get', 'kind'], 'water'], ['==', ['geometry-type'], 'LineString']],
        paint: {
          'line-color': palette.water,
          'line-width': ['interpolate', ['linear'], ['zoom'], 10, 1.5, 15, 5],
        },
      },
      ...streetLayers(palette),
      {
        id: 'basemap-labels',
        type: 'symbol',
        source: 'basemap',
        minzoom: 11,
        filter: [
          'all',
          ['!=', ['get', 'kind'], 'land'],
          ['!=', ['coalesce', ['get', 'name'], ''], ''],
        ],
        layout: {
          'text-field': ['get', 'name'],
          'text-font': FONT_REGULAR,
          'text-size': 11,
          'text-letter-spacing': 0.04,
          'text-max-width': 8,
          'symbol-placement': 'point',
        },
        paint: {
          'text-color': ['case', kind('water'), palette.waterLabel, palette.label],
          'text-halo-color': palette.labelHalo,
          'text-halo-width': 1.2,
          'text-opacity': 0.85,
        },
      },
    ],
  };
}
