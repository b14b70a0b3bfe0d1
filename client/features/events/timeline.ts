// Pure pieces of the events timeline: date-range presets and grouping by local day, both in a given IANA time zone.
import type { EventFeature } from '../../api/contract';
import type { RangePreset } from '../../store/slices/events';
import { addDays, dayKey, startOfDay } from '../../../server/domain/time';

export interface DateRange {
  /** UTC ISO 8601, inclusive. */
  from: string;
  /** UTC ISO 8601, exclusive. */
  to: string;
}

/**
 * The range a preset stands for at `at`: this week (Monday to Monday), this month, or today plus 90 days.
 * @example rangeFor('week', new Date('2026-11-25T10:00:00Z'), 'Europe/Berlin')
 * // { from: '2026-11-22T23:00:00.000Z', to: '2026-11-29T23:00:00.000Z' }
 */
export function rangeFor(preset: RangePreset, at: Date, timeZone: string): DateRange {
  const today = dayKey(at, timeZone);
  let first: string;
  let last: string;
  if (preset === 'week') {
    const isoWeekday = ((new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
    first = addDays(today, 1 - isoWeekday);
    last = addDays(first, 7);
  } else if (preset === 'month') {
    first = `${today.slice(0, 8)}01`;
    const next = new Date(`${first}T00:00:00Z`);
    next.setUTCMonth(next.getUTCMonth() + 1);
    last = next.toISOString().slice(0, 10);
  } else {
    first = today;
    last = addDays(today, 90);
  }
  return {
    from: startOfDay(first, timeZone).toISOString(),
    to: startOfDay(last, timeZone).toISOString(),
  };
}

export interface EventDay {
  day: string;
  events: EventFeature[];
}
export interface EventTimeline {
  /** Events without a place, first, so they get placed. */
  unplaced: EventFeature[];
  days: EventDay[];
}

/**
 * Groups placed events by the local day they start in `timeZone` (days in order, events by start);
 * unplaced events come apart, by start. A category narrows both.
 */
export function groupByDay(
  events: readonly EventFeature[],
  timeZone: string,
  category: string | null = null,
): EventTimeline {
  const shown = events
    .filter((e) => !category || e.properties.category === category)
    .slice()
    .sort(
      (a, b) =>
        a.properties.startsAt.localeCompare(b.properties.startsAt) ||
        a.properties.name.localeCompare(b.properties.name),
    );
  const unplaced = shown.filter((e) => e.geometry === null);
  const byDay = new Map<string, EventFeature[]>();
  for (const event of shown) {
    if (event.geometry === null) continue;
    const day = dayKey(event.properties.startsAt, timeZone);
    const list = byDay.get(day);
    if (list) list.push(event);
    else byDay.set(day, [event]);
  }
  const days = [...byDay.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([day, list]) => ({ day, events: list }));
  return { unplaced, days };
}

/** The categories present, sorted, for the filter. */
export function categoriesOf(events: readonly EventFeature[]): string[] {
  return [...new Set(events.map((e) => e.properties.category))].sort();
}
