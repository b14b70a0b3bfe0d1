// Our overlay layers as data: specs built from the palette, in drawing order, plus which toggle shows which layer.
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import type { LayerVisibility } from '../store/types';
import { BRAND_ICON_PREFIX } from './brands';
import { EVENT_ICON_PREFIX, eventCategories } from './event-categories';
import { MARKET_LAYER, marketLayers, whatIfLayers } from './market-layers';
import { withAlpha, type MapPalette } from './palette';
import {
  CUSTOMERS_DENSITY_SOURCE_LAYER,
  CUSTOMERS_POINTS_FROM_ZOOM,
  CUSTOMERS_SOURCE_LAYER,
  SOURCE,
} from './sources';

export const LAYER = {
  boundariesFill: 'boundaries-fill',
  boundariesOutline: 'boundaries-outline',
  customersHeatmap: 'customers-heatmap',
  customersClusters: 'customers-clusters',
  customersPoints: 'customers-points',
  boundariesLabel: 'boundaries-label',
  customersCount: 'customers-cluster-count',
  storesHighlight: 'stores-highlight',
  storesSymbol: 'stores-symbol',
  areasFill: 'areas-fill',
  areasLive: 'areas-live',
  areasCasing: 'areas-casing',
  areasOutline: 'areas-outline',
  eventsHighlight: 'events-highlight',
  eventsSymbol: 'events-symbol',
  reachFill: 'reach-fill',
  reachOutline: 'reach-outline',
  sitesCircle: 'sites-circle',
  sitesNumber: 'sites-number',
  whiteSpaceFill: 'white-space-fill',
  whiteSpaceOutline: 'white-space-outline',
  whiteSpaceRank: 'white-space-rank',
  travelFill: 'travel-fill',
  travelOutline: 'travel-outline',
} as const;
export type LayerId = (typeof LAYER)[keyof typeof LAYER];

export const FONT_REGULAR = ['Noto Sans Regular'];
export const FONT_BOLD = ['Noto Sans Bold'];

/** Cluster size classes: the legend and the layers share these thresholds. */
export const CLUSTER_STEPS = [100, 1000] as const;

const selected: ExpressionSpecification = ['boolean', ['feature-state', 'selected'], false];
const hovered: ExpressionSpecification = ['boolean', ['feature-state', 'hover'], false];
/** A neighbourhood picked (Shift+click) to become part of a new area. */
const picked: ExpressionSpecification = ['boolean', ['feature-state', 'picked'], false];
const isCluster: ExpressionSpecification = ['has', 'point_count'];
const count: ExpressionSpecification = ['coalesce', ['get', 'point_count'], 1];

function seq(p: MapPalette, i: number): string {
  return p.sequential[Math.min(i, p.sequential.length - 1)] ?? p.selection;
}

function boundaryLayers(p: MapPalette): LayerSpecification[] {
  return [
    {
      id: LAYER.boundariesFill,
      type: 'fill',
      source: SOURCE.boundaries,
      paint: {
        'fill-color': ['case', ['any', selected, hovered, picked], p.selection, p.boundaryFill],
        'fill-opacity': ['case', picked, 0.22, selected, 0.16, hovered, 0.08, 0.04],
      },
    },
    {
      id: LAYER.boundariesOutline,
      type: 'line',
      source: SOURCE.boundaries,
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': ['case', ['any', selected, picked], p.selection, p.boundaryLine],
        'line-width': [
          'interpolate',
          ['linear'],
          ['zoom'],
          9,
          ['case', selected, 2.5, hovered, 1.5, 0.6],
          14,
          ['case', selected, 3, hovered, 2, 1.2],
        ],
        'line-opacity': ['case', selected, 1, 0.75],
      },
    },
  ];
}

/**
 * Heatmap radius (px) by zoom: wide enough to smooth over cells (8 px) out, and, close in where a cell holds a
 * customer or none, over enough neighbours to read as density rather than single dots.
 */
