// The campaigns that can go live, held in memory for the live-offers lookup and the scheduler: scheduled and active
// campaigns, the areas they target (in an R-tree), and the events their event triggers name. It rebuilds itself when
// the database's offer_data_version moved (triggers bump it on every write to campaigns, their areas, areas or events),
// so every writer — API, import, seed, another process — is seen, and a lookup costs the evaluations at the point.
import type { Db } from '../../db/connection.js';
import { findAreas, listAreaVersions } from '../../db/repos/areas.js';
import { versionReader } from '../../db/version-reader.js';
import { listCampaigns, type CampaignRecord } from '../../db/repos/campaigns.js';
import { listEvents } from '../../db/repos/events.js';
import {
  evaluateCampaign,
  namesEvent,
  type AreaForEvaluation,
  type EventForTrigger,
  type Reason,
} from '../../domain/campaigns/index.js';
import type { LiveOffer } from '../../domain/schemas/offer.js';
import { areaWeatherPoint, type WeatherAt } from '../../domain/weather.js';
import { buildAreaLookup, type AreaLookup } from '../areas/lookup.js';

export interface PairEvaluation {
  campaign: CampaignRecord;
  areaId: string;
  live: boolean;
  reasons: Reason[];
}

export interface OfferEngine {
  /** The offers live at [lng, lat] at `at`, by campaign name; the weather is read through `weatherAt`. */
  offersAt(lng: number, lat: number, at: Date, weatherAt: WeatherAt): LiveOffer[];
  /** Every campaign that can go live, in every area it targets, evaluated at `at`. */
  evaluateAll(at: Date, weatherAt: WeatherAt): PairEvaluation[];
  /** Where the weather of every area in play is read, for the provider to fetch ahead. */
  weatherPoints(): [number, number][];
  /** The ids of the campaigns in play (scheduled or active). */
  campaignIds(): Set<string>;
  /**
   * One campaign evaluated at [lng, lat] even when it is not live there: each of its areas containing the point with
   * the evaluation (reasons say why not). null when the campaign is not in play (not scheduled or active).
   */
  explain(
    campaignId: string,
    lng: number,
    lat: number,
    at: Date,
    weatherAt: WeatherAt,
  ): PairEvaluation[] | null;
}

interface AreaInPlay extends AreaForEvaluation {
  name: string;
  /** The area row's version: a rebuild keeps the parsed geometry of an area whose version did not move. */
  version: number;
  campaigns: CampaignRecord[];
}

interface Model {
  version: number;
  areas: Map<string, AreaInPlay>;
  lookup: AreaLookup;
  /** Per campaign, only the events its event triggers can name (by id, or by category ignoring case). */
  events: Map<string, EventForTrigger[]>;
  /** Per campaign id, its place in the answer's order (name, then id, by localeCompare), so a lookup sorts by number. */
  rank: Map<string, number>;
}

function eventsFor(campaign: CampaignRecord, all: EventForTrigger[]): EventForTrigger[] {
  const triggers = campaign.triggers.filter((t) => t.type === 'event');
  if (triggers.length === 0) return [];
  return all.filter((e) => triggers.some((t) => namesEvent(t, e)));
}

/**
 * The model at `version`. Areas unchanged since `previous` (same row version) keep their parsed geometry: reading and
 * parsing 10,000 geometries was ~0.45 s of a ~0.65 s rebuild, and most changes (a campaign saved, paused or ended; an
 * event) touch none. The lookup keeps listAreas order: it decides which of a campaign's areas an offer names.
 */
