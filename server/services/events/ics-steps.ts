// A step budget for expanding recurrence rules with ical.js — events' and time zones' — so no calendar can hold the
// server for long or fill its memory. ical.js steps one FREQ unit at a time until an instant passes the rule's BY…
// parts — every second from DTSTART for FREQ=SECONDLY;BYMONTH=1 (35 s to find two occurrences, measured here) — and
// never stops for a rule no instant passes (FREQ=HOURLY;BYMONTH=2;BYMONTHDAY=30). Each instant it tests spends a
// step, and each occurrence the import looks at OCCURRENCE_STEPS more; once a series or the file has spent its share,
// an OutOfSteps thrown from inside ical.js stops the expansion.
import ICAL from 'ical.js';

/**
 * Steps one recurring event, and one file, may take. A step is what testing one instant costs (1.7 µs, measured
 * here), so expanding one file holds the server for about 2 s at most.
 */
export const MAX_RULE_STEPS_PER_SERIES = 100_000;
export const MAX_RULE_STEPS_PER_FILE = 1_000_000;
/** Looking at an occurrence, in steps: ical.js's next() (7 µs)… */
export const OCCURRENCE_STEPS = 4;
/** …and reading one that may land in the window (its details and instants, 19 µs in all). */
export const OCCURRENCE_READ_STEPS = 6;
/**
 * Steps all of a file's VTIMEZONE rules may take. ical.js expands a zone's rules from their DTSTART (1601 in Outlook's
 * exports) to five years past the date asked about and keeps every change: a real zone takes at most about 2,000
 * steps, one with RRULE:FREQ=MINUTELY would take minutes and gigabytes.
 */
export const MAX_ZONE_STEPS = 100_000;

/** `series`: one recurring event used its steps; `file`: all of them did; `zones`: the time zones did. */
export class OutOfSteps extends Error {
  constructor(readonly scope: 'series' | 'file' | 'zones') {
    super(`the recurrence expansion used up the steps of its ${scope}`);
    this.name = 'OutOfSteps';
  }
}

/** Counts the steps of one file's expansion and of the recurring event being expanded (or of its time zones). */
export class StepBudget {
  private file = 0;
  private series = 0;

  constructor(
    private readonly limits = { series: MAX_RULE_STEPS_PER_SERIES, file: MAX_RULE_STEPS_PER_FILE },
    private readonly fileScope: 'file' | 'zones' = 'file',
  ) {}

  /** For a file's VTIMEZONE rules: one budget for them all. */
  static forZones(): StepBudget {
    return new StepBudget({ series: Infinity, file: MAX_ZONE_STEPS }, 'zones');
  }

  startSeries(): void {
    this.series = 0;
  }

  /** Throws OutOfSteps once the file, or else the series, has no step left. */
  spend(steps = 1): void {
    if ((this.file += steps) > this.limits.file) throw new OutOfSteps(this.fileScope);
    if ((this.series += steps) > this.limits.series) throw new OutOfSteps('series');
  }
}

/**
 * Makes every RRULE of `component` spend a step of `budget` for each instant ical.js tests against it. Call it
 * before `new ICAL.Event(component).iterator()`: building the iterator already looks for the second occurrence. The
 * rule objects patched are the ones the iterator reads (a property keeps its decorated values).
 */
export function meterRules(component: ICAL.Component, budget: StepBudget): void {
  for (const property of component.getAllProperties('rrule')) {
    const recur = property.getFirstValue() as ICAL.Recur;
    recur.iterator = (start: ICAL.Time) => {
      const iterator = ICAL.Recur.prototype.iterator.call(recur, start);
      const test = iterator.check_contracting_rules.bind(iterator);
      iterator.check_contracting_rules = () => {
        budget.spend();
        return test();
      };
      return iterator;
    };
  }
}
