// The Open-Meteo forecast answer (https://open-meteo.com/en/docs), validated, turned into hours. We ask for
// timezone=GMT, so `time` is local GMT without a zone ("2026-11-23T06:00"); utc_offset_seconds is still applied in case
// an endpoint answers in another zone. Units are Open-Meteo's defaults: °C, mm, cm, km/h, %, WMO code.
import { z } from 'zod';
import type { WeatherHour } from '../../domain/weather.js';

export const HOURLY_VARIABLES = [
  'temperature_2m',
  'precipitation',
  'snowfall',
  'wind_speed_10m',
  'cloud_cover',
  'weather_code',
] as const;

const series = z.array(z.number().nullable());

export const openMeteoResponse = z.object({
  latitude: z.number(),
  longitude: z.number(),
  utc_offset_seconds: z.number().int(),
  timezone: z.string(),
  hourly_units: z.record(z.string(), z.string()).optional(),
  hourly: z
    .object({
      time: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/)),
      temperature_2m: series,
      precipitation: series,
      snowfall: series,
      wind_speed_10m: series,
      cloud_cover: series,
      weather_code: series,
    })
    .refine(
      (h) => HOURLY_VARIABLES.every((name) => h[name].length === h.time.length),
      'every hourly series must be as long as hourly.time',
    ),
});

export type OpenMeteoResponse = z.infer<typeof openMeteoResponse>;

/** The units we read the numbers in; an answer in other units is refused rather than misread. */
const expectedUnits: Record<string, string> = {
  temperature_2m: '°C',
  precipitation: 'mm',
  snowfall: 'cm',
  wind_speed_10m: 'km/h',
  cloud_cover: '%',
};

export type ParsedHours = { ok: true; hours: WeatherHour[] } | { ok: false; reason: string };

/** Validates an answer's body; an hour with a null measurement is left out (unknown), a null weather code is kept as null. */
export function parseOpenMeteo(body: unknown): ParsedHours {
  const parsed = openMeteoResponse.safeParse(body);
  if (!parsed.success)
    return {
      ok: false,
      reason: `unexpected shape: ${parsed.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join('.')}: ${i.message}`)
        .join('; ')}`,
    };
  const { hourly, hourly_units: units, utc_offset_seconds: offset } = parsed.data;
  for (const [name, unit] of Object.entries(expectedUnits)) {
    if (units?.[name] !== undefined && units[name] !== unit)
      return { ok: false, reason: `unexpected unit for ${name}: ${units[name]}` };
  }
  const hours: WeatherHour[] = [];
  hourly.time.forEach((time, i) => {
    const [t, p, s, w, c] = [
      hourly.temperature_2m[i],
      hourly.precipitation[i],
      hourly.snowfall[i],
      hourly.wind_speed_10m[i],
      hourly.cloud_cover[i],
    ];
    if (t == null || p == null || s == null || w == null || c == null) return;
    const utc = Date.parse(`${time}:00Z`) - offset * 1000;
    if (!Number.isFinite(utc)) return;
    hours.push({
      hour: new Date(utc).toISOString(),
      temperatureC: t,
      precipitationMmH: p,
      snowfallCmH: s,
      windKmh: w,
      cloudCoverPct: c,
      weatherCode: hourly.weather_code[i] ?? null,
    });
  });
  return { ok: true, hours };
}
