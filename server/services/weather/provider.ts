// The one interface every weather provider offers: fill a cache ahead of time (async, never failing), read it
// synchronously (the evaluator never waits on the network), and say how fresh each place's weather is.
import type { WeatherAt, WeatherFreshness } from '../../domain/weather.js';

export interface WeatherStatus {
  /** How fresh the reading for the current hour is; `unknown` when there is none. */
  freshness: WeatherFreshness | 'unknown';
  /** When the values for this place were last fetched (ISO), or null when never. */
  fetchedAt: string | null;
  /** The last failure for this place, or null when the last attempt worked. */
  error: string | null;
}

export interface WeatherProvider {
  readonly name: 'open-meteo' | 'scenario';
  /** Makes sure hours [from, to) around these points ([lng, lat]) are known, fetching what's missing; never throws or rejects. */
  prefetch(points: [number, number][], from: Date, to: Date): Promise<void>;
  /** Sync read of what is known: the WeatherAt the evaluator gets. */
  at: WeatherAt;
  /** Per point: freshness now, when last fetched, the last error if any. */
  status(point: [number, number]): WeatherStatus;
}
