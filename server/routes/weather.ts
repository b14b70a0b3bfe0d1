// /api/weather: each visible area's weather for an hour (with how fresh it is), and the weather scenario — read it,
// or replace it for demos and what-if previews (stored, so a restart keeps it).
import { createRoute } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.js';
import { createRouter, problemContent } from '../http/router.js';
import { principalOf } from '../http/auth.js';
import { recordAudit } from '../db/repos/audit.js';
import { areaWeatherList, areaWeatherQuery, currentScenario } from '../domain/schemas/weather.js';
import { weatherScenario } from '../domain/schemas/weather-scenario.js';
import { auditActor } from '../services/accounts/audit-actor.js';
import { weatherOfAreas } from '../services/weather/area-weather.js';

const tags = ['Weather'];
const json = { 'application/json': { schema: currentScenario } };

const areas = createRoute({
  method: 'get',
  path: '/api/weather/areas',
  tags,
  summary:
    'Each area you may see, its weather point and the reading for the hour of `at`, live, stale, forecast, simulated or unknown',
  request: { query: areaWeatherQuery },
  responses: {
    200: {
      description: 'Areas with their weather',
      content: { 'application/json': { schema: areaWeatherList } },
    },
    400: { description: 'Bad query', content: problemContent },
  },
});
const readScenario = createRoute({
  method: 'get',
  path: '/api/weather/scenario',
  tags,
  summary:
    'The weather scenario in force (set through the API, from CATCHMENT_WEATHER_SCENARIO, or the mild, dry default)',
  responses: { 200: { description: 'The scenario', content: json } },
});
const putScenario = createRoute({
  method: 'put',
  path: '/api/weather/scenario',
  tags,
  summary:
    'Replace the weather scenario; with CATCHMENT_WEATHER=scenario it applies at once, with open-meteo it serves what-if previews',
  request: {
    body: { required: true, content: { 'application/json': { schema: weatherScenario } } },
  },
  responses: {
    200: { description: 'The scenario now', content: json },
    422: { description: 'Invalid fields (each one named)', content: problemContent },
  },
});

export function weatherRoutes({ db, clock, weather }: AppDeps) {
  const current = () => ({ ...weather.scenarios.current(), provider: weather.provider.name });
  return createRouter()
    .openapi(areas, async (c) => {
      const { at, areaId } = c.req.valid('query');
      return c.json(
        await weatherOfAreas(
          db,
          principalOf(c),
          weather.provider,
          at ? new Date(at) : clock(),
          areaId,
        ),
        200,
      );
    })
    .openapi(readScenario, (c) => c.json(current(), 200))
    .openapi(putScenario, (c) => {
      const scenario = c.req.valid('json');
      const principal = principalOf(c);
      const now = clock();
      db.transaction(() => {
        // The audit row first: replace() switches the scenario in memory too, so it goes last.
        recordAudit(db, {
          at: now.toISOString(),
          ...auditActor(principal),
          action: 'weather.scenario',
          targetType: 'weather-scenario',
          targetId: null,
          detail: { cells: scenario.cells.length },
        });
        weather.scenarios.replace(scenario, now);
      })();
      return c.json(current(), 200);
    });
}
