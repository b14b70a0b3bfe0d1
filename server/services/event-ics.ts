// iCalendar (RFC 5545) import: turns a calendar file into events with UTC instants. ical.js does unfolding, escapes,
// VTIMEZONE offsets and recurrence rules; this file finds the line behind every problem (ical.js names none), expands
// recurring events inside a window, and converts TZIDs without a VTIMEZONE through the runtime's IANA database.
import ICAL from 'ical.js';
import type { FieldError } from '../http/problem.js';
import { isTimeZone, type EventStatus } from '../domain/schemas/event.js';
import { utcInstant } from './events.js';

/** One event (or one occurrence of a recurring event) read from a calendar file. */
export interface IcsEvent {
  uid: string;
  /** '' for a single event; the occurrence's original start (UTC ISO) for an occurrence of a recurring one. */
  recurrenceId: string;
  name: string;
  category: string | null;
  startsAt: string;
  endsAt: string;
  timezone: string;
  allDay: boolean;
  location: [number, number] | null;
  locationText: string;
  notes: string;
  status: EventStatus | null;
}

export interface IcsWindow {
  from: Date;
  to: Date;
}

/** An event's identity across imports: its UID and, for one occurrence of a recurring event, the occurrence. */
export type IcsIdentity = Pick<IcsEvent, 'uid' | 'recurrenceId'>;

/** `cancelled`: events and occurrences the calendar marks STATUS:CANCELLED, so an earlier import of them can go. */
export type IcsResult = { ok: true; events: IcsEvent[]; cancelled: IcsIdentity[] } | { ok: false; errors: FieldError[] };

/** At most this many occurrences per recurring event, and this many rule steps before giving up on reaching the window. */
export const MAX_OCCURRENCES = 1000;
/** At most this many events (occurrences counted one by one) per file. */
export const MAX_EVENTS = 20_000;
const MAX_STEPS = 100_000;
const MAX_ERRORS = 20;

const contentLine = /^[A-Za-z0-9-]+(?:;[A-Za-z0-9-]+=(?:"[^"]*"|[^";:,]*)(?:,(?:"[^"]*"|[^";:,]*))*)*:/;

interface ScannedComponent {
  name: string;
  line: number;
  /** First line of each property (upper-case name) directly inside it. */
  properties: Map<string, number>;
}

const lineError = (line: number, message: string): FieldError => ({ field: `body.line.${line}`, message });

/** Unfolds lines, keeping where each starts, and checks their shape and the BEGIN/END nesting. */
function scan(text: string): { errors: FieldError[]; events: ScannedComponent[] } {
  const physical = text.split(/\r\n|\n|\r/);
  const logical: { line: number; text: string }[] = [];
  physical.forEach((raw, index) => {
    if ((raw.startsWith(' ') || raw.startsWith('\t')) && logical.length > 0) logical[logical.length - 1]!.text += raw.slice(1);
    else if (raw.trim() !== '') logical.push({ line: index + 1, text: raw });
  });
  const errors: FieldError[] = [];
  const events: ScannedComponent[] = [];
  const stack: ScannedComponent[] = [];
  if (logical.length === 0 || logical[0]!.text.toUpperCase() !== 'BEGIN:VCALENDAR') {
    return { errors: [lineError(logical[0]?.line ?? 1, 'a calendar file starts with BEGIN:VCALENDAR')], events };
  }
  for (const { line, text: content } of logical) {
    if (errors.length >= MAX_ERRORS) break;
    if (!contentLine.test(content)) {
      errors.push(lineError(line, 'not an iCalendar content line (NAME;PARAM=value:value)'));
      continue;
    }
    const name = content.slice(0, content.search(/[;:]/)).toUpperCase();
    const value = content.slice(content.indexOf(':', content.search(/[;:]/)) + 1).trim().toUpperCase();
    if (name === 'BEGIN') {
      const component: ScannedComponent = { name: value, line, properties: new Map() };
      if (value === 'VEVENT') events.push(component);
      stack.push(component);
    } else if (name === 'END') {
      const open = stack.pop();
      if (!open) errors.push(lineError(line, `END:${value} without a matching BEGIN`));
      else if (open.name !== value) errors.push(lineError(line, `END:${value} closes BEGIN:${open.name} from line ${open.line}`));
    } else if (stack.length > 0) {
      const properties = stack[stack.length - 1]!.properties;
      if (!properties.has(name)) properties.set(name, line);
    } else {
      errors.push(lineError(line, `${name} outside BEGIN:VCALENDAR … END:VCALENDAR`));
    }
  }
  for (const open of stack) errors.push(lineError(open.line, `BEGIN:${open.name} is never closed`));
  return { errors, events };
}

/** Milliseconds the zone is ahead of UTC at the instant `ms`. */
function zoneOffsetMs(ms: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }).formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - Math.floor(ms / 1000) * 1000;
}

