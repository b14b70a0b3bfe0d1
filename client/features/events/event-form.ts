// The event form as data: the draft the inputs edit (wall-clock times in the event's own time zone, numbers as
// typed), the checks made before sending, and the POST / PATCH bodies. Field names are the server's (`body.endsAt`),
// so the client's and the server's errors land on the same input.
import type { EventChange, EventFeature, NewEvent } from '../../api/contract';
import type { EventDraft } from '../../store/slices/events';
import { isTimeZone } from '../../../server/domain/schemas/event';
import { allDayFromUtc, allDayToUtc, localToUtc, utcToLocal } from '../../../server/domain/time';

export type EventField =
  | 'body.name'
  | 'body.category'
  | 'body.timezone'
  | 'body.startsAt'
  | 'body.endsAt'
  | 'body.expectedAttendance'
  | 'body.budget'
  | 'body.location';
export type EventFieldReason =
  | 'required'
  | 'timezone'
  | 'date'
  | 'endBeforeStart'
  | 'wholeNumber'
  | 'number'
  | 'latitude'
  | 'longitude'
  | 'bothCoordinates';
export type EventFieldErrors = Partial<Record<EventField, EventFieldReason>>;

const HOUR_MS = 3_600_000;

/**
 * A new event's draft: today's next full hour for two hours, in the viewer's time zone.
 * @example emptyDraft('Europe/Berlin', new Date('2026-11-23T16:20:00Z')).start // '2026-11-23T18:00'
 */
export function emptyDraft(timeZone: string, now: Date): EventDraft {
  const next = Math.ceil(now.getTime() / HOUR_MS) * HOUR_MS;
  return {
    name: '',
    category: 'festival',
    timezone: timeZone,
    allDay: false,
    start: utcToLocal(new Date(next), timeZone),
    end: utcToLocal(new Date(next + 2 * HOUR_MS), timeZone),
    attendance: '',
    status: '',
    budget: '',
    notes: '',
    locationText: '',
    lat: '',
    lng: '',
  };
}

/** The draft of an existing event, its times read in its own time zone. */
export function draftFromEvent(event: EventFeature): EventDraft {
  const p = event.properties;
  const days = p.allDay ? allDayFromUtc(p.startsAt, p.endsAt, p.timezone) : null;
  const [lng, lat] = event.geometry?.coordinates ?? [];
  return {
    name: p.name,
    category: p.category,
    timezone: p.timezone,
    allDay: p.allDay,
    start: days ? days.firstDay : utcToLocal(p.startsAt, p.timezone),
    end: days ? days.lastDay : utcToLocal(p.endsAt, p.timezone),
    attendance: p.expectedAttendance === null ? '' : String(p.expectedAttendance),
    status: p.status ?? '',
    budget: p.budget === null ? '' : String(p.budget),
    notes: p.notes,
    locationText: p.locationText,
    lat: lat === undefined ? '' : String(lat),
    lng: lng === undefined ? '' : String(lng),
  };
}

/** Switching all-day on keeps the days, off gives the days' working hours back (09:00 to 17:00 local). */
export function withAllDay(draft: EventDraft, allDay: boolean): EventDraft {
  if (allDay === draft.allDay) return draft;
  if (allDay)
    return { ...draft, allDay, start: draft.start.slice(0, 10), end: draft.end.slice(0, 10) };
  return {
    ...draft,
    allDay,
    start: `${draft.start.slice(0, 10)}T09:00`,
    end: `${draft.end.slice(0, 10)}T17:00`,
  };
}

/** The instants the draft's times stand for, or null when they are not times in a known zone. */
export function draftTimes(draft: EventDraft): { startsAt: string | null; endsAt: string | null } {
  if (!isTimeZone(draft.timezone)) return { startsAt: null, endsAt: null };
  if (draft.allDay) {
    const days = allDayToUtc(draft.start, draft.end, draft.timezone);
    if (days) return days;
    return {
      startsAt: allDayToUtc(draft.start, draft.start, draft.timezone)?.startsAt ?? null,
      endsAt: null,
    };
  }
  return {
    startsAt: localToUtc(draft.start, draft.timezone),
    endsAt: localToUtc(draft.end, draft.timezone),
  };
}

const number = (text: string) =>
  text.trim() === '' ? null : Number(text.trim().replace(',', '.'));

