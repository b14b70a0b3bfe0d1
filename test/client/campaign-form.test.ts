// The campaign builder's data: a draft becomes the API body (local times read in the campaign's time zone, numbers
// parsed, the frequency cap only for sending channels), a stored campaign comes back as the same draft, and the shared
// schema's problems are named by the fields the server names.
import { describe, expect, it } from 'vitest';
import type { CampaignRecord } from '../../client/api/contract';
import {
  bodyFromDraft,
  changeFromDraft,
  checkCampaignDraft,
  draftFromCampaign,
  emptyCampaignDraft,
  newTrigger,
} from '../../client/features/campaigns/campaign-form';
import type { CampaignDraft } from '../../client/store/slices/campaigns';
import { eventDay } from '../../client/features/campaigns/event-offer';
import { campaignCreate } from '../../server/domain/schemas/campaign';

const now = new Date('2026-11-23T16:20:00Z');

function filled(change: Partial<CampaignDraft> = {}): CampaignDraft {
  return {
    ...emptyCampaignDraft({
      timeZone: 'Europe/Berlin',
      now,
      areaIds: ['ar-1'],
      segment: { lapsedDays: 60 },
    }),
    name: 'Rainy-day latte',
    headline: '20% off when it rains',
    code: 'rain20',
    discount: '20',
    ...change,
  };
}

describe('campaign form ↔ body', () => {
  it('a new draft starts at the next full hour on the zone’s clock for 30 days, with the given areas and segment', () => {
    const draft = emptyCampaignDraft({
      timeZone: 'Europe/Berlin',
      now,
      areaIds: ['ar-1'],
      segment: { lapsedDays: 60 },
    });
    expect(draft).toMatchObject({
      // 16:20Z is 17:20 in Berlin: the next full hour there is 18:00, not 17:00 and not UTC's.
      start: '2026-11-23T18:00',
      end: '2026-12-23T18:00',
      timezone: 'Europe/Berlin',
      areaIds: ['ar-1'],
      segment: { lapsedDays: 60 },
      status: 'draft',
    });
  });

  it('a new draft ends at the same wall-clock time 30 days on, even across a DST change', () => {
    const draft = emptyCampaignDraft({
      timeZone: 'Europe/Berlin',
      now: new Date('2026-10-10T06:40:00Z'), // 08:40 CEST
    });
    expect(draft.start).toBe('2026-10-10T09:00');
    expect(draft.end).toBe('2026-11-09T09:00'); // CET by then: still 09:00
    expect(
      emptyCampaignDraft({ timeZone: 'Asia/Kathmandu', now: new Date('2026-07-01T12:00:00Z') })
        .start,
    ).toBe('2026-07-01T18:00'); // 17:45 there
  });

  it('changing the zone keeps the wall-clock times: 09:00 stays 09:00, a different instant', () => {
    const berlin = filled({ start: '2026-07-01T09:00', end: '2026-07-31T09:00' });
    const lisbon = { ...berlin, timezone: 'Europe/Lisbon' };
    expect(lisbon.start).toBe('2026-07-01T09:00');
    expect(bodyFromDraft(berlin).startsAt).toBe('2026-07-01T07:00:00.000Z');
    expect(bodyFromDraft(lisbon).startsAt).toBe('2026-07-01T08:00:00.000Z');
  });

  it('local start and end are read in the campaign’s time zone, across a DST change', () => {
    const body = bodyFromDraft(filled({ start: '2026-03-28T07:00', end: '2026-03-30T07:00' }));
    // 07:00 in Berlin is 06:00Z before the clocks go forward on 29 March and 05:00Z after.
    expect(body.startsAt).toBe('2026-03-28T06:00:00.000Z');
    expect(body.endsAt).toBe('2026-03-30T05:00:00.000Z');
    const ny = bodyFromDraft(
      filled({ timezone: 'America/New_York', start: '2026-07-01T09:00', end: '2026-07-02T09:00' }),
    );
    expect(ny.startsAt).toBe('2026-07-01T13:00:00.000Z');
  });

  it('builds the body the API takes: offer, parsed numbers, triggers by type', () => {
    const draft = filled({
      channel: 'sms',
      capMax: '2',
      capDays: '7',
      holdout: '10',
      discount: '12,5',
      triggerMode: 'all',
      triggers: [
        {
          ...(newTrigger('weather') as Extract<
            CampaignDraft['triggers'][number],
            { type: 'weather' }
          >),
          threshold: '1',
          sustainedHours: '2',
        },
        {
          ...(newTrigger('event') as Extract<CampaignDraft['triggers'][number], { type: 'event' }>),
          eventId: 'ev-1',
        },
        { type: 'schedule', daysOfWeek: [5, 1, 3], from: '07:00', to: '11:00' },
      ],
    });
    const body = bodyFromDraft(draft);
    expect(body).toMatchObject({
      name: 'Rainy-day latte',
      areaIds: ['ar-1'],
      segment: { lapsedDays: 60 },
      offer: { headline: '20% off when it rains', body: '', code: 'rain20', discountPercent: 12.5 },
      channel: 'sms',
      frequencyCap: { maxPerCustomer: 2, perDays: 7 },
      holdoutPercent: 10,
      triggerMode: 'all',
      triggers: [
        { type: 'weather', condition: 'rain', threshold: 1, sustainedHours: 2 },
        { type: 'event', eventId: 'ev-1', withinMeters: 500, beforeMinutes: 60, afterMinutes: 60 },
        { type: 'schedule', daysOfWeek: [1, 3, 5], from: '07:00', to: '11:00' },
      ],
    });
    expect(body.triggers[0]).not.toHaveProperty('withinHours');
    expect(campaignCreate.safeParse(body).success).toBe(true);
    expect(checkCampaignDraft(draft)).toEqual({});
  });

  it('a frequency cap is only sent for channels that send messages', () => {
    expect(
      bodyFromDraft(filled({ channel: 'print', capMax: '2', capDays: '7' })).frequencyCap,
    ).toBeNull();
    expect(
      bodyFromDraft(filled({ channel: 'email', capMax: '', capDays: '' })).frequencyCap,
    ).toBeNull();
  });

  it('an event trigger without an event sends its category instead', () => {
    const trigger = {
      ...(newTrigger('event') as Extract<CampaignDraft['triggers'][number], { type: 'event' }>),
      category: ' festival ',
    };
    expect(bodyFromDraft(filled({ triggers: [trigger] })).triggers[0]).toEqual({
      type: 'event',
      category: 'festival',
      withinMeters: 500,
      beforeMinutes: 60,
      afterMinutes: 60,
    });
  });

  it('a stored campaign comes back as the draft that made it, and an edit sends everything but the status, with the version', () => {
    const draft = filled({
      channel: 'email',
      capMax: '1',
      capDays: '3',
      triggers: [{ type: 'schedule', daysOfWeek: [1, 2], from: '07:00', to: '24:00' }],
    });
    const body = campaignCreate.parse(bodyFromDraft(draft));
    const stored: CampaignRecord = {
      ...body,
      id: 'cmp-1',
      status: 'active',
      version: 4,
      createdAt: '',
      updatedAt: '',
      owner: null,
    };
    const back = draftFromCampaign(stored);
    expect(back).toEqual({ ...draft, code: 'RAIN20', status: 'active' });
    const change = changeFromDraft(stored, { ...back, name: 'Renamed' });
    expect(change).toMatchObject({ version: 4, name: 'Renamed', startsAt: body.startsAt });
    expect(change).not.toHaveProperty('status');
  });
});

