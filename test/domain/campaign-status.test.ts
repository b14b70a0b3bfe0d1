import { describe, expect, it } from 'vitest';
import {
  campaignStatuses,
  campaignTransitions,
  transitionError,
  type CampaignStatus,
} from '../../server/domain/campaigns/status.js';

const allowed: [CampaignStatus, CampaignStatus][] = [
  ['draft', 'scheduled'],
  ['scheduled', 'draft'],
  ['scheduled', 'active'],
  ['scheduled', 'ended'],
  ['active', 'paused'],
  ['paused', 'active'],
  ['active', 'ended'],
  ['paused', 'ended'],
];

describe('campaign status transitions', () => {
  it('allows exactly the listed changes, and keeping the same status', () => {
    for (const from of campaignStatuses)
      for (const to of campaignStatuses) {
        const expected = from === to || allowed.some(([f, t]) => f === from && t === to);
        expect(transitionError(from, to) === null, `${from} → ${to}`).toBe(expected);
      }
  });
  it('says which changes are possible when refusing one', () => {
    expect(transitionError('draft', 'active')).toBe(
      'cannot go from draft to active; from draft: scheduled',
    );
    expect(transitionError('paused', 'scheduled')).toBe(
      'cannot go from paused to scheduled; from paused: active, ended',
    );
    expect(transitionError('ended', 'active')).toBe('an ended campaign cannot change status');
  });
  it('gives every status an entry in the table', () => {
    expect(Object.keys(campaignTransitions).sort()).toEqual([...campaignStatuses].sort());
  });
});
