// A local event (festival, market, match…) or one of the business's own promo events: the stored record, the API's
// GeoJSON feature, and the bodies and queries of /api/events.
import { z } from 'zod';
import { audienceBreakdown } from './audience.js';
import { areaGeometry, latitude, longitude, pointGeometry, position } from './geojson.js';
import {
  MAX_CUTS_LISTED,
  MAX_OCCURRENCES_PER_SERIES,
  RECURRENCE_FUTURE_DAYS,
  RECURRENCE_PAST_DAYS,
  truncationReasons,
} from '../calendar-limits.js';
import { queryInt } from './query.js';
import { segment, SEGMENT_QUERY_MAX } from './segment.js';
import { text } from './text.js';

export const eventSources = ['manual', 'ics', 'demo'] as const;
export const eventStatuses = ['planned', 'confirmed', 'done'] as const;
export type EventStatus = (typeof eventStatuses)[number];
export type EventSource = (typeof eventSources)[number];

/** An event as the demo generator makes it (always placed). */
export interface LocalEvent {
  id: string;
  name: string;
  category: string;
  location: [number, number];
  startsAt: string;
  endsAt: string;
  timezone: string;
  expectedAttendance: number | null;
  source: EventSource;
  status: EventStatus | null;
}

/** Whether `zone` is an IANA time zone this runtime knows. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}

export const eventProperties = z
  .object({
    id: z.string(),
    name: z.string(),
    category: z.string(),
    startsAt: z.string().meta({ description: 'UTC, ISO 8601' }),
    endsAt: z.string().meta({
      description:
        'UTC, ISO 8601 (exclusive end; all-day events end at midnight after their last day)',
    }),
    timezone: z.string().meta({ description: 'IANA time zone the event is held in' }),
    allDay: z.boolean(),
    expectedAttendance: z.number().int().nullable(),
    source: z.enum(eventSources),
    icsUid: z.string().nullable(),
    status: z.enum(eventStatuses).nullable(),
    budget: z.number().nullable(),
    notes: z.string(),
    locationText: z.string(),
    needsPlace: z
      .boolean()
      .meta({ description: 'true when the event has no map position yet (geometry null)' }),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'EventProperties' });

export const eventFeature = z
  .object({
    type: z.literal('Feature'),
    id: z.string(),
    geometry: pointGeometry.nullable(),
    properties: eventProperties,
  })
  .meta({ id: 'EventFeature' });
export const eventCollection = z
  .object({ type: z.literal('FeatureCollection'), features: z.array(eventFeature) })
  .meta({ id: 'EventCollection' });

const instant = z.iso
  .datetime({ offset: true })
  .meta({ description: 'ISO 8601 date-time with Z or an offset' });
const timezone = z
  .string()
  .min(1)
  .max(64)
  .refine(isTimeZone, { message: 'not an IANA time zone (e.g. Europe/Berlin)' });

const eventFields = {
  name: text({ min: 1, max: 200 }),
  category: text({ min: 1, max: 60 }),
  location: z.object({ type: z.literal('Point'), coordinates: position }).nullable(),
  startsAt: instant,
  endsAt: instant,
  timezone,
  allDay: z.boolean(),
  expectedAttendance: z.number().int().min(0).max(10_000_000).nullable(),
  status: z.enum(eventStatuses).nullable(),
  budget: z.number().min(0).max(1e12).nullable(),
  notes: text({ max: 10_000, multiline: true, trim: false }),
  locationText: text({ max: 500 }),
};

const endsAfterStart = (value: { startsAt?: string; endsAt?: string }) =>
  value.startsAt === undefined ||
  value.endsAt === undefined ||
  Date.parse(value.endsAt) >= Date.parse(value.startsAt);
const endsAfterStartIssue = { message: 'must not be before startsAt', path: ['endsAt'] };

/** Body of POST /api/events. */
export const eventCreate = z
  .strictObject({
    name: eventFields.name,
    category: eventFields.category,
    location: eventFields.location.optional(),
    startsAt: eventFields.startsAt,
    endsAt: eventFields.endsAt,
    timezone: eventFields.timezone,
    allDay: eventFields.allDay.default(false),
    expectedAttendance: eventFields.expectedAttendance.optional(),
    status: eventFields.status.optional(),
    budget: eventFields.budget.optional(),
    notes: eventFields.notes.default(''),
    locationText: eventFields.locationText.default(''),
  })
  .refine(endsAfterStart, endsAfterStartIssue)
  .meta({ id: 'EventCreate' });

