// The `open-meteo` provider: a real HTTP client for the Open-Meteo forecast API, one request per 0.1° grid cell
// (grid-cell.ts), cached per cell and hour. A cell fetched less than an hour ago is not fetched again (unless the
// window asked for goes beyond what it holds).
//
// Freshness of a cached hour, decided when it is read:
// - `stale` when the cell's last fetch attempt failed (the provider is down: the last known values are kept), or when
//   its values were fetched STALE_AFTER_MS (2 h) ago or more and nothing refreshed them — so past hours that were
//   fetched as forecasts turn stale once the provider stops answering;
// - `forecast` when the hour began after the hour it was fetched in;
// - `live` otherwise (the hour had begun when it was fetched).
// With a shared store (the weather_cells table) each cell's state is saved after every fetch and read back before
// deciding to fetch, so server processes on one database (CATCHMENT_WORKERS) ask Open-Meteo once per cell and hour
// between them; two asking at the same instant may both fetch, which costs one request, never a wrong value.
// Nothing here throws: failures are logged (with the cell, never a finer position) and kept for status().
import type { Logger } from '../../logger.js';
import {
  hourStart,
  type WeatherFreshness,
  type WeatherHour,
  type WeatherReading,
} from '../../domain/weather.js';
import { fetchJsonWithRetry, type RetryOptions } from './http-retry.js';
import { gridCellOf, type GridCell } from './grid-cell.js';
import { HOURLY_VARIABLES, parseOpenMeteo } from './open-meteo-response.js';
import type { WeatherProvider } from './provider.js';
import type { WeatherCellStore } from '../../db/repos/weather-cells.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
export const REFETCH_AFTER_MS = HOUR_MS;
export const STALE_AFTER_MS = 2 * HOUR_MS;
/** Open-Meteo's forecast endpoint serves at most 92 past days and 16 forecast days. */
const MAX_PAST_DAYS = 92;
const MAX_FORECAST_DAYS = 16;
/** Hours older than this are dropped from the cache. */
const KEEP_MS = 8 * DAY_MS;

export interface OpenMeteoOptions {
  url: string;
  clock: () => Date;
  logger: Logger;
  /** Defaults: 10 s per attempt, 3 attempts, back-off from 500 ms up to 8 s, real timers and Math.random. */
  retry?: Partial<RetryOptions>;
  /** After a failed fetch, a cell is not asked again for this long (default 60 s), so a busy page cannot hammer a down provider. */
  retryFailedAfterMs?: number;
  /** Cells fetched at once (default 4). */
  concurrency?: number;
  /** Where other processes find this one's fetches, and it finds theirs; none: a cache of this process only. */
  shared?: WeatherCellStore;
}

/** A cell's state as the shared store keeps it. */
interface SavedCell {
  hours: CachedHour[];
  fetchedAt: number | null;
  covered: [number, number] | null;
  lastAttemptAt: number | null;
  error: string | null;
}

interface CachedHour {
  hour: WeatherHour;
  fetchedAt: number;
}

interface CellState {
  cell: GridCell;
  hours: Map<number, CachedHour>;
  fetchedAt: number | null;
  /** [from, to) in ms that the last successful fetch covered. */
  covered: [number, number] | null;
  lastAttemptAt: number | null;
  error: string | null;
  inFlight: Promise<void> | null;
}

/** past_days and forecast_days covering [from, to), counted from today's 00:00 UTC as Open-Meteo does with timezone=GMT. */
function daysFor(now: number, from: number, to: number) {
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  // At least yesterday and tomorrow, so "sustained for N hours" and look-aheads work across midnight.
  const pastDays = Math.min(MAX_PAST_DAYS, Math.max(1, Math.ceil((today - from) / DAY_MS)));
  const forecastDays = Math.min(MAX_FORECAST_DAYS, Math.max(2, Math.ceil((to - today) / DAY_MS)));
  return {
    pastDays,
    forecastDays,
    covered: [today - pastDays * DAY_MS, today + forecastDays * DAY_MS] as [number, number],
  };
}

