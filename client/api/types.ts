// Response types. Resource shapes come from server/domain (the one server folder the client may import).
import type { z } from 'zod';
import type { boundaryCollection } from '../../server/domain/schemas/boundary';
import type { customerFeature } from '../../server/domain/schemas/customer';
import type { storeCollection } from '../../server/domain/schemas/store';
import type { Role, User } from '../../server/domain/schemas/user';
import type { TokenScope } from '../../server/domain/permissions';

export type { CustomerProperties, LoyaltyTier, Gender } from '../../server/domain/schemas/customer';

export type StoreCollection = z.infer<typeof storeCollection>;
export type StoreFeature = StoreCollection['features'][number];
export type BoundaryCollection = z.infer<typeof boundaryCollection>;
export type BoundaryFeature = BoundaryCollection['features'][number];
export type CustomerFeature = z.infer<typeof customerFeature>;

export type Bbox = [minLng: number, minLat: number, maxLng: number, maxLat: number];

import type { BasemapKind } from '../../server/domain/schemas/workspace';
export type { ClientConfig, BasemapKind } from '../../server/domain/schemas/workspace';

/** GET /api/basemap: land, water and parks for the offline style. */
export interface BasemapCollection {
  type: 'FeatureCollection';
  features: { type: 'Feature'; geometry: GeoJSON.Geometry; properties: { kind: BasemapKind; name: string } }[];
}

export type { Audience, AudienceBreakdown, AudienceRequest } from '../../server/domain/schemas/audience';
export type { AreaComparison, AreaCompareRequest, AreaOverlap, ComparedArea } from '../../server/domain/schemas/area-compare';
export type { WhiteSpaceAnswer } from '../../server/domain/schemas/white-space';
export type { Segment } from '../../server/domain/schemas/segment';
export type { AreaGeometry } from '../../server/domain/schemas/geojson';
export type { WhatIfAnswer, WhatIfRequest } from '../../server/domain/schemas/what-if';
export type { CampaignResults } from '../../server/domain/campaigns/results';
/** One value and how many customers have it (null: fewer than minGroupSize, hidden from this user). */
export interface FacetBucket {
  key: string;
  count: number | null;
}
/** GET /api/audience/facets: every value in use, most common first (`stores` keys are store ids). */
export interface AudienceFacets {
  jobTitles: FacetBucket[];
  industries: FacetBucket[];
  interests: FacetBucket[];
  stores: FacetBucket[];
  /** Present when small groups are hidden. */
  minGroupSize?: number;
}
export type { Me, Role, User } from '../../server/domain/schemas/user';

// Workspace administration (users, API tokens, audit log, privacy settings). The server's schemas for these are
// being written alongside; until they exist in server/domain the client states the contract here.
export type { TokenScope } from '../../server/domain/permissions';

/** GET /api/users */
export interface UserList {
  users: User[];
}
/** POST /api/users */
export interface NewUser {
  email: string;
  name?: string;
  password: string;
  role: Role;
  storeIds?: string[];
}
/** PATCH /api/users/:id: `version` is the one the change was made against (a stale one answers 409). */
export interface UserChange {
  version: number;
  name?: string;
  role?: Role;
  storeIds?: string[];
  active?: boolean;
  password?: string;
}

export interface ApiToken {
  id: string;
  name: string;
  /** The first characters of the secret, to recognise it (`ctk_ab12`). */
  prefix: string;
  scopes: TokenScope[];
  createdBy: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}
/** GET /api/tokens */
export interface TokenList {
  tokens: ApiToken[];
}
/** POST /api/tokens answers the secret once; the server keeps only its hash. */
export interface CreatedToken {
  token: ApiToken;
  secret: string;
}

export interface AuditEntry {
  id: number;
  at: string;
  actorId: string | null;
  /** The actor's email or the token's name, as it was then. */
  actor: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  detail: unknown;
}
/** GET /api/audit: newest first; `nextBefore` is the `before` for the next (older) page, null at the end. */
export interface AuditPage {
  entries: AuditEntry[];
  nextBefore: number | null;
}
export interface AuditQuery {
  before?: number;
  limit?: number;
  action?: string;
  targetType?: string;
}

/** GET/PATCH /api/settings/webhook and the delivery log (GET /api/webhooks/deliveries). */
import type { WebhookDelivery } from '../../server/domain/schemas/webhook';
export type { WebhookSettings, WebhookDelivery, DeliveryStatus } from '../../server/domain/schemas/webhook';
export interface WebhookDeliveryPage {
  deliveries: WebhookDelivery[];
  nextCursor: string | null;
}

/** GET/PATCH /api/settings: privacy settings. `retentionMonths` null keeps data until deleted. */
export interface WorkspaceSettings {
  minGroupSize: number;
  retentionMonths: number | null;
}

import type { AudienceBreakdown } from '../../server/domain/schemas/audience';
import type { Segment } from '../../server/domain/schemas/segment';

// Events (issue 5). Defined here from the API contract; the server's schemas land on another branch.
export type EventSource = 'manual' | 'ics' | 'demo';
export type EventStatus = 'planned' | 'confirmed' | 'done';
export interface EventProperties {
  id: string;
  name: string;
  category: string;
  /** UTC ISO 8601. */
  startsAt: string;
  endsAt: string;
  /** IANA zone the event's times are shown in. */
  timezone: string;
  allDay: boolean;
  expectedAttendance: number | null;
  source: EventSource;
  icsUid: string | null;
  status: EventStatus | null;
  budget: number | null;
  notes: string;
  locationText: string;
  /** True when the event has no geometry yet (an ICS event with only a LOCATION text). */
  needsPlace: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}