/** Body of PATCH /api/events/:id: any field, plus the version last read. Setting location places an unplaced event. */
export const eventPatch = z
  .strictObject({
    version: z.number().int().min(1).optional(),
    name: eventFields.name.optional(),
    category: eventFields.category.optional(),
    location: eventFields.location.optional(),
    startsAt: eventFields.startsAt.optional(),
    endsAt: eventFields.endsAt.optional(),
    timezone: eventFields.timezone.optional(),
    allDay: eventFields.allDay.optional(),
    expectedAttendance: eventFields.expectedAttendance.optional(),
    status: eventFields.status.optional(),
    budget: eventFields.budget.optional(),
    notes: eventFields.notes.optional(),
    locationText: eventFields.locationText.optional(),
  })
  .refine(endsAfterStart, endsAfterStartIssue)
  .meta({ id: 'EventPatch' });

export const eventListQuery = z.object({
  from: instant.optional().meta({
    param: { name: 'from', in: 'query' },
    description: 'Events ending at or after this instant',
  }),
  to: instant.optional().meta({
    param: { name: 'to', in: 'query' },
    description: 'Events starting at or before this instant',
  }),
  category: z
    .string()
    .min(1)
    .max(60)
    .optional()
    .meta({ param: { name: 'category', in: 'query' } }),
});

export const eventImportQuery = z.object({
  from: instant.optional().meta({
    param: { name: 'from', in: 'query' },
    description: `Start of the window recurring events are expanded in (default: 30 days ago; never before ${RECURRENCE_PAST_DAYS} days ago)`,
  }),
  to: instant.optional().meta({
    param: { name: 'to', in: 'query' },
    description: `End of the expansion window (default: 365 days ahead; never after ${RECURRENCE_FUTURE_DAYS} days ahead)`,
  }),
});

/** A calendar file as POST /api/events/import takes it (text/calendar). */
export const calendarText = z.string();
export const eventFeedImport = z
  .object({
    url: text({ min: 1, max: 2000 }).meta({
      description:
        'The feed: http(s):// or webcal:// (read as https). Addresses in private networks are refused unless the server allows them.',
      example: 'webcal://calendar.example.org/city-events.ics',
    }),
    subscribe: z.boolean().optional().meta({
      description:
        'Keep the feed in sync: the server fetches it again every 6 hours, updates its events and removes the upcoming ones it no longer lists',
    }),
  })
  .meta({ id: 'EventFeedImport' });

export const importTruncation = z
  .object({
    count: z.number().int().meta({ description: 'Recurring events not imported in full' }),
    series: z
      .array(
        z.object({
          uid: z.string(),
          name: z.string(),
          reason: z.enum(truncationReasons).meta({
            description: `horizon: occurrences in the window lie outside the recurrence horizon; series-cap: more than ${MAX_OCCURRENCES_PER_SERIES.toLocaleString('en')} occurrences in the window, or the rule takes too many steps to reach them`,
          }),
          kept: z.number().int().meta({ description: 'Occurrences imported' }),
        }),
      )
      .meta({ description: `The first ${MAX_CUTS_LISTED} of them, in file order` }),
  })
  .meta({
    id: 'EventImportTruncation',
    description: 'What the import cut: nothing when count is 0',
  });
export type ImportTruncation = z.infer<typeof importTruncation>;

export const eventImportResult = z
  .object({
    source: z
      .object({
        url: z.string().meta({ description: 'The feed URL as sent' }),
        feedId: z
          .string()
          .optional()
          .meta({ description: 'The kept feed, when the URL is kept in sync' }),
      })
      .optional()
      .meta({ description: 'Where the calendar came from, for an import from a feed URL' }),
    inserted: z.number().int(),
    updated: z.number().int(),
    removed: z.number().int().meta({
      description:
        'Events imported before that the calendar now marks cancelled, and upcoming events of a kept feed that it no longer lists',
    }),
    needsPlace: z
      .number()
      .int()
      .meta({ description: 'Imported events without GEO: they need a place on the map' }),
    events: z.array(z.string()).meta({ description: 'Ids of every imported event, in file order' }),
    horizon: z.object({ from: z.string(), to: z.string() }).meta({
      description: `Recurring events were expanded only between these instants (${RECURRENCE_PAST_DAYS} days before the import to ${RECURRENCE_FUTURE_DAYS} days after it), where they overlap the window`,
    }),
    truncated: importTruncation,
  })
  .meta({ id: 'EventImportResult' });

const feedSummary = z.object({
  inserted: z.number().int(),
  updated: z.number().int(),
  removed: z.number().int(),
  needsPlace: z.number().int(),
});