export function createOpenMeteoProvider(options: OpenMeteoOptions): WeatherProvider {
  const retry: RetryOptions = {
    timeoutMs: 10_000,
    maxAttempts: 3,
    baseDelayMs: 500,
    maxDelayMs: 8_000,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    random: Math.random,
    ...options.retry,
  };
  const retryFailedAfterMs = options.retryFailedAfterMs ?? 60_000;
  const concurrency = options.concurrency ?? 4;
  const cells = new Map<string, CellState>();
  const now = () => options.clock().getTime();

  const stateOf = (cell: GridCell): CellState => {
    let state = cells.get(cell.key);
    if (!state)
      cells.set(
        cell.key,
        (state = {
          cell,
          hours: new Map(),
          fetchedAt: null,
          covered: null,
          lastAttemptAt: null,
          error: null,
          inFlight: null,
        }),
      );
    return state;
  };

  const needsFetch = (state: CellState, from: number, to: number, at: number): boolean => {
    if (
      state.error !== null &&
      state.lastAttemptAt !== null &&
      at - state.lastAttemptAt < retryFailedAfterMs
    )
      return false;
    if (
      state.fetchedAt === null ||
      state.covered === null ||
      at - state.fetchedAt >= REFETCH_AFTER_MS
    )
      return true;
    const fetchable = daysFor(at, from, to).covered;
    return (
      Math.max(from, fetchable[0]) < state.covered[0] ||
      Math.min(to, fetchable[1]) > state.covered[1]
    );
  };

  const save = (state: CellState) =>
    options.shared?.save(state.cell.key, {
      hours: [...state.hours.values()],
      fetchedAt: state.fetchedAt,
      covered: state.covered,
      lastAttemptAt: state.lastAttemptAt,
      error: state.error,
    } satisfies SavedCell);

  /** Takes another process's newer fetch or attempt of this cell, if the shared store has one. */
  const adopt = (state: CellState) => {
    const saved = options.shared?.load(state.cell.key) as SavedCell | null | undefined;
    if (!saved || (saved.lastAttemptAt ?? 0) <= (state.lastAttemptAt ?? 0)) return;
    state.hours = new Map(saved.hours.map((h) => [Date.parse(h.hour.hour), h]));
    state.fetchedAt = saved.fetchedAt;
    state.covered = saved.covered;
    state.lastAttemptAt = saved.lastAttemptAt;
    state.error = saved.error;
  };

  const fetchCell = async (state: CellState, from: number, to: number): Promise<void> => {
    const startedAt = now();
    // Widening a fresh cell keeps what it covers; an hourly refresh asks only for the window wanted now, so the request
    // does not grow day after day.
    const widen: [number, number] =
      state.covered !== null &&
      state.fetchedAt !== null &&
      startedAt - state.fetchedAt < REFETCH_AFTER_MS
        ? state.covered
        : [from, to];
    const { pastDays, forecastDays, covered } = daysFor(
      startedAt,
      Math.min(from, widen[0]),
      Math.max(to, widen[1]),
    );
    const url = new URL(options.url);
    url.searchParams.set('latitude', state.cell.lat.toFixed(1));
    url.searchParams.set('longitude', state.cell.lng.toFixed(1));
    url.searchParams.set('hourly', HOURLY_VARIABLES.join(','));
    url.searchParams.set('timezone', 'GMT');
    url.searchParams.set('past_days', String(pastDays));
    url.searchParams.set('forecast_days', String(forecastDays));
    const result = await fetchJsonWithRetry(url.toString(), retry);
    const parsed = result.ok
      ? parseOpenMeteo(result.body)
      : { ok: false as const, reason: result.error };
    state.lastAttemptAt = now();
    if (!parsed.ok) {
      state.error = parsed.reason;
      options.logger.error('weather fetch failed; keeping the last known values as stale', {
        provider: 'open-meteo',
        cell: state.cell.key,
        attempts: result.attempts,
        error: parsed.reason,
      });
      save(state);
      return;
    }
    const fetchedAt = now();
    for (const hour of parsed.hours) state.hours.set(Date.parse(hour.hour), { hour, fetchedAt });
    for (const key of state.hours.keys()) if (key < fetchedAt - KEEP_MS) state.hours.delete(key);
    state.fetchedAt = fetchedAt;
    state.covered = covered;
    state.error = null;
    save(state);
    options.logger.info('weather fetched', {
      provider: 'open-meteo',
      cell: state.cell.key,
      hours: parsed.hours.length,
      attempts: result.attempts,
    });
  };

  const ensure = (state: CellState, from: number, to: number): Promise<void> => {
    if (state.inFlight) return state.inFlight;
    if (!needsFetch(state, from, to, now())) return Promise.resolve();
    adopt(state);
    if (!needsFetch(state, from, to, now())) return Promise.resolve();
    state.inFlight = fetchCell(state, from, to)
      .catch((error: unknown) => {
        // fetchCell handles every expected failure; this is the last guard so prefetch never rejects.
        state.error = error instanceof Error ? error.message : String(error);
        state.lastAttemptAt = now();
      })
      .finally(() => {
        state.inFlight = null;
      });
    return state.inFlight;
  };

  const freshnessOf = (state: CellState, cached: CachedHour, hour: number): WeatherFreshness => {
    if (state.error !== null || now() - cached.fetchedAt >= STALE_AFTER_MS) return 'stale';
    return hour > hourStart(new Date(cached.fetchedAt)).getTime() ? 'forecast' : 'live';
  };

  const readingAt = (point: [number, number], at: Date): WeatherReading | null => {
    const state = cells.get(gridCellOf(point).key);
    const hour = hourStart(at).getTime();
    const cached = state?.hours.get(hour);
    if (!state || !cached) return null;
    return { ...cached.hour, freshness: freshnessOf(state, cached, hour) };
  };

  return {
    name: 'open-meteo',
    async prefetch(points, fromDate, toDate) {
      const from = hourStart(fromDate).getTime();
      const to = Math.max(toDate.getTime(), from + HOUR_MS);
      const pending = [
        ...new Map(points.map((p) => [gridCellOf(p).key, gridCellOf(p)])).values(),
      ].map(stateOf);
      const workers = Array.from({ length: Math.min(concurrency, pending.length) }, async () => {
        for (let state = pending.shift(); state; state = pending.shift())
          await ensure(state, from, to);
      });
      await Promise.all(workers);
    },
    at: readingAt,
    status(point) {
      const state = cells.get(gridCellOf(point).key);
      const reading = readingAt(point, options.clock());
      return {
        freshness: reading?.freshness ?? 'unknown',
        fetchedAt: state?.fetchedAt != null ? new Date(state.fetchedAt).toISOString() : null,
        error: state?.error ?? null,
      };
    },
  };
}
