// Triggers and activation reasons in words with their units, in English and German, and the activation timeline's
// period and bar positions.
import { describe, expect, it } from 'vitest';
import type { Reason, TriggerResult } from '../../client/api/contract';
import { layoutTimeline, timelineRange } from '../../client/features/campaigns/activation-timeline';
import {
  describeReason,
  describeTrigger,
  formatDays,
} from '../../client/features/campaigns/trigger-text';
import { createTranslator } from '../../client/i18n/translate';
import { de } from '../../client/i18n/messages/de';
import { en } from '../../client/i18n/messages/en';

const t = createTranslator('en', en);
const tDe = createTranslator('de', de);

describe('triggers in words', () => {
  it('weather triggers say the condition, the threshold with its unit, and how long / how far ahead', () => {
    expect(
      describeTrigger({ type: 'weather', condition: 'rain', threshold: 1 }, { t, locale: 'en' }),
    ).toBe('Rain ≥ 1 mm/h');
    expect(
      describeTrigger(
        { type: 'weather', condition: 'rain', threshold: 2.5, sustainedHours: 2, withinHours: 3 },
        { t, locale: 'en' },
      ),
    ).toBe('Rain ≥ 2.5 mm/h, for 2 h in a row, or expected within 3 h');
    expect(
      describeTrigger(
        { type: 'weather', condition: 'temperature_below', threshold: -2 },
        { t, locale: 'en' },
      ),
    ).toBe('Temperature ≤ -2°C');
    expect(
      describeTrigger(
        { type: 'weather', condition: 'wind_above', threshold: 40 },
        { t, locale: 'en' },
      ),
    ).toBe('Wind ≥ 40 km/h');
    expect(describeTrigger({ type: 'weather', condition: 'clear' }, { t, locale: 'en' })).toBe(
      'Cloud cover ≤ 20%',
    );
    expect(
      describeTrigger(
        { type: 'weather', condition: 'rain', threshold: 2.5 },
        { t: tDe, locale: 'de' },
      ),
    ).toBe('Regen ≥ 2,5 mm/h');
  });

  it('event triggers name the event (or its category), the distance and the time around it', () => {
    const eventName = (id: string) => (id === 'ev-1' ? 'Street festival' : undefined);
    expect(
      describeTrigger(
        { type: 'event', eventId: 'ev-1', withinMeters: 500, beforeMinutes: 60, afterMinutes: 30 },
        { t, locale: 'en', eventName },
      ),
    ).toBe('Street festival within 500 m, from 60 min before to 30 min after');
    expect(
      describeTrigger(
        {
          type: 'event',
          category: 'market',
          withinMeters: 1500,
          beforeMinutes: 0,
          afterMinutes: 0,
        },
        { t, locale: 'en' },
      ),
    ).toBe('any Market event within 1.5 km, from 0 min before to 0 min after');
    expect(
      describeTrigger(
        { type: 'event', eventId: 'ev-1', withinMeters: 500, beforeMinutes: 60, afterMinutes: 30 },
        { t, locale: 'en', eventName, units: { distance: 'imperial', temperature: 'celsius' } },
      ),
    ).toBe('Street festival within 0.31 mi, from 60 min before to 30 min after');
  });

  it('schedules read as runs of weekdays and a local time window', () => {
    expect(
      describeTrigger(
        { type: 'schedule', daysOfWeek: [1, 2, 3, 4, 5], from: '07:00', to: '11:00' },
        { t, locale: 'en' },
      ),
    ).toBe('Mon–Fri 07:00–11:00');
    expect(formatDays([7, 1, 2, 6], 'en')).toBe('Mon, Tue, Sat, Sun');
    expect(formatDays([1, 3, 4, 5, 7], 'en')).toBe('Mon, Wed–Fri, Sun');
    expect(formatDays([6, 7], 'de')).toBe('Sa, So');
  });
});

