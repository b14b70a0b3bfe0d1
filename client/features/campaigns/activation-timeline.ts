// The activation timeline as data: which period it shows and where each live interval sits in it, per area.
import type { Activation } from '../../api/contract';

const DAY_MS = 86_400_000;
/** A window up to this long is shown whole; a longer one a week at a time, the last one up to now first. */
export const WHOLE_WINDOW_MAX_MS = 14 * DAY_MS;

const WEEK_MS = 7 * DAY_MS;

export interface TimelineRange {
  from: number;
  to: number;
  /** Whether an earlier or a later week of a long window can be shown. */
  earlier: boolean;
  later: boolean;
}

/**
 * The period the timeline shows: the campaign's window when it is at most two weeks long, else a week — the 7 days up
 * to now (or up to its end, once it ended; from its start, when it started less than 7 days ago), or `weeksBack`
 * weeks before that, never before the first week of the window.
 * @example timelineRange({ startsAt: '2026-11-01T00:00:00Z', endsAt: '2027-02-28T00:00:00Z' }, new Date('2026-11-23T12:00:00Z'))
 * // { from: 2026-11-16T12:00Z, to: 2026-11-23T12:00Z, earlier: true, later: false } (times as epoch milliseconds)
 */
export function timelineRange(
  c: { startsAt: string; endsAt: string },
  now: Date,
  weeksBack = 0,
): TimelineRange {
  const starts = Date.parse(c.startsAt);
  const ends = Date.parse(c.endsAt);
  if (ends - starts <= WHOLE_WINDOW_MAX_MS)
    return { from: starts, to: ends, earlier: false, later: false };
  const newest = Math.max(starts + DAY_MS, Math.min(now.getTime(), ends));
  const to = Math.max(Math.min(starts + WEEK_MS, newest), newest - weeksBack * WEEK_MS);
  const from = Math.max(starts, to - WEEK_MS);
  return { from, to, earlier: from > starts, later: to < newest };
}

/** What the layout reads of an activation. */
export type TimelineInterval = Pick<Activation, 'areaId' | 'startedAt' | 'endedAt'>;

export interface TimelineBar<A extends TimelineInterval = Activation> {
  activation: A;
  /** Percent of the period from its start, and of its length, clipped to the period. */
  left: number;
  width: number;
  /** Still live (no end yet). */
  open: boolean;
}

export interface TimelineRow<A extends TimelineInterval = Activation> {
  areaId: string;
  bars: TimelineBar<A>[];
}

/**
 * One row per area (in `areaIds` order, then any other area with activations), each live interval clipped to the
 * period as percentages; intervals outside it are left out. An open interval runs to `now`.
 * @example layoutTimeline([{ id: 'a', areaId: 'ar-1', startedAt: '…T06:00Z', endedAt: '…T12:00Z', reasons: [] }], ['ar-1'], { from, to }, now)
 * // [{ areaId: 'ar-1', bars: [{ left: 25, width: 25, open: false, … }] }]
 */
export function layoutTimeline<A extends TimelineInterval>(
  activations: readonly A[],
  areaIds: readonly string[],
  range: { from: number; to: number },
  now: Date,
): TimelineRow<A>[] {
  const span = range.to - range.from;
  const order = [
    ...areaIds,
    ...activations.map((a) => a.areaId).filter((id) => !areaIds.includes(id)),
  ];
  const rows = new Map<string, TimelineBar<A>[]>([...new Set(order)].map((id) => [id, []]));
  if (span <= 0) return [...rows].map(([areaId, bars]) => ({ areaId, bars }));
  for (const activation of activations) {
    const start = Date.parse(activation.startedAt);
    const end =
      activation.endedAt === null ? Math.max(start, now.getTime()) : Date.parse(activation.endedAt);
    const from = Math.max(start, range.from);
    const to = Math.min(end, range.to);
    if (to < from || (to === from && start !== end)) continue;
    rows.get(activation.areaId)!.push({
      activation,
      left: ((from - range.from) / span) * 100,
      width: ((to - from) / span) * 100,
      open: activation.endedAt === null,
    });
  }
  return [...rows].map(([areaId, bars]) => ({
    areaId,
    bars: bars.sort((a, b) => a.left - b.left),
  }));
}