function load(db: Db, version: number, previous: Model | null): Model {
  const campaigns = listCampaigns(db, { statuses: ['scheduled', 'active'] });
  const wanted = new Set(campaigns.flatMap((c) => c.areaIds));
  const inOrder = listAreaVersions(db).filter((a) => wanted.has(a.id));
  const parsed = new Map<string, Omit<AreaInPlay, 'campaigns'>>();
  const changed: string[] = [];
  for (const { id, version: areaVersion } of inOrder) {
    const kept = previous?.areas.get(id);
    if (kept?.version === areaVersion) parsed.set(id, kept);
    else changed.push(id);
  }
  for (const area of findAreas(db, changed)) {
    parsed.set(area.id, {
      id: area.id,
      name: area.name,
      version: area.version,
      geometry: area.geometry,
      weatherPoint: areaWeatherPoint(area.geometry),
    });
  }
  const areas = new Map<string, AreaInPlay>(
    inOrder.map(({ id }) => [id, { ...parsed.get(id)!, campaigns: [] }]),
  );
  for (const campaign of campaigns)
    for (const id of campaign.areaIds) areas.get(id)?.campaigns.push(campaign);
  const needsEvents = campaigns.some((c) => c.triggers.some((t) => t.type === 'event'));
  const allEvents: EventForTrigger[] = needsEvents
    ? listEvents(db).map((e) => ({
        id: e.id,
        name: e.name,
        category: e.category,
        location: e.location,
        startsAt: e.startsAt,
        endsAt: e.endsAt,
      }))
    : [];
  const events = new Map(campaigns.map((c) => [c.id, eventsFor(c, allEvents)]));
  const inPlay = [...areas.values()];
  const byName = [...campaigns].sort(
    (a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
  );
  const rank = new Map(byName.map((c, i) => [c.id, i]));
  return { version, areas, lookup: buildAreaLookup(inPlay), events, rank };
}

export function createOfferEngine(db: Db): OfferEngine {
  const offerDataVersion = versionReader(db, 'offer_data_version');
  let model: Model | null = null;
  const current = (): Model => {
    const version = offerDataVersion();
    // One read transaction: campaigns, areas and events from the same snapshot, whatever another process commits meanwhile.
    if (!model || model.version !== version)
      model = db.transaction(() => load(db, version, model)).deferred();
    return model;
  };

  const evaluate = (
    m: Model,
    campaign: CampaignRecord,
    area: AreaInPlay,
    at: Date,
    weatherAt: WeatherAt,
  ) => evaluateCampaign({ campaign, area, weatherAt, events: m.events.get(campaign.id) ?? [], at });

  return {
    offersAt(lng, lat, at, weatherAt) {
      const m = current();
      const offers: LiveOffer[] = [];
      // One offer per campaign: a point inside two of its areas gets it once (from the first area, in its order, where
      // it is live), so a campaign already offered is not evaluated again.
      const offered = new Set<string>();
      for (const areaId of m.lookup.areasAt(lng, lat)) {
        const area = m.areas.get(areaId)!;
        for (const campaign of area.campaigns) {
          if (offered.has(campaign.id)) continue;
          const result = evaluate(m, campaign, area, at, weatherAt);
          if (!result.live) continue;
          offered.add(campaign.id);
          const { headline, body, code, discountPercent } = campaign.offer;
          offers.push({
            campaignId: campaign.id,
            campaignName: campaign.name,
            areaId,
            areaName: area.name,
            headline,
            body,
            code,
            discountPercent,
            channel: campaign.channel,
            reasons: result.reasons,
          });
        }
      }
      return offers.sort((a, b) => m.rank.get(a.campaignId)! - m.rank.get(b.campaignId)!);
    },
    evaluateAll(at, weatherAt) {
      const m = current();
      const results: PairEvaluation[] = [];
      for (const area of m.areas.values()) {
        for (const campaign of area.campaigns) {
          const { live, reasons } = evaluate(m, campaign, area, at, weatherAt);
          results.push({ campaign, areaId: area.id, live, reasons });
        }
      }
      return results;
    },
    weatherPoints: () => [...current().areas.values()].map((a) => a.weatherPoint),
    campaignIds: () =>
      new Set([...current().areas.values()].flatMap((a) => a.campaigns.map((c) => c.id))),
    explain(campaignId, lng, lat, at, weatherAt) {
      const m = current();
      if (![...m.areas.values()].some((a) => a.campaigns.some((c) => c.id === campaignId)))
        return null;
      const results: PairEvaluation[] = [];
      for (const areaId of m.lookup.areasAt(lng, lat)) {
        const area = m.areas.get(areaId)!;
        const campaign = area.campaigns.find((c) => c.id === campaignId);
        if (!campaign) continue;
        const { live, reasons } = evaluate(m, campaign, area, at, weatherAt);
        results.push({ campaign, areaId, live, reasons });
      }
      return results;
    },
  };
}