describe('reasons in words', () => {
  it('a weather reason compares the observed value with the threshold, in the unit', () => {
    const reason = {
      type: 'weather',
      holds: true,
      condition: 'rain',
      observed: 2.5,
      threshold: 1,
      unit: 'mm/h',
      detail: 'rain 2.5 mm/h ≥ 1 mm/h',
    } as TriggerResult;
    expect(describeReason(reason, { t, locale: 'en' })).toBe('Rain 2.5 mm/h ≥ 1 mm/h');
    expect(describeReason(reason, { t: tDe, locale: 'de' })).toBe('Regen 2,5 mm/h ≥ 1 mm/h');
    expect(describeReason({ ...reason, holds: false, observed: 0.2 }, { t, locale: 'en' })).toBe(
      'Rain 0.2 mm/h < 1 mm/h',
    );
  });

  it('an event reason gives the distance; anything unknown falls back to the server’s detail', () => {
    expect(
      describeReason(
        {
          type: 'event',
          holds: true,
          observed: 320,
          threshold: 500,
          unit: 'm',
          eventName: 'Street festival',
        } as Reason,
        { t, locale: 'en' },
      ),
    ).toBe('Street festival 320 m away (within 500 m)');
    expect(
      describeReason({ type: 'mystery', detail: 'something new' } as unknown as Reason, {
        t,
        locale: 'en',
      }),
    ).toBe('something new');
  });
});

describe('activation timeline', () => {
  const hour = (h: number) => new Date(Date.UTC(2026, 10, 23, h)).toISOString();
  const activation = (id: string, areaId: string, from: number, to: number | null) => ({
    id,
    areaId,
    startedAt: hour(from),
    endedAt: to === null ? null : hour(to),
    reasons: [],
  });

  it('shows a short window whole and a long one’s last 7 days up to now', () => {
    expect(timelineRange({ startsAt: hour(0), endsAt: hour(24) }, new Date(hour(12)))).toEqual({
      from: Date.parse(hour(0)),
      to: Date.parse(hour(24)),
      earlier: false,
      later: false,
    });
    const long = timelineRange(
      { startsAt: '2026-11-01T00:00:00Z', endsAt: '2027-02-28T00:00:00Z' },
      new Date(hour(12)),
    );
    expect(long).toEqual({
      from: Date.parse(hour(12)) - 7 * 86_400_000,
      to: Date.parse(hour(12)),
      earlier: true,
      later: false,
    });
  });

  it('pages a long window back a week at a time, down to its first week and no further', () => {
    const WEEK = 7 * 86_400_000;
    const window = { startsAt: '2026-11-01T00:00:00Z', endsAt: '2027-02-28T00:00:00Z' };
    const now = new Date('2026-11-23T12:00:00Z');
    expect(timelineRange(window, now, 1)).toEqual({
      from: now.getTime() - 2 * WEEK,
      to: now.getTime() - WEEK,
      earlier: true,
      later: true,
    });
    // 22.5 days in: the third week back would start before the window, so it is the first week instead.
    const first = {
      from: Date.parse(window.startsAt),
      to: Date.parse(window.startsAt) + WEEK,
      earlier: false,
      later: true,
    };
    expect(timelineRange(window, now, 3)).toEqual(first);
    expect(timelineRange(window, now, 9)).toEqual(first);
    // Started three days ago: one page only.
    expect(timelineRange(window, new Date('2026-11-04T00:00:00Z'), 2)).toEqual({
      from: Date.parse(window.startsAt),
      to: Date.parse('2026-11-04T00:00:00Z'),
      earlier: false,
      later: false,
    });
  });

  it('places each interval in percent of the period, per area, clipped; an open one runs to now', () => {
    const range = { from: Date.parse(hour(0)), to: Date.parse(hour(24)) };
    const rows = layoutTimeline(
      [
        activation('b', 'ar-2', 18, null),
        activation('a', 'ar-1', 6, 12),
        activation('c', 'ar-1', 22, 30),
        activation('old', 'ar-1', -5, -1),
      ],
      ['ar-1', 'ar-2', 'ar-3'],
      range,
      new Date(hour(21)),
    );
    expect(rows.map((r) => r.areaId)).toEqual(['ar-1', 'ar-2', 'ar-3']);
    expect(rows[0]!.bars.map((b) => [b.activation.id, b.left, Number(b.width.toFixed(3))])).toEqual(
      [
        ['a', 25, 25],
        ['c', (22 / 24) * 100, Number(((2 / 24) * 100).toFixed(3))],
      ],
    );
    expect(rows[1]!.bars).toMatchObject([{ left: 75, width: 12.5, open: true }]);
    expect(rows[2]!.bars).toEqual([]);
  });
});
