// Weather triggers: the reading at the area's weather point for the hour containing the instant (and the hours before
// it for "sustained", after it for "within"), compared with the threshold.
import {
  defaultClearMaxCloudPct,
  weatherThresholds,
  type WeatherCondition,
  type WeatherTrigger,
} from '../schemas/trigger.js';
import type { WeatherAt, WeatherReading } from '../weather.js';
import type { TriggerResult } from './types.js';

const HOUR_MS = 3_600_000;

/** The value a condition reads: precipitation for rain, snowfall, temperature, wind, or cloud cover for clear. */
export function observedValue(condition: WeatherCondition, r: WeatherReading): number {
  switch (condition) {
    case 'rain':
      return r.precipitationMmH;
    case 'snow':
      return r.snowfallCmH;
    case 'temperature_above':
    case 'temperature_below':
      return r.temperatureC;
    case 'wind_above':
      return r.windKmh;
    case 'clear':
      return r.cloudCoverPct;
  }
}

/**
 * Whether one hour's reading meets the condition. Boundaries: rain and snow hold at the threshold (≥, "rain ≥ 1 mm/h");
 * temperature_above, temperature_below and wind_above hold strictly beyond it (">", "<": "above 25 °C" is not 25 °C);
 * clear holds with no precipitation, no snowfall and cloud cover at most the threshold (default 20 %).
 */
export function weatherHolds(
  condition: WeatherCondition,
  threshold: number,
  r: WeatherReading,
): boolean {
  switch (condition) {
    case 'rain':
      return r.precipitationMmH >= threshold;
    case 'snow':
      return r.snowfallCmH >= threshold;
    case 'temperature_above':
      return r.temperatureC > threshold;
    case 'temperature_below':
      return r.temperatureC < threshold;
    case 'wind_above':
      return r.windKmh > threshold;
    case 'clear':
      return r.precipitationMmH === 0 && r.snowfallCmH === 0 && r.cloudCoverPct <= threshold;
  }
}

const relation: Record<WeatherCondition, [string, string]> = {
  rain: ['≥', '<'],
  snow: ['≥', '<'],
  temperature_above: ['>', '≤'],
  temperature_below: ['<', '≥'],
  wind_above: ['>', '≤'],
  clear: ['≤', '>'],
};

let lastHour = { ms: NaN, iso: '' };
/** ISO string of an hour start, remembered for the last hour asked (every evaluation at one instant asks the same). */
function hourIso(ms: number): string {
  if (lastHour.ms !== ms) lastHour = { ms, iso: new Date(ms).toISOString() };
  return lastHour.iso;
}

const num = (n: number) => String(Math.round(n * 100) / 100);

function describe(
  condition: WeatherCondition,
  threshold: number,
  r: WeatherReading,
  holds: boolean,
): string {
  const unit = weatherThresholds[condition].unit;
  if (condition === 'clear') {
    if (!holds && (r.precipitationMmH > 0 || r.snowfallCmH > 0))
      return `not clear: precipitation ${num(r.precipitationMmH)} mm/h, snowfall ${num(r.snowfallCmH)} cm/h (${r.freshness})`;
    return `${holds ? 'clear' : 'not clear'}: cloud cover ${num(r.cloudCoverPct)} % ${relation.clear[holds ? 0 : 1]} ${num(threshold)} % (${r.freshness})`;
  }
  const label = condition.startsWith('temperature')
    ? 'temperature'
    : condition === 'wind_above'
      ? 'wind'
      : condition;
  return `${label} ${num(observedValue(condition, r))} ${unit} ${relation[condition][holds ? 0 : 1]} ${num(threshold)} ${unit} (${r.freshness})`;
}

/**
 * Evaluates a weather trigger at `at`. With sustainedHours N the N hours ending with the hour in question must all
 * hold; with withinHours H the hour in question may be the current one or any of the next H. An hour without a reading
 * does not hold; when the current hour has none the answer is `no_weather_data`.
 * @example evaluateWeather(0, { type: 'weather', condition: 'rain', threshold: 1 }, [13.4, 52.5], weatherAt, at)
 * // { holds: true, observed: 2.5, threshold: 1, unit: 'mm/h', detail: 'rain 2.5 mm/h ≥ 1 mm/h (simulated)', … }
 */
export function evaluateWeather(
  index: number,
  t: WeatherTrigger,
  point: [number, number],
  weatherAt: WeatherAt,
  at: Date,
): TriggerResult {
  const threshold = t.threshold ?? defaultClearMaxCloudPct;
  const sustained = t.sustainedHours ?? 1;
  const within = t.withinHours ?? 0;
  const base = Math.floor(at.getTime() / HOUR_MS) * HOUR_MS; // hourStart(at), without the Date
  const result = {
    index,
    type: 'weather' as const,
    condition: t.condition,
    threshold,
    unit: weatherThresholds[t.condition].unit,
  };

  let current: WeatherReading | null = null;
  let run = 0;
  for (let offset = 1 - sustained; offset <= within; offset++) {
    const hourMs = base + offset * HOUR_MS;
    const reading = weatherAt(point, new Date(hourMs));
    if (offset === 0) current = reading;
    run = reading && weatherHolds(t.condition, threshold, reading) ? run + 1 : 0;
    if (offset >= 0 && run >= sustained && reading) {
      let detail = describe(t.condition, threshold, reading, true);
      if (sustained > 1) detail += `, ${sustained} h in a row`;
      const hour = hourIso(hourMs);
      if (offset > 0) detail += `, expected at ${hour.slice(11, 16)} UTC`;
      return {
        ...result,
        holds: true,
        code: 'holds',
        observed: observedValue(t.condition, reading),
        detail,
        hour,
        freshness: reading.freshness,
      };
    }
  }
  const hour = hourIso(base);
  if (!current)
    return {
      ...result,
      holds: false,
      code: 'no_weather_data',
      observed: null,
      detail: `no weather data for ${hour.slice(0, 13)}:00 UTC`,
      hour,
    };
  const holdsNow = weatherHolds(t.condition, threshold, current);
  let detail = describe(t.condition, threshold, current, holdsNow);
  if (holdsNow) detail += `, but not ${sustained} h in a row`;
  else if (within > 0) detail += `, nor expected within ${within} h`;
  return {
    ...result,
    holds: false,
    code: 'not_met',
    observed: observedValue(t.condition, current),
    detail,
    hour,
    freshness: current.freshness,
  };
}