/** The UTC instant of a wall-clock time in an IANA zone (in a DST gap: the time an hour later; in an overlap: the first). */
export function wallTimeToUtc(wall: { year: number; month: number; day: number; hour: number; minute: number; second: number }, zone: string): number {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  const first = asUtc - zoneOffsetMs(asUtc, zone);
  const second = asUtc - zoneOffsetMs(first, zone);
  return Math.min(first, second);
}

const iso = (ms: number) => utcInstant(ms);

/** Where a time's UTC instant comes from: its VTIMEZONE, the Z suffix, or the TZID read as an IANA zone. */
function toUtc(time: ICAL.Time, tzid: string | null, fallbackZone: string): number {
  const zone = time.zone;
  const wall = { year: time.year, month: time.month, day: time.day, hour: time.isDate ? 0 : time.hour, minute: time.isDate ? 0 : time.minute, second: time.isDate ? 0 : time.second };
  if (!time.isDate && zone && (zone.tzid === 'UTC' || zone.component)) return time.toUnixTime() * 1000;
  return wallTimeToUtc(wall, tzid && isTimeZone(tzid) ? tzid : fallbackZone);
}

const clean = (value: unknown, max: number) => (typeof value === 'string' ? value.trim().slice(0, max) : '');

function statusOf(value: unknown): EventStatus | null | 'cancelled' {
  const status = typeof value === 'string' ? value.toUpperCase() : '';
  if (status === 'CONFIRMED') return 'confirmed';
  if (status === 'TENTATIVE') return 'planned';
  if (status === 'CANCELLED') return 'cancelled';
  return null;
}

/**
 * Reads a calendar: every VEVENT, recurring ones expanded to their occurrences that overlap the window (at most
 * MAX_OCCURRENCES each), cancelled ones left out and listed by identity. Any problem fails the whole file with the lines at fault.
 */
