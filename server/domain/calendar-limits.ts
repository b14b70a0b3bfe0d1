// The limits of a calendar import (.ics file or feed), stated once: the import enforces them, the API description
// and the import result quote them, the Events panel explains a cut with them.

const DAY_MS = 86_400_000;

/** Recurring events are expanded from at most this many days before the import… */
export const RECURRENCE_PAST_DAYS = 365;
/** …to at most this many days after it, whatever window the import asks for. */
export const RECURRENCE_FUTURE_DAYS = 730;
/** At most this many occurrences of one recurring event per import; the rest is reported as cut. */
export const MAX_OCCURRENCES_PER_SERIES = 1000;
/** An import that would add or update more events than this (occurrences counted one by one) is refused whole. */
export const MAX_IMPORT_EVENTS = 5000;
/** Recurring events cut short are listed by name in an import's result up to this many; its count has them all. */
export const MAX_CUTS_LISTED = 100;
/** Components nest at most this deep (VCALENDAR › VEVENT › VALARM is 3); a VCALENDAR never sits inside another. */
export const MAX_COMPONENT_DEPTH = 6;
/** A feed's calendar is at most 1 MiB, as much as an uploaded file can be (the API's body limit, server/http/guards.ts). */
export const MAX_FEED_BYTES = 1024 * 1024;

/**
 * Why a recurring event was not imported in full. `horizon`: occurrences inside the asked-for window lie outside
 * the recurrence horizon. `series-cap`: the rule gives more than MAX_OCCURRENCES_PER_SERIES occurrences in the window,
 * or takes too many steps to reach them (FREQ=SECONDLY from years back).
 */
export const truncationReasons = ['horizon', 'series-cap'] as const;
export type TruncationReason = (typeof truncationReasons)[number];

export interface InstantWindow {
  from: Date;
  to: Date;
}

/**
 * The instants recurring events may be expanded between, for an import at `at`.
 *
 * @example recurrenceHorizon(new Date('2026-06-01T00:00:00Z')) // 2025-06-01 … 2028-05-31
 */
export function recurrenceHorizon(at: Date): InstantWindow {
  return {
    from: new Date(at.getTime() - RECURRENCE_PAST_DAYS * DAY_MS),
    to: new Date(at.getTime() + RECURRENCE_FUTURE_DAYS * DAY_MS),
  };
}
