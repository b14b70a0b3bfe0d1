// How long to wait before trying a failed delivery again: 30 s, doubling each time, at most an hour, with jitter so
// deliveries that failed together (a receiver outage) do not all come back in the same second.
export type Backoff = (attempts: number) => number;

export const BASE_BACKOFF_MS = 30_000;
export const MAX_BACKOFF_MS = 60 * 60 * 1000;

/**
 * The wait after the `attempts`-th failed attempt (1-based): ±20 % around 30 s × 2^(attempts−1), capped at an hour.
 * @example exponentialBackoff(() => 0.5)(3) // 120000
 */
export function exponentialBackoff(random: () => number = Math.random): Backoff {
  return (attempts) => {
    const base = Math.min(BASE_BACKOFF_MS * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS);
    return Math.min(Math.round(base * (0.8 + 0.4 * random())), MAX_BACKOFF_MS);
  };
}
