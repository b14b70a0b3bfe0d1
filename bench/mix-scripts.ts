// The request mix of issue 21 as wrk Lua scripts: each route alone (for its CPU per request) and all of them in turn.
// Areas are created, then patched once created, then deleted, so the area rows stay few however long wrk runs.
import { bboxPolygon } from '@turf/turf';

export interface BenchCredentials {
  origin: string;
  cookie: string;
  bearer: string;
}

/** A square of side `d` degrees with its south-west corner at (x, y). */
const square = (x: number, y: number, d: number) => bboxPolygon([x, y, x + d, y + d]).geometry;
/** A JSON body as a Lua string literal. */
const lua = (value: unknown) => JSON.stringify(JSON.stringify(value));

// Berlin Mitte at zoom 13.
const TILE = '/api/tiles/customers/13/4401/2686.pbf';
const CUSTOMER_PAGE = '/api/customers?bbox=13.38,52.50,13.42,52.53&limit=50';
const LIVE_OFFERS = '/api/offers/live?lat=52.52&lng=13.41';

function headers({ origin, cookie, bearer }: BenchCredentials): string {
  return `
local session = { ["Cookie"] = ${JSON.stringify(cookie)}, ["Origin"] = ${JSON.stringify(origin)} }
local json = { ["Cookie"] = ${JSON.stringify(cookie)}, ["Origin"] = ${JSON.stringify(origin)}, ["Content-Type"] = "application/json" }
local till = { ["Authorization"] = ${JSON.stringify(bearer)} }
local none = {}
local created, patched, i = {}, {}, 0
`;
}

/** Lua expressions, one per single-request route, keyed by the name the table prints. */
const SINGLE: Record<string, string> = {
  bare: `wrk.format("GET", "/api/__bare", none)`,
  stores: `wrk.format("GET", "/api/stores", session)`,
  'customer page': `wrk.format("GET", "${CUSTOMER_PAGE}", session)`,
  audience: `wrk.format("POST", "/api/audience", json, ${lua({ geometry: square(13.38, 52.5, 0.03) })})`,
  'customer tile': `wrk.format("GET", "${TILE}", session)`,
  'live offers': `wrk.format("GET", "${LIVE_OFFERS}", till)`,
  'areas list': `wrk.format("GET", "/api/areas", session)`,
};
export const SINGLE_ROUTES = Object.keys(SINGLE);

const AREA_WRITES = `
local function areaWrite(k)
  if k == 1 and #created > 0 then
    return wrk.format("PATCH", "/api/areas/" .. table.remove(created), json, ${lua({ name: 'bench area, renamed', version: 1 })})
  elseif k == 2 and #patched > 0 then return wrk.format("DELETE", "/api/areas/" .. table.remove(patched), session)
  end
  return wrk.format("POST", "/api/areas", json, ${lua({ name: 'bench area', geometry: square(13.4, 52.5, 0.01) })})
end
response = function(status, headers, body)
  -- Queued on the answer, not the request: a DELETE must not overtake the PATCH of the same area.
  local id = body:match('"id":"([^"]+)"')
  if id and status == 201 then table.insert(created, id)
  elseif id and status == 200 and body:find("bench area, renamed", 1, true) then table.insert(patched, id) end
end
`;

/** One route, the same request again and again. */
export function singleRouteScript(route: string, credentials: BenchCredentials): string {
  const expression = SINGLE[route];
  if (!expression) throw new Error(`unknown route ${route}; known: ${SINGLE_ROUTES.join(', ')}`);
  return `${headers(credentials)}\nrequest = function() return ${expression} end\n`;
}

/** Area create, patch and delete in turn. */
export function areaWritesScript(credentials: BenchCredentials): string {
  return `${headers(credentials)}${AREA_WRITES}
request = function()
  i = i + 1
  return areaWrite(i % 3)
end
`;
}

/** The whole mix: stores, a customer page, an audience, a tile, live offers (×2), area create/patch/delete. */
export function mixScript(credentials: BenchCredentials): string {
  return `${headers(credentials)}${AREA_WRITES}
request = function()
  i = i + 1
  local k = i % 8
  if k == 0 then return ${SINGLE.stores}
  elseif k == 1 then return ${SINGLE['customer page']}
  elseif k == 2 then return ${SINGLE.audience}
  elseif k == 3 then return ${SINGLE['customer tile']}
  elseif k >= 5 then return areaWrite(k - 5)
  end
  return ${SINGLE['live offers']}
end
`;
}