const HEAT_RADIUS_BY_ZOOM: readonly (readonly [number, number])[] = [
  [8, 24],
  [11, 30],
  [14, 56],
  [16, 80],
];
/**
 * Intensity at zoom 11 for a radius of 30 px. A cell's count shrinks fourfold with each zoom step and the kernel
 * covers (radius / 8 px)² cells, so intensity grows by 4 per zoom and shrinks with the radius squared: the same
 * customers per km² give the same heat at every zoom. Tuned on the demo city: its busiest quarters just reach the
 * top of the ramp at zoom 11.
 */
const HEAT_INTENSITY_AT_11 = 0.02;
const heatRadius: ExpressionSpecification = [
  'interpolate',
  ['linear'],
  ['zoom'],
  ...HEAT_RADIUS_BY_ZOOM.flat(),
];
const heatIntensity: ExpressionSpecification = [
  'interpolate',
  ['exponential', 4],
  ['zoom'],
  ...HEAT_RADIUS_BY_ZOOM.flatMap(([zoom, radius]) => [
    zoom,
    HEAT_INTENSITY_AT_11 * 4 ** (zoom - 11) * (30 / radius) ** 2,
  ]),
];

function customerLayers(p: MapPalette): LayerSpecification[] {
  const source = { source: SOURCE.customers, 'source-layer': CUSTOMERS_SOURCE_LAYER };
  const tierColor: ExpressionSpecification = [
    'match',
    ['get', 'tier'],
    'gold',
    seq(p, 6),
    'silver',
    seq(p, 5),
    'bronze',
    seq(p, 4),
    seq(p, 3),
  ];
  return [
    {
      id: LAYER.customersHeatmap,
      type: 'heatmap',
      source: SOURCE.customers,
      'source-layer': CUSTOMERS_DENSITY_SOURCE_LAYER,
      maxzoom: 17,
      paint: {
        // Each grid cell weighs what it counts, so the heat is the density of customers where they live.
        'heatmap-weight': ['get', 'count'],
        'heatmap-intensity': heatIntensity,
        'heatmap-radius': heatRadius,
        'heatmap-color': [
          'interpolate',
          ['linear'],
          ['heatmap-density'],
          0,
          withAlpha(seq(p, 0), 0),
          0.15,
          withAlpha(seq(p, 1), 0.55),
          0.35,
          withAlpha(seq(p, 2), 0.7),
          0.55,
          seq(p, 3),
          0.75,
          seq(p, 4),
          0.9,
          seq(p, 5),
          1,
          seq(p, 6),
        ],
        'heatmap-opacity': ['interpolate', ['linear'], ['zoom'], 14, 0.85, 16.5, 0],
      },
    },
    {
      id: LAYER.customersClusters,
      type: 'circle',
      ...source,
      filter: isCluster,
      paint: {
        'circle-color': [
          'step',
          count,
          seq(p, 4),
          CLUSTER_STEPS[0],
          seq(p, 5),
          CLUSTER_STEPS[1],
          seq(p, 6),
        ],
        'circle-radius': [
          'interpolate',
          ['linear'],
          count,
          2,
          8,
          20,
          9.5,
          CLUSTER_STEPS[0],
          12,
          CLUSTER_STEPS[1],
          16,
          5000,
          21,
        ],
        'circle-opacity': 0.9,
        'circle-stroke-color': withAlpha(p.symbolHalo, 0.85),
        'circle-stroke-width': 1.5,
      },
    },
    {
      id: LAYER.customersPoints,
      type: 'circle',
      ...source,
      filter: ['!', isCluster],
      paint: {
        'circle-color': tierColor,
        'circle-radius': [
          'interpolate',
          ['linear'],
          ['zoom'],
          12,
          ['case', ['any', selected, hovered], 6, 3],
          CUSTOMERS_POINTS_FROM_ZOOM,
          ['case', ['any', selected, hovered], 8, 4.5],
          18,
          ['case', ['any', selected, hovered], 11, 7],
        ],
        'circle-stroke-color': ['case', ['any', selected, hovered], p.selection, p.symbolHalo],
        'circle-stroke-width': ['case', selected, 3, hovered, 2, 1],
      },
    },
  ];
}

