// Event writes: create, versioned edits, deletes and calendar imports, each applied whole in one transaction with its
// audit entry (names and fields only; events hold no personal data, but the audit log never gets free text anyway).
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/connection.js';
import {
  deleteEvent,
  findEvent,
  findEventByIcsIdentity,
  insertEvent,
  listEvents,
  updateEvent,
  type EventFilter,
  type EventValues,
} from '../../db/repos/events.js';
import { recordAudit } from '../../db/repos/audit.js';
import { feedEventsOutside, linkEventToFeed } from '../../db/repos/event-feeds.js';
import type { Principal } from '../../domain/permissions.js';
import type {
  EventCreate,
  EventFeature,
  EventPatch,
  EventRecord,
} from '../../domain/schemas/event.js';
import { checkVersion, ServiceError } from '../errors.js';
import { utcInstant } from '../../domain/time/index.js';
import { auditActor } from '../accounts/audit-actor.js';
import type { IcsEvent, IcsIdentity } from './ics.js';

export interface EventWriter {
  /** Null for the server's own writes (a scheduled feed sync). */
  principal: Principal | null;
  at: Date;
}

export function newEventId(): string {
  return `ev-${randomUUID()}`;
}

export function eventToFeature(record: EventRecord): EventFeature {
  const { location, icsRecurrenceId: _occurrence, ...properties } = record;
  return {
    type: 'Feature',
    id: record.id,
    geometry: location ? { type: 'Point', coordinates: location } : null,
    properties: { ...properties, needsPlace: location === null },
  };
}

export function eventCollection(records: EventRecord[]) {
  return { type: 'FeatureCollection' as const, features: records.map(eventToFeature) };
}

function audit(
  db: Db,
  writer: EventWriter,
  action: string,
  id: string | null,
  detail: Record<string, unknown>,
): void {
  const actor = writer.principal
    ? auditActor(writer.principal)
    : { actorId: null, actor: 'feed sync' };
  recordAudit(db, {
    at: writer.at.toISOString(),
    ...actor,
    action,
    targetType: 'event',
    targetId: id,
    detail,
  });
}

export function getEvent(db: Db, id: string): EventRecord {
  const event = findEvent(db, id);
  if (!event)
    throw new ServiceError('not-found', `No event with id ${id}`, [
      { field: 'params.id', code: 'unknown_event', message: 'unknown event' },
    ]);
  return event;
}

export function searchEvents(db: Db, filter: EventFilter): EventRecord[] {
  return listEvents(db, {
    ...filter,
    from: filter.from && utcInstant(filter.from),
    to: filter.to && utcInstant(filter.to),
  });
}

export function createEvent(db: Db, input: EventCreate, writer: EventWriter): EventRecord {
  return db.transaction(() => {
    const id = newEventId();
    const event = insertEvent(
      db,
      id,
      {
        name: input.name,
        category: input.category,
        location: input.location
          ? [input.location.coordinates[0], input.location.coordinates[1]]
          : null,
        startsAt: utcInstant(input.startsAt),
        endsAt: utcInstant(input.endsAt),
        timezone: input.timezone,
        allDay: input.allDay,
        expectedAttendance: input.expectedAttendance ?? null,
        source: 'manual',
        icsUid: null,
        icsRecurrenceId: '',
        status: input.status ?? null,
        budget: input.budget ?? null,
        notes: input.notes,
        locationText: input.locationText,
      },
      writer.at,
    );
    audit(db, writer, 'event.create', id, { fields: Object.keys(input) });
    return event;
  })();
}

export function patchEvent(
  db: Db,
  id: string,
  patch: EventPatch,
  writer: EventWriter,
): EventRecord {
  return db.transaction(() => {
    const current = getEvent(db, id);
    checkVersion('event', current.version, patch.version);
    const startsAt = patch.startsAt === undefined ? current.startsAt : utcInstant(patch.startsAt);
    const endsAt = patch.endsAt === undefined ? current.endsAt : utcInstant(patch.endsAt);
    if (endsAt < startsAt) {
      throw new ServiceError('invalid', 'The event would end before it starts', [
        {
          field: patch.endsAt === undefined ? 'body.startsAt' : 'body.endsAt',
          code: 'ends_before_start',
          message: `must not be after endsAt (${endsAt})`,
        },
      ]);
    }
    const values: EventValues = {
      ...current,
      ...Object.fromEntries(
        Object.entries(patch).filter(
          ([key, value]) =>
            value !== undefined && !['version', 'location', 'startsAt', 'endsAt'].includes(key),
        ),
      ),
      startsAt,
      endsAt,
      location:
        patch.location === undefined
          ? current.location
          : patch.location === null
            ? null
            : [patch.location.coordinates[0], patch.location.coordinates[1]],
    };
    updateEvent(db, id, values, current.version, writer.at);
    audit(db, writer, 'event.update', id, {
      fields: Object.keys(patch).filter((key) => key !== 'version'),
    });
    return getEvent(db, id);
  })();
}

