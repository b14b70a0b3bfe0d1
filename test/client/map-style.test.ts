import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { StyleSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { brandStyles } from '../../client/map/brands';
import { INTERACTIVE_LAYERS, LAYER, layerVisibility, overlayLayers } from '../../client/map/layers';
import { offlineStyle } from '../../client/map/offline-style';
import { protomapsStyle } from '../../client/map/protomaps-style';
import {
  STREET_LAYERS,
  STREET_NAMES_FROM_ZOOM,
  STREETS_SOURCE,
} from '../../client/map/street-layers';
import type { MapPalette } from '../../client/map/palette';
import { withAlpha } from '../../client/map/palette';
import {
  SOURCE,
  customerTileUrls,
  emptyCollection,
  overlaySources,
} from '../../client/map/sources';
import { defaultLayers } from '../../client/store/types';
import { MARKET_LAYER } from '../../client/map/market-layers';

const palette: MapPalette = {
  landOutside: '#ebe7df',
  land: '#f1eee8',
  water: '#c8d5dd',
  park: '#dde4d2',
  street: '#ffffff',
  streetCasing: '#cdc8bd',
  streetLabel: '#625e55',
  label: '#4a4740',
  waterLabel: '#5a7384',
  labelHalo: '#ffffff',
  boundaryLine: '#625e55',
  boundaryFill: '#8a857a',
  selection: '#3b5bdb',
  symbolHalo: '#ffffff',
  clusterText: '#ffffff',
  event: '#1c1b18',
  whiteSpace: '#8a5300',
  brands: ['#e8590c', '#0b7285', '#c2255c'],
  sequential: ['#ede7ff', '#d6c9ff', '#b49bfa', '#9573f5', '#7650ea', '#5f38cf', '#45239f'],
  ramp: ['#ffffcc', '#c7e9b4', '#7fcdbb', '#41b6c4', '#1d91c0', '#225ea8', '#0c2c84'],
};
const origin = 'http://127.0.0.1:8787';

function fullStyle(): StyleSpecification {
  const base = offlineStyle({ origin, palette });
  const data = {
    boundaries: emptyCollection(),
    boundaryLabels: emptyCollection(),
    stores: emptyCollection(),
    areas: emptyCollection(),
    events: emptyCollection(),
  };
  return {
    ...base,
    sources: { ...base.sources, ...overlaySources(origin, data) },
    layers: [...base.layers, ...overlayLayers(palette)],
  };
}

describe('map style as data', () => {
  it('the offline basemap plus our overlay is a valid MapLibre style', () => {
    expect(validateStyleMin(fullStyle())).toEqual([]);
  });

  it('the offline style uses our own server for data and glyphs (no outside host)', () => {
    const style = offlineStyle({ origin, palette });
    expect(style.glyphs).toBe(`${origin}/glyphs/{fontstack}/{range}.pbf`);
    expect(JSON.stringify(style)).not.toMatch(/https?:\/\/(?!127\.0\.0\.1:8787)/);
  });

  it('customer tiles are absolute URLs on our origin with max zoom 16', () => {
    const sources = overlaySources(origin, {
      boundaries: emptyCollection(),
      boundaryLabels: emptyCollection(),
      stores: emptyCollection(),
      areas: emptyCollection(),
      events: emptyCollection(),
    });
    expect(sources[SOURCE.customers]).toMatchObject({
      type: 'vector',
      maxzoom: 16,
      tiles: [`retrying+${origin}/api/tiles/customers/{z}/{x}/{y}.pbf`],
    });
  });

  it('every overlay layer has a unique id and every toggle maps to layers', () => {
    const ids = overlayLayers(palette).map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(Object.keys(layerVisibility(defaultLayers)).sort()).toEqual([...ids].sort());
    for (const id of INTERACTIVE_LAYERS) expect(ids).toContain(id);
  });

  it('boundaries at the bottom; stores above every other layer but the candidate sites being placed', () => {
    const ids = overlayLayers(palette).map((l) => l.id);
    expect(ids[0]).toBe(LAYER.boundariesFill);
    // The what-if site of the market-share panel is a candidate site too.
    expect(ids.slice(-4)).toEqual([
      LAYER.storesSymbol,
      LAYER.sitesCircle,
      LAYER.sitesNumber,
      MARKET_LAYER.whatIfSite,
    ]);
    expect(ids.indexOf(LAYER.boundariesLabel)).toBeLessThan(ids.indexOf(LAYER.sitesNumber));
    // Reach circles lie under the event symbols they surround.
    expect(ids.indexOf(LAYER.reachOutline)).toBeLessThan(ids.indexOf(LAYER.eventsSymbol));
  });

  it('saved areas sit above the neighbourhoods and below customers, coloured by their own colour', () => {
    const layers = overlayLayers(palette);
    const ids = layers.map((l) => l.id);
    expect(ids.indexOf(LAYER.areasFill)).toBeGreaterThan(ids.indexOf(LAYER.boundariesOutline));
    expect(ids.indexOf(LAYER.areasOutline)).toBeLessThan(ids.indexOf(LAYER.customersHeatmap));
    const fill = layers.find((l) => l.id === LAYER.areasFill) as { paint: Record<string, unknown> };
    expect(JSON.stringify(fill.paint['fill-color'])).toContain('"color"');
    expect(JSON.stringify(fill.paint['fill-opacity'])).toContain('0.2');
    expect(INTERACTIVE_LAYERS.indexOf(LAYER.areasFill)).toBeLessThan(
      INTERACTIVE_LAYERS.indexOf(LAYER.boundariesFill),
    );
  });

  it('the heatmap replaces the clusters, and needs customers on', () => {
    const clusters = layerVisibility(defaultLayers);
    expect(clusters[LAYER.customersClusters]).toBe(true);
    expect(clusters[LAYER.customersHeatmap]).toBe(false);
    const heat = layerVisibility({ ...defaultLayers, heatmap: true });
    expect(heat[LAYER.customersClusters]).toBe(false);
    expect(heat[LAYER.customersCount]).toBe(false);
    expect(heat[LAYER.customersHeatmap]).toBe(true);
    const off = layerVisibility({ ...defaultLayers, customers: false, heatmap: true });
    expect(off[LAYER.customersHeatmap]).toBe(false);
    expect(off[LAYER.customersPoints]).toBe(false);
  });

  it('each brand gets its own colour and shape, in a stable order', () => {
    const styles = brandStyles(['Backstube', 'Kaffee Kiez', 'Rad & Tat'], palette);
    expect(new Set(styles.map((s) => s.color)).size).toBe(3);
    expect(new Set(styles.map((s) => s.shape)).size).toBe(3);
    expect(styles.map((s) => s.iconId)).toEqual([
      'brand:Backstube',
      'brand:Kaffee Kiez',
      'brand:Rad & Tat',
    ]);
  });

  it('withAlpha turns hex colours into rgba and leaves other syntaxes alone', () => {
    expect(withAlpha('#3b5bdb', 0.5)).toBe('rgba(59, 91, 219, 0.5)');
    expect(withAlpha('#fff', 1)).toBe('rgba(255, 255, 255, 1)');
    expect(withAlpha('oklch(50% 0.1 200)', 0.5)).toBe('oklch(50% 0.1 200)');
  });

  it('the offline basemap draws the demo streets by class from zoom 10/13, and their names along the lines (main roads from 13, side streets from 14)', () => {
    const style = offlineStyle({ origin, palette });
    expect(style.sources[STREETS_SOURCE]).toMatchObject({
      type: 'geojson',
      data: `${origin}/api/basemap/streets`,
    });
    const byId = new Map(style.layers.map((layer) => [layer.id, layer]));
    expect(byId.get(STREET_LAYERS.major)).toMatchObject({ type: 'line', minzoom: 10 });
    expect(byId.get(STREET_LAYERS.minor)).toMatchObject({ type: 'line', minzoom: 13 });
    expect(byId.get(STREET_LAYERS.labels)).toMatchObject({
      type: 'symbol',
      minzoom: STREET_NAMES_FROM_ZOOM,
      layout: { 'symbol-placement': 'line', 'text-font': ['Noto Sans Regular'] },
    });
    expect(byId.get(STREET_LAYERS.majorLabels)).toMatchObject({
      type: 'symbol',
      minzoom: 13,
      layout: { 'symbol-placement': 'line' },
    });
    // Streets above water and parks, below the place names.
    const order = style.layers.map((layer) => layer.id);
    expect(order.indexOf(STREET_LAYERS.minorCasing)).toBeGreaterThan(
      order.indexOf('basemap-water'),
    );
    expect(order.indexOf(STREET_LAYERS.labels)).toBeLessThan(order.indexOf('basemap-labels'));
  });
});

describe('the Protomaps basemap over a local archive', () => {
  const style = protomapsStyle({ origin, archiveUrl: '/api/basemap/pmtiles', locale: 'de-DE' });

  it('is a valid style whose only source is the pmtiles:// archive on our own server', () => {
    expect(validateStyleMin(style)).toEqual([]);
    expect(style.sources).toEqual({
      protomaps: expect.objectContaining({
        type: 'vector',
        url: `pmtiles://${origin}/api/basemap/pmtiles`,
      }),
    });
    expect(style.glyphs).toBe(`${origin}/glyphs/{fontstack}/{range}.pbf`);
    expect(style.sprite).toBeUndefined();
    expect(JSON.stringify(style)).not.toMatch(/https?:\/\/(?!127\.0\.0\.1:8787)/);
  });

  it('uses only the fonts our glyph server has, needs no sprite icons, and names places in German for de', () => {
    const text = JSON.stringify(style.layers);
    const fonts = new Set([...text.matchAll(/"Noto Sans [A-Za-z ]+"/g)].map((m) => m[0]));
    expect([...fonts].sort()).toEqual(['"Noto Sans Bold"', '"Noto Sans Regular"']);
    expect(text).not.toContain('icon-image');
    expect(text).toContain('name:de');
    expect(style.layers.some((layer) => layer.id === 'roads_major')).toBe(true);
  });
});

describe('customer tile URL', () => {
  it('carries the segment in force as the shared schema in JSON, and the data version', () => {
    const [url] = customerTileUrls('http://127.0.0.1:1', 3, {
      loyaltyTiers: ['gold'],
      ageMin: 25,
      ageMax: 44,
    });
    const parsed = new URL(url!.replace('{z}/{x}/{y}', '1/2/3'));
    expect(parsed.pathname).toBe('/api/tiles/customers/1/2/3.pbf');
    expect(parsed.searchParams.get('v')).toBe('3');
    expect(JSON.parse(parsed.searchParams.get('segment')!)).toEqual({
      loyaltyTiers: ['gold'],
      ageMin: 25,
      ageMax: 44,
    });
    // The placeholders stay for MapLibre to fill in.
    expect(url).toContain('/{z}/{x}/{y}.pbf?');
  });

  it('asks for every customer when the segment filters nothing', () => {
    expect(customerTileUrls('http://h', 0, { genders: [] })).toEqual([
      'retrying+http://h/api/tiles/customers/{z}/{x}/{y}.pbf',
    ]);
  });
});
