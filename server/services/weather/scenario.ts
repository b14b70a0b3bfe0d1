// The `scenario` provider: weather from the scenario currently set (file, PUT /api/weather/scenario or the mild,
// dry default). Nothing to fetch; every reading is `simulated`.
import type { WeatherAt } from '../../domain/weather.js';
import { scenarioWeather } from '../../domain/weather-scenario.js';
import type { WeatherScenario } from '../../domain/schemas/weather-scenario.js';
import type { WeatherProvider } from './provider.js';

export { scenarioWeather };

/** `current` is read at every call, so a scenario replaced through the API applies at once. */
export function createScenarioProvider(current: () => WeatherScenario): WeatherProvider {
  let cached: { scenario: WeatherScenario; at: WeatherAt } | null = null;
  const weatherAt = (): WeatherAt => {
    const scenario = current();
    if (cached?.scenario !== scenario) cached = { scenario, at: scenarioWeather(scenario) };
    return cached.at;
  };
  return {
    name: 'scenario',
    prefetch: () => Promise.resolve(),
    at: (point, hour) => weatherAt()(point, hour),
    status: () => ({ freshness: 'simulated', fetchedAt: null, error: null }),
  };
}