function labelAndStoreLayers(p: MapPalette): LayerSpecification[] {
  return [
    {
      id: LAYER.boundariesLabel,
      type: 'symbol',
      source: SOURCE.boundaryLabels,
      layout: {
        'text-field': ['get', 'name'],
        'text-font': FONT_REGULAR,
        'text-size': ['interpolate', ['linear'], ['zoom'], 10, 11, 14, 14],
        'text-max-width': 8,
        'text-padding': 4,
        // Cluster counts claim their spot first; a name may move a little to find room beside them.
        'text-variable-anchor': ['center', 'top', 'bottom', 'left', 'right'],
        'text-radial-offset': 0.9,
        'symbol-sort-key': ['-', 0, ['coalesce', ['get', 'population'], 0]],
      },
      paint: {
        'text-color': p.label,
        'text-halo-color': p.labelHalo,
        'text-halo-width': 1.5,
        'text-halo-blur': 0.5,
      },
    },
    {
      id: LAYER.customersCount,
      type: 'symbol',
      source: SOURCE.customers,
      'source-layer': CUSTOMERS_SOURCE_LAYER,
      filter: isCluster,
      layout: {
        'text-field': [
          'to-string',
          ['coalesce', ['get', 'point_count_abbreviated'], ['get', 'point_count']],
        ],
        'text-font': FONT_BOLD,
        'text-size': 10,
        'text-allow-overlap': true,
      },
      paint: { 'text-color': p.clusterText },
    },
    {
      id: LAYER.storesHighlight,
      type: 'circle',
      source: SOURCE.stores,
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 9, 15, 13, 17, 17, 19],
        'circle-color': withAlpha(p.selection, 0.12),
        'circle-opacity': ['case', ['any', selected, hovered], 1, 0],
        'circle-stroke-color': p.selection,
        'circle-stroke-width': ['case', selected, 3, hovered, 2, 0],
      },
    },
    {
      id: LAYER.storesSymbol,
      type: 'symbol',
      source: SOURCE.stores,
      layout: {
        'icon-image': ['concat', BRAND_ICON_PREFIX, ['get', 'brand']],
        'icon-size': ['interpolate', ['linear'], ['zoom'], 9, 1, 13, 1.2, 17, 1.4],
        'icon-allow-overlap': true,
        'text-field': ['step', ['zoom'], '', 13, ['get', 'name']],
        'text-font': FONT_REGULAR,
        'text-size': 12,
        'text-anchor': 'top',
        'text-offset': [0, 1],
        'text-optional': true,
        'text-max-width': 10,
      },
      paint: { 'text-color': p.label, 'text-halo-color': p.labelHalo, 'text-halo-width': 1.5 },
    },
  ];
}

/**
 * Saved areas: each in its own colour (`properties.color`), 20 % fill, 2 px outline; the selected and the compared
 * ones stronger. An
 * area a campaign is live in now (`properties.live`, see map/sync) glows: a wide soft line under a 3 px outline.
 */
function areaLayers(p: MapPalette): LayerSpecification[] {
  const color: ExpressionSpecification = ['coalesce', ['get', 'color'], p.selection];
  const live: ExpressionSpecification = ['boolean', ['get', 'live'], false];
  // Compared areas stand out like the selected one, so the map shows the comparison's columns.
  const strong: ExpressionSpecification = [
    'any',
    selected,
    ['boolean', ['get', 'compared'], false],
  ];
  return [
    {
      id: LAYER.areasFill,
      type: 'fill',
      source: SOURCE.areas,
      paint: { 'fill-color': color, 'fill-opacity': ['case', strong, 0.3, hovered, 0.25, 0.2] },
    },
    {
      id: LAYER.areasLive,
      type: 'line',
      source: SOURCE.areas,
      filter: live,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': color, 'line-width': 12, 'line-blur': 8, 'line-opacity': 0.7 },
    },
    {
      id: LAYER.areasCasing,
      type: 'line',
      source: SOURCE.areas,
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': p.symbolHalo,
        'line-width': ['case', strong, 7, 0],
        'line-opacity': 0.9,
      },
    },
    {
      id: LAYER.areasOutline,
      type: 'line',
      source: SOURCE.areas,
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': color,
        'line-width': ['case', strong, 4, ['any', hovered, live], 3, 2],
      },
    },
  ];
}

