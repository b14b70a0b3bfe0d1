// API tokens for integrations: created by owners with a secret shown once and stored hashed, revoked at once.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/connection.js';
import { recordAudit } from '../../db/repos/audit.js';
import { findToken, insertToken, revokeToken, type TokenRecord } from '../../db/repos/tokens.js';
import type { Principal } from '../../domain/permissions.js';
import type { TokenCreate } from '../../domain/schemas/token.js';
import { ServiceError } from '../errors.js';
import { newSecret, secretHash, TOKEN_PREFIX } from './auth.js';

/** Enough of the secret to tell tokens apart in a list (`ctk_` and four random characters), far too little to guess it. */
const SHOWN_PREFIX_LENGTH = 8;

export function createToken(
  db: Db,
  input: TokenCreate,
  actor: Principal,
  now: Date,
): { token: TokenRecord; secret: string } {
  const secret = `${TOKEN_PREFIX}${newSecret()}`;
  const id = `tk-${randomUUID()}`;
  const at = now.toISOString();
  const scopes = [...new Set(input.scopes)];
  return db.transaction(() => {
    insertToken(db, {
      id,
      name: input.name,
      prefix: secret.slice(0, SHOWN_PREFIX_LENGTH),
      scopes,
      createdBy: actor.kind === 'user' ? actor.id : null,
      createdAt: at,
      tokenHash: secretHash(secret),
    });
    recordAudit(db, {
      at,
      actorId: actor.id,
      actor: actor.label,
      action: 'token.create',
      targetType: 'token',
      targetId: id,
      detail: { scopes },
    });
    return { token: findToken(db, id)!, secret };
  })();
}

/** Revokes a token: the next request with it answers 401. Revoking a revoked token changes nothing. */
export function revokeTokenById(db: Db, id: string, actor: Principal, now: Date): void {
  const at = now.toISOString();
  db.transaction(() => {
    if (!findToken(db, id))
      throw new ServiceError('not-found', `No API token with id ${id}`, [
        { field: 'params.id', code: 'not_found', message: 'unknown token' },
      ]);
    if (revokeToken(db, id, at))
      recordAudit(db, {
        at,
        actorId: actor.id,
        actor: actor.label,
        action: 'token.revoke',
        targetType: 'token',
        targetId: id,
        detail: {},
      });
  })();
}
