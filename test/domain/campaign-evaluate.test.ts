import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { evaluateCampaign } from '../../server/domain/campaigns/evaluate.js';
import type {
  CampaignForEvaluation,
  EventForTrigger,
} from '../../server/domain/campaigns/types.js';
import { campaignCreate } from '../../server/domain/schemas/campaign.js';
import { areaWeatherPoint } from '../../server/domain/weather.js';
import { weatherTable } from '../helpers/weather-table.js';

const geometry: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [13.4, 52.5],
      [13.42, 52.5],
      [13.42, 52.51],
      [13.4, 52.51],
      [13.4, 52.5],
    ],
  ],
};
const area = { id: 'ar-1', geometry, weatherPoint: areaWeatherPoint(geometry) };
const monday0742 = new Date('2026-11-23T06:42:00Z'); // 07:42 in Berlin
const rain = { type: 'weather', condition: 'rain', threshold: 1 };
const weekdayMornings = {
  type: 'schedule',
  daysOfWeek: [1, 2, 3, 4, 5],
  from: '07:00',
  to: '11:00',
};

/** A campaign as the API would store it (parsed by the create schema), Rainy-day latte from PRODUCT.md by default. */
function campaign(over: Record<string, unknown> = {}): CampaignForEvaluation {
  return campaignCreate.parse({
    name: 'Rainy-day latte',
    areaIds: ['ar-1'],
    offer: { headline: '20% off when it rains', code: 'RAIN20', discountPercent: 20 },
    channel: 'sms',
    startsAt: '2026-11-01T00:00:00Z',
    endsAt: '2027-02-28T23:59:59Z',
    timezone: 'Europe/Berlin',
    status: 'active',
    triggerMode: 'all',
    triggers: [rain, weekdayMornings],
    ...over,
  });
}
const rainy = weatherTable({ '2026-11-23T06': { precipitationMmH: 2.5 } });
const dry = weatherTable({ '2026-11-23T06': { precipitationMmH: 0 } });
const evaluate = (
  c: CampaignForEvaluation,
  weatherAt = rainy,
  at = monday0742,
  events: EventForTrigger[] = [],
) => evaluateCampaign({ campaign: c, area, weatherAt, events, at });

describe('evaluateCampaign', () => {
  it('puts the rainy-day latte live on a rainy Monday morning in Berlin, with every reason', () => {
    const result = evaluate(campaign());
    expect(result.live).toBe(true);
    expect(result.reasons.map((r) => [r.type, r.holds, r.detail])).toEqual([
      ['window', true, 'campaign active, 2026-11-01T00:00:00Z – 2027-02-28T23:59:59Z'],
      ['weather', true, 'rain 2.5 mm/h ≥ 1 mm/h (simulated)'],
      ['schedule', true, 'Mon 07:42 Europe/Berlin inside Mon–Fri 07:00–11:00'],
    ]);
    expect(result.triggers.map((t) => t.index)).toEqual([0, 1]);
  });

  it('with mode all, is not live when one trigger fails, and names the failing one', () => {
    const result = evaluate(campaign(), dry);
    expect(result.live).toBe(false);
    expect(result.reasons.map((r) => [r.type, r.holds])).toEqual([
      ['window', true],
      ['weather', false],
    ]);
    expect(result.triggers.map((t) => t.holds)).toEqual([false, true]);
  });

  it('with mode any, one trigger suffices and the reasons are the triggers that hold', () => {
    const anyMode = campaign({ triggerMode: 'any' });
    const result = evaluate(anyMode, dry);
    expect(result.live).toBe(true);
    expect(result.reasons.map((r) => r.type)).toEqual(['window', 'schedule']);
    const saturday = evaluate(anyMode, weatherTable({}), new Date('2026-11-28T06:42:00Z'));
    expect(saturday.live).toBe(false);
    expect(saturday.reasons.map((r) => [r.type, 'code' in r ? r.code : null])).toEqual([
      ['window', 'in_window'],
      ['weather', 'no_weather_data'],
      ['schedule', 'outside_days'],
    ]);
  });

  it('is live throughout its window without triggers, and only then', () => {
    const always = campaign({ triggers: [] });
    expect(evaluate(always, weatherTable({}))).toEqual({
      live: true,
      reasons: [expect.objectContaining({ type: 'window', code: 'in_window' })],
      triggers: [],
    });
    expect(evaluate(always, weatherTable({}), new Date('2026-11-01T00:00:00Z')).live).toBe(true);
    expect(evaluate(always, weatherTable({}), new Date('2027-02-28T23:59:58.999Z')).live).toBe(
      true,
    );
    expect(
      evaluate(always, weatherTable({}), new Date('2027-02-28T23:59:59Z')).reasons[0],
    ).toMatchObject({ holds: false, code: 'ended' });
    expect(
      evaluate(always, weatherTable({}), new Date('2026-10-31T23:59:59.999Z')).reasons[0],
    ).toMatchObject({
      holds: false,
      code: 'not_started',
      detail: 'campaign starts 2026-11-01T00:00:00Z',
    });
  });

  it('is live only when scheduled or active, and does not evaluate triggers otherwise', () => {
    expect(evaluate(campaign({ status: 'scheduled' })).live).toBe(true);
    for (const status of ['draft', 'paused', 'ended'] as const) {
      const result = evaluate({ ...campaign(), status });
      expect(result).toEqual({
        live: false,
        reasons: [
          expect.objectContaining({
            type: 'window',
            holds: false,
            code: 'not_running',
            status,
            detail: `campaign is ${status}`,
          }),
        ],
        triggers: [],
      });
    }
    const asked = weatherTable({});
    evaluate({ ...campaign(), status: 'paused' }, asked);
    expect(asked.asked).toEqual([]);
  });

  it('combines an event trigger with the others and reads the weather at the area point', () => {
    const event: EventForTrigger = {
      id: 'ev-1',
      name: 'Christmas market',
      category: 'market',
      location: [13.41, 52.505],
      startsAt: '2026-11-23T06:00:00Z',
      endsAt: '2026-11-23T18:00:00Z',
    };
    const c = campaign({
      triggerMode: 'all',
      triggers: [rain, { type: 'event', category: 'market', withinMeters: 200 }],
    });
    const table = weatherTable({ '2026-11-23T06': { precipitationMmH: 1 } });
    const result = evaluate(c, table, monday0742, [event]);
    expect(result.live).toBe(true);
    expect(result.reasons[2]).toMatchObject({
      type: 'event',
      eventId: 'ev-1',
      observed: 0,
      detail: 'Christmas market inside the area, 07:00–19:00',
    });
    expect(table.asked).toEqual([area.weatherPoint]);
    expect(evaluate(c, table, monday0742, []).live).toBe(false);
  });

  it('notices a campaign changed in place, though campaigns are meant to be replaced', () => {
    const c = campaign({ triggers: [weekdayMornings] });
    expect(evaluate(c).live).toBe(true);
    c.status = 'paused';
    expect(evaluate(c).live).toBe(false);
    c.status = 'active';
    c.endsAt = '2026-11-23T06:00:00Z';
    expect(evaluate(c).reasons[0]).toMatchObject({ code: 'ended', endsAt: '2026-11-23T06:00:00Z' });
    c.endsAt = '2027-01-01T00:00:00Z';
    const schedule = c.triggers[0]!;
    if (schedule.type === 'schedule') schedule.from = '08:00';
    expect(evaluate(c).live).toBe(false);
  });

  it('gives the same answer when asked twice about the same instant', () => {
    const c = campaign();
    expect(evaluate(c)).toEqual(evaluate(c));
  });
});
