import { describe, expect, it } from 'vitest';
import {
  campaignCreate,
  campaignIssues,
  campaignPatch,
  trigger,
  type CampaignCreate,
} from '../../server/domain/schemas/campaign.js';

const valid = {
  name: 'Rainy-day latte',
  areaIds: ['ar-1'],
  segment: { lapsedDays: 60 },
  offer: { headline: '20% off when it rains', body: '…', code: 'RAIN20', discountPercent: 20 },
  channel: 'sms',
  startsAt: '2026-11-01T00:00:00Z',
  endsAt: '2027-02-28T23:59:59Z',
  timezone: 'Europe/Berlin',
  status: 'active',
  triggerMode: 'all',
  triggers: [
    { type: 'weather', condition: 'rain', threshold: 1 },
    { type: 'schedule', daysOfWeek: [1, 2, 3, 4, 5], from: '07:00', to: '11:00' },
  ],
};

/** The paths of every issue, as the API names fields (`triggers.0.threshold`). */
const fieldsOf = (
  schema: {
    safeParse(v: unknown): { success: boolean; error?: { issues: { path: PropertyKey[] }[] } };
  },
  value: unknown,
) => {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error!.issues.map((i) => i.path.map(String).join('.'));
};
const createFields = (over: Record<string, unknown>) =>
  fieldsOf(campaignCreate, { ...valid, ...over });
const triggerFields = (t: unknown) => fieldsOf(trigger, t);

describe('campaign create body', () => {
  it("accepts PRODUCT.md's example campaign as it is written", () => {
    const parsed: CampaignCreate = campaignCreate.parse(valid);
    expect(parsed.triggers).toHaveLength(2);
    expect(parsed.frequencyCap).toBeNull();
    expect(parsed.holdoutPercent).toBe(0);
  });

  it('fills defaults: draft, no triggers, any mode, empty segment, no discount', () => {
    const parsed = campaignCreate.parse({
      name: 'x',
      areaIds: ['a'],
      offer: { headline: 'h', code: 'cookie' },
      channel: 'in_store',
      startsAt: valid.startsAt,
      endsAt: valid.endsAt,
      timezone: 'UTC',
    });
    expect(parsed).toMatchObject({
      status: 'draft',
      triggers: [],
      triggerMode: 'any',
      segment: {},
      offer: { body: '', code: 'COOKIE', discountPercent: null },
    });
  });

  it('names endsAt when the campaign ends at or before it starts', () => {
    expect(createFields({ endsAt: valid.startsAt })).toEqual(['endsAt']);
    expect(createFields({ endsAt: '2026-10-31T23:59:59Z' })).toEqual(['endsAt']);
    expect(
      createFields({ startsAt: '2026-11-01T01:00:00+01:00', endsAt: '2026-11-01T00:00:01Z' }),
    ).toEqual([]);
  });

  it('names the timezone when it is not an IANA zone', () => {
    expect(createFields({ timezone: 'Berlin' })).toEqual(['timezone']);
    expect(createFields({ timezone: '' })).toEqual(['timezone']);
    expect(createFields({ timezone: 'Australia/Lord_Howe' })).toEqual([]);
  });

  it('wants at least one area, each once, with a safe id', () => {
    expect(createFields({ areaIds: [] })).toEqual(['areaIds']);
    expect(createFields({ areaIds: ['a', 'b', 'a'] })).toEqual(['areaIds.2']);
    expect(createFields({ areaIds: ['../etc'] })).toEqual(['areaIds.0']);
  });

  it('takes a frequency cap only for channels that send, naming frequencyCap', () => {
    const cap = { maxPerCustomer: 2, perDays: 7 };
    for (const channel of ['email', 'sms', 'push'])
      expect(createFields({ channel, frequencyCap: cap })).toEqual([]);
    for (const channel of ['in_store', 'print'])
      expect(createFields({ channel, frequencyCap: cap })).toEqual(['frequencyCap']);
    expect(createFields({ channel: 'print', frequencyCap: null })).toEqual([]);
    expect(createFields({ frequencyCap: { maxPerCustomer: 0, perDays: 7 } })).toEqual([
      'frequencyCap.maxPerCustomer',
    ]);
  });

  it('spells the in-store channel in_store and refuses other spellings', () => {
    expect(createFields({ channel: 'in_store' })).toEqual([]);
    expect(createFields({ channel: 'in-store' })).toEqual(['channel']);
  });

  it('creates only draft, scheduled or active campaigns', () => {
    for (const status of ['draft', 'scheduled', 'active'])
      expect(createFields({ status })).toEqual([]);
    for (const status of ['paused', 'ended', 'live'])
      expect(createFields({ status })).toEqual(['status']);
  });

  it('allows at most 20 triggers and a holdout of at most 50 %', () => {
    const t = { type: 'schedule', daysOfWeek: [1], from: '07:00', to: '08:00' };
    expect(createFields({ triggers: Array(20).fill(t) })).toEqual([]);
    expect(createFields({ triggers: Array(21).fill(t) })).toEqual(['triggers']);
    expect(createFields({ holdoutPercent: 50 })).toEqual([]);
    expect(createFields({ holdoutPercent: 50.5 })).toEqual(['holdoutPercent']);
    expect(createFields({ holdoutPercent: -1 })).toEqual(['holdoutPercent']);
  });

  it('checks the offer: code shape, discount range, unknown fields', () => {
    expect(createFields({ offer: { ...valid.offer, code: 'RAIN 20' } })).toEqual(['offer.code']);
    expect(createFields({ offer: { ...valid.offer, discountPercent: 0 } })).toEqual([
      'offer.discountPercent',
    ]);
    expect(createFields({ offer: { ...valid.offer, discountPercent: 101 } })).toEqual([
      'offer.discountPercent',
    ]);
    expect(createFields({ offer: { ...valid.offer, price: 3 } })).toEqual(['offer']);
    expect(createFields({ offer: { ...valid.offer, headline: '   ' } })).toEqual([
      'offer.headline',
    ]);
  });

  it('names every bad field in one answer, cross-field ones included', () => {
    expect(
      createFields({
        timezone: 'Nowhere/City',
        endsAt: valid.startsAt,
        channel: 'print',
        frequencyCap: { maxPerCustomer: 1, perDays: 1 },
        triggers: [{ type: 'weather', condition: 'rain', threshold: -1 }],
      }).sort(),
    ).toEqual(['endsAt', 'frequencyCap', 'timezone', 'triggers.0.threshold'].sort());
  });

  it('refuses unknown fields and non-objects without throwing', () => {
    expect(createFields({ colour: 'red' })).toEqual(['']);
    for (const body of [null, 'campaign', 42, [], { areaIds: 'a', channel: 7, startsAt: 5 }])
      expect(fieldsOf(campaignCreate, body).length).toBeGreaterThan(0);
  });
});