/** Events: a dark badge per event with its category's shape (icons drawn by map/icons), the name from zoom 13. */
function eventLayers(p: MapPalette): LayerSpecification[] {
  const category: ExpressionSpecification = [
    'match',
    ['get', 'category'],
    [...eventCategories],
    ['get', 'category'],
    'other',
  ];
  return [
    {
      id: LAYER.eventsHighlight,
      type: 'circle',
      source: SOURCE.events,
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 9, 15, 13, 17, 17, 19],
        'circle-color': withAlpha(p.selection, 0.12),
        'circle-opacity': ['case', ['any', selected, hovered], 1, 0],
        'circle-stroke-color': p.selection,
        'circle-stroke-width': ['case', selected, 3, hovered, 2, 0],
      },
    },
    {
      id: LAYER.eventsSymbol,
      type: 'symbol',
      source: SOURCE.events,
      layout: {
        'icon-image': ['concat', EVENT_ICON_PREFIX, category],
        'icon-size': ['interpolate', ['linear'], ['zoom'], 9, 1, 13, 1.2, 17, 1.4],
        'icon-allow-overlap': true,
        'text-field': ['step', ['zoom'], '', 13, ['get', 'name']],
        'text-font': FONT_BOLD,
        'text-size': 12,
        'text-anchor': 'top',
        'text-offset': [0, 1],
        'text-optional': true,
        'text-max-width': 10,
      },
      paint: { 'text-color': p.label, 'text-halo-color': p.labelHalo, 'text-halo-width': 1.5 },
    },
  ];
}

/** Walking-radius circles (an event's reach, each candidate site's): a faint wash and a dashed edge, under the symbols. */
function reachLayers(p: MapPalette): LayerSpecification[] {
  const best: ExpressionSpecification = ['==', ['get', 'best'], true];
  return [
    {
      id: LAYER.reachFill,
      type: 'fill',
      source: SOURCE.reach,
      paint: { 'fill-color': p.event, 'fill-opacity': ['case', best, 0.16, 0.08] },
    },
    {
      id: LAYER.reachOutline,
      type: 'line',
      source: SOURCE.reach,
      paint: {
        'line-color': ['case', best, p.selection, p.event],
        'line-width': ['case', best, 2.5, 1.5],
        'line-dasharray': [3, 2],
      },
    },
  ];
}

/** Candidate sites being compared: a numbered disc per clicked point, the best one ringed in the selection colour. */
function siteLayers(p: MapPalette): LayerSpecification[] {
  const best: ExpressionSpecification = ['==', ['get', 'best'], true];
  return [
    {
      id: LAYER.sitesCircle,
      type: 'circle',
      source: SOURCE.sites,
      paint: {
        'circle-radius': 11,
        'circle-color': p.event,
        'circle-stroke-color': ['case', best, p.selection, p.symbolHalo],
        'circle-stroke-width': ['case', best, 4, 2],
      },
    },
    {
      id: LAYER.sitesNumber,
      type: 'symbol',
      source: SOURCE.sites,
      layout: {
        'text-field': ['to-string', ['get', 'number']],
        'text-font': FONT_BOLD,
        'text-size': 13,
        'text-allow-overlap': true,
        'text-ignore-placement': true,
      },
      paint: { 'text-color': p.symbolHalo },
    },
  ];
}

/** White-space hexagons: a warm fill, stronger for the first ranks, each numbered by its rank in the panel's list. */
function whiteSpaceLayers(p: MapPalette): LayerSpecification[] {
  return [
    {
      id: LAYER.whiteSpaceFill,
      type: 'fill',
      source: SOURCE.whiteSpace,
      paint: {
        'fill-color': p.whiteSpace,
        'fill-opacity': ['interpolate', ['linear'], ['get', 'rank'], 1, 0.45, 15, 0.15],
      },
    },
    {
      id: LAYER.whiteSpaceOutline,
      type: 'line',
      source: SOURCE.whiteSpace,
      paint: { 'line-color': p.whiteSpace, 'line-width': 1.5 },
    },
    {
      id: LAYER.whiteSpaceRank,
      type: 'symbol',
      source: SOURCE.whiteSpace,
      layout: {
        'text-field': ['to-string', ['get', 'rank']],
        'text-font': FONT_BOLD,
        'text-size': 12,
        'text-allow-overlap': true,
      },
      paint: {
        'text-color': p.whiteSpace,
        'text-halo-color': p.symbolHalo,
        'text-halo-width': 1.5,
      },
    },
  ];
}

