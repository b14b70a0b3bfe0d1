// /api/events/feeds: the calendar feeds kept in sync — list them, sync one now, stop keeping one (its events stay).
// Mounted before /api/events/{id}, which would otherwise take "feeds" for an event id.
import { createRoute } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.js';
import { createRouter, problemContent } from '../http/router.js';
import { json } from '../http/route-helpers.js';
import { principalOf } from '../http/auth.js';
import { ProblemError } from '../http/problem.js';
import { eventFeedList, eventFeedSync, type EventFeed } from '../domain/schemas/event.js';
import { idParam } from '../domain/schemas/params.js';
import {
  deleteEventFeed,
  findEventFeed,
  listEventFeeds,
  type EventFeedRecord,
} from '../db/repos/event-feeds.js';
import { recordAudit } from '../db/repos/audit.js';
import { auditActor } from '../services/accounts/audit-actor.js';
import { feedLabel, nextSyncAt, summaryOf } from '../services/events/feeds.js';

const tags = ['Events'];
const unknown = { 404: { description: 'Unknown feed', content: problemContent } };

const list = createRoute({
  method: 'get',
  path: '/api/events/feeds',
  tags,
  summary: 'Calendar feeds kept in sync, with their last sync and when the next one is due',
  responses: { 200: { description: 'The kept feeds, oldest first', content: json(eventFeedList) } },
});
const sync = createRoute({
  method: 'post',
  path: '/api/events/feeds/{id}/sync',
  tags,
  summary:
    'Fetch a kept feed now: its events are updated and the upcoming ones it no longer lists removed',
  description:
    'A failure is recorded on the feed (lastError) and changes no event; the answer names the reason.',
  request: { params: idParam },
  responses: {
    200: { description: 'What the sync changed', content: json(eventFeedSync) },
    ...unknown,
    422: {
      description: "The feed's calendar has errors (by line) or its address is refused",
      content: problemContent,
    },
    502: {
      description: 'The feed could not be fetched or answered with an error',
      content: problemContent,
    },
    504: { description: 'The feed did not answer in time', content: problemContent },
  },
});
const remove = createRoute({
  method: 'delete',
  path: '/api/events/feeds/{id}',
  tags,
  summary: 'Stop keeping a feed in sync; its events stay, as if imported once',
  request: { params: idParam },
  responses: { 204: { description: 'No longer kept' }, ...unknown },
});

function feedView(feed: EventFeedRecord, now: Date): EventFeed {
  const { url, ...rest } = feed;
  return { ...rest, label: feedLabel(url), nextSyncAt: nextSyncAt(feed, now).toISOString() };
}

export function eventFeedRoutes({ db, clock, feeds }: AppDeps) {
  const getFeed = (id: string) => {
    const feed = findEventFeed(db, id);
    if (!feed)
      throw new ProblemError(404, `No kept feed ${id}`, [
        { field: 'params.id', code: 'not_found', message: 'unknown feed' },
      ]);
    return feed;
  };
  return createRouter()
    .openapi(list, (c) =>
      c.json({ feeds: listEventFeeds(db).map((feed) => feedView(feed, clock())) }, 200),
    )
    .openapi(sync, async (c) => {
      const outcome = await feeds.sync(getFeed(c.req.valid('param').id), principalOf(c));
      if (!outcome.ok) {
        // A calendar's errors name its lines; a fetch failure has no field of this request to name.
        const errors = outcome.errors.length > 0 ? outcome.errors : undefined;
        throw new ProblemError(
          outcome.status,
          `The feed could not be synced: ${outcome.reason}`,
          errors,
          { feed: feedView(outcome.feed, clock()) },
        );
      }
      return c.json(
        {
          feed: feedView(outcome.feed, clock()),
          summary: summaryOf(outcome.summary),
          truncated: outcome.truncated,
        },
        200,
      );
    })
    .openapi(remove, (c) => {
      const { id } = c.req.valid('param');
      db.transaction(() => {
        const feed = getFeed(id);
        deleteEventFeed(db, id);
        recordAudit(db, {
          at: clock().toISOString(),
          ...auditActor(principalOf(c)),
          action: 'event.feed.delete',
          targetType: 'event-feed',
          targetId: id,
          detail: { label: feedLabel(feed.url), events: feed.eventCount },
        });
      })();
      return c.body(null, 204);
    });
}
