// The scenario in force: the one set through the API (stored, so it survives a restart), else the
// CATCHMENT_WEATHER_SCENARIO file, else the mild, dry default. Kept in memory; replacing it writes through to SQLite.
// A scenario another process stored (cluster mode) is read again once PRAGMA data_version shows a commit by another
// connection, checked at most every OTHER_WRITERS_CHECK_MS, so the leader's scheduler evaluates the one in force.
import { readFileSync } from 'node:fs';
import { OTHER_WRITERS_CHECK_MS } from '../../db/version-reader.js';
import type { Db } from '../../db/connection.js';
import { readStoredScenario, writeStoredScenario } from '../../db/repos/weather-scenario.js';
import type { CurrentWeatherScenario } from '../../domain/schemas/weather.js';
import { weatherScenario, type WeatherScenario } from '../../domain/schemas/weather-scenario.js';

/** The scenario in force as GET /api/weather/scenario shows it, without the provider (the route adds it). */
export type CurrentScenario = Omit<CurrentWeatherScenario, 'provider'>;

export interface ScenarioStore {
  current(): CurrentScenario;
  /** Stores the scenario (the caller validated it) and makes it the one in force. */
  replace(scenario: WeatherScenario, at: Date): CurrentScenario;
}

export type ScenarioFileResult =
  { ok: true; scenario: WeatherScenario } | { ok: false; errors: string[] };

/** Reads and validates a scenario file; every problem is named (`cells.0.bbox: …`), never thrown. */
export function loadScenarioFile(path: string): ScenarioFileResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return {
      ok: false,
      errors: [`cannot read the file: ${(error as NodeJS.ErrnoException).code ?? String(error)}`],
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return {
      ok: false,
      errors: [`not valid JSON: ${error instanceof Error ? error.message : String(error)}`],
    };
  }
  const parsed = weatherScenario.safeParse(json);
  if (!parsed.success)
    return {
      ok: false,
      errors: parsed.error.issues.map(
        (issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`,
      ),
    };
  return { ok: true, scenario: parsed.data };
}

export function createScenarioStore(db: Db, fromFile: WeatherScenario | null): ScenarioStore {
  const stored = readStoredScenario(db);
  let current: CurrentScenario = stored
    ? { scenario: stored.scenario, source: 'api', updatedAt: stored.updatedAt }
    : {
        scenario: fromFile ?? { cells: [] },
        source: fromFile ? 'file' : 'default',
        updatedAt: null,
      };
  const othersCommits = db.prepare<[], number>('PRAGMA data_version').pluck();
  let seenOthers = othersCommits.get()!;
  let checkedAt = performance.now();
  const followOthers = () => {
    const t = performance.now();
    if (t - checkedAt < OTHER_WRITERS_CHECK_MS) return;
    checkedAt = t;
    const others = othersCommits.get()!;
    if (others === seenOthers) return;
    seenOthers = others;
    const latest = readStoredScenario(db);
    if (latest && latest.updatedAt !== (current.source === 'api' ? current.updatedAt : null))
      current = { scenario: latest.scenario, source: 'api', updatedAt: latest.updatedAt };
  };
  return {
    current: () => {
      followOthers();
      return current;
    },
    replace(scenario, at) {
      const updatedAt = at.toISOString();
      writeStoredScenario(db, { scenario, updatedAt });
      current = { scenario, source: 'api', updatedAt };
      return current;
    },
  };
}
