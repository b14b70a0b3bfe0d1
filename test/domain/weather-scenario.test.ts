// The weather scenario format: defaults, cells by place and time (bbox edges inside, from inclusive, to exclusive),
// later cells winning where they overlap, and validation that names each bad field.
import { describe, expect, it } from 'vitest';
import { overlayWeather, scenarioWeather } from '../../server/domain/weather-scenario.js';
import { hourStart, type WeatherAt } from '../../server/domain/weather.js';
import {
  weatherScenario,
  DEFAULT_WEATHER_VALUES,
  type WeatherScenario,
} from '../../server/domain/schemas/weather-scenario.js';

const kreuzberg: [number, number] = [13.4, 52.5];
const at = (iso: string) => new Date(iso);
const parse = (input: unknown) => weatherScenario.parse(input);

const rainy: WeatherScenario = parse({
  default: {
    temperatureC: 12,
    precipitationMmH: 0,
    snowfallCmH: 0,
    windKmh: 10,
    cloudCoverPct: 30,
  },
  cells: [
    {
      bbox: [13.3, 52.48, 13.45, 52.56],
      from: '2026-11-23T06:00:00Z',
      to: '2026-11-23T12:00:00Z',
      set: { precipitationMmH: 2.5 },
    },
  ],
});

describe('weather from a scenario', () => {
  it('is mild and dry everywhere, simulated, when nothing is set', () => {
    const reading = scenarioWeather(parse({}))(kreuzberg, at('2026-11-23T09:17:00Z'));
    expect(reading).toEqual({
      hour: '2026-11-23T09:00:00.000Z',
      ...DEFAULT_WEATHER_VALUES,
      freshness: 'simulated',
    });
    expect(reading).toMatchObject({ precipitationMmH: 0, snowfallCmH: 0, temperatureC: 12 });
  });

  it('fills values missing from default with the mild, dry ones', () => {
    const reading = scenarioWeather(parse({ default: { temperatureC: -3 } }))(
      kreuzberg,
      at('2026-01-10T00:00:00Z'),
    )!;
    expect(reading).toMatchObject({
      temperatureC: -3,
      precipitationMmH: 0,
      windKmh: 10,
      cloudCoverPct: 30,
    });
  });

  it('rains inside the cell during its window and stays dry outside it', () => {
    const weather = scenarioWeather(rainy);
    expect(weather(kreuzberg, at('2026-11-23T07:00:00Z'))?.precipitationMmH).toBe(2.5);
    expect(weather([13.2, 52.5], at('2026-11-23T07:00:00Z'))?.precipitationMmH).toBe(0); // west of the cell
    expect(weather([13.4, 52.6], at('2026-11-23T07:00:00Z'))?.precipitationMmH).toBe(0); // north of it
    expect(weather(kreuzberg, at('2026-11-23T07:00:00Z'))?.temperatureC).toBe(12); // set only changes what it names
  });

  it('counts from as inclusive and to as exclusive', () => {
    const weather = scenarioWeather(rainy);
    expect(weather(kreuzberg, at('2026-11-23T05:59:59Z'))?.precipitationMmH).toBe(0);
    expect(weather(kreuzberg, at('2026-11-23T06:00:00Z'))?.precipitationMmH).toBe(2.5);
    expect(weather(kreuzberg, at('2026-11-23T11:59:59Z'))?.precipitationMmH).toBe(2.5);
    expect(weather(kreuzberg, at('2026-11-23T12:00:00Z'))?.precipitationMmH).toBe(0);
  });

  it('reads an hour as wet when the cell covers any part of it', () => {
    const weather = scenarioWeather(
      parse({
        cells: [
          {
            bbox: [13, 52, 14, 53],
            from: '2026-11-23T06:30:00Z',
            to: '2026-11-23T07:15:00Z',
            set: { snowfallCmH: 1 },
          },
        ],
      }),
    );
    expect(weather(kreuzberg, at('2026-11-23T05:00:00Z'))?.snowfallCmH).toBe(0);
    expect(weather(kreuzberg, at('2026-11-23T06:00:00Z'))?.snowfallCmH).toBe(1);
    expect(weather(kreuzberg, at('2026-11-23T07:00:00Z'))?.snowfallCmH).toBe(1);
    expect(weather(kreuzberg, at('2026-11-23T08:00:00Z'))?.snowfallCmH).toBe(0);
  });

  it('takes points on the bbox edges and corners as inside', () => {
    const weather = scenarioWeather(rainy);
    const hour = at('2026-11-23T08:00:00Z');
    for (const point of [
      [13.3, 52.5],
      [13.45, 52.5],
      [13.4, 52.48],
      [13.4, 52.56],
      [13.3, 52.48],
      [13.45, 52.56],
    ] as [number, number][]) {
      expect(weather(point, hour)?.precipitationMmH, JSON.stringify(point)).toBe(2.5);
    }
    expect(weather([13.4500001, 52.5], hour)?.precipitationMmH).toBe(0);
  });

  it('lets later cells override earlier ones where they overlap, value by value', () => {
    const weather = scenarioWeather(
      parse({
        cells: [
          {
            bbox: [13.0, 52.0, 14.0, 53.0],
            from: '2026-11-23T00:00:00Z',
            to: '2026-11-24T00:00:00Z',
            set: { precipitationMmH: 1, windKmh: 40 },
          },
          {
            bbox: [13.35, 52.45, 13.45, 52.55],
            from: '2026-11-23T08:00:00Z',
            to: '2026-11-23T10:00:00Z',
            set: { precipitationMmH: 6 },
          },
          {
            bbox: [13.38, 52.48, 13.42, 52.52],
            from: '2026-11-23T09:00:00Z',
            to: '2026-11-23T10:00:00Z',
            set: { precipitationMmH: 0, cloudCoverPct: 5 },
          },
        ],
      }),
    );
    expect(weather(kreuzberg, at('2026-11-23T07:00:00Z'))).toMatchObject({
      precipitationMmH: 1,
      windKmh: 40,
      cloudCoverPct: 30,
    });
    expect(weather(kreuzberg, at('2026-11-23T08:00:00Z'))).toMatchObject({
      precipitationMmH: 6,
      windKmh: 40,
    });
    expect(weather(kreuzberg, at('2026-11-23T09:00:00Z'))).toMatchObject({
      precipitationMmH: 0,
      windKmh: 40,
      cloudCoverPct: 5,
    });
    expect(weather([13.36, 52.46], at('2026-11-23T09:00:00Z'))).toMatchObject({
      precipitationMmH: 6,
      cloudCoverPct: 30,
    });
    expect(weather([13.1, 52.1], at('2026-11-23T09:00:00Z'))).toMatchObject({
      precipitationMmH: 1,
    });
  });

  it('reads cells with offsets in their times at the same instants', () => {
    const weather = scenarioWeather(
      parse({
        cells: [
          {
            bbox: [13, 52, 14, 53],
            from: '2026-11-23T07:00:00+01:00',
            to: '2026-11-23T08:00:00+01:00',
            set: { temperatureC: -5 },
          },
        ],
      }),
    );
    expect(weather(kreuzberg, at('2026-11-23T06:00:00Z'))?.temperatureC).toBe(-5);
    expect(weather(kreuzberg, at('2026-11-23T07:00:00Z'))?.temperatureC).toBe(12);
  });
});

