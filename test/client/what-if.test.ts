// The what-if question as the API's request: local times in the viewer's zone to UTC, whole hours, one cell setting
// every chosen condition, never two on one weather field.
import { describe, expect, it } from 'vitest';
import {
  addCondition,
  conditionChoices,
  defaultWhatIf,
  whatIfRequest,
  type WhatIfForm,
} from '../../client/features/areas/what-if';

const bbox: [number, number, number, number] = [13.3, 52.4, 13.5, 52.6];

describe('what-if request', () => {
  it('defaults to rain tomorrow from 07:00 to 11:00 in the viewer’s zone', () => {
    expect(defaultWhatIf(new Date('2026-11-23T23:30:00Z'), 'Europe/Berlin')).toEqual({
      conditions: [{ condition: 'rain', value: 2.5 }],
      day: '2026-11-25',
      from: '07:00',
      to: '11:00',
    });
    expect(defaultWhatIf(new Date('2026-11-23T22:30:00Z'), 'Europe/Berlin').day).toBe('2026-11-24');
  });

  it('turns local times into UTC (winter and summer time) over whole hours', () => {
    const winter = whatIfRequest(
      {
        conditions: [{ condition: 'rain', value: 3 }],
        day: '2026-11-24',
        from: '07:30',
        to: '11:00',
      },
      'ar-1',
      bbox,
      'Europe/Berlin',
    );
    expect(winter).toEqual({
      ok: true,
      request: {
        cells: [
          {
            bbox,
            from: '2026-11-24T06:30:00.000Z',
            to: '2026-11-24T10:00:00.000Z',
            set: { precipitationMmH: 3 },
          },
        ],
        from: '2026-11-24T06:00:00.000Z',
        to: '2026-11-24T10:00:00.000Z',
        stepMinutes: 60,
        areaIds: ['ar-1'],
      },
    });
    const summer = whatIfRequest(
      {
        conditions: [{ condition: 'heat', value: 33 }],
        day: '2026-07-01',
        from: '12:00',
        to: '24:00',
      },
      'ar-1',
      bbox,
      'Europe/Berlin',
    );
    expect(summer.ok && summer.request.cells[0]).toMatchObject({
      from: '2026-07-01T10:00:00.000Z',
      to: '2026-07-01T22:00:00.000Z',
      set: { temperatureC: 33 },
    });
  });

  it('names the field that is wrong', () => {
    expect(
      whatIfRequest(
        {
          conditions: [{ condition: 'rain', value: 3 }],
          day: '2026-11-24',
          from: '11:00',
          to: '07:00',
        },
        'a',
        bbox,
        'UTC',
      ),
    ).toEqual({ ok: false, field: 'to' });
    expect(
      whatIfRequest(
        {
          conditions: [{ condition: 'rain', value: Number.NaN }],
          day: '2026-11-24',
          from: '07:00',
          to: '11:00',
        },
        'a',
        bbox,
        'UTC',
      ),
    ).toEqual({ ok: false, field: 'value', row: 0 });
    expect(
      whatIfRequest(
        { conditions: [{ condition: 'rain', value: 3 }], day: '', from: '07:00', to: '11:00' },
        'a',
        bbox,
        'UTC',
      ),
    ).toEqual({ ok: false, field: 'day' });
  });

  it('sets every chosen condition in one cell, and names the row whose value is missing', () => {
    const form: WhatIfForm = {
      conditions: [
        { condition: 'rain', value: 1.5 },
        { condition: 'cold', value: 2 },
      ],
      day: '2026-11-24',
      from: '07:00',
      to: '09:00',
    };
    const built = whatIfRequest(form, 'a', bbox, 'UTC');
    expect(built.ok && built.request.cells).toEqual([
      {
        bbox,
        from: '2026-11-24T07:00:00.000Z',
        to: '2026-11-24T09:00:00.000Z',
        set: { precipitationMmH: 1.5, temperatureC: 2 },
      },
    ]);
    const missing = {
      ...form,
      conditions: [form.conditions[0]!, { condition: 'cold' as const, value: Number.NaN }],
    };
    expect(whatIfRequest(missing, 'a', bbox, 'UTC')).toEqual({ ok: false, field: 'value', row: 1 });
  });

  it('offers each weather field once: with cold chosen, heat is not offered to another row', () => {
    const conditions = [
      { condition: 'rain' as const, value: 2.5 },
      { condition: 'cold' as const, value: -5 },
    ];
    expect(conditionChoices(conditions, 0)).toEqual(['rain', 'snow', 'wind']);
    expect(conditionChoices(conditions, 1)).toEqual(['snow', 'heat', 'cold', 'wind']);
    let form: WhatIfForm = {
      conditions: [{ condition: 'rain', value: 2.5 }],
      day: '2026-11-24',
      from: '07:00',
      to: '09:00',
    };
    form = addCondition(form);
    expect(form.conditions.map((c) => [c.condition, c.value])).toEqual([
      ['rain', 2.5],
      ['snow', 1],
    ]);
    form = addCondition(addCondition(form));
    expect(form.conditions.map((c) => c.condition)).toEqual(['rain', 'snow', 'heat', 'wind']);
    expect(addCondition(form)).toBe(form); // every field is taken
  });
});
