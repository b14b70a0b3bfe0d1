// The holdout: stable, the asked share, independent between campaigns, and nobody at 0 %.
import { describe, expect, it } from 'vitest';
import { hash32, inHoldout } from '../../server/domain/campaigns/holdout.js';

const ids = Array.from({ length: 100_000 }, (_, i) => `C-${String(i).padStart(6, '0')}`);
const share = (campaignId: string, percent: number) =>
  ids.filter((id) => inHoldout(campaignId, id, percent)).length / ids.length;

describe('holdout', () => {
  it('puts the same customer in or out every time', () => {
    const first = ids.slice(0, 2000).map((id) => inHoldout('cmp-a', id, 20));
    const again = ids.slice(0, 2000).map((id) => inHoldout('cmp-a', id, 20));
    expect(again).toEqual(first);
    expect(hash32('C-000001')).toBe(hash32('C-000001'));
  });

  it.each([5, 10, 20, 50])(
    'holds out %i %% of 100 000 sequential ids, within one point',
    (percent) => {
      expect(Math.abs(share('cmp-a', percent) - percent / 100)).toBeLessThan(0.01);
      expect(Math.abs(share('cmp-b', percent) - percent / 100)).toBeLessThan(0.01);
    },
  );

  it('chooses a different, independent set for another campaign', () => {
    const a = ids.map((id) => inHoldout('cmp-a', id, 20));
    const b = ids.map((id) => inHoldout('cmp-b', id, 20));
    const both = a.filter((x, i) => x && b[i]).length / ids.length;
    // Independent draws of 20 % overlap in about 4 % of customers; the same set would overlap in 20 %.
    expect(Math.abs(both - 0.04)).toBeLessThan(0.005);
  });

  it('a larger share keeps everyone a smaller one held out (the bucket is fixed, the cut moves)', () => {
    const at10 = ids.filter((id) => inHoldout('cmp-a', id, 10));
    expect(at10.every((id) => inHoldout('cmp-a', id, 20))).toBe(true);
  });

  it('holds out nobody at 0 %', () => {
    expect(share('cmp-a', 0)).toBe(0);
  });
});
