// One evaluation of every campaign at an instant, recorded as activations: an interval opens when a campaign becomes
// live in an area and closes when its conditions end. Instants only move forward per campaign: evaluating the same
// instant twice changes nothing, and an instant before the campaign's last evaluation is answered but not recorded
// (it would rewrite history the intervals already describe). The scheduler runs this every few minutes.
import type { Db } from '../../db/connection.js';
import {
  closeActivation,
  lastEvaluations,
  openActivation,
  openActivations,
  recordEvaluation,
  type ActivationRecord,
} from '../../db/repos/activations.js';
import { findCampaign } from '../../db/repos/campaigns.js';
import type { Reason } from '../../domain/campaigns/index.js';
import type { EvaluationRun } from '../../domain/schemas/offer.js';
import type { Logger } from '../../logger.js';
import { utcInstant } from '../../domain/time/index.js';
import type { OfferEngine } from './offer-engine.js';
import type { WeatherProvider } from '../weather/index.js';

const HOUR_MS = 3_600_000;
/** Sustained-for and look-ahead reach at most 72 hours either side of the instant (the trigger schema's limits). */
const WEATHER_REACH_MS = 73 * HOUR_MS;

export interface ActivationEdge {
  kind: 'started' | 'ended';
  activationId: number;
  campaignId: string;
  areaId: string;
  at: string;
  reasons: Reason[];
}

export interface TriggerRunDeps {
  db: Db;
  engine: OfferEngine;
  weather: WeatherProvider;
  logger: Logger;
  /** Called inside the recording transaction for every interval opened or closed (the webhook outbox listens). */
  onEdge?: (edge: ActivationEdge) => void;
}

/** The campaign stopped running (paused, ended, back to draft) or no longer targets the area: why its interval closes. */
function notRunningReason(db: Db, campaignId: string, areaId: string): Reason[] {
  const campaign = findCampaign(db, campaignId);
  if (!campaign) return [];
  const targets = campaign.areaIds.includes(areaId);
  return [
    {
      type: 'window',
      holds: false,
      code: 'not_running',
      status: campaign.status,
      startsAt: campaign.startsAt,
      endsAt: campaign.endsAt,
      detail: targets
        ? `campaign is ${campaign.status}`
        : 'the campaign no longer targets this area',
    },
  ];
}

export async function runEvaluation(
  { db, engine, weather, logger, onEdge }: TriggerRunDeps,
  atDate: Date,
): Promise<EvaluationRun> {
  const at = utcInstant(atDate);
  await weather.prefetch(
    engine.weatherPoints(),
    new Date(atDate.getTime() - WEATHER_REACH_MS),
    new Date(atDate.getTime() + WEATHER_REACH_MS),
  );
  const results = engine.evaluateAll(new Date(at), weather.at);
  const run: EvaluationRun = { at, live: [], opened: 0, closed: 0, notRecorded: [] };
  for (const r of results)
    if (r.live) run.live.push({ campaignId: r.campaign.id, areaId: r.areaId, reasons: r.reasons });

  db.transaction(() => {
    const last = lastEvaluations(db);
    const open = new Map<string, ActivationRecord>(
      openActivations(db).map((a) => [`${a.campaignId}|${a.areaId}`, a]),
    );
    const mayRecord = (campaignId: string) => {
      const previous = last.get(campaignId);
      return previous === undefined || previous <= at;
    };
    const evaluated = new Set<string>();
    for (const r of results) {
      const campaignId = r.campaign.id;
      if (!mayRecord(campaignId)) {
        if (!run.notRecorded.includes(campaignId)) run.notRecorded.push(campaignId);
        continue;
      }
      evaluated.add(campaignId);
      const key = `${campaignId}|${r.areaId}`;
      const current = open.get(key);
      open.delete(key);
      if (r.live && !current) {
        const activationId = openActivation(db, campaignId, r.areaId, at, r.reasons);
        run.opened += 1;
        onEdge?.({
          kind: 'started',
          activationId,
          campaignId,
          areaId: r.areaId,
          at,
          reasons: r.reasons,
        });
      } else if (!r.live && current && current.startedAt <= at) {
        closeActivation(db, current.id, at, r.reasons);
        run.closed += 1;
        onEdge?.({
          kind: 'ended',
          activationId: current.id,
          campaignId,
          areaId: r.areaId,
          at,
          reasons: r.reasons,
        });
      }
    }
    // Intervals still open belong to campaigns that stopped running (paused, ended, back to draft) or dropped the area.
    for (const stale of open.values()) {
      if (!mayRecord(stale.campaignId) || stale.startedAt > at) continue;
      const reasons = notRunningReason(db, stale.campaignId, stale.areaId);
      closeActivation(db, stale.id, at, reasons);
      run.closed += 1;
      evaluated.add(stale.campaignId);
      onEdge?.({
        kind: 'ended',
        activationId: stale.id,
        campaignId: stale.campaignId,
        areaId: stale.areaId,
        at,
        reasons,
      });
    }
    for (const campaignId of evaluated) recordEvaluation(db, campaignId, at);
  })();
  if (run.opened || run.closed)
    logger.info('triggers evaluated', {
      at,
      live: run.live.length,
      opened: run.opened,
      closed: run.closed,
    });
  return run;
}

/**
 * Evaluates now, then every `minutes` minutes (0 turns it off). A run that fails is logged and the next one comes
 * as usual; runs never overlap.
 */
export function scheduleEvaluations(
  deps: TriggerRunDeps & { clock: () => Date },
  minutes: number,
): () => void {
  if (minutes <= 0) return () => {};
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    runEvaluation(deps, deps.clock())
      .catch((error: unknown) =>
        deps.logger.error('trigger evaluation failed', {
          error: error instanceof Error ? error.message : String(error),
        }),
      )
      .finally(() => {
        running = false;
      });
  };
  const first = setTimeout(tick, 0);
  const timer = setInterval(tick, minutes * 60_000);
  timer.unref();
  first.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