export function parseIcs(text: string, window: IcsWindow): IcsResult {
  const scanned = scan(text);
  if (scanned.errors.length > 0) return { ok: false, errors: scanned.errors };
  let calendar: ICAL.Component;
  try {
    calendar = new ICAL.Component(ICAL.parse(text) as unknown as unknown[]);
  } catch (error) {
    return { ok: false, errors: [lineError(1, `not a readable calendar: ${error instanceof Error ? error.message : String(error)}`)] };
  }
  if (calendar.name !== 'vcalendar') return { ok: false, errors: [lineError(1, 'a calendar file starts with BEGIN:VCALENDAR')] };
  const calendarZone = clean(calendar.getFirstPropertyValue('x-wr-timezone'), 64);
  const fallbackZone = isTimeZone(calendarZone) ? calendarZone : 'UTC';

  const components = calendar.getAllSubcomponents('vevent');
  const errors: FieldError[] = [];
  const lineOf = (index: number, property?: string) => {
    const scannedEvent = scanned.events[index];
    return (property ? scannedEvent?.properties.get(property.toUpperCase()) : undefined) ?? scannedEvent?.line ?? 1;
  };
  const masters = new Map<string, { component: ICAL.Component; index: number }>();
  const exceptions: { uid: string; component: ICAL.Component; index: number }[] = [];

  components.forEach((component, index) => {
    const uid = clean(component.getFirstPropertyValue('uid'), 500);
    if (!uid) return void errors.push(lineError(lineOf(index), 'VEVENT without a UID'));
    if (!component.hasProperty('dtstart')) return void errors.push(lineError(lineOf(index), 'VEVENT without DTSTART'));
    for (const property of ['dtstart', 'dtend', 'recurrence-id', 'geo', 'rrule', 'duration']) {
      try {
        component.getFirstPropertyValue(property);
      } catch (error) {
        errors.push(lineError(lineOf(index, property), `${property.toUpperCase()}: ${error instanceof Error ? error.message : 'unreadable value'}`));
      }
    }
    const geo = component.getFirstPropertyValue('geo') as unknown;
    if (geo !== null && (!Array.isArray(geo) || geo.length !== 2 || !(Math.abs(Number(geo[0])) <= 90) || !(Math.abs(Number(geo[1])) <= 180))) {
      errors.push(lineError(lineOf(index, 'geo'), 'GEO must be latitude;longitude in degrees'));
    }
    if (component.hasProperty('recurrence-id')) exceptions.push({ uid, component, index });
    else if (masters.has(uid)) errors.push(lineError(lineOf(index, 'uid'), `UID ${uid} is used by two events (line ${lineOf(masters.get(uid)!.index)})`));
    else masters.set(uid, { component, index });
  });
  if (errors.length > 0) return { ok: false, errors: errors.slice(0, MAX_ERRORS) };

  const events: IcsEvent[] = [];
  const fromMs = window.from.getTime();
  const toMs = window.to.getTime();

  const cancelled: IcsIdentity[] = [];
  const describe = (component: ICAL.Component, uid: string, recurrenceId: string, start: ICAL.Time, end: ICAL.Time): IcsEvent | null => {
    const status = statusOf(component.getFirstPropertyValue('status'));
    if (status === 'cancelled') {
      cancelled.push({ uid, recurrenceId });
      return null;
    }
    const tzid = component.getFirstProperty('dtstart')?.getParameter('tzid');
    const zoneName = typeof tzid === 'string' && isTimeZone(tzid) ? tzid : fallbackZone;
    const startMs = toUtc(start, typeof tzid === 'string' ? tzid : null, fallbackZone);
    let endMs = toUtc(end, typeof tzid === 'string' ? tzid : null, fallbackZone);
    if (endMs < startMs) endMs = startMs;
    const geo = component.getFirstPropertyValue('geo') as unknown;
    const categories = component.getFirstPropertyValue('categories');
    return {
      uid,
      recurrenceId,
      name: clean(component.getFirstPropertyValue('summary'), 200) || '(untitled)',
      category: clean(categories, 60).toLowerCase() || null,
      startsAt: iso(startMs),
      endsAt: iso(endMs),
      timezone: zoneName,
      allDay: start.isDate,
      location: Array.isArray(geo) ? [Number(geo[1]), Number(geo[0])] : null,
      locationText: clean(component.getFirstPropertyValue('location'), 500),
      notes: clean(component.getFirstPropertyValue('description'), 10_000),
      status,
    };
  };
  const recurrenceIdOf = (component: ICAL.Component, time: ICAL.Time) => {
    const tzid = component.getFirstProperty('dtstart')?.getParameter('tzid');
    return iso(toUtc(time, typeof tzid === 'string' ? tzid : null, fallbackZone));
  };

  const items: { index: number; events: IcsEvent[] }[] = [];
  for (const [uid, { component, index }] of masters) {
    // ical.js's iterator hands RDATE periods back as Periods, not Times: keep their starts (each occurrence then
    // lasts as long as the event itself, not as long as its period says).
    for (const property of component.getAllProperties('rdate')) {
      if (property.type !== 'period') continue;
      const starts = (property.getValues() as ICAL.Period[]).map((period) => period.start);
      property.resetType('date-time');
      property.removeParameter('value');
      property.setValues(starts);
    }
    const event = new ICAL.Event(component);
    const own = exceptions.filter((e) => e.uid === uid);
    if (!event.isRecurring()) {
      const single = describe(component, uid, '', event.startDate, event.endDate);
      items.push({ index, events: single ? [single] : [] });
      continue;
    }
    for (const e of own) event.relateException(e.component);
    const found: IcsEvent[] = [];
    try {
      // ical.js skips DTSTART when there are RDATEs but no RRULE (kewisch/ical.js#534) or when the RRULE does not
      // produce it (#294), and repeats an instant that both an RRULE and an RDATE produce (#1026). RFC 5545: DTSTART is
      // always the first instance unless an EXDATE removes it, and the instances are a set.
      const excluded = new Set(component.getAllProperties('exdate').flatMap((p) => p.getValues() as ICAL.Time[]).map((time) => recurrenceIdOf(component, time)));
      const seen = new Set<string>();
      const iterator = event.iterator();
      let steps = 0;
      for (let next: ICAL.Time | null = event.startDate.clone(); next && found.length < MAX_OCCURRENCES && steps < MAX_STEPS; next = iterator.next(), steps++) {
        const recurrenceId = recurrenceIdOf(component, next);
        if (seen.has(recurrenceId) || excluded.has(recurrenceId)) continue;
        seen.add(recurrenceId);
        const details = event.getOccurrenceDetails(next);
        const startMs = toUtc(details.startDate, null, fallbackZone);
        if (startMs > toMs + 86_400_000 * 2) break;
        const occurrence = describe(details.item.component, uid, recurrenceIdOf(component, details.recurrenceId), details.startDate, details.endDate);
        if (occurrence && Date.parse(occurrence.endsAt) >= fromMs && Date.parse(occurrence.startsAt) <= toMs) found.push(occurrence);
      }
      found.sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
    } catch (error) {
      errors.push(lineError(lineOf(index, 'rrule'), `RRULE: ${error instanceof Error ? error.message : 'cannot be expanded'}`));
    }
    items.push({ index, events: found });
  }
  // An exception whose recurring event is not in the file stands alone, keyed by its RECURRENCE-ID.
  for (const { uid, component, index } of exceptions) {
    if (masters.has(uid)) continue;
    const event = new ICAL.Event(component);
    const single = describe(component, uid, recurrenceIdOf(component, event.recurrenceId), event.startDate, event.endDate);
    items.push({ index, events: single ? [single] : [] });
  }
  if (errors.length > 0) return { ok: false, errors };
  for (const item of items.sort((a, b) => a.index - b.index)) events.push(...item.events);
  if (events.length > MAX_EVENTS) return { ok: false, errors: [lineError(1, `the file holds ${events.length} events in the window; at most ${MAX_EVENTS} are imported at once (narrow the window)`)] };
  return { ok: true, events, cancelled };
}
