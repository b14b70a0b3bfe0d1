// iCalendar (RFC 5545) import: turns a calendar file into events with UTC instants. ical.js does unfolding, escapes,
// VTIMEZONE offsets and recurrence rules; this file finds the line behind every problem (ical.js names none), expands
// recurring events inside a window and the recurrence horizon (reporting what it cut), and converts TZIDs without a
// VTIMEZONE through the runtime's IANA database. The limits in ../domain/calendar-limits.ts bound its time and memory.
import ICAL from 'ical.js';
import type { CodedFieldError } from '../errors.js';
import {
  MAX_COMPONENT_DEPTH,
  MAX_CUTS_LISTED,
  MAX_IMPORT_EVENTS,
  MAX_OCCURRENCES_PER_SERIES,
  recurrenceHorizon,
  type InstantWindow,
  type TruncationReason,
} from '../../domain/calendar-limits.js';
import { isTimeZone, type EventStatus, type ImportTruncation } from '../../domain/schemas/event.js';
import { utcInstant, wallTimeToUtc } from '../../domain/time/index.js';
import {
  MAX_RULE_STEPS_PER_FILE,
  MAX_ZONE_STEPS,
  meterRules,
  OCCURRENCE_READ_STEPS,
  OCCURRENCE_STEPS,
  OutOfSteps,
  StepBudget,
} from './ics-steps.js';

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

export type IcsWindow = InstantWindow;

/** The recurring events cut short: how many, and the first MAX_CUTS_LISTED of them (why, and how many were kept). */
export type IcsTruncation = ImportTruncation;
export type IcsCut = ImportTruncation['series'][number];

/** An event's identity across imports: its UID and, for one occurrence of a recurring event, the occurrence. */
export type IcsIdentity = Pick<IcsEvent, 'uid' | 'recurrenceId'>;

/**
 * `cancelled`: events and occurrences the calendar marks STATUS:CANCELLED, so an earlier import of them can go.
 * `horizon`: where recurring events were expanded at all; `truncated`: the recurring events that were cut short.
 * A failure's `detail`, when there is one, says what was refused better than "the file has errors".
 */
export type IcsResult =
  | {
      ok: true;
      events: IcsEvent[];
      cancelled: IcsIdentity[];
      horizon: IcsWindow;
      truncated: IcsTruncation;
    }
  | { ok: false; errors: CodedFieldError[]; detail?: string };

const MAX_ERRORS = 20;

const contentLine =
  /^[A-Za-z0-9-]+(?:;[A-Za-z0-9-]+=(?:"[^"]*"|[^";:,]*)(?:,(?:"[^"]*"|[^";:,]*))*)*:/;

interface ScannedComponent {
  name: string;
  line: number;
  /** First line of each property (upper-case name) directly inside it. */
  properties: Map<string, number>;
}

/** A line the calendar cannot be read past: `calendar_syntax` unless a code says more (a missing UID, a bad value). */
const lineError = (
  line: number,
  message: string,
  code: CalendarErrorCode = 'calendar_syntax',
): CodedFieldError => ({ field: `body.line.${line}`, code, message });

type CalendarErrorCode =
  | 'calendar_syntax'
  | 'calendar_no_uid'
  | 'calendar_no_start'
  | 'calendar_value'
  | 'calendar_duplicate_uid';

