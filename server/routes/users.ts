// /api/users: owners list, create, edit, deactivate and delete accounts.
import { createRoute } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.js';
import { principalOf } from '../http/auth.js';
import { createRouter, problemContent } from '../http/router.js';
import { json } from '../http/route-helpers.js';
import { listUsers, publicUser } from '../db/repos/users.js';
import { user, userCreate, userList, userPatch } from '../domain/schemas/user.js';
import { idParam } from '../domain/schemas/params.js';
import { createUser, patchUser, removeUser } from '../services/accounts/users.js';

const tags = ['Users'];

const list = createRoute({
  method: 'get',
  path: '/api/users',
  tags,
  summary: 'Every account (never a password hash)',
  responses: { 200: { description: 'The users', content: json(userList) } },
});
const create = createRoute({
  method: 'post',
  path: '/api/users',
  tags,
  summary: 'Add an account; a store manager needs at least one store',
  request: { body: { required: true, content: json(userCreate) } },
  responses: {
    201: { description: 'The new user', content: json(user) },
    409: { description: 'The email is taken', content: problemContent },
    422: { description: 'Invalid fields or unknown stores', content: problemContent },
  },
});
const patch = createRoute({
  method: 'patch',
  path: '/api/users/{id}',
  tags,
  summary: 'Edit an account; deactivating it or setting a password signs the user out everywhere',
  request: { params: idParam, body: { required: true, content: json(userPatch) } },
  responses: {
    200: { description: 'The updated user', content: json(user) },
    404: { description: 'Unknown user', content: problemContent },
    409: {
      description: 'Missing or stale version; the answer carries currentVersion',
      content: problemContent,
    },
    422: {
      description: 'Invalid fields, unknown stores, or the last active owner',
      content: problemContent,
    },
  },
});
const remove = createRoute({
  method: 'delete',
  path: '/api/users/{id}',
  tags,
  summary: 'Delete an account (its areas stay, without an owner)',
  request: { params: idParam },
  responses: {
    204: { description: 'Deleted' },
    404: { description: 'Unknown user', content: problemContent },
    422: { description: 'The last active owner', content: problemContent },
  },
});

export function userRoutes({ db, clock, config }: AppDeps) {
  return createRouter()
    .openapi(list, (c) => c.json({ users: listUsers(db).map(publicUser) }, 200))
    .openapi(create, async (c) =>
      c.json(
        publicUser(
          await createUser(db, c.req.valid('json'), principalOf(c), clock(), config.scryptCost),
        ),
        201,
      ),
    )
    .openapi(patch, async (c) =>
      c.json(
        publicUser(
          await patchUser(
            db,
            c.req.valid('param').id,
            c.req.valid('json'),
            principalOf(c),
            clock(),
            config.scryptCost,
          ),
        ),
        200,
      ),
    )
    .openapi(remove, (c) => {
      removeUser(db, c.req.valid('param').id, principalOf(c), clock());
      return c.body(null, 204);
    });
}
