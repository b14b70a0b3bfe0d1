// Why an offer is (or was) live, or not: the campaign's window, then one answer per trigger. The evaluator's answer,
// the live offers', the activations' and what-if's, in one shape.
import { z } from 'zod';
import { campaignStatuses } from '../campaigns/status.js';
import { weatherConditions, type TriggerType } from './trigger.js';
import { weatherFreshness } from './weather.js';

/**
 * Why a trigger holds or not, for the UI to translate: `holds`; weather `not_met` / `no_weather_data`; event `too_far`,
 * `outside_time`, `not_placed`, `no_event` (no such id or no event of the category); schedule `outside_days` /
 * `outside_hours`.
 */
export const triggerCodes = [
  'holds',
  'not_met',
  'no_weather_data',
  'too_far',
  'outside_time',
  'not_placed',
  'no_event',
  'outside_days',
  'outside_hours',
] as const;
const triggerTypes = ['weather', 'event', 'schedule'] as const satisfies readonly TriggerType[];
const observedValue = z.union([z.number(), z.string()]).nullable();

/** One trigger's answer: the observed value against the threshold, in the unit, and a sentence saying the same. */
export const triggerResultSchema = z.object({
  index: z
    .number()
    .int()
    .meta({ description: "Position of the trigger in the campaign's triggers" }),
  type: z.enum(triggerTypes),
  holds: z.boolean(),
  code: z.enum(triggerCodes),
  observed: observedValue.meta({
    description:
      'Weather: the reading (°C, mm/h…); event: metres from the area; schedule: local `Mon 07:42`. null when unknown',
  }),
  threshold: observedValue.meta({
    description: 'Weather: the threshold; event: withinMeters; schedule: `Mon–Fri 07:00–11:00`',
  }),
  unit: z.string().nullable(),
  detail: z.string().meta({
    description:
      'English, e.g. "rain 2.5 mm/h ≥ 1 mm/h (simulated)"; the structured fields are there for other languages',
  }),
  condition: z.enum(weatherConditions).optional().meta({ description: 'Weather: the condition' }),
  hour: z
    .string()
    .optional()
    .meta({ description: 'Weather: the UTC hour of the reading that decided' }),
  freshness: weatherFreshness
    .optional()
    .meta({ description: 'Weather: where that reading came from' }),
  eventId: z.string().optional().meta({
    description: 'Event: the event that decided (the nearest qualifying one for a category)',
  }),
  eventName: z.string().optional(),
});

/** The campaign's own gate: its status and its window [startsAt, endsAt). */
export const windowReasonSchema = z.object({
  type: z.literal('window'),
  holds: z.boolean(),
  code: z.enum(['in_window', 'not_running', 'not_started', 'ended']),
  status: z.enum(campaignStatuses),
  startsAt: z.string(),
  endsAt: z.string(),
  detail: z.string(),
});

export const reason = z.discriminatedUnion('type', [windowReasonSchema, triggerResultSchema]).meta({
  id: 'Reason',
  description: 'Why: the campaign window, or a trigger with its observed value, threshold and unit',
});

export type TriggerCode = (typeof triggerCodes)[number];
export type TriggerResult = z.infer<typeof triggerResultSchema>;
export type WindowReason = z.infer<typeof windowReasonSchema>;
export type Reason = z.infer<typeof reason>;
