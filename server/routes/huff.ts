// /api/huff: the Huff model fitted to where customers live and which store they chose, one store's probability
// surface, and "what if we open here?".
import { createRoute } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.js';
import { principalOf } from '../http/auth.js';
import { createRouter, problemContent } from '../http/router.js';
import { json } from '../http/route-helpers.js';
import { idParam } from '../domain/schemas/params.js';
import {
  huffModel as huffModelSchema,
  huffQuery,
  huffSurface as huffSurfaceSchema,
  huffWhatIf as huffWhatIfSchema,
  huffWhatIfBody,
} from '../domain/schemas/huff.js';
import { huffModel, huffSurface, huffWhatIf } from '../services/huff/huff.js';

const tags = ['Market share'];
const invalid = { 400: { description: 'A bad value (named)', content: problemContent } };
const engineDown = {
  502: { description: 'The routing engine answered something unusable', content: problemContent },
  503: { description: 'The routing engine is not reachable', content: problemContent },
  504: { description: 'The routing engine did not answer in time', content: problemContent },
};

const model = createRoute({
  method: 'get',
  path: '/api/huff',
  tags,
  summary: 'The Huff model fitted by maximum likelihood to the home stores customers chose',
  description:
    'P(store j | hexagon i) = A_j^α d_ij^−λ / Σ_k A_k^α d_ik^−λ over H3 hexagons, with A the store attractiveness and d the straight-line km, or the minutes by car from the routing engine’s matrix when CATCHMENT_ROUTING names one (`measure` says which). ' +
    "λ and α are fitted to the customers' home stores; the answer gives the fit (log-likelihood, McFadden's pseudo-R²) and expected against actual share per store.",
  request: { query: huffQuery },
  responses: {
    200: { description: 'The fitted model', content: json(huffModelSchema) },
    ...invalid,
    ...engineDown,
  },
});

const surface = createRoute({
  method: 'get',
  path: '/api/huff/stores/{id}/surface',
  tags,
  summary:
    "One store's probability surface: the hexagons where it is chosen with probability ≥ 0.5 %",
  request: { params: idParam, query: huffQuery },
  responses: {
    200: { description: 'Hexagons with their probability', content: json(huffSurfaceSchema) },
    404: { description: 'No such store', content: problemContent },
    ...invalid,
    ...engineDown,
  },
});

const whatIf = createRoute({
  method: 'post',
  path: '/api/huff/what-if',
  tags,
  summary: 'What if we open here: the share a new store would take, and from which stores',
  request: { body: { required: true, content: json(huffWhatIfBody) } },
  responses: {
    200: {
      description: 'The predicted share and cannibalisation',
      content: json(huffWhatIfSchema),
    },
    422: { description: 'An invalid field (named)', content: problemContent },
    ...engineDown,
  },
});

export function huffRoutes({ db, customerIndex, hexagons, huffTravel }: AppDeps) {
  const sources = { hexagons, travel: huffTravel };
  return createRouter()
    .openapi(model, async (c) =>
      c.json(
        await huffModel(
          db,
          customerIndex,
          c.req.valid('query').resolution,
          principalOf(c),
          sources,
        ),
        200,
      ),
    )
    .openapi(surface, async (c) =>
      c.json(
        await huffSurface(
          db,
          customerIndex,
          c.req.valid('param').id,
          c.req.valid('query').resolution,
          sources,
        ),
        200,
      ),
    )
    .openapi(whatIf, async (c) =>
      c.json(
        await huffWhatIf(db, customerIndex, c.req.valid('json'), principalOf(c), sources),
        200,
      ),
    );
}
