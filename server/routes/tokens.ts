// /api/tokens: owners create API tokens for integrations (the secret is shown once), list and revoke them.
import { createRoute } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.js';
import { principalOf } from '../http/auth.js';
import { createRouter, problemContent } from '../http/router.js';
import { json } from '../http/route-helpers.js';
import { listTokens } from '../db/repos/tokens.js';
import { tokenCreate, tokenCreated, tokenList } from '../domain/schemas/token.js';
import { idParam } from '../domain/schemas/params.js';
import { createToken, revokeTokenById } from '../services/accounts/tokens.js';

const tags = ['API tokens'];

const list = createRoute({
  method: 'get',
  path: '/api/tokens',
  tags,
  summary: 'Every API token, revoked ones too (never the secret)',
  responses: { 200: { description: 'The tokens', content: json(tokenList) } },
});
const create = createRoute({
  method: 'post',
  path: '/api/tokens',
  tags,
  summary: 'Create an API token; its secret is in this answer only',
  request: { body: { required: true, content: json(tokenCreate) } },
  responses: {
    201: { description: 'The token and its secret', content: json(tokenCreated) },
    422: { description: 'Invalid fields', content: problemContent },
  },
});
const revoke = createRoute({
  method: 'delete',
  path: '/api/tokens/{id}',
  tags,
  summary: 'Revoke an API token: it stops working at once',
  request: { params: idParam },
  responses: {
    204: { description: 'Revoked' },
    404: { description: 'Unknown token', content: problemContent },
  },
});

export function tokenRoutes({ db, clock }: AppDeps) {
  return createRouter()
    .openapi(list, (c) => c.json({ tokens: listTokens(db) }, 200))
    .openapi(create, (c) =>
      c.json(createToken(db, c.req.valid('json'), principalOf(c), clock()), 201),
    )
    .openapi(revoke, (c) => {
      revokeTokenById(db, c.req.valid('param').id, principalOf(c), clock());
      return c.body(null, 204);
    });
}
