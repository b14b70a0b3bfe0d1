// Who may do what: each role's permissions, how much of a customer each role may see, and the permission every API
// route needs. The HTTP layer looks routes up here and refuses any route that is missing (it fails closed), and a
// table-driven test calls every route with every role.
import type { Role } from './schemas/user.js';

export const permissions = [
  /** Stores, boundaries, the workspace's map settings. */
  'workspace:read',
  'stores:write',
  /** Customer rows (lists, one customer, points on the map), limited to their stores for store managers. */
  'customers:read',
  /** Personal-data exports (consented customers only). */
  'customers:export',
  'customers:erase',
  'areas:read',
  'areas:write',
  /** Counts and breakdowns; small groups are hidden from roles without customer access (see minGroupSize). */
  'audience:read',
  'offers:read',
  /** Events on the calendar and map, and their reach (counts follow the audience rules). */
  'events:read',
  'events:write',
  /** Campaigns the caller may see (store managers: their own, or on areas they all see), their activations and results. */
  'campaigns:read',
  /** Create and change campaigns (store managers: only their own) and run the trigger evaluation by hand. */
  'campaigns:write',
  /** Record a redeemed offer code at a till (tills use an API token with this scope). */
  'redemptions:write',
  /** Record purchases from a till (tills use an API token with this scope). */
  'purchases:write',
  /** A campaign's redemptions row by row: each is one person's purchase, so only roles that see customers. */
  'redemptions:read',
  /** Each area's weather and the scenario in force. */
  'weather:read',
  /** Setting the weather scenario (demos and what-if previews). */
  'weather:simulate',
  'users:admin',
  'tokens:admin',
  'audit:read',
  'settings:write',
  /** The webhook delivery log (not the URL or secret: those need settings:write). */
  'webhooks:read',
  /** Importing files of customers, stores, neighbourhoods and purchases (writes personal data in bulk). */
  'imports:write',
] as const;
export type Permission = (typeof permissions)[number];

const everything: readonly Permission[] = permissions;

export const rolePermissions: Record<Role, readonly Permission[]> = {
  owner: everything,
  manager: everything.filter(
    (p) => !['users:admin', 'tokens:admin', 'audit:read', 'settings:write'].includes(p),
  ),
  store_manager: [
    'workspace:read',
    'customers:read',
    'customers:export',
    'areas:read',
    'areas:write',
    'audience:read',
    'offers:read',
    'events:read',
    'events:write',
    'weather:read',
    'campaigns:read',
    'campaigns:write',
    'redemptions:write',
    'redemptions:read',
  ],
  marketer: [
    'workspace:read',
    'areas:read',
    'areas:write',
    'audience:read',
    'offers:read',
    'events:read',
    'events:write',
    'weather:read',
    'weather:simulate',
    'campaigns:read',
    'campaigns:write',
  ],
  viewer: [
    'workspace:read',
    'areas:read',
    'audience:read',
    'offers:read',
    'events:read',
    'weather:read',
    'campaigns:read',
  ],
};

/**
 * How much of a customer a role may see: `all`, only customers whose home store is one of theirs, or aggregates
 * only (counts with small groups hidden; on the map clusters, never single customers).
 */
export type CustomerAccess = 'all' | 'own-stores' | 'aggregate';
export const customerAccessByRole: Record<Role, CustomerAccess> = {
  owner: 'all',
  manager: 'all',
  store_manager: 'own-stores',
  marketer: 'aggregate',
  viewer: 'aggregate',
};

/** What an API token can be allowed to do: read aggregates and offers and record redemptions at a till; never personal data or admin. */
export const tokenScopes = [
  'offers:read',
  'audience:read',
  'areas:read',
  'workspace:read',
  'redemptions:write',
  'purchases:write',
] as const satisfies readonly Permission[];
export type TokenScope = (typeof tokenScopes)[number];

/** Permissions a token scope carries besides its own name: reading the workspace includes its weather. */
const scopeIncludes: Partial<Record<TokenScope, readonly Permission[]>> = {
  'workspace:read': ['weather:read'],
};

