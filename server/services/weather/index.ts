// Builds the weather provider CATCHMENT_WEATHER chooses, and the scenario store both providers share (with
// open-meteo the stored scenario still serves what-if previews through scenarioWeather).
import type { Db } from '../../db/connection.js';
import type { Config } from '../../env.js';
import type { Logger } from '../../logger.js';
import type { WeatherScenario } from '../../domain/schemas/weather-scenario.js';
import { createOpenMeteoProvider, type OpenMeteoOptions } from './open-meteo.js';
import { weatherCellStore } from '../../db/repos/weather-cells.js';
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

/** The CATCHMENT_WEATHER_SCENARIO file, validated; throws a ConfigError naming every bad field. Null when unset. */
export function scenarioFromConfig(config: Config): WeatherScenario | null {
  if (!config.weatherScenarioFile) return null;
  const loaded = loadScenarioFile(config.weatherScenarioFile);
  if (!loaded.ok)
    throw new ConfigError(
      `CATCHMENT_WEATHER_SCENARIO (${config.weatherScenarioFile}) is not a valid weather scenario:`,
      loaded.errors,
    );
  return loaded.scenario;
}

export function createWeather(
  {
    config,
    db,
    clock,
    logger,
    scenarioFile,
  }: {
    config: Config;
    db: Db;
    clock: () => Date;
    logger: Logger;
    scenarioFile: WeatherScenario | null;
  },
  overrides: { provider?: WeatherProvider; openMeteo?: Partial<OpenMeteoOptions> } = {},
): Weather {
  const scenarios = createScenarioStore(db, scenarioFile);
  const provider =
    overrides.provider ??
    (config.weather === 'open-meteo'
      ? createOpenMeteoProvider({
          url: config.weatherUrl,
          clock,
          logger,
          shared: weatherCellStore(db),
          ...overrides.openMeteo,
        })
      : createScenarioProvider(() => scenarios.current().scenario));
  return { provider, scenarios };
}