describe('campaign patch body', () => {
  it('takes any single field plus the version', () => {
    expect(fieldsOf(campaignPatch, { name: 'New', version: 3 })).toEqual([]);
    expect(fieldsOf(campaignPatch, { status: 'paused', version: 3 })).toEqual([]);
    expect(fieldsOf(campaignPatch, { version: 0 })).toEqual(['version']);
  });
  it('checks the pairs it holds both sides of; the merged campaign is checked with campaignIssues', () => {
    expect(
      fieldsOf(campaignPatch, { startsAt: '2026-12-01T00:00:00Z', endsAt: '2026-11-01T00:00:00Z' }),
    ).toEqual(['endsAt']);
    expect(fieldsOf(campaignPatch, { endsAt: '2026-11-01T00:00:00Z' })).toEqual([]);
    const merged = {
      ...valid,
      channel: 'print' as const,
      frequencyCap: { maxPerCustomer: 1, perDays: 7 },
      endsAt: '2026-01-01T00:00:00Z',
    };
    expect(campaignIssues(merged).map((i) => i.path.join('.'))).toEqual(['endsAt', 'frequencyCap']);
  });
});

describe('weather trigger', () => {
  it.each([
    ['rain', 0, false],
    ['rain', 0.1, true],
    ['rain', 500, true],
    ['rain', 500.1, false],
    ['snow', 0, false],
    ['snow', 100, true],
    ['snow', 100.5, false],
    ['temperature_above', -60, true],
    ['temperature_above', 60, true],
    ['temperature_above', 61, false],
    ['temperature_below', -61, false],
    ['wind_above', 0, true],
    ['wind_above', 400, true],
    ['wind_above', 401, false],
    ['wind_above', -1, false],
    ['clear', 0, true],
    ['clear', 100, true],
    ['clear', 101, false],
  ] as const)('%s with threshold %d is accepted: %s', (condition, threshold, ok) => {
    expect(triggerFields({ type: 'weather', condition, threshold })).toEqual(
      ok ? [] : ['threshold'],
    );
  });
  it('needs a threshold except for clear', () => {
    expect(triggerFields({ type: 'weather', condition: 'rain' })).toEqual(['threshold']);
    expect(triggerFields({ type: 'weather', condition: 'clear' })).toEqual([]);
  });
  it('takes sustained and look-ahead hours from 1 to 72, together or apart', () => {
    const t = { type: 'weather', condition: 'rain', threshold: 1 };
    expect(triggerFields({ ...t, sustainedHours: 3, withinHours: 72 })).toEqual([]);
    expect(triggerFields({ ...t, sustainedHours: 0 })).toEqual(['sustainedHours']);
    expect(triggerFields({ ...t, withinHours: 73 })).toEqual(['withinHours']);
    expect(triggerFields({ ...t, withinHours: 1.5 })).toEqual(['withinHours']);
  });
  it('names an unknown condition or trigger type', () => {
    expect(triggerFields({ type: 'weather', condition: 'hail', threshold: 1 })).toEqual([
      'condition',
    ]);
    expect(triggerFields({ type: 'moon', phase: 'full' })).toEqual(['type']);
  });
});

