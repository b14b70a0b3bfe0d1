// /api/events: local and promo events — list by time window, read, create, edit (versioned), delete, import a
// calendar file (.ics), the reach of an event (who lives within walking distance) and the comparison of candidate
// sites for one.
import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppDeps } from '../deps.js';
import { createRouter, problemContent } from '../http/router.js';
import { json } from '../http/route-helpers.js';
import { principalOf, type AuthEnv } from '../http/auth.js';
import { ProblemError } from '../http/problem.js';
import { segmentFromQuery } from '../http/segment-query.js';
import {
  calendarText,
  eventCollection as eventCollectionSchema,
  eventCreate,
  eventFeature,
  eventFeedImport,
  type EventFeedImport,
  eventImportQuery,
  eventImportResult,
  eventListQuery,
  eventPatch,
  eventReach,
  eventReachQuery,
  eventSites,
  eventSitesRequest,
} from '../domain/schemas/event.js';
import { idParam } from '../domain/schemas/params.js';
import {
  createEvent,
  eventCollection,
  eventToFeature,
  getEvent,
  importEvents,
  patchEvent,
  removeEvent,
  searchEvents,
} from '../services/events/events.js';
import { parseIcs, type IcsResult } from '../services/events/ics.js';
import {
  MAX_COMPONENT_DEPTH,
  MAX_IMPORT_EVENTS,
  MAX_OCCURRENCES_PER_SERIES,
  RECURRENCE_FUTURE_DAYS,
  RECURRENCE_PAST_DAYS,
} from '../domain/calendar-limits.js';
import { defaultImportWindow, importFeedCalendar } from '../services/events/feeds.js';
import { compareSites, reachOfEvent } from '../services/events/reach.js';

type ParsedCalendar = Extract<IcsResult, { ok: true }>;
/** What an import says about its expansion besides the counts: the horizon it used and what it cut. */
const expansionOf = ({ horizon, truncated }: ParsedCalendar) => ({
  horizon: { from: horizon.from.toISOString(), to: horizon.to.toISOString() },
  truncated,
});

const tags = ['Events'];
const invalid = {
  422: { description: 'Invalid fields (each one named)', content: problemContent },
};
const unknown = { 404: { description: 'Unknown event', content: problemContent } };

const list = createRoute({
  method: 'get',
  path: '/api/events',
  tags,
  summary: 'Events overlapping a time window, by start (unplaced events have geometry null)',
  request: { query: eventListQuery },
  responses: {
    200: { description: 'A FeatureCollection of events', content: json(eventCollectionSchema) },
    400: { description: 'Bad query', content: problemContent },
  },
});
const read = createRoute({
  method: 'get',
  path: '/api/events/{id}',
  tags,
  summary: 'One event',
  request: { params: idParam },
  responses: { 200: { description: 'The event', content: json(eventFeature) }, ...unknown },
});
const create = createRoute({
  method: 'post',
  path: '/api/events',
  tags,
  summary: 'Add an event (without location it needs a place on the map later)',
  request: { body: { required: true, content: json(eventCreate) } },
  responses: { 201: { description: 'The new event', content: json(eventFeature) }, ...invalid },
});
const patch = createRoute({
  method: 'patch',
  path: '/api/events/{id}',
  tags,
  summary:
    'Change any field; send the version you last read. Setting location places an unplaced event.',
  request: { params: idParam, body: { required: true, content: json(eventPatch) } },
  responses: {
    200: { description: 'The updated event', content: json(eventFeature) },
    ...unknown,
    409: {
      description: 'Missing or stale version; `currentVersion` says the current one',
      content: problemContent,
    },
    ...invalid,
  },
});
const remove = createRoute({
  method: 'delete',
  path: '/api/events/{id}',
  tags,
  summary: 'Delete an event',
  request: { params: idParam },
  responses: { 204: { description: 'Deleted' }, ...unknown },
});
const importRoute = createRoute({
  method: 'post',
  path: '/api/events/import',
  tags,
  summary:
    'Import a calendar file (text/calendar) or a feed by its URL (JSON): re-importing updates events by UID and occurrence, never duplicates',
  description:
    `Recurring events are expanded inside the window and the recurrence horizon — ${RECURRENCE_PAST_DAYS} days before the import to ${RECURRENCE_FUTURE_DAYS} days after it — ` +
    `at most ${MAX_OCCURRENCES_PER_SERIES.toLocaleString('en')} occurrences each; \`truncated\` lists the recurring events cut short and why. ` +
    `A calendar with more than ${MAX_IMPORT_EVENTS.toLocaleString('en')} events in the window (each occurrence counts), or whose recurrence rules take too long to expand, is refused naming body. ` +
    `Components nest at most ${MAX_COMPONENT_DEPTH} deep and a VCALENDAR never inside another. A file with any error writes nothing; the errors name its lines as body.line.N. ` +
    'A feed is fetched by the server (http, https or webcal; at most 3 redirects, 5 s to answer, 15 s and 1 MiB for the whole calendar) and then imported like a file; ' +
    'addresses in loopback, private, link-local and other special networks are refused unless the server allows private feeds. Fetch problems name body.url.',
  // Not `required`: the JSON validator would then also run on calendar bodies. One of the two is always needed.
  request: {
    query: eventImportQuery,
    body: { content: { 'text/calendar': { schema: calendarText }, ...json(eventFeedImport) } },
  },
  responses: {
    200: { description: 'What was imported', content: json(eventImportResult) },
    400: { description: 'Bad window', content: problemContent },
    ...invalid,
    502: {
      description: 'The feed could not be fetched or answered with an error',
      content: problemContent,
    },
    504: { description: 'The feed did not answer in time', content: problemContent },
  },
});
const reach = createRoute({
  method: 'get',
  path: '/api/events/{id}/reach',
  tags,
  summary:
    'Customers within a radius of the event (optionally of a segment), the saved areas that radius overlaps and the 3 nearest stores',
  description:
    "Counts follow the audience rules: store managers count their stores' customers, aggregate-only roles see small groups as null.",
  request: { params: idParam, query: eventReachQuery },
  responses: {
    200: { description: 'The reach', content: json(eventReach) },
    400: { description: 'Bad radius or segment', content: problemContent },
    ...unknown,
    ...invalid,
  },
});

