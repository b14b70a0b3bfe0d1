// The one typed API client. Everything the UI fetches goes through these functions.
import { isAbort, networkProblem, parseProblem, problemFromResponse } from './problem';
import type { BasemapCollection, BoundaryCollection, ClientConfig, CustomerFeature, StoreCollection } from './types';
import type { AreaComparison, AreaCompareRequest, WhiteSpaceAnswer, Audience, AudienceFacets, AudienceRequest, Me, Segment, User } from './types';
import type { EventChange, EventCollection, EventFeature, EventFeed, EventFeedSync, EventImportResult, EventQuery, EventReach, EventSites, EventSitesRequest, NewEvent } from './types';
import type { AreaWeatherList, CampaignResults, WhatIfAnswer, WhatIfRequest } from './types';
import type { ActivationList, CampaignCreate, CampaignList, CampaignPatch, CampaignRecord, CampaignStatus, LiveCampaigns } from './types';
import type { AuditPage, AuditQuery, CreatedToken, NewUser, TokenList, TokenScope, UserChange, UserList, WorkspaceSettings } from './types';
import type { WebhookDeliveryPage, WebhookSettings } from './types';

export interface RequestOptions {
  signal?: AbortSignal;
}

/**
 * One request with the API's error handling: network failures and problem+json answers become ProblemErrors,
 * an abort stays an abort, 204 answers resolve to undefined. A body is sent as JSON.
 */
export function request<T>(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  return send<T>(method, path, body === undefined ? undefined : { type: 'application/json', text: JSON.stringify(body) }, options);
}

/** The same as request(), with a text body of the given Content-Type (e.g. a calendar file as text/calendar). */
export function requestText<T>(method: string, path: string, type: string, text: string, options: RequestOptions = {}): Promise<T> {
  return send<T>(method, path, { type, text }, options);
}

async function send<T>(method: string, path: string, body: { type: string; text: string } | undefined, { signal }: RequestOptions): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: { Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': body.type }) },
      body: body?.text,
      signal,
    });
  } catch (error) {
    if (isAbort(error)) throw error;
    throw networkProblem(error);
  }
  // The session ended (expired, or signed out in another tab): the app goes back to the sign-in page.
  if (response.status === 401 && !path.startsWith('/api/auth/')) window.dispatchEvent(new Event(SIGNED_OUT_EVENT));
  if (!response.ok) throw await problemFromResponse(response);
  if (response.status === 204) return undefined as T;
  try {
    return (await response.json()) as T;
  } catch (error) {
    if (isAbort(error)) throw error;
    throw parseProblem(path, error);
  }
}

/** Fired on window when an API call answers 401 outside /api/auth. */
export const SIGNED_OUT_EVENT = 'catchment:signed-out';

const getJson = <T>(path: string, options?: RequestOptions) => request<T>('GET', path, undefined, options);

/** The signed-in user or null, without a 401 (which the browser would log as an error on the sign-in page). */
export const getSession = (options?: RequestOptions) => getJson<{ me: Me | null }>('/api/auth/session', options);
export const signIn = (email: string, password: string) => request<Me>('POST', '/api/auth/login', { email, password });
export const signOut = () => request<void>('POST', '/api/auth/logout');
export const changePassword = (currentPassword: string, newPassword: string) => request<void>('POST', '/api/auth/password', { currentPassword, newPassword });

// Workspace administration (owners): users, API tokens, the audit log, privacy settings.
const userPath = (id: string) => `/api/users/${encodeURIComponent(id)}`;
export const listUsers = (options?: RequestOptions) => getJson<UserList>('/api/users', options);
export const createUser = (body: NewUser) => request<User>('POST', '/api/users', body);
/** Answers 409 when someone else changed the user since `version`. */
export const updateUser = (id: string, change: UserChange) => request<User>('PATCH', userPath(id), change);
export const deleteUser = (id: string) => request<void>('DELETE', userPath(id));

export const listTokens = (options?: RequestOptions) => getJson<TokenList>('/api/tokens', options);
export const createToken = (name: string, scopes: TokenScope[]) => request<CreatedToken>('POST', '/api/tokens', { name, scopes });
export const revokeToken = (id: string) => request<void>('DELETE', `/api/tokens/${encodeURIComponent(id)}`);

/** One page of the audit log, newest first. */
export function getAudit(query: AuditQuery = {}, options?: RequestOptions) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, String(value));
  const search = params.toString();
  return getJson<AuditPage>(`/api/audit${search ? `?${search}` : ''}`, options);
}

