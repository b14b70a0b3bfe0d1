// Our overlay sources: boundaries (+ their label points), stores, saved areas, events (GeoJSON) and customers (server-side vector tiles).
import type {
  GeoJSONSourceSpecification,
  SourceSpecification,
  VectorSourceSpecification,
} from 'maplibre-gl';
import { apiUrls } from '../api/client';
import { segmentParam } from '../api/http';
import type { Segment } from '../api/contract';
import { marketSources } from './market-layers';
import { retryingUrl } from './retrying-tiles';

export const SOURCE = {
  boundaries: 'catchment-boundaries',
  boundaryLabels: 'catchment-boundary-labels',
  stores: 'catchment-stores',
  customers: 'catchment-customers',
  areas: 'catchment-areas',
  events: 'catchment-events',
  sites: 'catchment-sites',
  reach: 'catchment-reach',
  whiteSpace: 'catchment-white-space',
  travel: 'catchment-travel',
} as const;

/** The source layer inside the customer tiles. */
export const CUSTOMERS_SOURCE_LAYER = 'customers';
/** The grid of customer counts inside the same tiles, which the heatmap draws (server: density-grid.ts). */
export const CUSTOMERS_DENSITY_SOURCE_LAYER = 'density';
/** From this zoom on, the tiles hold single customers only (no clusters). */
export const CUSTOMERS_POINTS_FROM_ZOOM = 15;

export const emptyCollection = (): GeoJSON.FeatureCollection => ({
  type: 'FeatureCollection',
  features: [],
});

export interface OverlayData {
  boundaries: GeoJSON.FeatureCollection;
  boundaryLabels: GeoJSON.FeatureCollection;
  stores: GeoJSON.FeatureCollection;
  areas: GeoJSON.FeatureCollection;
  /** Placed events only (unplaced ones have no geometry to draw). */
  events: GeoJSON.FeatureCollection;
  /** Candidate sites being compared: numbered points. */
  sites?: GeoJSON.FeatureCollection;
  /** Walking-radius circles: around the selected event, and around each candidate site. */
  reach?: GeoJSON.FeatureCollection;
  /** White-space hexagons, ranked. */
  whiteSpace?: GeoJSON.FeatureCollection;
  /** A travel-time area being previewed, or a store's trade areas. */
  travel?: GeoJSON.FeatureCollection;
  /** The store's dataVersion, bumped by each import: a new tile URL, so no cached tile shows the old customers. */
  customersVersion?: number;
  /** The segment in force: the customer tiles show only its customers. */
  segment?: Segment;
  /** Choropleth, probability surface and what-if site (market-layers.ts). */
  market?: Parameters<typeof marketSources>[0];
}

/**
 * The customer tile URL: with the data version once an import has changed customers, and the segment in force (the
 * shared Segment schema as URL-encoded JSON, as the server's other GET routes take it). Loaded through the retrying
 * protocol (retrying-tiles.ts), so a tile a busy server refused with 503 is asked again.
 */
export function customerTileUrls(origin: string, version = 0, segment?: Segment): string[] {
  const query = new URLSearchParams();
  if (version) query.set('v', String(version));
  const narrowed = segmentParam(segment);
  if (narrowed) query.set('segment', narrowed);
  const search = query.toString();
  return [retryingUrl(`${apiUrls.customerTiles(origin)}${search ? `?${search}` : ''}`)];
}

/**
 * The overlay's sources. The customer tiles have no `bounds`: customers an import adds outside the workspace's first
 * extent (a workspace of one's own starts over Berlin) must load without a reload; an empty tile is a cheap 204.
 */
export function overlaySources(
  origin: string,
  data: OverlayData,
): Record<string, SourceSpecification> {
  const geojson = (collection: GeoJSON.FeatureCollection): GeoJSONSourceSpecification => ({
    type: 'geojson',
    data: collection,
    promoteId: 'id',
  });
  const customers: VectorSourceSpecification = {
    type: 'vector',
    tiles: customerTileUrls(origin, data.customersVersion, data.segment),
    minzoom: 0,
    maxzoom: 16,
    promoteId: { [CUSTOMERS_SOURCE_LAYER]: 'id' },
  };
  return {
    [SOURCE.boundaries]: geojson(data.boundaries),
    [SOURCE.boundaryLabels]: { ...geojson(data.boundaryLabels), promoteId: 'id' },
    [SOURCE.stores]: geojson(data.stores),
    [SOURCE.customers]: customers,
    [SOURCE.areas]: geojson(data.areas),
    [SOURCE.events]: geojson(data.events),
    [SOURCE.sites]: geojson(data.sites ?? emptyCollection()),
    [SOURCE.reach]: geojson(data.reach ?? emptyCollection()),
    [SOURCE.whiteSpace]: geojson(data.whiteSpace ?? emptyCollection()),
    ...marketSources(
      data.market ?? {
        choroplethData: null,
        marketSurface: null,
        whatIfSite: null,
        marketShare: null,
      },
    ),
    [SOURCE.travel]: geojson(data.travel ?? emptyCollection()),
  };
}
