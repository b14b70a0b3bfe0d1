// Weather from a scenario (PRODUCT.md › Weather scenario format), as the evaluator reads it. Pure: the what-if panel
// and the `scenario` provider both call scenarioWeather with whichever scenario they hold.
import { hourStart, type WeatherAt, type WeatherReading } from './weather.js';
import { DEFAULT_WEATHER_VALUES, type WeatherScenario } from './schemas/weather-scenario.js';

const HOUR_MS = 3_600_000;

/**
 * The weather a scenario describes. An hour takes a cell's values when the point lies in the cell's bbox (edges
 * included) and the hour [h, h + 1 h) overlaps the cell's [from, to) — so `from` is inclusive and `to` exclusive for
 * whole hours, and a cell from 06:30 still wets the 06:00 hour. Later cells override earlier ones value by value.
 * Readings are `simulated`; a scenario knows every hour, so the answer is never null.
 *
 * @example
 * const at = scenarioWeather({ cells: [{ bbox: [13.3, 52.48, 13.45, 52.56], from: '2026-11-23T06:00:00Z', to: '2026-11-23T12:00:00Z', set: { precipitationMmH: 2.5 } }] });
 * at([13.4, 52.5], new Date('2026-11-23T07:00:00Z'))!.precipitationMmH; // 2.5
 */
export function scenarioWeather(scenario: WeatherScenario): WeatherAt {
  const base = { ...DEFAULT_WEATHER_VALUES, ...scenario.default };
  const cells = (scenario.cells ?? []).map((cell) => ({
    bbox: cell.bbox,
    from: Date.parse(cell.from),
    to: Date.parse(cell.to),
    set: cell.set,
  }));
  // The live lookup reads one hour for many points: its ISO name is made once per hour asked, not per reading.
  let last = { start: NaN, hour: '' };
  return ([lng, lat], at) => {
    const start = Math.floor(at.getTime() / HOUR_MS) * HOUR_MS;
    if (start !== last.start) last = { start, hour: new Date(start).toISOString() };
    const reading: WeatherReading = { hour: last.hour, ...base, freshness: 'simulated' };
    for (const { bbox, from, to, set } of cells) {
      const inside = lng >= bbox[0] && lng <= bbox[2] && lat >= bbox[1] && lat <= bbox[3];
      if (inside && from < start + HOUR_MS && to > start) Object.assign(reading, set);
    }
    return reading;
  };
}

/**
 * Hypothetical weather laid over real weather: where a cell applies, its values replace those `base` knows (or the
 * defaults when it knows nothing for that hour), and the reading is `simulated`; elsewhere `base` answers unchanged.
 * The what-if preview ("rain here from 07:00 to 11:00 tomorrow") evaluates campaigns through this.
 */
export function overlayWeather(base: WeatherAt, cells: WeatherScenario['cells']): WeatherAt {
  const parsed = (cells ?? []).map((cell) => ({
    bbox: cell.bbox,
    from: Date.parse(cell.from),
    to: Date.parse(cell.to),
    set: cell.set,
  }));
  return (point, at) => {
    const [lng, lat] = point;
    const start = hourStart(at).getTime();
    const applying = parsed.filter(
      ({ bbox, from, to }) =>
        lng >= bbox[0] &&
        lng <= bbox[2] &&
        lat >= bbox[1] &&
        lat <= bbox[3] &&
        from < start + HOUR_MS &&
        to > start,
    );
    const known = base(point, at);
    if (applying.length === 0) return known;
    const values = { ...DEFAULT_WEATHER_VALUES, ...known };
    for (const { set } of applying) Object.assign(values, set);
    return { ...values, hour: new Date(start).toISOString(), freshness: 'simulated' };
  };
}