describe('validating a scenario', () => {
  const fields = (input: unknown) => {
    const result = weatherScenario.safeParse(input);
    return result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
  };
  const cell = {
    bbox: [13.3, 52.48, 13.45, 52.56],
    from: '2026-11-23T06:00:00Z',
    to: '2026-11-23T12:00:00Z',
    set: { precipitationMmH: 2.5 },
  };

  it('accepts the PRODUCT.md example', () => {
    expect(fields(rainy)).toEqual([]);
  });

  it.each([
    ['swapped corners', { ...cell, bbox: [13.45, 52.56, 13.3, 52.48] }, 'cells.0.bbox'],
    ['out-of-range longitude', { ...cell, bbox: [179, 52.48, 190, 52.56] }, 'cells.0.bbox.2'],
    ['out-of-range latitude', { ...cell, bbox: [13.3, 95, 13.45, 96] }, 'cells.0.bbox.1'],
    ['three numbers', { ...cell, bbox: [13.3, 52.48, 13.45] }, 'cells.0.bbox'],
    ['to before from', { ...cell, to: '2026-11-23T05:00:00Z' }, 'cells.0.to'],
    ['to equal to from', { ...cell, to: cell.from }, 'cells.0.to'],
    ['a date without time', { ...cell, from: '2026-11-23' }, 'cells.0.from'],
    ['negative rain', { ...cell, set: { precipitationMmH: -1 } }, 'cells.0.set.precipitationMmH'],
    ['cloud over 100 %', { ...cell, set: { cloudCoverPct: 120 } }, 'cells.0.set.cloudCoverPct'],
    ['a string for a number', { ...cell, set: { windKmh: '30' } }, 'cells.0.set.windKmh'],
    ['an unknown value', { ...cell, set: { rain: 2 } }, 'cells.0.set'],
    ['an empty set', { ...cell, set: {} }, 'cells.0.set'],
    ['a missing bbox', { from: cell.from, to: cell.to, set: cell.set }, 'cells.0.bbox'],
  ])('names the field for %s', (_name, bad, field) => {
    expect(fields({ cells: [cell, bad] }).map((f) => f.replace(/^cells\.1/, 'cells.0'))).toContain(
      field,
    );
  });

  it('names bad default values and unknown top-level fields', () => {
    expect(fields({ default: { temperatureC: 100 } })).toEqual(['default.temperatureC']);
    expect(fields({ cells: [], weather: 'sunny' })).toEqual(['']);
  });
});

