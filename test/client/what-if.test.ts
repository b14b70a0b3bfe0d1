// The what-if question as the API's request: local times in the viewer's zone to UTC, whole hours, one cell.
import { describe, expect, it } from 'vitest';
import { defaultWhatIf, whatIfRequest } from '../../client/features/areas/what-if';

const bbox: [number, number, number, number] = [13.3, 52.4, 13.5, 52.6];

describe('what-if request', () => {
  it('defaults to rain tomorrow from 07:00 to 11:00 in the viewer’s zone', () => {
    expect(defaultWhatIf(new Date('2026-11-23T23:30:00Z'), 'Europe/Berlin')).toEqual({ condition: 'rain', value: 2.5, day: '2026-11-25', from: '07:00', to: '11:00' });
    expect(defaultWhatIf(new Date('2026-11-23T22:30:00Z'), 'Europe/Berlin').day).toBe('2026-11-24');
  });

  it('turns local times into UTC (winter and summer time) over whole hours', () => {
    const winter = whatIfRequest({ condition: 'rain', value: 3, day: '2026-11-24', from: '07:30', to: '11:00' }, 'ar-1', bbox, 'Europe/Berlin');
    expect(winter).toEqual({
      ok: true,
      request: {
        cells: [{ bbox, from: '2026-11-24T06:30:00.000Z', to: '2026-11-24T10:00:00.000Z', set: { precipitationMmH: 3 } }],
        from: '2026-11-24T06:00:00.000Z',
        to: '2026-11-24T10:00:00.000Z',
        stepMinutes: 60,
        areaIds: ['ar-1'],
      },
    });
    const summer = whatIfRequest({ condition: 'heat', value: 33, day: '2026-07-01', from: '12:00', to: '24:00' }, 'ar-1', bbox, 'Europe/Berlin');
    expect(summer.ok && summer.request.cells[0]).toMatchObject({ from: '2026-07-01T10:00:00.000Z', to: '2026-07-01T22:00:00.000Z', set: { temperatureC: 33 } });
  });

  it('names the field that is wrong', () => {
    expect(whatIfRequest({ condition: 'rain', value: 3, day: '2026-11-24', from: '11:00', to: '07:00' }, 'a', bbox, 'UTC')).toEqual({ ok: false, field: 'to' });
    expect(whatIfRequest({ condition: 'rain', value: Number.NaN, day: '2026-11-24', from: '07:00', to: '11:00' }, 'a', bbox, 'UTC')).toEqual({ ok: false, field: 'value' });
    expect(whatIfRequest({ condition: 'rain', value: 3, day: '', from: '07:00', to: '11:00' }, 'a', bbox, 'UTC')).toEqual({ ok: false, field: 'day' });
  });
});
