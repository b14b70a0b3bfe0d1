// What the UI fetches, one function per API call, each a typed call of the API's routes (./http): the answers' types
// come from the server's schemas.
import type { InferResponseType } from 'hono/client';
import type {
  AreaCompareRequest,
  AuditQuery,
  CampaignCreate,
  CampaignPatch,
  CampaignStatus,
  EventChange,
  EventQuery,
  EventSitesRequest,
} from './contract';
import type {
  AudienceRequest,
  ChoroplethQuery,
  HuffWhatIfRequest,
  NewEvent,
  NewUser,
  Segment,
  TokenScope,
  UserChange,
  WhatIfRequest,
  WorkspaceSettingsChange,
} from './contract';
import { answer, api, byId, init, segmentParam, sendText, type RequestOptions } from './http';

export { SIGNED_OUT_EVENT, type RequestOptions } from './http';

/** A segment as a query parameter: JSON, or nothing when it is empty. */

/** The signed-in user or null, without a 401 (which the browser would log as an error on the sign-in page). */
export const getSession = (options?: RequestOptions) =>
  answer(api.auth.session.$get(undefined, init(options)));
export const signIn = (email: string, password: string) =>
  answer(api.auth.login.$post({ json: { email, password } }));
export const signOut = () => answer(api.auth.logout.$post());
export const changePassword = (currentPassword: string, newPassword: string) =>
  answer(api.auth.password.$post({ json: { currentPassword, newPassword } }));

// Workspace administration (owners): users, API tokens, the audit log, privacy settings.
export const listUsers = (options?: RequestOptions) =>
  answer(api.users.$get(undefined, init(options)));
export const createUser = (body: NewUser) => answer(api.users.$post({ json: body }));
/** Answers 409 when someone else changed the user since `version`. */
export const updateUser = (id: string, change: UserChange) =>
  answer(api.users[':id'].$patch({ ...byId(id), json: change }));
export const deleteUser = (id: string) => answer(api.users[':id'].$delete(byId(id)));

export const listTokens = (options?: RequestOptions) =>
  answer(api.tokens.$get(undefined, init(options)));
export const createToken = (name: string, scopes: TokenScope[]) =>
  answer(api.tokens.$post({ json: { name, scopes } }));
export const revokeToken = (id: string) => answer(api.tokens[':id'].$delete(byId(id)));

/** One page of the audit log, newest first. */
export function getAudit(
  { before, limit, action, targetType }: AuditQuery = {},
  options?: RequestOptions,
) {
  return answer(
    api.audit.$get(
      {
        query: { before, limit, action: action || undefined, targetType: targetType || undefined },
      },
      init(options),
    ),
  );
}

export const getSettings = (options?: RequestOptions) =>
  answer(api.settings.$get(undefined, init(options)));
export const patchSettings = (change: WorkspaceSettingsChange) =>
  answer(api.settings.$patch({ json: change }));

/** One area's weather for the current hour (from the provider's cache, fetched first when needed). */
export const getAreaWeather = (areaId: string, options?: RequestOptions) =>
  answer(api.weather.areas.$get({ query: { areaId } }, init(options)));
// Webhooks: the URL and signing secret (owners), a test ping, the delivery log.
export const getWebhookSettings = (options?: RequestOptions) =>
  answer(api.settings.webhook.$get(undefined, init(options)));
/** `url: null` turns webhooks off. */
export const patchWebhookSettings = (url: string | null) =>
  answer(api.settings.webhook.$patch({ json: { url } }));
export const rotateWebhookSecret = () => answer(api.settings.webhook['rotate-secret'].$post());
export const sendWebhookTest = () => answer(api.settings.webhook.test.$post());
export const listWebhookDeliveries = (options?: RequestOptions) =>
  answer(api.webhooks.deliveries.$get({ query: { limit: 50 } }, init(options)));

export const getConfig = (options?: RequestOptions) =>
  answer(api.config.$get(undefined, init(options)));
export const getStores = (options?: RequestOptions) =>
  answer(api.stores.$get(undefined, init(options)));
export const getBoundaries = (options?: RequestOptions) =>
  answer(api.boundaries.$get(undefined, init(options)));
export const getCustomer = (id: string, options?: RequestOptions) =>
  answer(api.customers[':id'].$get(byId(id), init(options)));

/** Who lives in a saved area or an unsaved geometry, narrowed by an optional segment. */
export const postAudience = (body: AudienceRequest, options?: RequestOptions) =>
  answer(api.audience.$post({ json: body }, init(options)));
