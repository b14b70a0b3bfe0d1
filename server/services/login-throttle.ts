// Sign-in back-off: after a few failed attempts for one email or from one address, further attempts wait, and each
// further failure doubles the wait (capped). Kept in memory: a restart forgets it, which only helps the owner.
/** Failures allowed before waiting starts: few per email (guessing one account), more per address (shared offices). */
const FREE_ATTEMPTS = { email: 5, ip: 20 };
const WINDOW_MS = 15 * 60_000;
const FIRST_WAIT_MS = 30_000;
const MAX_WAIT_MS = 15 * 60_000;
const MAX_KEYS = 10_000;

interface Failures {
  count: number;
  lastAt: number;
  /** No attempt before this instant (ms). */
  until: number;
}

/** Keys are `email:…` or `ip:…`. */
export interface LoginThrottle {
  /** Seconds to wait before trying again, or 0 when the attempt may go ahead. */
  retryAfter(keys: string[], now: Date): number;
  failed(keys: string[], now: Date): void;
  succeeded(keys: string[]): void;
}

export function createLoginThrottle(): LoginThrottle {
  const failures = new Map<string, Failures>();
  const current = (key: string, now: number): Failures | undefined => {
    const f = failures.get(key);
    if (f && now - f.lastAt > WINDOW_MS && now >= f.until) {
      failures.delete(key);
      return undefined;
    }
    return f;
  };
  return {
    retryAfter(keys, now) {
      const t = now.getTime();
      const until = Math.max(0, ...keys.map((k) => current(k, t)?.until ?? 0));
      return until > t ? Math.ceil((until - t) / 1000) : 0;
    },
    failed(keys, now) {
      const t = now.getTime();
      for (const key of keys) {
        const f = current(key, t) ?? { count: 0, lastAt: t, until: 0 };
        f.count++;
        f.lastAt = t;
        const free = key.startsWith('ip:') ? FREE_ATTEMPTS.ip : FREE_ATTEMPTS.email;
        if (f.count >= free) f.until = t + Math.min(MAX_WAIT_MS, FIRST_WAIT_MS * 2 ** (f.count - free));
        failures.delete(key);
        failures.set(key, f);
      }
      // Oldest first in a Map: drop the oldest when someone tries very many emails.
      while (failures.size > MAX_KEYS) failures.delete(failures.keys().next().value!);
    },
    succeeded(keys) {
      for (const key of keys) failures.delete(key);
    },
  };
}