describe('checks before sending', () => {
  it('names each bad field as the server does', () => {
    const problems = checkCampaignDraft(
      filled({
        name: '  ',
        areaIds: [],
        code: 'R',
        discount: 'lots',
        end: '2026-11-01T00:00',
        timezone: 'Europe/Berlin',
        triggers: [
          {
            ...(newTrigger('weather') as Extract<
              CampaignDraft['triggers'][number],
              { type: 'weather' }
            >),
            threshold: '0',
          },
          { type: 'schedule', daysOfWeek: [], from: '07:00', to: '07:00' },
        ],
      }),
    );
    expect(problems['body.name']).toEqual({ reason: 'required' });
    // The rule as the server names it, for the form to word in the viewer's language.
    expect(problems['body.areaIds']).toMatchObject({
      reason: 'schema',
      error: { field: 'body.areaIds', code: 'too_small', origin: 'array', minimum: 1 },
    });
    expect(problems['body.offer.code']).toMatchObject({
      reason: 'schema',
      error: { code: 'invalid_format', format: 'regex' },
    });
    expect(problems['body.offer.discountPercent']).toEqual({ reason: 'number' });
    expect(problems['body.endsAt']).toMatchObject({
      reason: 'schema',
      error: { code: 'ends_before_start', message: 'must be after startsAt' },
    });
    // The range in SI, for the form to word in the workspace's units and language.
    expect(problems['body.triggers.0.threshold']).toEqual({
      reason: 'range',
      min: 0,
      max: 500,
      minExclusive: true,
      unit: 'mm/h',
    });
    expect(problems['body.triggers.1.daysOfWeek']).toBeDefined();
    expect(problems['body.triggers.1.to']).toBeDefined();
  });

  it('an unreadable threshold and a bad time zone are named too', () => {
    const problems = checkCampaignDraft(
      filled({
        timezone: 'Mars/Olympus',
        triggers: [
          {
            ...(newTrigger('weather') as Extract<
              CampaignDraft['triggers'][number],
              { type: 'weather' }
            >),
            threshold: 'x',
          },
        ],
      }),
    );
    expect(problems['body.triggers.0.threshold']).toEqual({ reason: 'number' });
    expect(problems['body.timezone']).toMatchObject({ reason: 'schema' });
  });
});

describe('an offer from an event', () => {
  it('runs over the event’s day(s) in its own time zone', () => {
    expect(
      eventDay({
        startsAt: '2026-11-28T13:00:00Z',
        endsAt: '2026-11-28T21:00:00Z',
        timezone: 'Europe/Berlin',
      }),
    ).toEqual({ start: '2026-11-28T00:00', end: '2026-11-29T00:00' });
    // 22:30Z is 23:30 in Berlin, still the 28th; an event ending at local midnight (23:00Z) ends on the day before.
    expect(
      eventDay({
        startsAt: '2026-11-28T22:30:00Z',
        endsAt: '2026-11-29T23:00:00Z',
        timezone: 'Europe/Berlin',
      }),
    ).toEqual({ start: '2026-11-28T00:00', end: '2026-11-30T00:00' });
    expect(
      eventDay({
        startsAt: '2026-11-28T10:00:00Z',
        endsAt: '2026-11-28T23:00:00Z',
        timezone: 'Europe/Berlin',
      }),
    ).toEqual({ start: '2026-11-28T00:00', end: '2026-11-29T00:00' });
  });
});
