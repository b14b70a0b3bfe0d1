// The sign-in throttle on its own, with instants passed in: who waits, who does not, and when answers are held.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLoginThrottle } from '../../server/services/accounts/login-throttle.js';
import { tempDatabase, type TempDatabase } from '../helpers/temp-db.js';

const at = (minutes: number) => new Date(Date.UTC(2026, 10, 23, 9, minutes));

describe('the sign-in throttle', () => {
  let temp: TempDatabase;
  beforeEach(() => {
    temp = tempDatabase('login-throttle');
  });
  afterEach(() => temp.close());

  it('makes a client wait after five failures on one account, doubling the wait, and frees it on success', () => {
    const throttle = createLoginThrottle(temp.db);
    const attempt = { client: '203.0.113.5', account: 'Someone@Example.test' };
    for (let i = 0; i < 4; i++) throttle.failed(attempt, at(0));
    expect(throttle.retryAfter(attempt, at(0))).toBe(0);
    throttle.failed(attempt, at(0));
    expect(throttle.retryAfter(attempt, at(0))).toBe(30);
    // The same account in other letter case is the same account.
    expect(throttle.retryAfter({ ...attempt, account: 'someone@example.test' }, at(0))).toBe(30);
    throttle.failed(attempt, at(1));
    expect(throttle.retryAfter(attempt, at(1))).toBe(60);
    throttle.succeeded(attempt);
    expect(throttle.retryAfter(attempt, at(1))).toBe(0);
  });

  it('never makes another client wait for an account, however many clients failed on it; its answers are held a second instead', () => {
    const throttle = createLoginThrottle(temp.db);
    const account = 'popular@example.test';
    for (let i = 0; i < 29; i++) throttle.failed({ client: `198.51.100.${i}`, account }, at(0));
    expect(throttle.holdMs({ client: '192.0.2.1', account }, at(0))).toBe(0);
    throttle.failed({ client: '198.51.100.200', account }, at(0));
    expect(throttle.retryAfter({ client: '192.0.2.1', account }, at(0))).toBe(0);
    expect(throttle.holdMs({ client: '192.0.2.1', account }, at(0))).toBe(1000);
    expect(throttle.holdMs({ client: '192.0.2.1', account: 'quiet@example.test' }, at(0))).toBe(0);
    // Fifteen quiet minutes later the account is answered at once again.
    expect(throttle.holdMs({ client: '192.0.2.1', account }, at(16))).toBe(0);
  });

  it('counts an IPv6 client by its /64, so fresh addresses from one network do not reset the count', () => {
    const throttle = createLoginThrottle(temp.db);
    const account = 'v6@example.test';
    for (let i = 1; i <= 5; i++) throttle.failed({ client: `2001:db8:1:2::${i}`, account }, at(0));
    expect(throttle.retryAfter({ client: '2001:db8:1:2:ffff::9', account }, at(0))).toBe(30);
    expect(throttle.retryAfter({ client: '2001:db8:1:3::1', account }, at(0))).toBe(0);
  });

  it('slows a client failing on twenty accounts for every account, and no other client', () => {
    const throttle = createLoginThrottle(temp.db);
    for (let i = 0; i < 20; i++)
      throttle.failed({ client: '::ffff:192.0.2.9', account: `user-${i}@example.test` }, at(0));
    expect(throttle.retryAfter({ client: '192.0.2.9', account: 'new@example.test' }, at(0))).toBe(
      30,
    );
    expect(throttle.retryAfter({ client: '192.0.2.10', account: 'new@example.test' }, at(0))).toBe(
      0,
    );
  });

  it("counts failures in the database, so a second process sharing it sees the first one's count", () => {
    const first = createLoginThrottle(temp.db);
    const second = createLoginThrottle(temp.db);
    const attempt = { client: '203.0.113.7', account: 'shared@example.test' };
    for (let i = 0; i < 3; i++) first.failed(attempt, at(0));
    for (let i = 0; i < 2; i++) second.failed(attempt, at(0));
    expect(first.retryAfter(attempt, at(0))).toBe(30);
    second.succeeded(attempt);
    expect(first.retryAfter(attempt, at(0))).toBe(0);
  });
});
