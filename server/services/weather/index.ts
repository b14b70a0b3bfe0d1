// Builds the weather provider CATCHMENT_WEATHER chooses, and the scenario store both providers share (with
// open-meteo the stored scenario still serves what-if previews through scenarioWeather).
import type { Db } from '../../db/connection.js';
import type { Config } from '../../env.js';
import type { Logger } from '../../logger.js';
import { createOpenMeteoProvider, type OpenMeteoOptions } from './open-meteo.js';
import type { WeatherProvider } from './provider.js';
import { createScenarioProvider } from './scenario.js';
import { createScenarioStore, loadScenarioFile, type ScenarioStore } from './scenario-store.js';

export type { WeatherProvider, WeatherStatus } from './provider.js';
export { scenarioWeather } from './scenario.js';
export type { ScenarioStore, CurrentScenario } from './scenario-store.js';

/** A start-up problem with the configuration, with every error named so the entry point can list them. */
export class ConfigError extends Error {
  constructor(
    message: string,
    readonly errors: string[],
  ) {
    super(`${message}\n${errors.map((e) => `  - ${e}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export interface Weather {
  provider: WeatherProvider;
  scenarios: ScenarioStore;
}

export function createWeather(
  { config, db, clock, logger }: { config: Config; db: Db; clock: () => Date; logger: Logger },
  overrides: { provider?: WeatherProvider; openMeteo?: Partial<OpenMeteoOptions> } = {},
): Weather {
  let fromFile = null;
  if (config.weatherScenarioFile) {
    const loaded = loadScenarioFile(config.weatherScenarioFile);
    if (!loaded.ok) throw new ConfigError(`CATCHMENT_WEATHER_SCENARIO (${config.weatherScenarioFile}) is not a valid weather scenario:`, loaded.errors);
    fromFile = loaded.scenario;
  }
  const scenarios = createScenarioStore(db, fromFile);
  const provider =
    overrides.provider ??
    (config.weather === 'open-meteo'
      ? createOpenMeteoProvider({ url: config.weatherUrl, clock, logger, ...overrides.openMeteo })
      : createScenarioProvider(() => scenarios.current().scenario));
  return { provider, scenarios };
}