export function removeEvent(db: Db, id: string, writer: EventWriter): void {
  db.transaction(() => {
    getEvent(db, id);
    deleteEvent(db, id);
    audit(db, writer, 'event.delete', id, {});
  })();
}

export interface ImportSummary {
  inserted: number;
  updated: number;
  /** Events the calendar marks cancelled, and upcoming events of a kept feed that it no longer lists. */
  removed: number;
  needsPlace: number;
  events: string[];
}

/** A feed's calendar is its whole list: its events starting in [removeFrom, removeTo] that it no longer lists go. */
export interface FeedScope {
  feedId: string;
  removeFrom: Date;
  removeTo: Date;
}

/**
 * Writes parsed calendar events in one transaction: an event whose UID (and occurrence) was imported before is
 * updated in place — its map position only when the file has one, so a place set by hand survives re-imports.
 * Events the calendar cancels are removed. With a feed, the events are linked to it and its upcoming events missing
 * from the calendar are removed too.
 */
export function importEvents(
  db: Db,
  calendar: { events: IcsEvent[]; cancelled: IcsIdentity[] },
  writer: EventWriter,
  feed?: FeedScope,
): ImportSummary {
  return db.transaction(() => {
    const summary: ImportSummary = {
      inserted: 0,
      updated: 0,
      removed: 0,
      needsPlace: 0,
      events: [],
    };
    for (const item of calendar.events) {
      const existing = findEventByIcsIdentity(db, item.uid, item.recurrenceId);
      const values: EventValues = {
        name: item.name,
        category: item.category ?? existing?.category ?? 'other',
        location: item.location ?? existing?.location ?? null,
        startsAt: item.startsAt,
        endsAt: item.endsAt,
        timezone: item.timezone,
        allDay: item.allDay,
        expectedAttendance: existing?.expectedAttendance ?? null,
        source: 'ics',
        icsUid: item.uid,
        icsRecurrenceId: item.recurrenceId,
        status: item.status ?? existing?.status ?? null,
        budget: existing?.budget ?? null,
        notes: item.notes,
        locationText: item.locationText,
      };
      let id: string;
      if (existing) {
        id = existing.id;
        const { id: _id, version: _v, createdAt: _c, updatedAt: _u, ...old } = existing;
        const changed = (Object.keys(values) as (keyof EventValues)[]).some(
          (key) => JSON.stringify(values[key]) !== JSON.stringify(old[key]),
        );
        if (changed) updateEvent(db, id, values, existing.version, writer.at);
        summary.updated += 1;
      } else {
        id = newEventId();
        insertEvent(db, id, values, writer.at);
        summary.inserted += 1;
      }
      if (values.location === null) summary.needsPlace += 1;
      if (feed) linkEventToFeed(db, id, feed.feedId);
      summary.events.push(id);
    }
    const kept = new Set(summary.events);
    const gone = new Set(
      calendar.cancelled
        .map((c) => findEventByIcsIdentity(db, c.uid, c.recurrenceId)?.id)
        .filter((id): id is string => id !== undefined && !kept.has(id)),
    );
    if (feed)
      for (const id of feedEventsOutside(
        db,
        feed.feedId,
        kept,
        utcInstant(feed.removeFrom),
        utcInstant(feed.removeTo),
      ))
        gone.add(id);
    for (const id of gone) deleteEvent(db, id);
    summary.removed = gone.size;
    const { inserted, updated, removed, needsPlace } = summary;
    audit(db, writer, 'event.import', null, {
      inserted,
      updated,
      removed,
      needsPlace,
      ...(feed ? { feedId: feed.feedId } : {}),
    });
    return summary;
  })();
}
