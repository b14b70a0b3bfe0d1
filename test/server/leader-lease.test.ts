// The leader lease on its own, with instants passed in: one holder at a time, renewal, take-over after expiry, release.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claimLease, currentLease, releaseLease } from '../../server/db/repos/leader-lease.js';
import { startLeadership } from '../../server/services/cluster/leadership.js';
import { tempDatabase, type TempDatabase } from '../helpers/temp-db.js';

let temp: TempDatabase;
beforeEach(() => {
  temp = tempDatabase('leader-lease');
});
afterEach(() => temp.close());

const silent = { info: () => {}, error: () => {} };

describe('the leader lease', () => {
  it('has one holder until it expires; the holder renews it; anyone takes it once expired', () => {
    expect(claimLease(temp.db, 'a', 0, 10_000)).toBe(true);
    expect(claimLease(temp.db, 'b', 5_000, 15_000)).toBe(false);
    expect(claimLease(temp.db, 'a', 8_000, 18_000)).toBe(true);
    expect(claimLease(temp.db, 'b', 17_999, 27_999)).toBe(false);
    expect(claimLease(temp.db, 'b', 18_000, 28_000)).toBe(true);
    expect(currentLease(temp.db)).toEqual({ holder: 'b', expiresAt: 28_000 });
    // The old holder finds it taken and cannot release it for the new one.
    expect(claimLease(temp.db, 'a', 19_000, 29_000)).toBe(false);
    releaseLease(temp.db, 'a');
    expect(currentLease(temp.db)?.holder).toBe('b');
    releaseLease(temp.db, 'b');
    expect(claimLease(temp.db, 'a', 19_000, 29_000)).toBe(true);
  });

  it('starts the jobs in one process only, and in the other once the first steps down', async () => {
    const runs: string[] = [];
    const lead = (name: string) => () => {
      runs.push(`${name} started`);
      return () => runs.push(`${name} stopped`);
    };
    const options = { db: temp.db, logger: silent, renewMs: 10, leaseMs: 1_000 };
    const a = startLeadership({ ...options, holder: 'a', lead: lead('a') });
    const b = startLeadership({ ...options, holder: 'b', lead: lead('b') });
    expect([a.isLeader(), b.isLeader()]).toEqual([true, false]);
    a.stop();
    // b tries every 10 ms: the released lease is taken at its next try.
    for (let i = 0; i < 100 && !b.isLeader(); i++) await new Promise((r) => setTimeout(r, 10));
    expect(b.isLeader()).toBe(true);
    b.stop();
    expect(runs).toEqual(['a started', 'a stopped', 'b started', 'b stopped']);
  });
});