describe('overlayWeather (what-if over real weather)', () => {
  const real: WeatherAt = ([lng], at) =>
    lng < 13
      ? null
      : {
          hour: hourStart(at).toISOString(),
          temperatureC: 4,
          precipitationMmH: 0,
          snowfallCmH: 0,
          windKmh: 20,
          cloudCoverPct: 90,
          weatherCode: 3,
          freshness: 'live',
        };
  const cells = [
    {
      bbox: [13.3, 52.4, 13.5, 52.6] as [number, number, number, number],
      from: '2026-11-25T06:00:00Z',
      to: '2026-11-25T10:00:00Z',
      set: { precipitationMmH: 3 },
    },
  ];
  const at = overlayWeather(real, cells);

  it('inside a cell and its hours: the real values with the cell’s laid over, simulated', () => {
    expect(at([13.4, 52.5], new Date('2026-11-25T07:30:00Z'))).toEqual({
      hour: '2026-11-25T07:00:00.000Z',
      temperatureC: 4,
      precipitationMmH: 3,
      snowfallCmH: 0,
      windKmh: 20,
      cloudCoverPct: 90,
      weatherCode: 3,
      freshness: 'simulated',
    });
  });

  it('outside the cell or its hours: the real reading unchanged (or nothing, when nothing is known)', () => {
    expect(at([13.4, 52.5], new Date('2026-11-25T10:00:00Z'))?.freshness).toBe('live');
    expect(at([13.6, 52.5], new Date('2026-11-25T07:00:00Z'))?.precipitationMmH).toBe(0);
    expect(overlayWeather(real, cells)([12.9, 52.5], new Date('2026-11-25T07:00:00Z'))).toBeNull();
  });

  it('where nothing real is known, the cell’s values go over the defaults', () => {
    const west = overlayWeather(real, [{ ...cells[0]!, bbox: [12.5, 52.4, 12.95, 52.6] }]);
    expect(west([12.9, 52.5], new Date('2026-11-25T07:00:00Z'))).toMatchObject({
      precipitationMmH: 3,
      temperatureC: 12,
      freshness: 'simulated',
    });
  });
});
