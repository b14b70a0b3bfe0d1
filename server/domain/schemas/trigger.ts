// What switches a campaign on: the weather in its area, a local event near it, or the local hour. A discriminated union
// on `type`, shared by the campaigns API, the evaluator and the campaign builder.
import { z } from 'zod';
import { text } from './text.js';

export const weatherConditions = [
  'rain',
  'snow',
  'temperature_above',
  'temperature_below',
  'wind_above',
  'clear',
] as const;
export type WeatherCondition = (typeof weatherConditions)[number];

/**
 * Per condition: the unit, the allowed threshold range and whether the bounds are inclusive. Rain and snow refuse 0:
 * "rain ≥ 0 mm/h" would hold in dry weather, which nobody means. `clear`'s threshold is the most cloud cover (%) that
 * still counts as clear; it is optional there and defaults to {@link defaultClearMaxCloudPct}.
 */
export const weatherThresholds: Record<
  WeatherCondition,
  { unit: string; min: number; max: number; minExclusive: boolean }
> = {
  rain: { unit: 'mm/h', min: 0, max: 500, minExclusive: true },
  snow: { unit: 'cm/h', min: 0, max: 100, minExclusive: true },
  temperature_above: { unit: '°C', min: -60, max: 60, minExclusive: false },
  temperature_below: { unit: '°C', min: -60, max: 60, minExclusive: false },
  wind_above: { unit: 'km/h', min: 0, max: 400, minExclusive: false },
  clear: { unit: '%', min: 0, max: 100, minExclusive: false },
};
export const defaultClearMaxCloudPct = 20;

const hours = z.number().int().min(1).max(72);

/**
 * `sustainedHours` N: the condition held in each of the N hours ending with the one in question (this hour and the
 * N − 1 before it). `withinHours` H: the question is asked of this hour and each of the next H (forecast) hours, and one
 * answer "yes" suffices. They combine: `{ sustainedHours: 2, withinHours: 3 }` holds when, now or at some point in the
 * next 3 hours, it will have rained for 2 hours in a row.
 */
export const weatherTrigger = z
  .strictObject({
    type: z.literal('weather'),
    condition: z.enum(weatherConditions),
    threshold: z.number().optional().meta({
      description:
        'rain mm/h (>0–500), snow cm/h (>0–100), temperature °C (−60–60), wind km/h (0–400), clear: most cloud cover % (0–100, default 20)',
    }),
    sustainedHours: hours.optional().meta({
      description:
        'The condition must have held for this many hours in a row, ending with the current hour',
    }),
    withinHours: hours.optional().meta({
      description: 'Forecast look-ahead: the current hour or any of the next N hours suffices',
    }),
  })
  .superRefine((t, ctx) => {
    const range = weatherThresholds[t.condition];
    if (t.threshold === undefined) {
      if (t.condition !== 'clear')
        ctx.addIssue({
          code: 'custom',
          path: ['threshold'],
          message: `required for ${t.condition} (${range.unit})`,
        });
      return;
    }
    const tooLow = range.minExclusive ? t.threshold <= range.min : t.threshold < range.min;
    if (tooLow || t.threshold > range.max)
      ctx.addIssue({
        code: 'custom',
        path: ['threshold'],
        message: `for ${t.condition} must be ${range.minExclusive ? 'above' : 'at least'} ${range.min} and at most ${range.max} ${range.unit}`,
      });
  })
  .meta({
    id: 'WeatherTrigger',
    example: { type: 'weather', condition: 'rain', threshold: 1, withinHours: 3 },
  });

const minutes = z
  .number()
  .int()
  .min(0)
  .max(10_080)
  .meta({ description: 'Minutes (at most 7 days)' });

/** An event (by id) or any event of a category, within N metres of the area, from N minutes before to N minutes after. */
export const eventTrigger = z
  .strictObject({
    type: z.literal('event'),
    eventId: text({ min: 1, max: 120, trim: false }).optional(),
    category: text({ min: 1, max: 60 })
      .optional()
      .meta({ description: 'Any event of this category (compared ignoring case)' }),
    withinMeters: z
      .number()
      .min(0)
      .max(50_000)
      .meta({ description: 'Distance from the event to the area (0 = the event is inside it)' }),
    beforeMinutes: minutes.default(0),
    afterMinutes: minutes.default(0),
  })
  .superRefine((t, ctx) => {
    if (t.eventId === undefined && t.category === undefined)
      ctx.addIssue({ code: 'custom', path: ['eventId'], message: 'give an eventId or a category' });
    if (t.eventId !== undefined && t.category !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['category'],
        message: 'give either eventId or category, not both',
      });
  })
  .meta({
    id: 'EventTrigger',
    example: {
      type: 'event',
      eventId: 'ev-1',
      withinMeters: 500,
      beforeMinutes: 60,
      afterMinutes: 60,
    },
  });

/** `HH:MM` on a 24-hour clock; `to` may also be `24:00` (end of the day). */
const clock = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'a local time HH:MM, e.g. 07:00');
const clockEnd = z
  .string()
  .regex(
    /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/,
    'a local time HH:MM, e.g. 11:00 (24:00 for the end of the day)',
  );

/** Minutes after local midnight of `HH:MM`. */
export function clockMinutes(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/**
 * Days of the week (ISO: 1 = Monday … 7 = Sunday) and a local time window [from, to) in the campaign's timezone.
 * `to` before `from` runs past midnight, and the night belongs to the day it starts on: Fri 22:00–02:00 is Friday
 * 22:00 to Saturday 02:00. `to` equal to `from` is refused (empty or whole day? say 00:00–24:00 for the whole day).
 */
export const scheduleTrigger = z
  .strictObject({
    type: z.literal('schedule'),
    daysOfWeek: z
      .array(z.number().int().min(1).max(7))
      .min(1)
      .max(7)
      .meta({ description: 'ISO weekdays, 1 = Monday … 7 = Sunday' }),
    from: clock,
    to: clockEnd,
  })
  .superRefine((t, ctx) => {
    const seen = new Set<number>();
    t.daysOfWeek.forEach((day, i) => {
      if (seen.has(day))
        ctx.addIssue({
          code: 'custom',
          path: ['daysOfWeek', i],
          message: `day ${day} is listed twice`,
        });
      seen.add(day);
    });
    if (clockMinutes(t.to) === clockMinutes(t.from))
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: 'must differ from from (for the whole day use 00:00 to 24:00)',
      });
  })
  .meta({
    id: 'ScheduleTrigger',
    example: { type: 'schedule', daysOfWeek: [1, 2, 3, 4, 5], from: '07:00', to: '11:00' },
  });

export const trigger = z
  .discriminatedUnion('type', [weatherTrigger, eventTrigger, scheduleTrigger])
  .meta({ id: 'Trigger' });

export type WeatherTrigger = z.infer<typeof weatherTrigger>;
export type EventTrigger = z.infer<typeof eventTrigger>;
export type ScheduleTrigger = z.infer<typeof scheduleTrigger>;
export type Trigger = z.infer<typeof trigger>;
export type TriggerType = Trigger['type'];