export const getSettings = (options?: RequestOptions) => getJson<WorkspaceSettings>('/api/settings', options);
export const patchSettings = (change: Partial<WorkspaceSettings>) => request<WorkspaceSettings>('PATCH', '/api/settings', change);

/** One area's weather for the current hour (from the provider's cache, fetched first when needed). */
export const getAreaWeather = (areaId: string, options?: RequestOptions) => getJson<AreaWeatherList>(`/api/weather/areas?areaId=${encodeURIComponent(areaId)}`, options);
// Webhooks: the URL and signing secret (owners), a test ping, the delivery log.
export const getWebhookSettings = (options?: RequestOptions) => getJson<WebhookSettings>('/api/settings/webhook', options);
/** `url: null` turns webhooks off. */
export const patchWebhookSettings = (url: string | null) => request<WebhookSettings>('PATCH', '/api/settings/webhook', { url });
export const rotateWebhookSecret = () => request<WebhookSettings>('POST', '/api/settings/webhook/rotate-secret');
export const sendWebhookTest = () => request<{ idempotencyKey: string }>('POST', '/api/settings/webhook/test');
export const listWebhookDeliveries = (options?: RequestOptions) => getJson<WebhookDeliveryPage>('/api/webhooks/deliveries?limit=50', options);

export const getConfig = (options?: RequestOptions) => getJson<ClientConfig>('/api/config', options);
export const getStores = (options?: RequestOptions) => getJson<StoreCollection>('/api/stores', options);
export const getBoundaries = (options?: RequestOptions) => getJson<BoundaryCollection>('/api/boundaries', options);
export const getBasemap = (options?: RequestOptions) => getJson<BasemapCollection>('/api/basemap', options);
export const getCustomer = (id: string, options?: RequestOptions) =>
  getJson<CustomerFeature>(`/api/customers/${encodeURIComponent(id)}`, options);

/** Who lives in a saved area or an unsaved geometry, narrowed by an optional segment. */
export const postAudience = (body: AudienceRequest, options?: RequestOptions) =>
  request<Audience>('POST', '/api/audience', body, options);
/** The values customers actually have (job titles, industries, interests, home stores), most common first. */
/** Saved areas side by side and what each pair shares (POST /api/areas/compare). */
export const compareAreas = (body: AreaCompareRequest, options?: RequestOptions) => request<AreaComparison>('POST', '/api/areas/compare', body, options);
/** Populous hexagons with few customers and no store within `minStoreKm` (GET /api/white-space). */
export function getWhiteSpace(query: { minStoreKm: number; limit?: number }, options?: RequestOptions) {
  const params = new URLSearchParams({ minStoreKm: String(query.minStoreKm), limit: String(query.limit ?? 15) });
  return getJson<WhiteSpaceAnswer>(`/api/white-space?${params}`, options);
}
export const getAudienceFacets = (options?: RequestOptions) => getJson<AudienceFacets>('/api/audience/facets', options);
/** The CSV download of a saved area's consented audience, with the segment applied. */
export function audienceExportUrl(areaId: string, segment?: Segment): string {
  const params = new URLSearchParams({ areaId });
  if (segment && Object.keys(segment).length > 0) params.set('segment', JSON.stringify(segment));
  return `/api/audience/export?${params.toString()}`;
}

