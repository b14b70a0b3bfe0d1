// A tiny WeatherAt for evaluator tests: a table of readings by UTC hour ("2026-11-23T07"), null for hours not listed.
import type {
  WeatherAt,
  WeatherFreshness,
  WeatherHour,
  WeatherReading,
} from '../../server/domain/weather.js';

const calm: Omit<WeatherHour, 'hour'> = {
  temperatureC: 12,
  precipitationMmH: 0,
  snowfallCmH: 0,
  windKmh: 10,
  cloudCoverPct: 30,
  weatherCode: null,
};

export function weatherTable(
  rows: Record<string, Partial<WeatherHour>>,
  freshness: WeatherFreshness = 'simulated',
): WeatherAt & { asked: [number, number][] } {
  const asked: [number, number][] = [];
  const at: WeatherAt = (point, hour) => {
    asked.push(point);
    const key = hour.toISOString().slice(0, 13);
    const row = rows[key];
    if (!row) return null;
    const reading: WeatherReading = { ...calm, ...row, hour: `${key}:00:00.000Z`, freshness };
    return reading;
  };
  return Object.assign(at, { asked });
}
