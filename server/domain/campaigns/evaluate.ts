// The campaign evaluator: whether a campaign's offer is live in one area at one instant, with the reasons. Pure: the
// weather, the events and the instant are given, so the scheduler, the live-offers lookup and what-if previews share it.
import { canBeLive } from './status.js';
import { evaluateEvent } from './event-trigger.js';
import { evaluateSchedule } from './schedule-trigger.js';
import type {
  CampaignForEvaluation,
  Evaluation,
  EvaluationInput,
  TriggerResult,
  WindowReason,
} from './types.js';
import { evaluateWeather } from './weather-trigger.js';

interface Gate {
  starts: number;
  ends: number;
  /** The reasons, made once per campaign: none depends on the instant. */
  inWindow: WindowReason;
  notRunning: WindowReason;
  notStarted: WindowReason;
  ended: WindowReason;
}
const gates = new WeakMap<CampaignForEvaluation, Gate>();

function gate(c: CampaignForEvaluation): Gate {
  let g = gates.get(c);
  // Campaigns are values (replace, don't mutate); a changed status or window is still noticed and rebuilt.
  if (
    !g ||
    g.inWindow.status !== c.status ||
    g.inWindow.startsAt !== c.startsAt ||
    g.inWindow.endsAt !== c.endsAt
  ) {
    const base = {
      type: 'window' as const,
      status: c.status,
      startsAt: c.startsAt,
      endsAt: c.endsAt,
    };
    g = {
      starts: Date.parse(c.startsAt),
      ends: Date.parse(c.endsAt),
      inWindow: Object.freeze({
        ...base,
        holds: true,
        code: 'in_window',
        detail: `campaign ${c.status}, ${c.startsAt} – ${c.endsAt}`,
      }),
      notRunning: Object.freeze({
        ...base,
        holds: false,
        code: 'not_running',
        detail: `campaign is ${c.status}`,
      }),
      notStarted: Object.freeze({
        ...base,
        holds: false,
        code: 'not_started',
        detail: `campaign starts ${c.startsAt}`,
      }),
      ended: Object.freeze({
        ...base,
        holds: false,
        code: 'ended',
        detail: `campaign ended ${c.endsAt}`,
      }),
    };
    gates.set(c, g);
  }
  return g;
}

/** The campaign's own gate at `atMs`: its status, then its window [startsAt, endsAt). */
export function windowReason(c: CampaignForEvaluation, atMs: number): WindowReason {
  const g = gate(c);
  if (!canBeLive(c.status)) return g.notRunning;
  if (atMs < g.starts) return g.notStarted;
  return atMs < g.ends ? g.inWindow : g.ended;
}

/**
 * Whether `campaign` is live in `area` at `at`. It must be scheduled or active and `at` in [startsAt, endsAt); then with
 * no triggers it is live, with `triggerMode: 'any'` one holding trigger suffices and with `'all'` every one must hold.
 * The weather is read at `area.weatherPoint`; schedules on the campaign's timezone.
 * @example evaluateCampaign({ campaign, area, weatherAt, events: [], at: new Date('2026-11-23T07:42:00Z') })
 * // { live: true, reasons: [{ type: 'window', … }, { type: 'weather', detail: 'rain 2.5 mm/h ≥ 1 mm/h (simulated)', … }], triggers: [ … ] }
 */
export function evaluateCampaign({
  campaign,
  area,
  weatherAt,
  events,
  at,
}: EvaluationInput): Evaluation {
  const gate = windowReason(campaign, at.getTime());
  if (!gate.holds) return { live: false, reasons: [gate], triggers: [] };
  if (campaign.triggers.length === 0) return { live: true, reasons: [gate], triggers: [] };

  const triggers: TriggerResult[] = campaign.triggers.map((t, i) => {
    switch (t.type) {
      case 'weather':
        return evaluateWeather(i, t, area.weatherPoint, weatherAt, at);
      case 'event':
        return evaluateEvent(i, t, area, events, at, campaign.timezone);
      case 'schedule':
        return evaluateSchedule(i, t, at, campaign.timezone);
    }
  });
  const live =
    campaign.triggerMode === 'all' ? triggers.every((r) => r.holds) : triggers.some((r) => r.holds);
  const shown = live
    ? campaign.triggerMode === 'all'
      ? triggers
      : triggers.filter((r) => r.holds)
    : triggers.filter((r) => !r.holds);
  return { live, reasons: [gate, ...shown], triggers };
}