const sites = createRoute({
  method: 'post',
  path: '/api/events/sites',
  tags,
  summary:
    'Compare 2 to 5 candidate places for an event: customers (optionally of a segment) within a radius of each, and the best one',
  description:
    "Each site is counted like an event's reach: store managers count their stores' customers, aggregate-only roles see small groups as null.",
  request: { body: { required: true, content: json(eventSitesRequest) } },
  responses: {
    200: { description: 'Every site, in request order, and the best', content: json(eventSites) },
    ...invalid,
  },
});

export function eventRoutes(deps: AppDeps) {
  const { db, clock } = deps;
  const writer = (c: Context<AuthEnv>) => ({ principal: principalOf(c), at: clock() });
  /** The feed's text, or a problem naming body.url. Only the host reaches the log: feed queries carry secret tokens. */
  const fetchFeedText = async (url: string): Promise<string> => {
    const started = performance.now();
    const fetched = await deps.fetchFeed(url);
    const ms = Math.round(performance.now() - started);
    if (fetched.ok) {
      deps.logger.info('fetched a calendar feed', {
        host: fetched.host,
        characters: fetched.text.length,
        ms,
      });
      return fetched.text;
    }
    deps.logger.info('calendar feed refused', { status: fetched.status, ms });
    throw new ProblemError(fetched.status, `The feed could not be imported: ${fetched.reason}`, [
      { field: 'body.url', code: 'feed_failed', message: fetched.reason },
    ]);
  };
  return createRouter()
    .openapi(list, (c) => {
      const query = c.req.valid('query');
      return c.json(eventCollection(searchEvents(db, query)), 200);
    })
    .openapi(create, (c) => {
      const feature = eventToFeature(createEvent(db, c.req.valid('json'), writer(c)));
      c.header('Location', `/api/events/${encodeURIComponent(feature.id)}`);
      return c.json(feature, 201);
    })
    .openapi(importRoute, async (c) => {
      const query = c.req.valid('query');
      const defaults = defaultImportWindow(clock());
      const from = query.from ? new Date(query.from) : defaults.from;
      const to = query.to ? new Date(query.to) : defaults.to;
      if (to < from)
        throw new ProblemError(400, 'The import window ends before it starts', [
          { field: 'query.to', code: 'ends_before_start', message: 'must not be before from' },
        ]);
      const isJson = /^application\/json\b/i.test(c.req.header('Content-Type') ?? '');
      if (!isJson) {
        const text = await c.req.text();
        const by = writer(c);
        const parsed = parseIcs(text, { from, to }, by.at);
        if (!parsed.ok)
          throw new ProblemError(
            422,
            parsed.detail ?? 'The calendar file has errors; nothing was imported',
            parsed.errors,
          );
        return c.json({ ...importEvents(db, parsed, by), ...expansionOf(parsed) }, 200);
      }
      const { url, subscribe = false } = c.req.valid('json') as EventFeedImport;
      const text = await fetchFeedText(url);
      const by = writer(c);
      const parsed = parseIcs(text, { from, to }, by.at);
      if (!parsed.ok)
        throw new ProblemError(
          422,
          parsed.detail ?? "The feed's calendar has errors; nothing was imported",
          parsed.errors,
        );
      // A kept feed's events missing from its calendar are removed only where it was expanded: not past the horizon.
      const scope = { from, to: new Date(Math.min(to.getTime(), parsed.horizon.to.getTime())) };
      const { feedId, ...summary } = importFeedCalendar(db, url, parsed, by, scope, subscribe);
      return c.json(
        { source: { url, ...(feedId ? { feedId } : {}) }, ...summary, ...expansionOf(parsed) },
        200,
      );
    })
    .openapi(read, (c) => c.json(eventToFeature(getEvent(db, c.req.valid('param').id)), 200))
    .openapi(patch, (c) =>
      c.json(
        eventToFeature(patchEvent(db, c.req.valid('param').id, c.req.valid('json'), writer(c))),
        200,
      ),
    )
    .openapi(remove, (c) => {
      removeEvent(db, c.req.valid('param').id, writer(c));
      return c.body(null, 204);
    })
    .openapi(reach, async (c) => {
      const { withinMeters, walkMinutes, segment } = c.req.valid('query');
      return c.json(
        await reachOfEvent(deps, principalOf(c), c.req.valid('param').id, {
          withinMeters,
          walkMinutes,
          segment: segmentFromQuery(segment),
        }),
        200,
      );
    })
    .openapi(sites, async (c) =>
      c.json(await compareSites(deps, principalOf(c), c.req.valid('json')), 200),
    );
}