/**
 * Why the draft cannot be sent yet; empty when it can. Ends before starts is caught here, before the server.
 * @example validateEventDraft({ ...draft, start: '2026-11-28T18:00', end: '2026-11-28T17:00' }) // { 'body.endsAt': 'endBeforeStart' }
 */
export function validateEventDraft(draft: EventDraft): EventFieldErrors {
  const errors: EventFieldErrors = {};
  if (!draft.name.trim()) errors['body.name'] = 'required';
  if (!draft.category.trim()) errors['body.category'] = 'required';
  if (!isTimeZone(draft.timezone)) errors['body.timezone'] = 'timezone';
  else {
    const { startsAt, endsAt } = draftTimes(draft);
    if (!startsAt) errors['body.startsAt'] = draft.start ? 'date' : 'required';
    if (!endsAt) errors['body.endsAt'] = draft.end ? 'date' : 'required';
    // An all-day event's end is exclusive: its last day before its first makes the end equal the start, or earlier.
    const tooEarly = (end: number, start: number) => (draft.allDay ? end <= start : end < start);
    if (startsAt && endsAt && tooEarly(Date.parse(endsAt), Date.parse(startsAt)))
      errors['body.endsAt'] = 'endBeforeStart';
  }
  const attendance = number(draft.attendance);
  if (attendance !== null && !(Number.isInteger(attendance) && attendance >= 0))
    errors['body.expectedAttendance'] = 'wholeNumber';
  const budget = number(draft.budget);
  if (budget !== null && !(Number.isFinite(budget) && budget >= 0))
    errors['body.budget'] = 'number';
  const lat = number(draft.lat);
  const lng = number(draft.lng);
  if ((lat === null) !== (lng === null)) errors['body.location'] = 'bothCoordinates';
  else if (lat !== null && !(Number.isFinite(lat) && Math.abs(lat) <= 90))
    errors['body.location'] = 'latitude';
  else if (lng !== null && !(Number.isFinite(lng) && Math.abs(lng) <= 180))
    errors['body.location'] = 'longitude';
  return errors;
}

/** The POST body of a valid draft; an event without coordinates is sent without a place (it "needs a place"). */
export function bodyFromDraft(draft: EventDraft): NewEvent & { location: GeoJSON.Point | null } {
  const { startsAt, endsAt } = draftTimes(draft);
  const lat = number(draft.lat);
  const lng = number(draft.lng);
  return {
    name: draft.name.trim(),
    category: draft.category.trim(),
    location: lat === null || lng === null ? null : { type: 'Point', coordinates: [lng, lat] },
    startsAt: startsAt ?? '',
    endsAt: endsAt ?? '',
    timezone: draft.timezone,
    allDay: draft.allDay,
    expectedAttendance: number(draft.attendance),
    status: draft.status || null,
    budget: number(draft.budget),
    notes: draft.notes,
    locationText: draft.locationText.trim(),
  };
}

/**
 * The PATCH body for an edited event: the version it was read at and only what changed, so an edit does not
 * overwrite fields someone else changed meanwhile.
 * @example changeFromDraft(event, { ...draftFromEvent(event), name: 'New name' }) // { version: 3, name: 'New name' }
 */
export function changeFromDraft(event: EventFeature, draft: EventDraft): EventChange {
  const body = bodyFromDraft(draft);
  const p = event.properties;
  const change: Partial<NewEvent> = {};
  const put = <K extends keyof NewEvent>(key: K, before: unknown) => {
    if (JSON.stringify(body[key]) !== JSON.stringify(before)) change[key] = body[key];
  };
  put('name', p.name);
  put('category', p.category);
  put('timezone', p.timezone);
  put('allDay', p.allDay);
  if (Date.parse(body.startsAt) !== Date.parse(p.startsAt)) change.startsAt = body.startsAt;
  if (Date.parse(body.endsAt) !== Date.parse(p.endsAt)) change.endsAt = body.endsAt;
  put('expectedAttendance', p.expectedAttendance);
  put('status', p.status);
  put('budget', p.budget);
  put('notes', p.notes);
  put('locationText', p.locationText);
  if (
    JSON.stringify(body.location?.coordinates ?? null) !==
    JSON.stringify(event.geometry?.coordinates ?? null)
  )
    change.location = body.location;
  return { version: p.version, ...change };
}
