// Each area a caller may see, with the weather at its representative point for one hour (prefetched first).
import type { Db } from '../../db/connection.js';
import type { Principal } from '../../domain/permissions.js';
import { areaWeatherPoint, hourStart } from '../../domain/weather.js';
import type { AreaWeatherList } from '../../domain/schemas/weather.js';
import { listAreas } from '../areas/areas.js';
import type { WeatherProvider } from './provider.js';

const HOUR_MS = 3_600_000;

/** `areaId` narrows the list to one area (the details panel), so only its cell is fetched. */
export async function weatherOfAreas(
  db: Db,
  principal: Principal,
  provider: WeatherProvider,
  at: Date,
  areaId?: string,
): Promise<AreaWeatherList> {
  const hour = hourStart(at);
  const areas = listAreas(db, principal)
    .filter((area) => areaId === undefined || area.id === areaId)
    .map((area) => ({ area, point: areaWeatherPoint(area.geometry) }));
  await provider.prefetch(
    areas.map((a) => a.point),
    hour,
    new Date(hour.getTime() + HOUR_MS),
  );
  return {
    provider: provider.name,
    hour: hour.toISOString(),
    areas: areas.map(({ area, point }) => {
      const reading = provider.at(point, hour);
      const { fetchedAt, error } = provider.status(point);
      return {
        areaId: area.id,
        name: area.name,
        point,
        reading,
        freshness: reading?.freshness ?? 'unknown',
        fetchedAt,
        error,
      };
    }),
  };
}
