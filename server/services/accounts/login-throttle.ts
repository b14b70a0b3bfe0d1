// Sign-in back-off, counted so that guessing stays slow and yet nobody can lock someone else out:
// - per client and account together: a few failures, then every further attempt waits, each failure doubling the wait
//   (capped). Only that client waits, and only for that account; the right password from elsewhere still goes in.
// - per client across accounts: more failures allowed (an office behind one address), then the same doubling, so one
//   client trying a password on many accounts is slowed as well.
// - per account across clients: never a wait. A hard limit there would hand anyone the lock-out this design removes.
//   Past many failures from everywhere, each answer for that account, right or wrong alike (so its timing tells
//   nothing), is held for a second: a real user hardly notices; guessing spread over many addresses ties up a
//   connection per guess, which caps how fast a given number of addresses can go, and the hold shows up in timings.
// A client is its address's block (ip-ranges.ts clientBlock): an IPv6 host would otherwise take a fresh address per
// guess. Kept in SQLite (login_failures, migration 014) so the counts hold whichever server process answers
// (CATCHMENT_WORKERS); a failed sign-in costs one small write transaction, which is nothing next to its password hash.
import type { Db } from '../../db/connection.js';
import { clientBlock } from '../../domain/ip-ranges.js';

/** Failures allowed before waiting starts. */
const FREE_ATTEMPTS = { pair: 5, client: 20 };
/** Failures on one account, from all clients together, after which its answers are held. */
const ACCOUNT_HOLD_AFTER = 30;
const ACCOUNT_HOLD_MS = 1_000;
const WINDOW_MS = 15 * 60_000;
const FIRST_WAIT_MS = 30_000;
const MAX_WAIT_MS = 15 * 60_000;
/** Three keys per failure: room for a few thousand recent ones; past it the oldest are forgotten first. */
const MAX_KEYS = 30_000;

interface Failures {
  count: number;
  lastAt: number;
  /** No attempt before this instant (ms); always 0 for account keys. */
  until: number;
}

export interface SignInAttempt {
  /** The caller's address (http/proxy.ts clientAddress). */
  client: string;
  /** The email as typed; compared case-insensitively. */
  account: string;
}

export interface LoginThrottle {
  /** Seconds this client must wait before trying this account again, or 0 when the attempt may go ahead. */
  retryAfter(attempt: SignInAttempt, now: Date): number;
  /** Milliseconds to hold the answer for this account, right or wrong: 0 unless it is being guessed from many places. */
  holdMs(attempt: SignInAttempt, now: Date): number;
  failed(attempt: SignInAttempt, now: Date): void;
  /** Clears this client's count for this account (not its count across accounts, nor the account's). */
  succeeded(attempt: SignInAttempt): void;
}

function keysOf({ client, account }: SignInAttempt) {
  const block = clientBlock(client);
  const email = account.toLowerCase();
  return { pair: `pair ${block} ${email}`, client: `client ${block}`, account: `account ${email}` };
}

export function createLoginThrottle(db: Db): LoginThrottle {
  const read = db.prepare<[string], Failures>(
    'SELECT count, last_at AS lastAt, until FROM login_failures WHERE key = ?',
  );
  const write = db.prepare<[string, number, number, number]>(
    `INSERT INTO login_failures (key, count, last_at, until) VALUES (?, ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET count = excluded.count, last_at = excluded.last_at, until = excluded.until`,
  );
  const forget = db.prepare<[string]>('DELETE FROM login_failures WHERE key = ?');
  const dropExpired = db.prepare<[number, number]>(
    'DELETE FROM login_failures WHERE last_at < ? AND until <= ?',
  );
  const keyCount = db.prepare<[], number>('SELECT count(*) FROM login_failures').pluck();
  const evictOldest = db.prepare<[number]>(
    'DELETE FROM login_failures WHERE key IN (SELECT key FROM login_failures ORDER BY last_at LIMIT ?)',
  );
  const current = (key: string, now: number): Failures | undefined => {
    const f = read.get(key);
    if (f && now - f.lastAt > WINDOW_MS && now >= f.until) return undefined;
    return f;
  };
  const count = (key: string, now: number, free: number | null) => {
    const f = current(key, now) ?? { count: 0, lastAt: now, until: 0 };
    f.count++;
    f.lastAt = now;
    if (free !== null && f.count >= free)
      f.until = now + Math.min(MAX_WAIT_MS, FIRST_WAIT_MS * 2 ** (f.count - free));
    write.run(key, f.count, f.lastAt, f.until);
  };
  // Read and write in one transaction: two processes counting the same failure at once must both count.
  const fail = db.transaction((keys: ReturnType<typeof keysOf>, t: number) => {
    count(keys.pair, t, FREE_ATTEMPTS.pair);
    count(keys.client, t, FREE_ATTEMPTS.client);
    count(keys.account, t, null);
    dropExpired.run(t - WINDOW_MS, t);
    // Someone trying very many emails or addresses: forget the oldest counts first.
    const excess = keyCount.get()! - MAX_KEYS;
    if (excess > 0) evictOldest.run(excess);
  });
  return {
    retryAfter(attempt, now) {
      const t = now.getTime();
      const keys = keysOf(attempt);
      const until = Math.max(
        current(keys.pair, t)?.until ?? 0,
        current(keys.client, t)?.until ?? 0,
      );
      return until > t ? Math.ceil((until - t) / 1000) : 0;
    },
    holdMs(attempt, now) {
      return (current(keysOf(attempt).account, now.getTime())?.count ?? 0) >= ACCOUNT_HOLD_AFTER
        ? ACCOUNT_HOLD_MS
        : 0;
    },
    failed(attempt, now) {
      fail.immediate(keysOf(attempt), now.getTime());
    },
    succeeded(attempt) {
      forget.run(keysOf(attempt).pair);
    },
  };
}
