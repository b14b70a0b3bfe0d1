// What the campaign evaluator takes and what it answers: whether an offer is live in one area at one instant, and why.
import type { MultiPolygon, Polygon } from 'geojson';
import type { Campaign, TriggerType, WeatherCondition } from '../schemas/campaign.js';
import type { WeatherAt, WeatherFreshness } from '../weather.js';

/** The campaign fields the evaluator reads (a stored Campaign fits). */
export type CampaignForEvaluation = Pick<Campaign, 'status' | 'startsAt' | 'endsAt' | 'timezone' | 'triggers' | 'triggerMode'>;

export interface AreaForEvaluation {
  id: string;
  geometry: Polygon | MultiPolygon;
  /** Where the area's weather is read ({@link import('../weather.js').areaWeatherPoint}), [lng, lat]. */
  weatherPoint: [number, number];
}

/** An event as event triggers see it. Times are UTC ISO 8601; `endsAt` is exclusive. */
export interface EventForTrigger {
  id: string;
  name?: string;
  category: string;
  /** [lng, lat], or null for an event not yet placed on the map (it never triggers anything). */
  location: [number, number] | null;
  startsAt: string;
  endsAt: string;
}

export interface EvaluationInput {
  campaign: CampaignForEvaluation;
  area: AreaForEvaluation;
  weatherAt: WeatherAt;
  events: readonly EventForTrigger[];
  at: Date;
}

/**
 * Why a trigger holds or not, for the UI to translate: `holds`; weather `not_met` / `no_weather_data`; event `too_far`,
 * `outside_time`, `not_placed`, `no_event` (no such id or no event of the category); schedule `outside_days` /
 * `outside_hours`.
 */
export type TriggerCode =
  | 'holds'
  | 'not_met'
  | 'no_weather_data'
  | 'too_far'
  | 'outside_time'
  | 'not_placed'
  | 'no_event'
  | 'outside_days'
  | 'outside_hours';

/** One trigger's answer: the observed value against the threshold, in the unit, and a sentence saying the same. */
export interface TriggerResult {
  /** Position of the trigger in `campaign.triggers`. */
  index: number;
  type: TriggerType;
  holds: boolean;
  code: TriggerCode;
  /** Weather: the reading (°C, mm/h…); event: metres from the area; schedule: local `Mon 07:42`. null when unknown. */
  observed: number | string | null;
  /** Weather: the threshold; event: withinMeters; schedule: `Mon–Fri 07:00–11:00`. */
  threshold: number | string | null;
  unit: string | null;
  /** English, e.g. "rain 2.5 mm/h ≥ 1 mm/h (simulated)"; the structured fields are there for other languages. */
  detail: string;
  /** Weather: the condition, the UTC hour of the reading that decided and where that reading came from. */
  condition?: WeatherCondition;
  hour?: string;
  freshness?: WeatherFreshness;
  /** Event: the event that decided (the nearest qualifying one for a category). */
  eventId?: string;
  eventName?: string;
}

/** The campaign's own gate: its status and its window [startsAt, endsAt). */
export interface WindowReason {
  type: 'window';
  holds: boolean;
  code: 'in_window' | 'not_running' | 'not_started' | 'ended';
  status: Campaign['status'];
  startsAt: string;
  endsAt: string;
  detail: string;
}

export type Reason = WindowReason | TriggerResult;

export interface Evaluation {
  live: boolean;
  /**
   * The window first, then: when live, the triggers that hold (mode any) or all of them (mode all); when not live
   * because of its triggers, the ones that failed. Triggers are not evaluated outside the window or status.
   */
  reasons: Reason[];
  /** Every trigger's result, in order (empty when the window or status already says no). */
  triggers: TriggerResult[];
}
