// What the campaign evaluator takes and what it answers: whether an offer is live in one area at one instant, and why.
import type { MultiPolygon, Polygon } from 'geojson';
import type { Campaign } from '../schemas/campaign.js';
import type { Reason, TriggerResult } from '../schemas/reason.js';
import type { WeatherAt } from '../weather.js';

/** The campaign fields the evaluator reads (a stored Campaign fits). */
export type CampaignForEvaluation = Pick<
  Campaign,
  'status' | 'startsAt' | 'endsAt' | 'timezone' | 'triggers' | 'triggerMode'
>;

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

// Reasons are part of the API's answers: their shape is the schema's.
export type { Reason, TriggerCode, TriggerResult, WindowReason } from '../schemas/reason.js';

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
