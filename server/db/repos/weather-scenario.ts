// The weather scenario set through the API, stored as one row of the workspace key/value table so a restart keeps it.
import type { Db } from '../connection.js';
import { weatherScenario, type WeatherScenario } from '../../domain/schemas/weather-scenario.js';

const KEY = 'weatherScenario';

export interface StoredScenario {
  scenario: WeatherScenario;
  updatedAt: string;
}

/** The stored scenario, or null when none was set (or the row no longer parses, which only a hand edit could cause). */
export function readStoredScenario(db: Db): StoredScenario | null {
  const value = db.prepare('SELECT value FROM workspace WHERE key = ?').pluck().get(KEY) as
    string | undefined;
  if (!value) return null;
  try {
    const row = JSON.parse(value) as { scenario: unknown; updatedAt: string };
    const parsed = weatherScenario.safeParse(row.scenario);
    return parsed.success ? { scenario: parsed.data, updatedAt: row.updatedAt } : null;
  } catch {
    return null;
  }
}

export function writeStoredScenario(db: Db, stored: StoredScenario): void {
  db.prepare(
    'INSERT INTO workspace (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(KEY, JSON.stringify(stored));
}
