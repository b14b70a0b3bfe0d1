// The weather scenario format (PRODUCT.md › Weather scenario format): default values everywhere, and cells — a bbox
// and a time window — that set some of them. Used by the `scenario` provider, what-if previews and tests.
import { z } from 'zod';

const instant = z.iso
  .datetime({ offset: true })
  .meta({ description: 'ISO 8601 date-time with Z or an offset' });

/** Plausible ranges: beyond them a value is a typo, not weather. */
const valueShapes = {
  temperatureC: z.number().min(-80).max(60).meta({ description: '°C' }),
  precipitationMmH: z.number().min(0).max(500).meta({ description: 'mm per hour' }),
  snowfallCmH: z.number().min(0).max(100).meta({ description: 'cm per hour' }),
  windKmh: z.number().min(0).max(400).meta({ description: 'km/h at 10 m' }),
  cloudCoverPct: z.number().min(0).max(100).meta({ description: '%' }),
  weatherCode: z
    .number()
    .int()
    .min(0)
    .max(99)
    .nullable()
    .meta({ description: 'WMO weather interpretation code, or null' }),
};

/** Mild and dry: what the scenario provider answers before anyone sets a scenario. */
export const DEFAULT_WEATHER_VALUES = {
  temperatureC: 12,
  precipitationMmH: 0,
  snowfallCmH: 0,
  windKmh: 10,
  cloudCoverPct: 30,
  weatherCode: null,
} as const;

export const weatherValuesPatch = z.strictObject({
  temperatureC: valueShapes.temperatureC.optional(),
  precipitationMmH: valueShapes.precipitationMmH.optional(),
  snowfallCmH: valueShapes.snowfallCmH.optional(),
  windKmh: valueShapes.windKmh.optional(),
  cloudCoverPct: valueShapes.cloudCoverPct.optional(),
  weatherCode: valueShapes.weatherCode.optional(),
});

const lng = z.number().min(-180).max(180);
const lat = z.number().min(-90).max(90);

export const weatherScenarioBbox = z
  .tuple([lng, lat, lng, lat])
  .refine(
    ([minLng, minLat, maxLng, maxLat]) => minLng < maxLng && minLat < maxLat,
    'must be [minLng, minLat, maxLng, maxLat] with min < max',
  )
  .meta({ description: '[minLng, minLat, maxLng, maxLat]; points on the edge are inside' });

export const weatherScenarioCell = z
  .strictObject({
    bbox: weatherScenarioBbox,
    from: instant.meta({ description: 'First instant the cell applies (inclusive)' }),
    to: instant.meta({ description: 'When it stops applying (exclusive); after from' }),
    set: weatherValuesPatch.refine(
      (values) => Object.keys(values).length > 0,
      'set at least one value',
    ),
  })
  .superRefine((cell, ctx) => {
    if (Date.parse(cell.to) <= Date.parse(cell.from))
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be after from' });
  });

export const weatherScenario = z
  .strictObject({
    default: weatherValuesPatch.optional().meta({
      description:
        'Values outside every cell; missing ones are mild and dry (12 °C, no rain or snow, 10 km/h, 30 % cloud)',
    }),
    cells: z
      .array(weatherScenarioCell)
      .max(1000)
      .default([])
      .meta({ description: 'Later cells override earlier ones where they overlap' }),
  })
  .meta({ id: 'WeatherScenario' });

export type WeatherValuesPatch = z.infer<typeof weatherValuesPatch>;
export type WeatherScenarioCell = z.infer<typeof weatherScenarioCell>;
export type WeatherScenario = z.infer<typeof weatherScenario>;