/** Saved areas side by side and what each pair shares (POST /api/areas/compare). */
export const compareAreas = (body: AreaCompareRequest, options?: RequestOptions) =>
  answer(api.areas.compare.$post({ json: body }, init(options)));
/** Populous hexagons with few customers and no store within `minStoreKm` (GET /api/white-space). */
export function getWhiteSpace(
  query: { minStoreKm: number; limit?: number; segment?: Segment },
  options?: RequestOptions,
) {
  return answer(
    api['white-space'].$get(
      {
        query: {
          minStoreKm: query.minStoreKm,
          limit: query.limit ?? 15,
          segment: segmentParam(query.segment),
        },
      },
      init(options),
    ),
  );
}
// Market share: the Huff model fitted to the home stores, a store's probability surface, "what if we open here?".
export const getHuffModel = (options?: RequestOptions) =>
  answer(api.huff.$get({ query: {} }, init(options)));
export const getHuffSurface = (storeId: string, options?: RequestOptions) =>
  answer(api.huff.stores[':id'].surface.$get({ param: { id: storeId }, query: {} }, init(options)));
export const postHuffWhatIf = (body: HuffWhatIfRequest, options?: RequestOptions) =>
  answer(api.huff['what-if'].$post({ json: body }, init(options)));
/** Regions coloured by a customer figure (GET /api/choropleth), for the segment in force. */
export function getChoropleth(
  query: Omit<ChoroplethQuery, 'segment'> & { segment?: Segment },
  options?: RequestOptions,
) {
  const { segment, ...rest } = query;
  return answer(
    api.choropleth.$get({ query: { ...rest, segment: segmentParam(segment) } }, init(options)),
  );
}
/** The values customers actually have (job titles, industries, interests, home stores), most common first. */
export const getAudienceFacets = (options?: RequestOptions) =>
  answer(api.audience.facets.$get(undefined, init(options)));
/** The CSV download of a saved area's consented audience, with the segment applied. */
export const audienceExportUrl = (areaId: string, segment?: Segment): string =>
  api.audience.export.$path({ query: { areaId, segment: segmentParam(segment) } });

// Events: the calendar of festivals, markets and own promo events, and each one's reach.
/** Events overlapping [from, to], sorted by start; unplaced ones have a null geometry. */
export function getEvents({ from, to, category }: EventQuery, options?: RequestOptions) {
  return answer(
    api.events.$get({ query: { from, to, category: category || undefined } }, init(options)),
  );
}
export const getEvent = (id: string, options?: RequestOptions) =>
  answer(api.events[':id'].$get(byId(id), init(options)));
export const createEvent = (body: NewEvent) => answer(api.events.$post({ json: body }));
/** Answers 409 when someone else changed the event since `version`. */
export const updateEvent = (id: string, change: EventChange) =>
  answer(api.events[':id'].$patch({ ...byId(id), json: change }));
export const deleteEvent = (id: string) => answer(api.events[':id'].$delete(byId(id)));
/** Imports a calendar file (.ics text); a file with errors answers 422 naming its lines (field body.line.N) and imports nothing. */
export const importEvents = (text: string) =>
  sendText<InferResponseType<typeof api.events.import.$post, 200>>(
    api.events.import.$path(),
    'text/calendar',
    text,
  );
/** Imports a calendar feed the server fetches (http, https or webcal); fetch problems name body.url, calendar errors its lines. */
export const importEventFeed = (url: string, subscribe: boolean) =>
  answer(api.events.import.$post({ query: {}, json: { url, subscribe } }));
/** The calendar feeds kept in sync (for roles that may import). */
export const getEventFeeds = (options?: RequestOptions) =>
  answer(api.events.feeds.$get(undefined, init(options)));
/** Fetches a kept feed now; a failure answers problem+json with the feed (its lastError) as `feed`. */
export const syncEventFeed = (id: string) => answer(api.events.feeds[':id'].sync.$post(byId(id)));
/** Stops keeping a feed in sync; its events stay. */
export const stopEventFeed = (id: string) => answer(api.events.feeds[':id'].$delete(byId(id)));
/** Customers within `withinMeters` of the event, the saved areas it overlaps and the nearest stores. */
export function getEventReach(
  id: string,
  within: { meters: number; walkMinutes: number | null },
  segment: Segment,
  options?: RequestOptions,
) {
  return answer(
    api.events[':id'].reach.$get(
      {
        ...byId(id),
        query: {
          withinMeters: within.meters,
          ...(within.walkMinutes === null ? {} : { walkMinutes: within.walkMinutes }),
          segment: segmentParam(segment),
        },
      },
      init(options),
    ),
  );
}

