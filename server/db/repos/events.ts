// Events table access. Every function takes the Db so callers choose the transaction.
import type { Db } from '../connection.js';
import type { EventRecord, EventSource, EventStatus } from '../../domain/schemas/event.js';

interface EventRow {
  id: string;
  name: string;
  category: string;
  lng: number | null;
  lat: number | null;
  starts_at: string;
  ends_at: string;
  timezone: string;
  all_day: number;
  expected_attendance: number | null;
  source: EventSource;
  ics_uid: string | null;
  ics_recurrence_id: string;
  status: EventStatus | null;
  budget: number | null;
  notes: string;
  location_text: string;
  version: number;
  created_at: string;
  updated_at: string;
}

/** The fields a write sets (everything but identity, version and timestamps). */
export type EventValues = Omit<EventRecord, 'id' | 'version' | 'createdAt' | 'updatedAt'>;

function toRecord(row: EventRow): EventRecord {
  return {
    id: row.id,
    name: row.name,
    category: row.category,
    location: row.lng === null || row.lat === null ? null : [row.lng, row.lat],
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    timezone: row.timezone,
    allDay: row.all_day === 1,
    expectedAttendance: row.expected_attendance,
    source: row.source,
    icsUid: row.ics_uid,
    icsRecurrenceId: row.ics_recurrence_id,
    status: row.status,
    budget: row.budget,
    notes: row.notes,
    locationText: row.location_text,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface EventFilter {
  from?: string | undefined;
  to?: string | undefined;
  category?: string | undefined;
}

/**
 * Events overlapping [from, to], by start. Times are stored as UTC ISO strings of one shape, so text order is time
 * order; the bounds are normalised the same way by the caller.
 */
export function listEvents(db: Db, filter: EventFilter = {}): EventRecord[] {
  const rows = db
    .prepare(
      `SELECT * FROM events
       WHERE (@from IS NULL OR ends_at >= @from) AND (@to IS NULL OR starts_at <= @to) AND (@category IS NULL OR category = @category)
       ORDER BY starts_at, name, id`,
    )
    .all({
      from: filter.from ?? null,
      to: filter.to ?? null,
      category: filter.category ?? null,
    }) as EventRow[];
  return rows.map(toRecord);
}

export function findEvent(db: Db, id: string): EventRecord | undefined {
  const row = db.prepare('SELECT * FROM events WHERE id = ?').get(id) as EventRow | undefined;
  return row && toRecord(row);
}

export function findEventByIcsIdentity(
  db: Db,
  uid: string,
  recurrenceId: string,
): EventRecord | undefined {
  const row = db
    .prepare('SELECT * FROM events WHERE ics_uid = ? AND ics_recurrence_id = ?')
    .get(uid, recurrenceId) as EventRow | undefined;
  return row && toRecord(row);
}

function params(values: EventValues) {
  return {
    name: values.name,
    category: values.category,
    lng: values.location?.[0] ?? null,
    lat: values.location?.[1] ?? null,
    starts_at: values.startsAt,
    ends_at: values.endsAt,
    timezone: values.timezone,
    all_day: values.allDay ? 1 : 0,
    expected_attendance: values.expectedAttendance,
    source: values.source,
    ics_uid: values.icsUid,
    ics_recurrence_id: values.icsRecurrenceId,
    status: values.status,
    budget: values.budget,
    notes: values.notes,
    location_text: values.locationText,
  };
}

export function insertEvent(db: Db, id: string, values: EventValues, now: Date): EventRecord {
  const at = now.toISOString();
  db.prepare(
    `INSERT INTO events (id, name, category, lng, lat, starts_at, ends_at, timezone, all_day, expected_attendance, source, ics_uid, ics_recurrence_id,
       status, budget, notes, location_text, version, created_at, updated_at)
     VALUES (@id, @name, @category, @lng, @lat, @starts_at, @ends_at, @timezone, @all_day, @expected_attendance, @source, @ics_uid, @ics_recurrence_id,
       @status, @budget, @notes, @location_text, 1, @at, @at)`,
  ).run({ id, ...params(values), at });
  return findEvent(db, id)!;
}

/** Applies the values only when `version` still matches; false when someone else saved first (or the event is gone). */
export function updateEvent(
  db: Db,
  id: string,
  values: EventValues,
  version: number,
  now: Date,
): boolean {
  const result = db
    .prepare(
      `UPDATE events SET name = @name, category = @category, lng = @lng, lat = @lat, starts_at = @starts_at, ends_at = @ends_at, timezone = @timezone,
         all_day = @all_day, expected_attendance = @expected_attendance, source = @source, ics_uid = @ics_uid, ics_recurrence_id = @ics_recurrence_id,
         status = @status, budget = @budget, notes = @notes, location_text = @location_text, version = version + 1, updated_at = @at
       WHERE id = @id AND version = @version`,
    )
    .run({ id, version, ...params(values), at: now.toISOString() });
  return result.changes === 1;
}

export function deleteEvent(db: Db, id: string): boolean {
  return db.prepare('DELETE FROM events WHERE id = ?').run(id).changes === 1;
}
