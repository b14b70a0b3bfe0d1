// Campaigns in the domain: lifecycle, and the evaluator that says whether an offer is live in an area, and why.
export {
  campaignStatuses,
  campaignTransitions,
  canBeLive,
  createStatuses,
  transitionError,
  type CampaignStatus,
} from './status.js';
export { evaluateCampaign, windowReason } from './evaluate.js';
export { evaluateWeather, observedValue, weatherHolds } from './weather-trigger.js';
export { evaluateEvent, inEventTime, metersToArea, namesEvent } from './event-trigger.js';
export { evaluateSchedule, inSchedule } from './schedule-trigger.js';
export { hash32, holdoutBucket, inHoldout } from './holdout.js';
export type * from './types.js';
