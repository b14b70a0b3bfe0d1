// The weather API's answers: each visible area's reading for an hour, and the scenario in force.
import { z } from 'zod';
import { weatherScenario } from './weather-scenario.js';

export const weatherFreshness = z.enum(['live', 'stale', 'simulated', 'forecast']);

export const weatherReading = z
  .object({
    hour: z
      .string()
      .meta({ description: 'UTC start of the hour (ISO); values hold for [hour, hour + 1 h)' }),
    temperatureC: z.number(),
    precipitationMmH: z.number(),
    snowfallCmH: z.number(),
    windKmh: z.number(),
    cloudCoverPct: z.number(),
    weatherCode: z.number().int().nullable(),
    freshness: weatherFreshness,
  })
  .meta({ id: 'WeatherReading' });

export const areaWeatherQuery = z.object({
  at: z.iso
    .datetime({ offset: true })
    .optional()
    .meta({ description: 'The instant (its UTC hour is read); now when absent' }),
  areaId: z
    .string()
    .min(1)
    .max(120)
    .optional()
    .meta({ description: 'Only this area (an empty list when you may not see it)' }),
});

export const areaWeather = z.object({
  areaId: z.string(),
  name: z.string(),
  point: z
    .tuple([z.number(), z.number()])
    .meta({ description: '[lng, lat] the area’s weather is read at' }),
  reading: weatherReading
    .nullable()
    .meta({ description: 'Null when nothing is known for that hour' }),
  freshness: z.union([weatherFreshness, z.literal('unknown')]),
  fetchedAt: z.string().nullable(),
  error: z
    .string()
    .nullable()
    .meta({ description: 'The provider’s last failure for this place, if any' }),
});

export const areaWeatherList = z
  .object({
    provider: z.enum(['open-meteo', 'scenario']),
    hour: z.string(),
    areas: z.array(areaWeather),
  })
  .meta({ id: 'AreaWeatherList' });

export const currentScenario = z
  .object({
    scenario: weatherScenario,
    source: z.enum(['api', 'file', 'default']),
    updatedAt: z
      .string()
      .nullable()
      .meta({ description: 'When it was set through the API; null for a file or the default' }),
    provider: z
      .enum(['open-meteo', 'scenario'])
      .meta({ description: 'With open-meteo the scenario only serves what-if previews' }),
  })
  .meta({ id: 'CurrentWeatherScenario' });

export type AreaWeatherList = z.infer<typeof areaWeatherList>;
export type CurrentWeatherScenario = z.infer<typeof currentScenario>;
