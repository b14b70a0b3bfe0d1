// Schedule triggers: days of the week and a local time window, read on the campaign's clock (its IANA timezone).
import { clockMinutes, type ScheduleTrigger } from '../schemas/trigger.js';
import { formatClock, formatDays, formatLocalTime, localTime } from '../time/local-time.js';
import type { TriggerResult } from './types.js';

interface Window {
  source: { from: string; to: string; days: readonly number[]; dayCount: number };
  days: boolean[]; // index 1–7
  from: number;
  to: number;
  label: string;
}
const compiled = new WeakMap<ScheduleTrigger, Window>();
const everyDay = new Array<boolean>(8).fill(true);

function compile(t: ScheduleTrigger): Window {
  let w = compiled.get(t);
  // Triggers are values (replace, don't mutate); a changed window is still noticed and rebuilt.
  if (
    !w ||
    w.source.from !== t.from ||
    w.source.to !== t.to ||
    w.source.days !== t.daysOfWeek ||
    w.source.dayCount !== t.daysOfWeek.length
  ) {
    const days = new Array<boolean>(8).fill(false);
    for (const d of t.daysOfWeek) days[d] = true;
    const from = clockMinutes(t.from);
    const to = clockMinutes(t.to);
    w = {
      source: { from: t.from, to: t.to, days: t.daysOfWeek, dayCount: t.daysOfWeek.length },
      days,
      from,
      to,
      label: `${formatDays(t.daysOfWeek)} ${formatClock(from)}–${formatClock(to)}`,
    };
    compiled.set(t, w);
  }
  return w;
}

/**
 * Whether a local weekday and time fall in the window. [from, to): from inclusive, to exclusive. A window with `to`
 * before `from` runs past midnight and belongs to the day it starts on, so Fri 22:00–02:00 covers Saturday 01:30.
 */
export function inSchedule(
  w: Pick<Window, 'days' | 'from' | 'to'>,
  isoWeekday: number,
  minutes: number,
): boolean {
  if (w.from < w.to) return w.days[isoWeekday]! && minutes >= w.from && minutes < w.to;
  const yesterday = isoWeekday === 1 ? 7 : isoWeekday - 1;
  return (w.days[isoWeekday]! && minutes >= w.from) || (w.days[yesterday]! && minutes < w.to);
}

/**
 * Evaluates a schedule trigger at `at` in `timeZone`. The local clock decides, so across a DST change the window
 * moves with it: 07:00–11:00 in Berlin starts at 06:00 UTC in winter and 05:00 UTC in summer; a local time skipped
 * by the spring change never occurs, and one repeated in autumn holds both times.
 * @example evaluateSchedule(0, { type: 'schedule', daysOfWeek: [1, 2, 3, 4, 5], from: '07:00', to: '11:00' }, at, 'Europe/Berlin')
 * // { holds: true, observed: 'Mon 07:42', threshold: 'Mon–Fri 07:00–11:00', detail: 'Mon 07:42 Europe/Berlin inside Mon–Fri 07:00–11:00', … }
 */
export function evaluateSchedule(
  index: number,
  t: ScheduleTrigger,
  at: Date,
  timeZone: string,
): TriggerResult {
  const w = compile(t);
  const local = localTime(at, timeZone);
  const holds = inSchedule(w, local.isoWeekday, local.minutes);
  const observed = formatLocalTime(local);
  // Not holding: the hours would fit on some day (every day's window) but not on this one, or the hours are wrong.
  const code = holds
    ? 'holds'
    : inSchedule({ days: everyDay, from: w.from, to: w.to }, local.isoWeekday, local.minutes)
      ? 'outside_days'
      : 'outside_hours';
  return {
    index,
    type: 'schedule',
    holds,
    code,
    observed,
    threshold: w.label,
    unit: null,
    detail: `${observed} ${timeZone} ${holds ? 'inside' : 'outside'} ${w.label}`,
  };
}
