// The API's shapes on the client, inferred from the server's schemas (server/domain/schemas): answers as the schema
// outputs them, bodies as the schema takes them. Nothing here is written twice; rename a field there and the client
// stops compiling.
import type { z } from 'zod';
import type {
  areaCollection,
  areaCombine,
  areaCreate,
  areaFeature,
  areaPatch,
  areaRings,
} from '../../server/domain/schemas/area';
import type { auditEntry, auditPage, auditQuery } from '../../server/domain/schemas/audit';
import type { boundaryCollection } from '../../server/domain/schemas/boundary';
import type { customerFeature } from '../../server/domain/schemas/customer';
import type {
  eventCollection,
  eventCreate,
  eventFeedList,
  eventFeedSync,
  eventImportResult,
  eventListQuery,
  eventPatch,
  eventReach,
  eventSites,
  eventSitesRequest,
} from '../../server/domain/schemas/event';
import type { privacySettings, privacySettingsPatch } from '../../server/domain/schemas/settings';
import type { storeCollection } from '../../server/domain/schemas/store';
import type { huffWhatIfBody } from '../../server/domain/schemas/huff';
import type { tokenCreated, tokenList } from '../../server/domain/schemas/token';
import type { userCreate, userPatch } from '../../server/domain/schemas/user';
import type { deliveryPage } from '../../server/domain/schemas/webhook';
import type { basemapSchema } from '../../server/domain/schemas/workspace';

export type { Bbox } from '../../server/domain/bbox';
export type { TokenScope } from '../../server/domain/permissions';
export type { AreaGeometry } from '../../server/domain/schemas/geojson';
export type { Segment } from '../../server/domain/schemas/segment';

// The map: workspace, stores, boundaries, customers, the offline basemap.
export type { BasemapKind, ClientConfig } from '../../server/domain/schemas/workspace';
export type { CustomerProperties, Gender, LoyaltyTier } from '../../server/domain/schemas/customer';
export type BasemapCollection = z.infer<typeof basemapSchema>;
export type StoreCollection = z.infer<typeof storeCollection>;
export type StoreFeature = StoreCollection['features'][number];
export type BoundaryCollection = z.infer<typeof boundaryCollection>;
export type BoundaryFeature = BoundaryCollection['features'][number];
export type CustomerFeature = z.infer<typeof customerFeature>;

// Areas, audiences, comparisons, white space, weather and what-if.
export type AreaFeature = z.infer<typeof areaFeature>;
export type AreaCollection = z.infer<typeof areaCollection>;
export type AreaCreate = z.input<typeof areaCreate>;
export type AreaPatch = z.input<typeof areaPatch>;
export type CombineOp = z.infer<typeof areaCombine>['op'];
export type RingsRequest = z.input<typeof areaRings>;
export type {
  Audience,
  AudienceBreakdown,
  AudienceFacets,
  AudienceRequest,
  FacetBucket,
} from '../../server/domain/schemas/audience';
export type {
  AreaComparison,
  AreaCompareRequest,
  AreaOverlap,
  ComparedArea,
} from '../../server/domain/schemas/area-compare';
export type {
  CampaignMeasures,
  CohortRow,
  GroupMeasures,
  Lift,
  MeasuredGroup,
  Trends,
  WeekPoint,
} from '../../server/domain/schemas/campaign-measures';
export type { WhiteSpaceAnswer } from '../../server/domain/schemas/white-space';
export type { HuffModel, HuffSurface, HuffWhatIf } from '../../server/domain/schemas/huff';
export type HuffWhatIfRequest = z.input<typeof huffWhatIfBody>;
export type { ChoroplethAnswer, ChoroplethQuery } from '../../server/domain/schemas/choropleth';
export type { AreaWeatherList } from '../../server/domain/schemas/weather';
export type { WhatIfAnswer, WhatIfRequest } from '../../server/domain/schemas/what-if';

// Accounts and workspace administration: users, API tokens, the audit log, privacy settings, webhooks.
export type { Me, Role, User, UserList } from '../../server/domain/schemas/user';
export type NewUser = z.input<typeof userCreate>;
export type UserChange = z.input<typeof userPatch>;
export type TokenList = z.infer<typeof tokenList>;
export type CreatedToken = z.infer<typeof tokenCreated>;
export type AuditEntry = z.infer<typeof auditEntry>;
export type AuditPage = z.infer<typeof auditPage>;
export type AuditQuery = Partial<z.infer<typeof auditQuery>>;
export type WorkspaceSettings = z.infer<typeof privacySettings>;
export type WorkspaceSettingsChange = z.input<typeof privacySettingsPatch>;
export type {
  DeliveryStatus,
  WebhookDelivery,
  WebhookSettings,
} from '../../server/domain/schemas/webhook';
export type WebhookDeliveryPage = z.infer<typeof deliveryPage>;

// Events: the calendar, imports and feeds, an event's reach and candidate sites.
export type {
  EventFeature,
  EventFeed,
  EventProperties,
  EventSource,
  EventStatus,
  ImportTruncation,
} from '../../server/domain/schemas/event';
export type EventCollection = z.infer<typeof eventCollection>;
export type EventQuery = z.input<typeof eventListQuery>;
export type NewEvent = z.input<typeof eventCreate>;
export type EventChange = z.input<typeof eventPatch>;
export type EventImportResult = z.infer<typeof eventImportResult>;
export type EventFeedList = z.infer<typeof eventFeedList>;
export type EventFeedSync = z.infer<typeof eventFeedSync>;
export type EventReach = z.infer<typeof eventReach>;
export type EventSitesRequest = z.input<typeof eventSitesRequest>;
export type EventSites = z.infer<typeof eventSites>;

// Campaigns: the stored shape, activations, what is live now, results.
export type {
  Campaign,
  CampaignCreate,
  CampaignList,
  CampaignPatch,
  CampaignRecord,
  CampaignStatus,
  Channel,
  Trigger,
  TriggerMode,
  WeatherCondition,
} from '../../server/domain/schemas/campaign';
export type { Reason, TriggerResult } from '../../server/domain/schemas/reason';
export type { CampaignResults } from '../../server/domain/schemas/campaign-results';
export type {
  Activation,
  ActivationList,
  LiveCampaigns,
} from '../../server/domain/schemas/activation';