export const eventFeed = z
  .object({
    id: z.string(),
    label: z.string().meta({
      description:
        'Scheme, host and path; the query, which often holds a secret token, is shown as ?…',
      example: 'https://calendar.example.org/city-events.ics?…',
    }),
    createdAt: z.string(),
    lastAttemptAt: z.string().nullable(),
    lastSyncedAt: z.string().nullable().meta({ description: 'The last successful sync' }),
    lastError: z.string().nullable().meta({
      description:
        'Why the last attempt failed; null when it worked. The events stay as they were.',
    }),
    lastSummary: feedSummary
      .nullable()
      .meta({ description: 'What the last successful sync changed' }),
    eventCount: z.number().int().meta({ description: 'Events from this feed now' }),
    nextSyncAt: z
      .string()
      .meta({ description: 'When the server fetches it again (6 hours after the last attempt)' }),
  })
  .meta({ id: 'EventFeed' });

export const eventFeedList = z.object({ feeds: z.array(eventFeed) }).meta({ id: 'EventFeedList' });

export const eventFeedSync = z
  .object({ feed: eventFeed, summary: feedSummary, truncated: importTruncation })
  .meta({ id: 'EventFeedSync' });

export const eventReachQuery = z.object({
  withinMeters: queryInt(z.number().int().min(50).max(5000))
    .default(800)
    .meta({ param: { name: 'withinMeters', in: 'query' } }),
  walkMinutes: queryInt(z.number().int().min(5).max(30))
    .optional()
    .meta({
      param: { name: 'walkMinutes', in: 'query' },
      description:
        'Count within this many minutes on foot (the travel-time area, CATCHMENT_ROUTING) instead of withinMeters',
    }),
  segment: z
    .string()
    .max(SEGMENT_QUERY_MAX)
    .optional()
    .meta({
      param: { name: 'segment', in: 'query' },
      description: `A Segment as URL-encoded JSON: count only these customers (at most ${SEGMENT_QUERY_MAX.toLocaleString('en')} characters)`,
    }),
});

const nullableCount = z.number().int().nullable();
/** A store near a place, with its distance. */
export const nearStore = z.object({
  id: z.string(),
  name: z.string(),
  distanceMeters: z.number().int(),
});
export const eventReach = z
  .object({
    withinMeters: z.number().int(),
    walkMinutes: z.number().int().optional().meta({
      description: 'Present when the reach was counted by walking time instead of metres',
    }),
    geometry: areaGeometry.meta({ description: 'The area counted over: the circle or the walk' }),
    count: nullableCount.meta({
      description: 'Customers within the radius; null when fewer than minGroupSize',
    }),
    consented: nullableCount,
    breakdown: audienceBreakdown,
    minGroupSize: z.number().int().optional(),
    areas: z
      .array(z.object({ id: z.string(), name: z.string() }))
      .meta({ description: 'Saved areas the circle overlaps' }),
    nearestStores: z.array(nearStore).meta({ description: 'The 3 nearest stores' }),
  })
  .meta({ id: 'EventReach' });

export const eventSitesRequest = z
  .strictObject({
    sites: z
      .array(
        z.strictObject({ lng: longitude, lat: latitude, label: text({ max: 200 }).optional() }),
      )
      .min(2)
      .max(5)
      .meta({ description: '2 to 5 candidate places; the same place may appear twice' }),
    withinMeters: z.number().int().min(50).max(5000).default(800),
    segment: segment.optional().meta({ description: 'Count only these customers' }),
  })
  .meta({ id: 'EventSitesRequest' });

export const eventSites = z
  .object({
    withinMeters: z.number().int(),
    sites: z.array(
      z.object({
        index: z.number().int().meta({ description: 'Position in the request, from 0' }),
        label: z.string().nullable().meta({ description: 'The label sent, or null' }),
        location: pointGeometry,
        count: nullableCount,
        consented: nullableCount,
        breakdown: audienceBreakdown,
        nearestStore: nearStore.nullable().meta({ description: 'null when there are no stores' }),
      }),
    ),
    minGroupSize: z.number().int().optional(),
    best: z.number().int().nullable().meta({
      description:
        'Index of the site with most consented customers (ties: more customers, then lower index); null when every count is hidden',
    }),
  })
  .meta({ id: 'EventSites' });

export type EventProperties = z.infer<typeof eventProperties>;
export type EventFeature = z.infer<typeof eventFeature>;
export type EventCreate = z.infer<typeof eventCreate>;
export type EventPatch = z.infer<typeof eventPatch>;
export type EventFeedImport = z.infer<typeof eventFeedImport>;
export type EventFeed = z.infer<typeof eventFeed>;
export type NearStore = z.infer<typeof nearStore>;

/** An event as stored: the properties plus its position, null when unplaced. */
export type EventRecord = Omit<EventProperties, 'needsPlace'> & {
  location: [number, number] | null;
  icsRecurrenceId: string;
};