/** What a token with these scopes may do. */
export function tokenPermissions(scopes: readonly TokenScope[]): Permission[] {
  return [...new Set(scopes.flatMap((scope) => [scope, ...(scopeIncludes[scope] ?? [])]))];
}

/** `public`: no sign-in; `signed-in`: any signed-in user (not tokens); otherwise the permission needed. */
export type RouteAccess = 'public' | 'signed-in' | Permission;

/** Every API route, as `METHOD /path` in the router's own syntax (`:id`), and what it needs. */
export const routeAccess: Record<string, RouteAccess> = {
  'GET /api/health': 'public',
  'POST /api/auth/login': 'public',
  'GET /api/auth/session': 'public',
  'POST /api/auth/logout': 'signed-in',
  'GET /api/auth/me': 'signed-in',
  'POST /api/auth/password': 'signed-in',
  'GET /api/openapi.json': 'signed-in',
  'GET /api/docs': 'signed-in',
  'GET /api/docs/': 'signed-in',
  'GET /api/docs/init.js': 'signed-in',
  'GET /api/docs/assets/:file': 'signed-in',

  'GET /api/config': 'workspace:read',
  'GET /api/basemap': 'workspace:read',
  'GET /api/basemap/streets': 'workspace:read',
  'GET /api/basemap/pmtiles': 'workspace:read',
  'GET /api/stores': 'workspace:read',
  'POST /api/stores': 'stores:write',
  'PATCH /api/stores/:id': 'stores:write',
  'DELETE /api/stores/:id': 'stores:write',
  'GET /api/boundaries': 'workspace:read',
  'GET /api/stores/export.geojson': 'workspace:read',
  'GET /api/boundaries/export.geojson': 'workspace:read',
  // Every customer the caller may see, consented or not: the workspace's own data, re-importable.
  'GET /api/customers/export.csv': 'customers:read',
  'GET /api/workspace/demo': 'settings:write',
  'DELETE /api/workspace/demo': 'settings:write',

  'GET /api/customers': 'customers:read',
  'GET /api/customers/:id': 'customers:read',
  'DELETE /api/customers/:id': 'customers:erase',
  // Aggregate-only roles get clusters at every zoom, never single customers.
  'GET /api/tiles/customers/:z/:x/:file': 'audience:read',

  'GET /api/areas': 'areas:read',
  'POST /api/areas': 'areas:write',
  'GET /api/areas/:id': 'areas:read',
  'PATCH /api/areas/:id': 'areas:write',
  'DELETE /api/areas/:id': 'areas:write',
  'GET /api/areas/:id/geojson': 'areas:read',
  'GET /api/areas/:id/trends': 'audience:read',
  'POST /api/areas/combine': 'areas:write',
  'POST /api/areas/rings': 'areas:write',
  'POST /api/areas/territories': 'areas:write',
  // A preview of a travel-time area, drawn before saving (like a shape being drawn).
  'POST /api/isochrones': 'areas:read',
  // Customers per tier, like an audience: the answer follows the audience rules.
  'GET /api/stores/:id/trade-areas': 'audience:read',
  // Counts, like an audience: the answer follows the audience rules.
  'POST /api/areas/compare': 'audience:read',
  'GET /api/white-space': 'audience:read',
  // The Huff model and choropleths are figures over customers: counts follow the audience rules.
  'GET /api/huff': 'audience:read',
  'GET /api/huff/stores/:id/surface': 'audience:read',
  'POST /api/huff/what-if': 'audience:read',
  'GET /api/choropleth': 'audience:read',

  'POST /api/audience': 'audience:read',
  'GET /api/reports/area/:file': 'audience:read',
  'GET /api/reports/compare/:file': 'audience:read',
  'GET /api/audience/facets': 'audience:read',
  'POST /api/audience/export': 'customers:export',
  'GET /api/audience/export': 'customers:export',

  'GET /api/events': 'events:read',
  'POST /api/events': 'events:write',
  'POST /api/events/import': 'events:write',
  // Feed addresses are only for those who may import them.
  'GET /api/events/feeds': 'events:write',
  'POST /api/events/feeds/:id/sync': 'events:write',
  'DELETE /api/events/feeds/:id': 'events:write',
  'GET /api/events/:id': 'events:read',
  'PATCH /api/events/:id': 'events:write',
  'DELETE /api/events/:id': 'events:write',

  'GET /api/campaigns': 'campaigns:read',
  'GET /api/campaigns/live': 'campaigns:read',
  'GET /api/campaigns/:id/activations': 'campaigns:read',
  'GET /api/campaigns/:id/redemptions': 'redemptions:read',
  'GET /api/campaigns/:id/results': 'campaigns:read',
  'GET /api/campaigns/:id/trends': 'campaigns:read',
  'POST /api/redemptions': 'redemptions:write',
  'POST /api/purchases': 'purchases:write',
  'GET /api/offers/live': 'offers:read',
  'POST /api/triggers/evaluate': 'campaigns:write',
  'POST /api/triggers/what-if': 'campaigns:read',
  'POST /api/campaigns': 'campaigns:write',
  'GET /api/campaigns/:id': 'campaigns:read',
  'PATCH /api/campaigns/:id': 'campaigns:write',
  'DELETE /api/campaigns/:id': 'campaigns:write',
  'GET /api/events/:id/reach': 'events:read',
  'POST /api/events/sites': 'events:read',

  'GET /api/weather/areas': 'weather:read',
  'GET /api/weather/scenario': 'weather:read',
  'PUT /api/weather/scenario': 'weather:simulate',

  'GET /api/users': 'users:admin',
  'POST /api/users': 'users:admin',
  'PATCH /api/users/:id': 'users:admin',
  'DELETE /api/users/:id': 'users:admin',
  'GET /api/tokens': 'tokens:admin',
  'POST /api/tokens': 'tokens:admin',
  'DELETE /api/tokens/:id': 'tokens:admin',
  'GET /api/audit': 'audit:read',
  'GET /api/settings': 'signed-in',
  'PATCH /api/settings': 'settings:write',
  // The signing secret is in the answer: owners only, like changing it.
  'GET /api/settings/webhook': 'settings:write',
  'PATCH /api/settings/webhook': 'settings:write',
  'POST /api/settings/webhook/rotate-secret': 'settings:write',
  'POST /api/settings/webhook/test': 'settings:write',
  'GET /api/webhooks/deliveries': 'webhooks:read',

  'POST /api/import/:kind/preview': 'imports:write',
  'POST /api/import/mappings': 'imports:write',
  'POST /api/import/:kind': 'imports:write',
  'GET /api/import/jobs': 'imports:write',
  'GET /api/import/jobs/:id': 'imports:write',
  'DELETE /api/import/jobs/:id': 'imports:write',
  'GET /api/import/jobs/:id/rejected.csv': 'imports:write',
  'POST /api/import/jobs/:id/resume': 'imports:write',
  // Rows without a place are customers in the clear: only roles that import (and see every customer).
  'GET /api/import/unplaced': 'imports:write',
  'POST /api/import/unplaced/:kind/:id/place': 'imports:write',
  'DELETE /api/import/unplaced/:kind/:id': 'imports:write',
};

export interface Principal {
  kind: 'user' | 'token';
  /** The user's id, or the token's. */
  id: string;
  /** For the audit log: the user's email or the token's name. */
  label: string;
  role: Role | null;
  permissions: readonly Permission[];
  customerAccess: CustomerAccess;
  /** Store managers' stores; empty otherwise. */
  storeIds: string[];
}

/** Whether `principal` may call a route needing `access`. */
export function allows(principal: Principal | null, access: RouteAccess): boolean {
  if (access === 'public') return true;
  if (!principal) return false;
  if (access === 'signed-in') return principal.kind === 'user';
  return principal.permissions.includes(access);
}
