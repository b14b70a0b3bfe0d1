// A memoised function answers as the function does, computing each key once until the memo is full.
import { describe, expect, it } from 'vitest';
import { memoised } from '../../server/domain/memo.js';

describe('memoised', () => {
  it('computes each key once and answers each with its own value, null included', () => {
    const computed: string[] = [];
    const classOf = memoised((path: string) => {
      computed.push(path);
      return path.startsWith('/api/tiles/') ? 'map' : null;
    }, 16);
    expect([classOf('/api/tiles/1'), classOf('/api/stores'), classOf('/api/tiles/1')]).toEqual([
      'map',
      null,
      'map',
    ]);
    expect(classOf('/api/stores')).toBeNull();
    expect(computed).toEqual(['/api/tiles/1', '/api/stores']);
  });

  it('starts over when full instead of growing', () => {
    let calls = 0;
    const double = memoised((n: number) => (calls++, n * 2), 2);
    for (const n of [1, 2, 3, 1]) expect(double(n)).toBe(n * 2);
    // 1 and 2 kept; 3 found the memo full and emptied it; so 1 was computed again.
    expect(calls).toBe(4);
  });
});