export interface EventFeature {
  type: 'Feature';
  id: string;
  geometry: GeoJSON.Point | null;
  properties: EventProperties;
}
export interface EventCollection {
  type: 'FeatureCollection';
  features: EventFeature[];
}
export interface EventQuery {
  from: string;
  to: string;
  category?: string;
}
/** POST /api/events. */
export interface NewEvent {
  name: string;
  category: string;
  /** null (or absent): the event needs a place. */
  location?: GeoJSON.Point | null;
  startsAt: string;
  endsAt: string;
  timezone: string;
  allDay?: boolean;
  expectedAttendance?: number | null;
  status?: EventStatus | null;
  budget?: number | null;
  notes?: string;
  locationText?: string;
}
/** PATCH /api/events/:id: the version the edit started from plus any field; `location` places an unplaced event. */
export type EventChange = Partial<NewEvent> & { version: number };
import type { ImportTruncation } from '../../server/domain/schemas/event';
export type { ImportTruncation } from '../../server/domain/schemas/event';
/** POST /api/events/import: what a calendar file added and updated, and how many of its events need a place. */
export interface EventImportResult {
  /** For an import from a feed: the URL as sent, and the kept feed when it is kept in sync. */
  source?: { url: string; feedId?: string };
  inserted: number;
  updated: number;
  /** Events the calendar now marks cancelled, and upcoming events of a kept feed that it no longer lists. */
  removed: number;
  needsPlace: number;
  events: string[];
  /** Recurring events were expanded only between these instants (where they overlap the import's window). */
  horizon: { from: string; to: string };
  /** The recurring events not imported in full: how many, and the first 100 with why and how many were kept. */
  truncated: ImportTruncation;
}
export interface FeedSyncSummary {
  inserted: number;
  updated: number;
  removed: number;
  needsPlace: number;
}
/** GET /api/events/feeds: a calendar feed the server keeps in sync. `label` hides the URL's query (often a token). */
export interface EventFeed {
  id: string;
  label: string;
  createdAt: string;
  lastAttemptAt: string | null;
  lastSyncedAt: string | null;
  /** Why the last attempt failed; null when it worked. */
  lastError: string | null;
  lastSummary: FeedSyncSummary | null;
  eventCount: number;
  nextSyncAt: string;
}
/** POST /api/events/feeds/:id/sync */
export interface EventFeedSync {
  feed: EventFeed;
  summary: FeedSyncSummary;
  truncated: ImportTruncation;
}
/** GET /api/events/:id/reach: the audience within `withinMeters` of the event (counts null below minGroupSize). */
export interface EventReach {
  withinMeters: number;
  count: number | null;
  consented: number | null;
  breakdown: AudienceBreakdown;
  minGroupSize?: number;
  areas: { id: string; name: string }[];
  nearestStores: { id: string; name: string; distanceMeters: number }[];
}
/** POST /api/events/sites: 2 to 5 candidate places compared by the customers around each. */
export interface EventSitesRequest {
  sites: { lng: number; lat: number; label?: string }[];
  withinMeters?: number;
  segment?: Segment;
}
export interface EventSite {
  index: number;
  label: string | null;
  location: { type: 'Point'; coordinates: [number, number] };
  count: number | null;
  consented: number | null;
  breakdown: AudienceBreakdown;
  nearestStore: { id: string; name: string; distanceMeters: number } | null;
}
export interface EventSites {
  withinMeters: number;
  sites: EventSite[];
  minGroupSize?: number;
  /** Index of the site with most consented customers; null when every count is hidden. */
  best: number | null;
}

export type { AreaWeatherList } from '../../server/domain/schemas/weather';

// Campaigns: the stored shape comes from the shared schema; activations and what is live now follow the contract of
// the activation side (issue 6), typed here until their schemas land in server/domain.
export type { Campaign, CampaignCreate, CampaignPatch, Channel, Trigger, TriggerMode, WeatherCondition, CampaignStatus } from '../../server/domain/schemas/campaign';
import type { Campaign } from '../../server/domain/schemas/campaign';
/** A campaign as GET /api/campaigns answers: plus who created it. */
export type CampaignRecord = Campaign & { owner: string | null };
export interface CampaignList {
  campaigns: CampaignRecord[];
}
/** Why an offer is (or was) live: the campaign's window or one trigger's observed value against its threshold. */
export interface Reason {
  type: string;
  holds?: boolean;
  code?: string;
  observed?: number | string | null;
  threshold?: number | string | null;
  unit?: string | null;
  detail?: string;
  condition?: string;
  eventName?: string;
}
/** GET /api/campaigns/:id/activations: the intervals the offer was live, per area. */
export interface Activation {
  id: string | number;
  areaId: string;
  startedAt: string;
  endedAt: string | null;
  reasons: Reason[];
  /** Why it stopped, once it did. */
  endReasons?: Reason[] | null;
}
export interface ActivationList {
  activations: Activation[];
}
/** GET /api/campaigns/live: the campaign × area pairs live now. */
export interface LiveCampaigns {
  live: { campaignId: string; areaId: string; since?: string }[];
}
