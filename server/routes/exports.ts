// Downloads of the workspace's own data: stores and neighbourhoods as GeoJSON, customers as CSV that re-imports as is.
// Registered before the stores and customers routes: `/api/customers/export.csv` would otherwise match `/{id}`.
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppDeps } from '../deps.js';
import { createRouter } from '../http/router.js';
import { principalOf } from '../http/auth.js';
import { listStores } from '../db/repos/stores.js';
import { listBoundaries } from '../db/repos/boundaries.js';
import { storeCollection } from '../domain/schemas/store.js';
import { boundaryCollection } from '../domain/schemas/boundary.js';
import { visibleStoreIds } from '../domain/privacy.js';
import { recordAudit } from '../db/repos/audit.js';
import { auditActor } from '../services/accounts/audit-actor.js';
import { CUSTOMER_CSV_COLUMNS, customersCsv } from '../services/customers/csv-export.js';
import { storeToFeature } from './stores.js';
import { boundaryToFeature } from './boundaries.js';

const geojson = <T extends z.ZodType>(schema: T) => ({ 'application/geo+json': { schema } });
const attachment = (kind: string, day: string, extension: string) => ({
  'Content-Disposition': `attachment; filename="catchment-${kind}-${day}.${extension}"`,
  'Cache-Control': 'no-store',
});

const storesExport = createRoute({
  method: 'get',
  path: '/api/stores/export.geojson',
  tags: ['Stores'],
  summary: 'Download every store as a GeoJSON file (the features of GET /api/stores)',
  responses: {
    200: {
      description: 'A FeatureCollection of Point features, as catchment-stores-YYYY-MM-DD.geojson',
      content: geojson(storeCollection),
    },
  },
});
const boundariesExport = createRoute({
  method: 'get',
  path: '/api/boundaries/export.geojson',
  tags: ['Map'],
  summary: 'Download every neighbourhood as a GeoJSON file (the features of GET /api/boundaries)',
  responses: {
    200: {
      description:
        'A FeatureCollection of Polygon/MultiPolygon features, as catchment-neighbourhoods-YYYY-MM-DD.geojson',
      content: geojson(boundaryCollection),
    },
  },
});
const customersExport = createRoute({
  method: 'get',
  path: '/api/customers/export.csv',
  tags: ['Customers'],
  summary:
    'Download the customers you may see as CSV that the customer import takes back unchanged',
  description: [
    "The workspace's own data, not a marketing audience: every customer the caller may see (store managers: those of",
    'their stores), with or without consent; the `consent` column says which (`true`/`false`). For a campaign, export',
    `an area's audience instead (consented customers only). Header row: ${CUSTOMER_CSV_COLUMNS.join(',')}.`,
    '`interests` are joined with `;`. RFC 4180 quoting, CRLF line ends, UTF-8; text a spreadsheet would run as a',
    'formula (starting with = + - @, and more than digits and punctuation: phone numbers stay as they are) is prefixed',
    "with '. Streamed, as catchment-customers-YYYY-MM-DD.csv;",
    'each download is in the audit log (customer.export).',
  ].join(' '),
  responses: {
    200: {
      description: 'Streamed CSV',
      content: {
        'text/csv': {
          schema: z.string().meta({ description: `Header row: ${CUSTOMER_CSV_COLUMNS.join(',')}` }),
        },
      },
    },
  },
});

export function exportRoutes({ db, clock }: AppDeps) {
  const today = () => clock().toISOString().slice(0, 10);
  // A JSON body typed as a file: the route's OpenAPI document describes its GeoJSON schema.
  const geojsonFile = (c: Context, kind: string, body: unknown) =>
    c.body(JSON.stringify(body), 200, {
      'Content-Type': 'application/geo+json; charset=utf-8',
      ...attachment(kind, today(), 'geojson'),
    }) as never;
  return createRouter()
    .openapi(storesExport, (c) =>
      geojsonFile(c, 'stores', {
        type: 'FeatureCollection',
        features: listStores(db).map(storeToFeature),
      }),
    )
    .openapi(boundariesExport, (c) =>
      geojsonFile(c, 'neighbourhoods', {
        type: 'FeatureCollection',
        features: listBoundaries(db).map(boundaryToFeature),
      }),
    )
    .openapi(customersExport, (c) => {
      const principal = principalOf(c);
      const storeIds = visibleStoreIds(principal);
      // A download of personal data in bulk: the audit log says who took it and how much they could see.
      recordAudit(db, {
        at: clock().toISOString(),
        ...auditActor(principal),
        action: 'customer.export',
        targetType: 'customer',
        targetId: null,
        detail: { format: 'csv', scope: storeIds ? 'own-stores' : 'all' },
      });
      return c.body(customersCsv(db, storeIds), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        ...attachment('customers', today(), 'csv'),
      });
    });
}
