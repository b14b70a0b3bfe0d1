// Workspace settings: the minimum group size for aggregate answers, how long customers are kept, the workspace's
// time zone (what new campaigns are scheduled in) and the units distances and temperatures are shown in.
import { z } from 'zod';
import { isIanaTimeZone } from '../time/zones.js';

export const DEFAULT_MIN_GROUP_SIZE = 10;

/** Display units only: every stored value stays SI (metres, °C, mm/h, km/h). */
export const distanceUnits = z
  .enum(['metric', 'imperial'])
  .meta({ description: 'Distances in m and km (metric) or ft and mi (imperial)' });
export const temperatureUnits = z
  .enum(['celsius', 'fahrenheit'])
  .meta({ description: 'Temperatures in °C or °F' });
export const DEFAULT_DISTANCE_UNITS = 'metric';
export const DEFAULT_TEMPERATURE_UNIT = 'celsius';

export const privacySettings = z
  .object({
    minGroupSize: z.number().int().meta({
      description: 'Counts below this are hidden (null) from roles without customer access',
    }),
    retentionMonths: z.number().int().nullable().meta({
      description:
        'Customers without a purchase (or update) for this many months are erased daily; null keeps them',
    }),
    timeZone: z.string().nullable().meta({
      description:
        "The workspace's IANA time zone: new campaigns start in it. null until set (the app then uses the viewer's)",
      example: 'Europe/Berlin',
    }),
    distanceUnits,
    temperatureUnit: temperatureUnits,
  })
  .meta({ id: 'PrivacySettings' });

/** An IANA time zone name as Intl.supportedValuesOf('timeZone') lists it, or UTC. */
export const workspaceTimeZone = z
  .string()
  .min(1)
  .max(64)
  .refine(isIanaTimeZone, { message: 'not an IANA time zone name (e.g. Europe/Berlin)' });

export const privacySettingsPatch = z
  .strictObject({
    minGroupSize: z.number().int().min(2).max(1000).optional(),
    retentionMonths: z.number().int().min(1).max(240).nullable().optional(),
    timeZone: workspaceTimeZone.nullable().optional(),
    distanceUnits: distanceUnits.optional(),
    temperatureUnit: temperatureUnits.optional(),
  })
  .meta({ id: 'PrivacySettingsPatch' });

export type PrivacySettings = z.infer<typeof privacySettings>;
export type PrivacySettingsPatch = z.infer<typeof privacySettingsPatch>;