describe('event trigger', () => {
  const t = { type: 'event', withinMeters: 500, beforeMinutes: 60, afterMinutes: 60 };
  it('takes an event id or a category, not both and not neither', () => {
    expect(triggerFields({ ...t, eventId: 'ev-1' })).toEqual([]);
    expect(triggerFields({ ...t, category: 'festival' })).toEqual([]);
    expect(triggerFields(t)).toEqual(['eventId']);
    expect(triggerFields({ ...t, eventId: 'ev-1', category: 'festival' })).toEqual(['category']);
  });
  it('checks distance and minute ranges', () => {
    expect(
      triggerFields({
        ...t,
        eventId: 'e',
        withinMeters: 50_000,
        beforeMinutes: 10_080,
        afterMinutes: 0,
      }),
    ).toEqual([]);
    expect(triggerFields({ ...t, eventId: 'e', withinMeters: 50_001 })).toEqual(['withinMeters']);
    expect(triggerFields({ ...t, eventId: 'e', beforeMinutes: 10_081 })).toEqual(['beforeMinutes']);
    expect(triggerFields({ ...t, eventId: 'e', afterMinutes: -1 })).toEqual(['afterMinutes']);
  });
});

describe('schedule trigger', () => {
  const t = { type: 'schedule', daysOfWeek: [1, 2, 3, 4, 5], from: '07:00', to: '11:00' };
  it('wants ISO weekdays 1–7, each once, at least one', () => {
    expect(triggerFields({ ...t, daysOfWeek: [] })).toEqual(['daysOfWeek']);
    expect(triggerFields({ ...t, daysOfWeek: [0] })).toEqual(['daysOfWeek.0']);
    expect(triggerFields({ ...t, daysOfWeek: [8] })).toEqual(['daysOfWeek.0']);
    expect(triggerFields({ ...t, daysOfWeek: [1, 3, 1] })).toEqual(['daysOfWeek.2']);
  });
  it('reads HH:MM times, allows overnight windows and 24:00 as an end, refuses an empty window', () => {
    expect(triggerFields({ ...t, from: '22:00', to: '02:00' })).toEqual([]);
    expect(triggerFields({ ...t, from: '00:00', to: '24:00' })).toEqual([]);
    expect(triggerFields({ ...t, from: '24:00', to: '02:00' })).toEqual(['from']);
    expect(triggerFields({ ...t, from: '7:00' })).toEqual(['from']);
    expect(triggerFields({ ...t, to: '11:60' })).toEqual(['to']);
    expect(triggerFields({ ...t, to: '07:00' })).toEqual(['to']);
  });
});