/** Customers around 2 to 5 candidate places, side by side, and which one reaches most consented customers. */
export const compareSites = (body: EventSitesRequest, options?: RequestOptions) =>
  answer(api.events.sites.$post({ json: body }, init(options)));

// Campaigns: offers per area that switch on with the weather, an event or the hour.
/** Campaigns the caller may see; `eventId` keeps those an event (or its category) triggers. */
export function listCampaigns(
  { status, eventId }: { status?: CampaignStatus[]; eventId?: string } = {},
  options?: RequestOptions,
) {
  return answer(
    api.campaigns.$get(
      {
        query: {
          status: status?.length ? status.join(',') : undefined,
          eventId: eventId || undefined,
        },
      },
      init(options),
    ),
  );
}
export const getCampaign = (id: string, options?: RequestOptions) =>
  answer(api.campaigns[':id'].$get(byId(id), init(options)));
/** Answers 422 naming each bad field (`body.offer.code`, `body.triggers.0.threshold`). */
export const createCampaign = (body: CampaignCreate) => answer(api.campaigns.$post({ json: body }));
/** Answers 409 (with currentVersion) when someone else changed it since `version`, or for a status change not allowed. */
export const updateCampaign = (id: string, change: CampaignPatch) =>
  answer(api.campaigns[':id'].$patch({ ...byId(id), json: change }));
/** Answers 409 once the campaign has run: end it instead. */
export const deleteCampaign = (id: string) => answer(api.campaigns[':id'].$delete(byId(id)));
/** When the offer was live in each area, and why. */
export const getCampaignActivations = (id: string, options?: RequestOptions) =>
  answer(api.campaigns[':id'].activations.$get(byId(id), init(options)));
/** The campaign × area pairs live now (badges, map highlight). */
export const getLiveCampaigns = (options?: RequestOptions) =>
  answer(api.campaigns.live.$get(undefined, init(options)));
/** Which campaigns would fire under hypothetical weather; nothing is recorded. */
export const previewWhatIf = (body: WhatIfRequest, options?: RequestOptions) =>
  answer(api.triggers['what-if'].$post({ json: body }, init(options)));
/** A campaign's audience, activations, redemptions, conversion, holdout and lift. */
export const getCampaignResults = (id: string, options?: RequestOptions) =>
  answer(api.campaigns[':id'].results.$get({ ...byId(id), query: {} }, init(options)));

/** The campaign audience's weekly purchases with its live periods, and retention cohorts. */
export const getCampaignTrends = (id: string, options?: RequestOptions) =>
  answer(api.campaigns[':id'].trends.$get(byId(id), init(options)));
/** An area's customers' weekly purchases over the last year, the offers' live periods there, and cohorts. */
export const getAreaTrends = (id: string, options?: RequestOptions) =>
  answer(api.areas[':id'].trends.$get(byId(id), init(options)));

/** Absolute URLs, because MapLibre's workers resolve tile and data URLs without the page's base. */
export const apiUrls = {
  customerTiles: (origin: string) =>
    `${origin}${api.tiles.customers[':z'][':x'][':file'].$path({ param: { z: '{z}', x: '{x}', file: '{y}.pbf' } })}`,
  basemap: (origin: string) => `${origin}${api.basemap.$path()}`,
  streets: (origin: string) => `${origin}${api.basemap.streets.$path()}`,
  glyphs: (origin: string) => `${origin}/glyphs/{fontstack}/{range}.pbf`,
};

// The workspace's own data: the demo city's rows (owners remove them) and downloads of what the workspace holds.
/** How many demo stores, customers, neighbourhoods and events the workspace still holds. */
export const getDemoData = (options?: RequestOptions) =>
  answer(api.workspace.demo.$get(undefined, init(options)));
/** Removes the demo city; answers what was removed. */
export const removeDemoData = () => answer(api.workspace.demo.$delete());
/** Downloads (attachments named with what they hold and the day). */
export const exportUrls = {
  stores: () => api.stores['export.geojson'].$path(),
  boundaries: () => api.boundaries['export.geojson'].$path(),
  customers: () => api.customers['export.csv'].$path(),
};
