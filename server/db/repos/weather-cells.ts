// The shared open-meteo cache (migration 014): one JSON row per grid cell, so server processes share their fetches.
import type { Db } from '../connection.js';

export interface WeatherCellStore {
  load(key: string): unknown;
  save(key: string, state: unknown): void;
}

export function weatherCellStore(db: Db): WeatherCellStore {
  const read = db
    .prepare<[string], string>('SELECT state FROM weather_cells WHERE key = ?')
    .pluck();
  const write = db.prepare<[string, string]>(
    'INSERT INTO weather_cells (key, state) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET state = excluded.state',
  );
  return {
    load(key) {
      const json = read.get(key);
      return json === undefined ? null : (JSON.parse(json) as unknown);
    },
    save(key, state) {
      write.run(key, JSON.stringify(state));
    },
  };
}
