// GET /api/config (what the client needs to start) and GET /api/basemap (the offline basemap's land and water).
import { createRoute } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.js';
import { createRouter } from '../http/router.js';
import { PMTILES_PATH } from './basemap.js';
import { dataExtent, listBasemapFeatures, readWorkspaceSettings } from '../db/repos/workspace.js';
import { readPrivacySettings } from '../db/repos/settings.js';
import {
  basemapSchema,
  clientConfigSchema,
  type BasemapKind,
} from '../domain/schemas/workspace.js';
import { isIanaTimeZone } from '../domain/time/zones.js';

const configRoute = createRoute({
  method: 'get',
  path: '/api/config',
  tags: ['System'],
  summary: 'Workspace view and basemap settings for the client',
  responses: {
    200: {
      description: 'Client configuration',
      content: { 'application/json': { schema: clientConfigSchema } },
    },
  },
});

const basemapRoute = createRoute({
  method: 'get',
  path: '/api/basemap',
  tags: ['Map'],
  summary: 'Land, water and parks for the offline basemap',
  responses: {
    200: {
      description: 'Basemap features',
      content: { 'application/json': { schema: basemapSchema } },
    },
    304: { description: 'Not modified since the ETag sent in If-None-Match' },
  },
});

const fallbackView = {
  name: 'Catchment',
  center: [13.405, 52.52] as [number, number],
  zoom: 10,
  bbox: [13.08, 52.33, 13.77, 52.68] as [number, number, number, number],
};

/** A view of an extent, padded a little so the outermost points are not on the edge (a lone store: ±0.01°). */
function viewOf([minLng, minLat, maxLng, maxLat]: [number, number, number, number]) {
  const pad = Math.max(0.01, (maxLng - minLng) * 0.05, (maxLat - minLat) * 0.05);
  return {
    center: [(minLng + maxLng) / 2, (minLat + maxLat) / 2] as [number, number],
    zoom: fallbackView.zoom,
    bbox: [minLng - pad, minLat - pad, maxLng + pad, maxLat + pad] as [
      number,
      number,
      number,
      number,
    ],
  };
}

function parseJson<T>(text: string | undefined, fallback: T): T {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

export function workspaceRoutes({ db, config }: AppDeps) {
  return createRouter()
    .openapi(configRoute, (c) => {
      const settings = readWorkspaceSettings(db);
      const { distanceUnits, temperatureUnit } = readPrivacySettings(db);
      // The demo stores its view; a workspace of one's own is shown where its data is (Berlin while it is empty).
      const extent = settings.bbox ? null : dataExtent(db);
      const view = extent ? viewOf(extent) : fallbackView;
      const workspace = {
        name: settings.name ?? fallbackView.name,
        center: parseJson(settings.center, view.center),
        zoom: Number(settings.zoom ?? view.zoom),
        bbox: parseJson(settings.bbox, view.bbox),
        ...(settings.currency && /^[A-Z]{3}$/.test(settings.currency)
          ? { currency: settings.currency }
          : {}),
        ...(settings.timeZone && isIanaTimeZone(settings.timeZone)
          ? { timeZone: settings.timeZone }
          : {}),
        distanceUnits,
        temperatureUnit,
      };
      const basemap = {
        styleUrl: config.basemapStyleUrl,
        pmtilesUrl: config.basemapPmtilesFile ? PMTILES_PATH : null,
      };
      return c.json({ workspace, basemap }, 200);
    })
    .openapi(basemapRoute, (c) => {
      const features = listBasemapFeatures(db).map((row) => ({
        type: 'Feature' as const,
        geometry: JSON.parse(row.geometry) as unknown,
        properties: { kind: row.kind as BasemapKind, name: row.name },
      }));
      // Revalidated on every load: removing the demo empties it, and a cached demo city would linger for an hour.
      const etag = `"b-${readWorkspaceSettings(db).seededAt ?? ''}-${features.length}"`;
      c.header('Cache-Control', 'no-cache');
      c.header('ETag', etag);
      if (c.req.header('If-None-Match') === etag) return c.body(null, 304);
      return c.json({ type: 'FeatureCollection' as const, features }, 200);
    });
}
