// The campaign evaluator: whether a campaign's offer is live in one area at one instant, with the reasons. Pure: the
// weather, the events and the instant are given, so the scheduler, the live-offers lookup and what-if previews share it.
import { canBeLive } from './status.js';
import { evaluateEvent } from './event-trigger.js';
import { evaluateSchedule } from './schedule-trigger.js';
import type { CampaignForEvaluation, Evaluation, EvaluationInput, TriggerResult, WindowReason } from './types.js';
import { evaluateWeather } from './weather-trigger.js';

const windowMs = new WeakMap<CampaignForEvaluation, { starts: number; ends: number }>();

function campaignWindow(c: CampaignForEvaluation): { starts: number; ends: number } {
  let w = windowMs.get(c);
  if (!w) {
    w = { starts: Date.parse(c.startsAt), ends: Date.parse(c.endsAt) };
    windowMs.set(c, w);
  }
  return w;
}

function windowReason(c: CampaignForEvaluation, atMs: number): WindowReason {
  const base = { type: 'window' as const, status: c.status, startsAt: c.startsAt, endsAt: c.endsAt };
  const span = `${c.startsAt} – ${c.endsAt}`;
  if (!canBeLive(c.status)) return { ...base, holds: false, code: 'not_running', detail: `campaign is ${c.status}` };
  const { starts, ends } = campaignWindow(c);
  if (atMs < starts) return { ...base, holds: false, code: 'not_started', detail: `campaign starts ${c.startsAt}` };
  if (!(atMs < ends)) return { ...base, holds: false, code: 'ended', detail: `campaign ended ${c.endsAt}` };
  return { ...base, holds: true, code: 'in_window', detail: `campaign ${c.status}, ${span}` };
}

/**
 * Whether `campaign` is live in `area` at `at`. It must be scheduled or active and `at` in [startsAt, endsAt); then with
 * no triggers it is live, with `triggerMode: 'any'` one holding trigger suffices and with `'all'` every one must hold.
 * The weather is read at `area.weatherPoint`; schedules on the campaign's timezone.
 * @example evaluateCampaign({ campaign, area, weatherAt, events: [], at: new Date('2026-11-23T07:42:00Z') })
 * // { live: true, reasons: [{ type: 'window', … }, { type: 'weather', detail: 'rain 2.5 mm/h ≥ 1 mm/h (simulated)', … }], triggers: [ … ] }
 */
export function evaluateCampaign({ campaign, area, weatherAt, events, at }: EvaluationInput): Evaluation {
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
  const live = campaign.triggerMode === 'all' ? triggers.every((r) => r.holds) : triggers.some((r) => r.holds);
  const shown = live ? (campaign.triggerMode === 'all' ? triggers : triggers.filter((r) => r.holds)) : triggers.filter((r) => !r.holds);
  return { live, reasons: [gate, ...shown], triggers };
}