/**
 * A travel-time area being previewed (in the selection colour, dashed until saved) and a store's trade areas: the
 * primary one darker than the secondary ring around it.
 */
function travelLayers(p: MapPalette): LayerSpecification[] {
  const tier: ExpressionSpecification = ['get', 'tier'];
  const color: ExpressionSpecification = [
    'match',
    tier,
    'primary',
    seq(p, 4),
    'secondary',
    seq(p, 2),
    p.selection,
  ];
  return [
    {
      id: LAYER.travelFill,
      type: 'fill',
      source: SOURCE.travel,
      paint: {
        'fill-color': color,
        'fill-opacity': ['match', tier, 'primary', 0.3, 'secondary', 0.18, 0.2],
      },
    },
    {
      id: LAYER.travelOutline,
      type: 'line',
      source: SOURCE.travel,
      paint: { 'line-color': color, 'line-width': 2, 'line-dasharray': [2, 1.5] },
    },
  ];
}

/** All overlay layers, bottom to top. */
export function overlayLayers(palette: MapPalette): LayerSpecification[] {
  // Site markers go last: they are what the user is placing, so no label may hide them.
  return [
    ...boundaryLayers(palette),
    ...marketLayers(palette),
    ...areaLayers(palette),
    ...whiteSpaceLayers(palette),
    ...travelLayers(palette),
    ...customerLayers(palette),
    ...reachLayers(palette),
    ...eventLayers(palette),
    ...labelAndStoreLayers(palette),
    ...siteLayers(palette),
    ...whatIfLayers(palette),
  ];
}

/**
 * Which overlay layers are shown for the layer toggles. The heatmap replaces the clusters
 * (it is a way of showing customers, so it needs the customers toggle on).
 */
export function layerVisibility(layers: LayerVisibility): Record<LayerId, boolean> {
  const heat = layers.customers && layers.heatmap;
  return {
    [LAYER.boundariesFill]: layers.boundaries,
    [LAYER.boundariesOutline]: layers.boundaries,
    [LAYER.boundariesLabel]: layers.boundaries,
    [LAYER.customersHeatmap]: heat,
    [LAYER.customersClusters]: layers.customers && !heat,
    [LAYER.customersCount]: layers.customers && !heat,
    [LAYER.customersPoints]: layers.customers,
    [LAYER.storesHighlight]: layers.stores,
    [LAYER.storesSymbol]: layers.stores,
    // Saved areas have no toggle: they are what the user is working on.
    [LAYER.areasFill]: true,
    [LAYER.areasLive]: true,
    [LAYER.areasCasing]: true,
    [LAYER.areasOutline]: true,
    [LAYER.eventsHighlight]: layers.events,
    [LAYER.eventsSymbol]: layers.events,
    // Reach circles and sites exist only while the user looks at an event or compares sites.
    [LAYER.reachFill]: true,
    [LAYER.reachOutline]: true,
    [LAYER.sitesCircle]: true,
    [LAYER.sitesNumber]: true,
    // White space exists only while the search is open.
    [LAYER.whiteSpaceFill]: true,
    [LAYER.whiteSpaceOutline]: true,
    [LAYER.whiteSpaceRank]: true,
    // Choropleth, probability surface and what-if site have data only while chosen (their own switch and panel).
    ...(Object.fromEntries(Object.values(MARKET_LAYER).map((id) => [id, true])) as Record<
      (typeof MARKET_LAYER)[keyof typeof MARKET_LAYER],
      boolean
    >),
    // Travel-time previews and trade areas exist only while the user looks at them.
    [LAYER.travelFill]: true,
    [LAYER.travelOutline]: true,
  };
}

/** Layers a click or hover can hit, most specific first. */
export const INTERACTIVE_LAYERS: LayerId[] = [
  LAYER.eventsSymbol,
  LAYER.storesSymbol,
  LAYER.customersPoints,
  LAYER.customersClusters,
  LAYER.areasFill,
  LAYER.boundariesFill,
];