// Events: the calendar of festivals, markets and own promo events, and each one's reach.
const eventPath = (id: string) => `/api/events/${encodeURIComponent(id)}`;
/** Events overlapping [from, to], sorted by start; unplaced ones have a null geometry. */
export function getEvents(query: EventQuery, options?: RequestOptions) {
  const params = new URLSearchParams({ from: query.from, to: query.to });
  if (query.category) params.set('category', query.category);
  return getJson<EventCollection>(`/api/events?${params.toString()}`, options);
}
export const getEvent = (id: string, options?: RequestOptions) => getJson<EventFeature>(eventPath(id), options);
export const createEvent = (body: NewEvent) => request<EventFeature>('POST', '/api/events', body);
/** Answers 409 when someone else changed the event since `version`. */
export const updateEvent = (id: string, change: EventChange) => request<EventFeature>('PATCH', eventPath(id), change);
export const deleteEvent = (id: string) => request<void>('DELETE', eventPath(id));
/** Imports a calendar file (.ics text); a file with errors answers 422 naming its lines (field body.line.N) and imports nothing. */
export const importEvents = (text: string) => requestText<EventImportResult>('POST', '/api/events/import', 'text/calendar', text);
/** Imports a calendar feed the server fetches (http, https or webcal); fetch problems name body.url, calendar errors its lines. */
export const importEventFeed = (url: string, subscribe: boolean) => request<EventImportResult>('POST', '/api/events/import', { url, subscribe });
/** The calendar feeds kept in sync (for roles that may import). */
export const getEventFeeds = (options?: RequestOptions) => getJson<{ feeds: EventFeed[] }>('/api/events/feeds', options);
/** Fetches a kept feed now; a failure answers problem+json with the feed (its lastError) as `feed`. */
export const syncEventFeed = (id: string) => request<EventFeedSync>('POST', `/api/events/feeds/${encodeURIComponent(id)}/sync`);
/** Stops keeping a feed in sync; its events stay. */
export const stopEventFeed = (id: string) => request<void>('DELETE', `/api/events/feeds/${encodeURIComponent(id)}`);
/** Customers within `withinMeters` of the event, the saved areas it overlaps and the nearest stores. */
export function getEventReach(id: string, withinMeters: number, segment: Segment, options?: RequestOptions) {
  const params = new URLSearchParams({ withinMeters: String(withinMeters) });
  if (Object.keys(segment).length > 0) params.set('segment', JSON.stringify(segment));
  return getJson<EventReach>(`${eventPath(id)}/reach?${params}`, options);
}

/** Customers around 2 to 5 candidate places, side by side, and which one reaches most consented customers. */
export const compareSites = (body: EventSitesRequest, options?: RequestOptions) =>
  request<EventSites>('POST', '/api/events/sites', body, options);

// Campaigns: offers per area that switch on with the weather, an event or the hour.
const campaignPath = (id: string) => `/api/campaigns/${encodeURIComponent(id)}`;
/** Campaigns the caller may see; `eventId` keeps those an event (or its category) triggers. */
export function listCampaigns(query: { status?: CampaignStatus[]; eventId?: string } = {}, options?: RequestOptions) {
  const params = new URLSearchParams();
  if (query.status?.length) params.set('status', query.status.join(','));
  if (query.eventId) params.set('eventId', query.eventId);
  const search = params.toString();
  return getJson<CampaignList>(`/api/campaigns${search ? `?${search}` : ''}`, options);
}
export const getCampaign = (id: string, options?: RequestOptions) => getJson<CampaignRecord>(campaignPath(id), options);
/** Answers 422 naming each bad field (`body.offer.code`, `body.triggers.0.threshold`). */
export const createCampaign = (body: CampaignCreate) => request<CampaignRecord>('POST', '/api/campaigns', body);
/** Answers 409 (with currentVersion) when someone else changed it since `version`, or for a status change not allowed. */
export const updateCampaign = (id: string, change: CampaignPatch) => request<CampaignRecord>('PATCH', campaignPath(id), change);
/** Answers 409 once the campaign has run: end it instead. */
export const deleteCampaign = (id: string) => request<void>('DELETE', campaignPath(id));
/** When the offer was live in each area, and why. */
export const getCampaignActivations = (id: string, options?: RequestOptions) => getJson<ActivationList>(`${campaignPath(id)}/activations`, options);
/** The campaign × area pairs live now (badges, map highlight). */
export const getLiveCampaigns = (options?: RequestOptions) => getJson<LiveCampaigns>('/api/campaigns/live', options);

/** Absolute URLs, because MapLibre's workers resolve tile and data URLs without the page's base. */
export const apiUrls = {
  customerTiles: (origin: string) => `${origin}/api/tiles/customers/{z}/{x}/{y}.pbf`,
  basemap: (origin: string) => `${origin}/api/basemap`,
  glyphs: (origin: string) => `${origin}/glyphs/{fontstack}/{range}.pbf`,
};

/** Which campaigns would fire under hypothetical weather; nothing is recorded. */
export const previewWhatIf = (body: WhatIfRequest, options?: RequestOptions) => request<WhatIfAnswer>('POST', '/api/triggers/what-if', body, options);

/** A campaign's audience, activations, redemptions, conversion, holdout and lift. */
export const getCampaignResults = (id: string, options?: RequestOptions) => getJson<CampaignResults>(`/api/campaigns/${encodeURIComponent(id)}/results`, options);
