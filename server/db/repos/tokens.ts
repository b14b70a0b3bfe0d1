// API tokens for integrations, stored by the hash of the token. Every function takes the Db so callers choose the transaction.
import type { Statement } from 'better-sqlite3';
import type { Db } from '../connection.js';
import type { TokenScope } from '../../domain/permissions.js';
import type { Token } from '../../domain/schemas/token.js';

/** A stored token as lists show it (never the secret or its hash): the API's shape. */
export type TokenRecord = Token;

interface TokenRow extends Omit<TokenRecord, 'scopes'> {
  scopes: string;
}

const select =
  'SELECT id, name, prefix, scopes, created_by AS createdBy, created_at AS createdAt, last_used_at AS lastUsedAt, revoked_at AS revokedAt FROM api_tokens';
const toRecord = (row: TokenRow): TokenRecord => ({
  ...row,
  scopes: JSON.parse(row.scopes) as TokenScope[],
});

export function insertToken(
  db: Db,
  token: Omit<TokenRecord, 'lastUsedAt' | 'revokedAt'> & { tokenHash: string },
): void {
  db.prepare(
    'INSERT INTO api_tokens (id, name, token_hash, prefix, scopes, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(
    token.id,
    token.name,
    token.tokenHash,
    token.prefix,
    JSON.stringify(token.scopes),
    token.createdBy,
    token.createdAt,
  );
}

export function listTokens(db: Db): TokenRecord[] {
  return (db.prepare(`${select} ORDER BY created_at DESC, id`).all() as TokenRow[]).map(toRecord);
}

export function findToken(db: Db, id: string): TokenRecord | null {
  const row = db.prepare(`${select} WHERE id = ?`).get(id) as TokenRow | undefined;
  return row ? toRecord(row) : null;
}

/** The by-hash read runs on every request with a token; preparing it once per database saves most of its cost. */
const byHash = new WeakMap<Db, Statement<[string], TokenRow>>();

export function findTokenByHash(db: Db, tokenHash: string): TokenRecord | null {
  let statement = byHash.get(db);
  if (!statement)
    byHash.set(db, (statement = db.prepare<[string], TokenRow>(`${select} WHERE token_hash = ?`)));
  const row = statement.get(tokenHash);
  return row ? toRecord(row) : null;
}

export function touchToken(db: Db, id: string, at: string): void {
  db.prepare('UPDATE api_tokens SET last_used_at = ? WHERE id = ?').run(at, id);
}

export function revokeToken(db: Db, id: string, at: string): boolean {
  return (
    db
      .prepare('UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL')
      .run(at, id).changes > 0
  );
}