/** Unfolds lines, keeping where each starts, and checks their shape and the BEGIN/END nesting. */
function scan(text: string): { errors: CodedFieldError[]; events: ScannedComponent[] } {
  const physical = text.split(/\r\n|\n|\r/);
  const logical: { line: number; text: string }[] = [];
  physical.forEach((raw, index) => {
    if ((raw.startsWith(' ') || raw.startsWith('\t')) && logical.length > 0)
      logical[logical.length - 1]!.text += raw.slice(1);
    else if (raw.trim() !== '') logical.push({ line: index + 1, text: raw });
  });
  const errors: CodedFieldError[] = [];
  const events: ScannedComponent[] = [];
  const stack: ScannedComponent[] = [];
  // Refused here, before ical.js builds a tree from it: deep nesting (10,000 VCALENDARs in one another) costs it time
  // and stack for nothing a calendar needs.
  const nestingError = (line: number, message: string) => ({
    errors: [lineError(line, message)],
    events: [],
  });
  if (logical.length === 0 || logical[0]!.text.toUpperCase() !== 'BEGIN:VCALENDAR') {
    return {
      errors: [lineError(logical[0]?.line ?? 1, 'a calendar file starts with BEGIN:VCALENDAR')],
      events,
    };
  }
  for (const { line, text: content } of logical) {
    if (errors.length >= MAX_ERRORS) break;
    if (!contentLine.test(content)) {
      errors.push(lineError(line, 'not an iCalendar content line (NAME;PARAM=value:value)'));
      continue;
    }
    const name = content.slice(0, content.search(/[;:]/)).toUpperCase();
    const value = content
      .slice(content.indexOf(':', content.search(/[;:]/)) + 1)
      .trim()
      .toUpperCase();
    if (name === 'BEGIN') {
      if (value === 'VCALENDAR' && stack.length > 0)
        return nestingError(
          line,
          `BEGIN:VCALENDAR inside BEGIN:${stack[stack.length - 1]!.name} from line ${stack[stack.length - 1]!.line}: calendars do not nest`,
        );
      if (stack.length >= MAX_COMPONENT_DEPTH)
        return nestingError(
          line,
          `BEGIN:${value} nests components ${stack.length + 1} deep; at most ${MAX_COMPONENT_DEPTH} are read`,
        );
      const component: ScannedComponent = { name: value, line, properties: new Map() };
      if (value === 'VEVENT') events.push(component);
      stack.push(component);
    } else if (name === 'END') {
      const open = stack.pop();
      if (!open) errors.push(lineError(line, `END:${value} without a matching BEGIN`));
      else if (open.name !== value)
        errors.push(
          lineError(line, `END:${value} closes BEGIN:${open.name} from line ${open.line}`),
        );
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

const iso = (ms: number) => utcInstant(ms);

/** Where a time's UTC instant comes from: its VTIMEZONE, the Z suffix, or the TZID read as an IANA zone. */
function toUtc(time: ICAL.Time, tzid: string | null, fallbackZone: string): number {
  const zone = time.zone;
  if (!time.isDate && zone && (zone.tzid === 'UTC' || zone.component))
    return time.toUnixTime() * 1000;
  const wall = time.isDate
    ? Date.UTC(time.year, time.month - 1, time.day)
    : Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second);
  return wallTimeToUtc(wall, tzid && isTimeZone(tzid) ? tzid : fallbackZone);
}

const clean = (value: unknown, max: number) =>
  typeof value === 'string' ? value.trim().slice(0, max) : '';
const nameOf = (component: ICAL.Component) =>
  clean(component.getFirstPropertyValue('summary'), 200) || '(untitled)';

function statusOf(value: unknown): EventStatus | null | 'cancelled' {
  const status = typeof value === 'string' ? value.toUpperCase() : '';
  if (status === 'CONFIRMED') return 'confirmed';
  if (status === 'TENTATIVE') return 'planned';
  if (status === 'CANCELLED') return 'cancelled';
  return null;
}

const DAY_MS = 86_400_000;
const count = (n: number) => n.toLocaleString('en');

/** Nothing imported: the file holds more events than one import writes. */
const tooManyEvents = (): IcsResult => ({
  ok: false,
  detail: `The calendar holds more than ${count(MAX_IMPORT_EVENTS)} events; nothing was imported`,
  errors: [
    {
      field: 'body',
      code: 'calendar_too_big',
      message: `more than ${count(MAX_IMPORT_EVENTS)} events in the window (each occurrence of a recurring event counts, cancelled ones too); at most ${count(MAX_IMPORT_EVENTS)} are imported at once — narrow the window or split the calendar`,
    },
  ],
});

/** Nothing imported: the recurrence rules together take more steps than one import may spend. */
const tooManySteps = (): IcsResult => ({
  ok: false,
  detail: "The calendar's recurrence rules take too long to expand; nothing was imported",
  errors: [
    {
      field: 'body',
      code: 'calendar_too_big',
      message: `expanding the recurring events takes more than ${count(MAX_RULE_STEPS_PER_FILE)} steps; split the calendar or simplify its rules`,
    },
  ],
});

/** Nothing imported: the time zones' rules change far more often than a time zone does. */
const tooManyZoneSteps = (): IcsResult => ({
  ok: false,
  detail: "The calendar's time zones take too long to expand; nothing was imported",
  errors: [
    {
      field: 'body',
      code: 'calendar_too_big',
      message: `expanding the time zone rules (VTIMEZONE) takes more than ${count(MAX_ZONE_STEPS)} steps; a time zone changes its offset a few times a year`,
    },
  ],
});

/**
 * Reads a calendar: every VEVENT, recurring ones expanded to their occurrences that overlap both the window and the
 * recurrence horizon around `at` (at most MAX_OCCURRENCES_PER_SERIES each; what was cut is reported), cancelled ones
 * left out and listed by identity. Any problem fails the whole file with the lines at fault, and so does a file with
 * more than MAX_IMPORT_EVENTS events or whose rules take more than MAX_RULE_STEPS_PER_FILE steps.
 */
export function parseIcs(text: string, window: IcsWindow, at: Date): IcsResult {
  try {
    return readCalendar(text, window, at);
  } catch (error) {
    // Time zones expand wherever an instant is converted; a recurring event's rules only inside its own expansion.
    if (error instanceof OutOfSteps)
      return error.scope === 'zones' ? tooManyZoneSteps() : tooManySteps();
    throw error;
  }
}

function readCalendar(text: string, window: IcsWindow, at: Date): IcsResult {
  const scanned = scan(text);
  if (scanned.errors.length > 0) return { ok: false, errors: scanned.errors };
  let calendar: ICAL.Component;
  try {
    calendar = new ICAL.Component(ICAL.parse(text) as unknown as unknown[]);
  } catch (error) {
    return {
      ok: false,
      errors: [
        lineError(
          1,
          `not a readable calendar: ${error instanceof Error ? error.message : String(error)}`,
        ),
      ],
    };
  }
  if (calendar.name !== 'vcalendar')
    return { ok: false, errors: [lineError(1, 'a calendar file starts with BEGIN:VCALENDAR')] };
  const zoneBudget = StepBudget.forZones();
  for (const zone of calendar.getAllSubcomponents('vtimezone'))
    for (const part of zone.getAllSubcomponents()) meterRules(part, zoneBudget);
  const calendarZone = clean(calendar.getFirstPropertyValue('x-wr-timezone'), 64);
  const fallbackZone = isTimeZone(calendarZone) ? calendarZone : 'UTC';

  const components = calendar.getAllSubcomponents('vevent');
  const errors: CodedFieldError[] = [];
  const lineOf = (index: number, property?: string) => {
    const scannedEvent = scanned.events[index];
    return (
      (property ? scannedEvent?.properties.get(property.toUpperCase()) : undefined) ??
      scannedEvent?.line ??
      1
    );
  };
  const masters = new Map<string, { component: ICAL.Component; index: number }>();
  const exceptions: { uid: string; component: ICAL.Component; index: number }[] = [];

  components.forEach((component, index) => {
    const uid = clean(component.getFirstPropertyValue('uid'), 500);
    if (!uid)
      return void errors.push(lineError(lineOf(index), 'VEVENT without a UID', 'calendar_no_uid'));
    if (!component.hasProperty('dtstart'))
      return void errors.push(
        lineError(lineOf(index), 'VEVENT without DTSTART', 'calendar_no_start'),
      );
    for (const property of ['dtstart', 'dtend', 'recurrence-id', 'geo', 'rrule', 'duration']) {
      try {
        component.getFirstPropertyValue(property);
      } catch (error) {
        errors.push(
          lineError(
            lineOf(index, property),
            `${property.toUpperCase()}: ${error instanceof Error ? error.message : 'unreadable value'}`,
            'calendar_value',
          ),
        );
      }
    }
    const geo = component.getFirstPropertyValue('geo') as unknown;
    if (
      geo !== null &&
      (!Array.isArray(geo) ||
        geo.length !== 2 ||
        !(Math.abs(Number(geo[0])) <= 90) ||
        !(Math.abs(Number(geo[1])) <= 180))
    ) {
      errors.push(
        lineError(
          lineOf(index, 'geo'),
          'GEO must be latitude;longitude in degrees',
          'calendar_value',
        ),
      );
    }
    if (component.hasProperty('recurrence-id')) exceptions.push({ uid, component, index });
    else if (masters.has(uid))
      errors.push(
        lineError(
          lineOf(index, 'uid'),
          `UID ${uid} is used by two events (line ${lineOf(masters.get(uid)!.index)})`,
          'calendar_duplicate_uid',
        ),
      );
    else masters.set(uid, { component, index });
  });
  if (errors.length > 0) return { ok: false, errors: errors.slice(0, MAX_ERRORS) };

  const events: IcsEvent[] = [];
  const fromMs = window.from.getTime();
  const toMs = window.to.getTime();
  const horizon = recurrenceHorizon(at);
  const horizonFromMs = horizon.from.getTime();
  const horizonToMs = horizon.to.getTime();

  const cancelled: IcsIdentity[] = [];
  const instantsOf = (component: ICAL.Component, start: ICAL.Time, end: ICAL.Time) => {
    const tzid = component.getFirstProperty('dtstart')?.getParameter('tzid');
    const startMs = toUtc(start, typeof tzid === 'string' ? tzid : null, fallbackZone);
    const endMs = toUtc(end, typeof tzid === 'string' ? tzid : null, fallbackZone);
    return { startMs, endMs: Math.max(startMs, endMs) };
  };
  const describe = (
    component: ICAL.Component,
    uid: string,
    recurrenceId: string,
    start: ICAL.Time,
    end: ICAL.Time,
  ): IcsEvent | null => {
    const status = statusOf(component.getFirstPropertyValue('status'));
    if (status === 'cancelled') {
      cancelled.push({ uid, recurrenceId });
      return null;
    }
    const tzid = component.getFirstProperty('dtstart')?.getParameter('tzid');
    const zoneName = typeof tzid === 'string' && isTimeZone(tzid) ? tzid : fallbackZone;
    const { startMs, endMs } = instantsOf(component, start, end);
    const geo = component.getFirstPropertyValue('geo') as unknown;
    const categories = component.getFirstPropertyValue('categories');
    return {
      uid,
      recurrenceId,
      name: nameOf(component),
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

  const exceptionsOf = new Map<string, ICAL.Component[]>();
  for (const e of exceptions) {
    if (exceptionsOf.has(e.uid)) exceptionsOf.get(e.uid)!.push(e.component);
    else exceptionsOf.set(e.uid, [e.component]);
  }
  const budget = new StepBudget();
  const cuts: IcsCut[] = [];
  const items: { index: number; events: IcsEvent[] }[] = [];
  // Counted as they are found, so a file far over the limit is refused before it fills the memory.
  let written = 0;
  const overLimit = (found: number) => {
    written += found;
    return written + cancelled.length > MAX_IMPORT_EVENTS;
  };
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
    if (!event.isRecurring()) {
      const single = describe(component, uid, '', event.startDate, event.endDate);
      items.push({ index, events: single ? [single] : [] });
      if (overLimit(single ? 1 : 0)) return tooManyEvents();
      continue;
    }
    for (const exception of exceptionsOf.get(uid) ?? []) event.relateException(exception);
    const found: IcsEvent[] = [];
    let cut: TruncationReason | null = null;
    budget.startSeries();
    try {
      meterRules(component, budget);
      // ical.js skips DTSTART when there are RDATEs but no RRULE (kewisch/ical.js#534) or when the RRULE does not
      // produce it (#294), and repeats an instant that both an RRULE and an RDATE produce (#1026). RFC 5545: DTSTART is
      // always the first instance unless an EXDATE removes it, and the instances are a set.
      const excluded = new Set(
        component
          .getAllProperties('exdate')
          .flatMap((p) => p.getValues() as ICAL.Time[])
          .map((time) => recurrenceIdOf(component, time)),
      );
      const seen = new Set<string>();
      const iterator = event.iterator();
      // Occurrences that end days before the window or the horizon (a DTSTART years back) only cost the time of
      // reading their instant, unless an exception in the file might move one into the window.
      const lengthMs = Math.max(0, event.duration.toSeconds() * 1000);
      const skipBeforeMs = exceptionsOf.has(uid)
        ? -Infinity
        : Math.min(fromMs, horizonFromMs) - 2 * DAY_MS - lengthMs;
      let inRange = 0;
      for (let next: ICAL.Time | null = event.startDate.clone(); next; next = iterator.next()) {
        budget.spend(OCCURRENCE_STEPS);
        if (next.toUnixTime() * 1000 < skipBeforeMs) continue;
        budget.spend(OCCURRENCE_READ_STEPS);
        const recurrenceId = recurrenceIdOf(component, next);
        if (seen.has(recurrenceId) || excluded.has(recurrenceId)) continue;
        seen.add(recurrenceId);
        const details = event.getOccurrenceDetails(next);
        const item = details.item.component;
        const { startMs, endMs } = instantsOf(item, details.startDate, details.endDate);
        if (
          toUtc(details.startDate, null, fallbackZone) >
          Math.min(toMs, horizonToMs) + 2 * DAY_MS
        ) {
          // Past the window, or past the horizon with the window still going: then the rest of it was cut.
          if (startMs <= toMs) cut = 'horizon';
          break;
        }
        const inWindow = endMs >= fromMs && startMs <= toMs;
        const inHorizon = endMs >= horizonFromMs && startMs <= horizonToMs;
        // Of the occurrences outside, only moved or cancelled ones (exceptions in the file) are read: they may undo an
        // earlier import.
        if (!(inWindow && inHorizon) && item === component) {
          if (inWindow) cut ??= 'horizon';
          continue;
        }
        if (inWindow && inHorizon && ++inRange > MAX_OCCURRENCES_PER_SERIES) {
          cut = 'series-cap';
          break;
        }
        const occurrence = describe(
          item,
          uid,
          recurrenceIdOf(component, details.recurrenceId),
          details.startDate,
          details.endDate,
        );
        if (!occurrence) continue;
        if (inWindow && inHorizon) found.push(occurrence);
        else if (inWindow) cut ??= 'horizon';
      }
    } catch (error) {
      if (error instanceof OutOfSteps && error.scope !== 'series') throw error;
      if (error instanceof OutOfSteps) cut = 'series-cap';
      else
        errors.push(
          lineError(
            lineOf(index, 'rrule'),
            `RRULE: ${error instanceof Error ? error.message : 'cannot be expanded'}`,
            'calendar_value',
          ),
        );
    }
    found.sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
    if (cut) cuts.push({ uid, name: nameOf(component), reason: cut, kept: found.length });
    items.push({ index, events: found });
    if (overLimit(found.length)) return tooManyEvents();
  }
  // An exception whose recurring event is not in the file stands alone, keyed by its RECURRENCE-ID.
  for (const { uid, component, index } of exceptions) {
    if (masters.has(uid)) continue;
    const event = new ICAL.Event(component);
    const single = describe(
      component,
      uid,
      recurrenceIdOf(component, event.recurrenceId),
      event.startDate,
      event.endDate,
    );
    items.push({ index, events: single ? [single] : [] });
    if (overLimit(single ? 1 : 0)) return tooManyEvents();
  }
  if (errors.length > 0) return { ok: false, errors };
  for (const item of items.sort((a, b) => a.index - b.index)) events.push(...item.events);
  return {
    ok: true,
    events,
    cancelled,
    horizon,
    truncated: { count: cuts.length, series: cuts.slice(0, MAX_CUTS_LISTED) },
  };
}
